import * as z from "zod/mini";
import type { PathSegment } from "./issue.js";
import { parseWith } from "./parse.js";
import { ok, type Result } from "./result.js";

/**
 * A function that fills a partial settings object (a policy, say) with defaults and checks it:
 * `undefined` gives the defaults themselves; an object is parsed against the schema with every
 * field optional (unknown keys, wrong values and hostile values are issues with their path
 * under `path`), and the fields it gives replace the defaults'; a field given as `undefined`
 * keeps its default. The result is frozen. Made once
 * per schema, so that the schema with optional fields is built once.
 *
 * @example
 * ```ts
 * import * as z from "zod/mini";
 * import { defaultsResolver } from "@miotsec/core/internal";
 * const resolve = defaultsResolver(z.strictObject({ days: z.int() }), { days: 121 });
 * resolve({ days: 90 }, ["policy"]); // { ok: true, value: { days: 90 } }
 * resolve({ dayz: 90 }, ["policy"]); // { ok: false, issues: [{ path: ["policy", "dayz"], code: "unknown-key", ... }] }
 * ```
 * @since 0.2.0
 */
export function defaultsResolver<T extends object>(
  schema: z.ZodMiniObject,
  defaults: T,
): (input: unknown, path?: readonly PathSegment[]) => Result<Readonly<T>> {
  const partial = z.partial(schema);
  const frozen = Object.freeze({ ...defaults });
  const fallback = ok(frozen);
  return (input, path = []) => {
    if (input === undefined) return fallback;
    const given = parseWith(partial, input, { path });
    if (!given.ok) return given;
    // A field given as undefined keeps its default, as an absent one does.
    const set = Object.entries(given.value as object).filter(([, value]) => value !== undefined);
    return ok(Object.freeze({ ...frozen, ...Object.fromEntries(set) }) as Readonly<T>);
  };
}
