// The example labels and small helpers the render tests share.
import { readFileSync } from "node:fs";
import jsQRModule from "jsqr";

/**
 * The example labels of `examples/labels/`: the two §VI scanners first, then the infusion pump,
 * then Table I's example.
 */
export const examples = ["ultrasound-wifi", "ultrasound-usbc", "infusion-pump-full", "table-1"].map(
  (name) =>
    JSON.parse(readFileSync(new URL(`../../../examples/labels/${name}.label.json`, import.meta.url), "utf8")) as Record<
      string,
      unknown
    >,
);

/** The value of a result that tests expect to succeed. */
export function unwrap<T>(r: { ok: true; value: T } | { ok: false }): T {
  if (!r.ok) throw new Error("render failed");
  return r.value;
}

// jsqr is CommonJS with an ESM-style default in its types; under NodeNext the function is the module.
/** jsqr's decoder. */
export const jsQR = jsQRModule as unknown as typeof jsQRModule.default;

/** Table I's example label. */
export const tableOne = examples[3] as Record<string, unknown>;
