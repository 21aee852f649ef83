import * as z from "zod/mini";

/**
 * Where a label field is shown, after the CMU IoT label's layers and what hospitals ask in
 * procurement: `box` (the printed label on the packaging or device), `qr` (the details behind
 * the QR code), `procurement` (the full record for buyers and auditors).
 *
 * @since 0.1.0
 */
export type Layer = "box" | "qr" | "procurement";

/**
 * The registry that tags each label field with its layer. `labelJsonSchema()` writes the tag
 * as the annotation `x-miotsec-layer`.
 *
 * @example
 * ```ts
 * import { layerRegistry } from "@miotsec/label";
 * typeof layerRegistry.get; // "function"
 * ```
 * @since 0.1.0
 */
export const layerRegistry = z.registry<{ "x-miotsec-layer": Layer }>();

/** Tags a field schema (a fresh instance per field) with its layer. */
export function onLayer<S extends z.ZodMiniType>(schema: S, layer: Layer): S {
  layerRegistry.add(schema, { "x-miotsec-layer": layer });
  return schema;
}
