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

/**
 * The same text as `json({ ...head, [key]: list })`, in pieces: the head, then one piece per
 * element of the list. For documents too large to be one string (a summary of 500,000 devices).
 */
export function* jsonPieces(head: Record<string, unknown>, key: string, list: Iterable<unknown>): Generator<string> {
  const whole = json({ ...head, [key]: [] });
  // The empty list is the last value of the object: `"key": []` before the closing brace.
  const at = whole.lastIndexOf("[]");
  let first = true;
  for (const item of list) {
    yield first ? `${whole.slice(0, at)}[\n` : ",\n";
    first = false;
    yield escapeForTerminal(JSON.stringify(item, null, 2), "json").replace(/^/gmu, "    ");
  }
  yield first ? whole : `\n  ${whole.slice(at + 1)}`;
}
