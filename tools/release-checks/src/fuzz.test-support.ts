// What the fuzz and hostile-input tests share: hostile values, mutations of valid documents, and
// `answered`, which calls an entry point and checks that it answered properly.
import { fc } from "@fast-check/vitest";
import { expect } from "vitest";

/** Whether this is the full fuzz run (`pnpm fuzz`) rather than the short one of the test suite. */
export const full = process.env.FUZZ === "full";
/** The runs of a property: `n` in the full run, a five-hundredth (at least 20) in the test suite. */
export const runs = (n: number): number => (full ? n : Math.max(20, Math.round(n / 500)));

// The example documents, read once by the determinism entries and shared here.
export { har as harDoc, hospital as hospitalDoc, labels as labelDocs } from "./entries.mjs";

/** Calls per target, summed over the run; the full run reports them. */
export const calls = new Map<string, number>();
/** The slowest call per target (ms), reported, never asserted. */
export const slowest = new Map<string, number>();

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort().join(",");
const cleanPrototype = prototypeKeys();

/** Freezes a value and everything in it, so that an entry point that mutates its input throws. */
export function deepFreeze<T>(value: T): T {
  // Iterative: hostile inputs nest 10,000 levels deep.
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v !== null && typeof v === "object" && !Object.isFrozen(v)) {
      Object.freeze(v);
      for (const key of Reflect.ownKeys(v)) stack.push((v as Record<PropertyKey, unknown>)[key]);
    }
  }
  return value;
}

/**
 * Calls `fn` as a consumer would and checks the answer: no exception, a `Result` whose failure
 * has issues with a path, a code and a message, an input left as it was (inputs are frozen),
 * and `Object.prototype` untouched.
 */
export function answered<T>(target: string, fn: () => T): T {
  calls.set(target, (calls.get(target) ?? 0) + 1);
  const start = performance.now();
  let result: T;
  try {
    result = fn();
  } catch (error) {
    throw new Error(`${target} threw: ${(error as Error)?.stack ?? String(error)}`);
  }
  const ms = performance.now() - start;
  if (ms > (slowest.get(target) ?? 0)) slowest.set(target, ms);
  if (result !== null && typeof result === "object" && "ok" in result && result.ok === false) {
    const issues = (result as unknown as { issues: { path: unknown; code: unknown; message: unknown }[] }).issues;
    expect(issues.length, target).toBeGreaterThan(0);
    for (const i of issues) {
      expect(Array.isArray(i.path), target).toBe(true);
      expect(typeof i.code, target).toBe("string");
      expect(typeof i.message, target).toBe("string");
    }
  }
  expect(prototypeKeys(), `${target} polluted Object.prototype`).toBe(cleanPrototype);
  expect(({} as Record<string, unknown>).polluted, target).toBeUndefined();
  return result;
}

/** An object with the given entries as own properties, `__proto__` included (as JSON.parse makes them). */
const objectOf = (entries: [string, unknown][]) => {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries)
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
};

const keys = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "__proto__",
      "constructor",
      "prototype",
      "schemaVersion",
      "id",
      "asOf",
      "answers",
      "facts",
      "log",
      "entries",
      "request",
      "url",
      "metrics",
      "value",
      "unit",
      "lifecycle",
      "runtime",
      "identity",
      "endpoints",
      "host",
    ),
  },
);

/** Values that break careless code: NaN, infinities, -0, impossible dates, lone surrogates, BOMs. */
export const nasty = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    2 ** 53,
    -1,
    "2023-02-29",
    "2026-13-01",
    "0000-00-00",
    "9999-12-31",
    "2024-02-29T25:00:00Z",
    "\uD800",
    "\uDFFFa",
    "\uFEFF{}",
    "\uFEFF",
    "",
    " ",
    "not-disclosed",
    "not-applicable",
    "https://",
    "1",
    null,
    true,
    1,
  ),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.double(),
  fc.integer(),
);

/** Any JSON-like value with hostile keys and values, up to a few levels deep. */
export const hostile: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    nasty,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.array(fc.tuple(keys, tie("value")), { maxLength: 5 }).map(objectOf),
  ),
})).value;

/** Every path to a value inside a document, objects and arrays alike. */
export function pathsOf(
  doc: unknown,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  if (doc !== null && typeof doc === "object") {
    for (const [k, v] of Object.entries(doc)) {
      const path = [...prefix, Array.isArray(doc) ? Number(k) : k];
      out.push(path);
      pathsOf(v, path, out);
    }
  }
  return out;
}

/** A change to one place of a document: a hostile value there, the key deleted, or a hostile key beside it. */
export function mutation(doc: Record<string, unknown>): fc.Arbitrary<unknown> {
  const paths = pathsOf(doc);
  return fc
    .tuple(fc.constantFrom(...paths), fc.constantFrom("replace", "delete", "add"), hostile, keys)
    .map(([path, op, value, key]) => {
      const copy = structuredClone(doc);
      let at = copy as Record<string | number, unknown>;
      for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
      const last = path[path.length - 1] as string | number;
      if (op === "delete" && !Array.isArray(at)) delete at[last];
      else if (op === "add" && !Array.isArray(at))
        Object.defineProperty(at, key, { value, enumerable: true, writable: true, configurable: true });
      else at[last] = value;
      return copy;
    });
}
