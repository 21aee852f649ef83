import { ok, parseWith, type Result } from "@miotsec/core";
import * as z from "zod/mini";

/** The options of `assess` and `assessLevels`, as read: the policy is resolved by the scorer. */
const assessOptionsSchema = z.strictObject({ policy: z.optional(z.unknown()) });
/** The options of `assessMany`. */
const assessManyOptionsSchema = z.strictObject({
  policy: z.optional(z.unknown()),
  detail: z.optional(z.enum(["report", "levels"])),
});

const none = ok({});

/**
 * The options of `assess` or `assessLevels`, read once into a plain copy: unknown options
 * (a misspelt `polcy`) and options that are not an object are issues.
 */
export function readAssessOptions(options: unknown): Result<{ readonly policy?: unknown }> {
  return options === undefined ? none : parseWith(assessOptionsSchema, options);
}

/** The options of `assessMany` and `assessManyAsync`, read once into a plain copy. */
export function readAssessManyOptions(
  options: unknown,
): Result<{ readonly policy?: unknown; readonly detail?: "report" | "levels" | undefined }> {
  return options === undefined ? none : parseWith(assessManyOptionsSchema, options);
}
