// The example labels and small helpers the label tests share.
import { readFileSync } from "node:fs";
import type { DeviceLabel } from "./label.js";
import { parseLabel } from "./parse-label.js";

/** The four example labels of `examples/labels/`, as plain JSON. */
export const examples = ["ultrasound-wifi", "ultrasound-usbc", "infusion-pump-full", "table-1"].map(
  (name) =>
    JSON.parse(readFileSync(new URL(`../../../examples/labels/${name}.label.json`, import.meta.url), "utf8")) as Record<
      string,
      unknown
    >,
);

/** A document parsed as a label; throws when it is not one, since tests only pass valid fixtures. */
export function labelOf(doc: unknown): DeviceLabel {
  const r = parseLabel(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

/** A copy of `doc` with the value at a dotted path replaced. */
export function setPath(doc: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(doc);
  const keys = path.split(".");
  let at = copy as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
  at[keys[keys.length - 1] as string] = value;
  return copy;
}
