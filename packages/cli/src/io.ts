import { randomBytes } from "node:crypto";
import { readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import type { Issue } from "@miotsec/core";

import { UsageError } from "./errors.js";

export { UsageError };

/** The largest file read whole; larger sample files are streamed by `compare`. */
export const maxFileBytes = 64 * 2 ** 20;

/** Fails with a {@link UsageError} unless `file` is a non-empty regular file; returns its size. */
export function fileSize(file: string): number {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new UsageError(`${file}: is a directory, not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${file}: ${code === "EACCES" ? "permission denied" : "no such file"}`);
  }
  if (size === 0) throw new UsageError(`${file}: the file is empty`);
  return size;
}

/** The text of a file without a byte-order mark, or a {@link UsageError} that names the file and what is wrong with it. */
export function readText(file: string): string {
  if (fileSize(file) > maxFileBytes) throw new UsageError(`${file}: larger than 64 MiB`);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  text = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (text.trim() === "") throw new UsageError(`${file}: the file is empty`);
  return text;
}

/** Whether a file name says YAML (`.yaml`, `.yml`). */
export const isYamlFile = (file: string): boolean => /^\.ya?ml$/i.test(extname(file));

/**
 * A file's document: YAML for `.yaml`/`.yml` (YAML 1.2 core schema, no aliases, unique keys),
 * JSON otherwise; or a {@link UsageError} with the file and where it breaks.
 */
export async function readDocument(file: string): Promise<unknown> {
  const text = readText(file);
  if (isYamlFile(file)) {
    const { parse } = await import("yaml");
    try {
      // Aliases are refused: a few lines of them can expand to gigabytes ("billion laughs").
      return parse(text, { maxAliasCount: 0, uniqueKeys: true, prettyErrors: false, merge: false });
    } catch (error) {
      const first = ((error as Error).message ?? "").split("\n")[0];
      throw new UsageError(`${file}: not valid YAML (${first})`);
    }
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: not valid JSON (${(error as Error).message})`);
  }
}

/** The first issue of a failed parse as one line: file, JSON path, message, and how many more there are. */
export async function issueLine(file: string, issues: readonly Issue[], more = "more"): Promise<string> {
  // Loaded here, not at start-up: only a failed parse needs it, and the parser has loaded it.
  const { formatPath } = await import("@miotsec/core");
  const [first] = issues;
  const path = formatPath(first?.path ?? []);
  const rest = issues.length > 1 ? ` (and ${issues.length - 1} ${more})` : "";
  return `${file}: ${path}: ${first?.message ?? "invalid"}${rest}`;
}

/**
 * Writes a file atomically: to a temporary file beside it, then renamed over it, so a reader
 * never sees half a file and a failed write leaves the old file as it was.
 */
export function writeAtomic(file: string, content: string): void {
  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    writeFileSync(temporary, content, { flag: "wx" });
    renameSync(temporary, file);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was written.
    }
    throw new UsageError(`${file}: cannot write (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
}
