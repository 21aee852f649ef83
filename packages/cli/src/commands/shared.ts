import type { DeviceLabel } from "@miotsec/label";
import { issueLine, readDocument, UsageError } from "../io.js";
import { escapeForTerminal } from "../terminal.js";

/** Reads and checks a label document, or fails with one line naming the file and the JSON path. */
export async function readLabel(file: string): Promise<DeviceLabel> {
  const doc = await readDocument(file);
  const { parseLabel } = await import("@miotsec/label");
  const label = parseLabel(doc);
  if (!label.ok) throw new UsageError(await issueLine(file, label.issues));
  return label.value;
}

/**
 * Pretty JSON with a final newline, as every `--json` prints; characters a terminal would obey
 * are written as `\uXXXX` escapes, which JSON reads as the same characters.
 */
export const json = (value: unknown): string => `${escapeForTerminal(JSON.stringify(value, null, 2), "json")}\n`;
