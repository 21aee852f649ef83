// Files in and out. Opening reads a file the user chose (or dropped) as JSON or YAML, the way
// the command reads them: YAML 1.2's core schema, unique keys, no aliases. Saving hands the
// browser a Blob to download; nothing is sent anywhere.
import { parse } from "yaml";
import { t } from "./messages.js";

/** The largest file the studio reads, in bytes: larger documents are not labels or assessments. */
export const maxFileBytes = 10 * 1024 * 1024;

/** A file's name and its document, or one line saying why it could not be read. */
export type Opened =
  | { readonly ok: true; readonly name: string; readonly document: unknown }
  | { readonly ok: false; readonly message: string };

/** Reads a JSON or YAML document from the text of a file named `name`. */
export function readDocument(name: string, text: string): Opened {
  try {
    const yaml = /\.ya?ml$/i.test(name) || !/^\s*[[{]/.test(text);
    const document = yaml
      ? parse(text, { schema: "core", uniqueKeys: true, maxAliasCount: 0, prettyErrors: false })
      : JSON.parse(text);
    return { ok: true, name, document };
  } catch (error) {
    const reason = String((error as Error)?.message ?? error).split("\n")[0] ?? "";
    return { ok: false, message: t("file.notJsonOrYaml", { file: name, reason }) };
  }
}

/** Reads a File the user chose. */
export async function openFile(file: File): Promise<Opened> {
  if (file.size > maxFileBytes)
    return { ok: false, message: t("file.tooLarge", { file: file.name, limit: maxFileBytes / 1024 / 1024 }) };
  return readDocument(file.name, await file.text());
}

/** Offers `text` as a download named `name`. */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
