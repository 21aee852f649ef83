import { type core, safeParse } from "zod/mini";
import { type InputLimits, inspectInput } from "./guard.js";
import { issue } from "./issue.js";
import { fail, ok, type Result } from "./result.js";
import { fromZodIssues } from "./zod-issues.js";

/**
 * Parses outside input with a zod schema the miotsec way: first {@link inspectInput}
 * (forbidden keys, depth), then the schema, then zod's issues turned into miotsec issues.
 * Never throws for any input and never mutates it; an input whose getters throw is
 * answered with an `unreadable-input` issue.
 *
 * @example
 * ```ts
 * import * as z from "zod/mini";
 * import { parseWith } from "@miotsec/core";
 * const point = z.strictObject({ x: z.number() });
 * parseWith(point, { x: 1 }); // { ok: true, value: { x: 1 } }
 * parseWith(point, { x: 1, y: 2 }); // { ok: false, issues: [{ path: ["y"], code: "unknown-key", ... }] }
 * ```
 * @since 0.1.0
 */
export function parseWith<S extends core.$ZodType>(
  schema: S,
  input: unknown,
  limits: InputLimits = {},
): Result<core.output<S>> {
  try {
    const guarded = inspectInput(input, limits);
    if (guarded.length > 0) return fail(guarded);
    const parsed = safeParse(schema, input);
    if (parsed.success) return ok(parsed.data);
    // Parse again, on the failure path only, with the offending inputs attached to the issues:
    // the messages name what was found ("got NaN"). Attaching them always costs 30 times more.
    const explained = safeParse(schema, input, { reportInput: true });
    return fail(fromZodIssues((explained.error ?? parsed.error).issues));
  } catch {
    return fail([issue("unreadable-input", "The input could not be read as plain data (a getter or proxy threw).")]);
  }
}
