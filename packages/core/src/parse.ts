import { compile, config, type core, safeParse } from "zod/mini";
import { type InputLimits, readPlain } from "./guard.js";
import { argumentIssue, issue, type PathSegment, readPath } from "./issue.js";
import { fail, ok, type Result } from "./result.js";
import { fromZodIssues, noOwnMessage } from "./zod-issues.js";

/**
 * Options of {@link parseWith}: the guard's limits, and the path of the parsed value inside a
 * larger document, so that issues (paths and messages) point into that document.
 *
 * @since 0.1.0
 */
export interface ParseOptions extends InputLimits {
  /** Where the parsed value sits in its document; issues' paths start with it. Default `[]`. */
  readonly path?: readonly PathSegment[];
}

// Each schema's compiled clone (zod's ahead-of-time fast path, `z.compile`), made on the
// schema's first parse and kept for as long as the schema lives. The clone gives the same
// results and the same issues, five to eight times faster on the documents miotsec parses. Where
// `new Function` is not allowed (a Content Security Policy without `unsafe-eval`), where zod's
// `jitless` option is set (`z.config({ jitless: true })`, which also spares a strict CSP the
// attempt), or where a schema holds something the compiler cannot model, the schema itself is
// used and parsing runs on zod's ordinary parser (`compile` catches the refused `new Function`
// and hands the schema back, and the WeakMap then remembers the schema itself).
const compiled = new WeakMap<core.$ZodType, core.$ZodType>();

function fastPath<S extends core.$ZodType>(schema: S): S {
  if (config().jitless) return schema;
  let fast = compiled.get(schema);
  if (fast === undefined) {
    fast = compile(schema);
    compiled.set(schema, fast);
  }
  return fast as S;
}

/**
 * Parses outside input with a zod schema the miotsec way: first {@link readPlain} reads it
 * into a plain copy, once (forbidden keys, values that are not plain data, holes, depth,
 * cycles and size are issues there), then the schema checks the copy, then zod's issues are
 * turned into miotsec issues. Never throws for any argument and never mutates one: a schema
 * that is not a zod schema and options that are not options are `invalid-argument` issues; an
 * input whose getters or Proxy traps throw is answered with an `unreadable-input` issue, and one
 * whose getters change their answer is judged and returned as it was read the one time.
 *
 * The schema runs on zod's compiled fast path (`z.compile`), built on the schema's first parse
 * and kept while the schema lives; the answers are those of zod's ordinary parser, which runs
 * instead where `new Function` is refused or `z.config({ jitless: true })` is set. Make a
 * schema once (a module constant) and pass that: a schema made anew for every call is
 * compiled anew every time, which costs far more than it saves.
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
  options: ParseOptions = {},
): Result<core.output<S>> {
  try {
    if (schema === null || typeof schema !== "object" || !("_zod" in schema))
      return fail([argumentIssue("parseWith", "the schema must be a zod schema")]);
    const limits = readOptions(options);
    if (!limits.ok) return limits;
    const at = limits.value.path;
    const plain = readPlain(input, limits.value, at);
    if (!plain.ok) return plain;
    const parsed = safeParse(fastPath(schema), plain.value);
    if (parsed.success) return ok(parsed.data);
    // Parse again, on the failure path only, with the offending inputs attached to the issues:
    // the messages name what was found ("got NaN"). Attaching them always costs 30 times more.
    const explained = safeParse(schema, plain.value, { reportInput: true, error: () => noOwnMessage });
    return fail(fromZodIssues((explained.error ?? parsed.error).issues, at));
  } catch {
    return fail([issue("unreadable-input", "The input could not be read as plain data (a getter or proxy threw).")]);
  }
}

// The options as a plain copy, each read once: a path, and limits that are whole numbers of at
// least 1 where given.
function readOptions(options: unknown): Result<InputLimits & { readonly path: readonly PathSegment[] }> {
  const misuse = (what: string) => fail([argumentIssue("parseWith", what)]);
  if (options === undefined) return ok({ path: [] });
  if (options === null || typeof options !== "object") return misuse("the options must be an object");
  let read: Record<string, unknown>;
  try {
    const { path, maxDepth, maxItems, maxValues } = options as Record<string, unknown>;
    read = { path, maxDepth, maxItems, maxValues };
  } catch {
    return misuse("the options could not be read (a getter or proxy threw)");
  }
  const path = read.path === undefined ? [] : readPath(read.path);
  if (path === undefined) return misuse("options.path must be a list of keys and whole indexes");
  const limits: Record<string, number> = {};
  for (const name of ["maxDepth", "maxItems", "maxValues"]) {
    const value = read[name];
    if (value === undefined) continue;
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1)
      return misuse(`options.${name} must be a whole number of at least 1`);
    limits[name] = value;
  }
  return ok({ ...limits, path });
}
