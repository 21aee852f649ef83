// What the fuzz and hostile-input tests share: hostile values, mutations of valid documents, and
// `answered`, which calls an entry point and checks that it answered properly.
import { fc } from "@fast-check/vitest";
import { expect } from "vitest";

/** Whether this is the full fuzz run (`pnpm fuzz`) rather than the short one of the test suite. */
export const full = process.env.FUZZ === "full";
/** The runs of a property: `n` in the full run, a five-hundredth (at least 20) in the test suite. */
export const runs = (n: number): number => (full ? n : Math.max(20, Math.round(n / 500)));

// The example documents, read once by the determinism entries and shared here.
export { flows as flowsDoc, har as harDoc, hospital as hospitalDoc, labels as labelDocs } from "./entries.mjs";

/** Calls per target, summed over the run; the full run reports them. */
export const calls = new Map<string, number>();
/** The slowest call per target (ms), reported, never asserted. */
export const slowest = new Map<string, number>();

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort().join(",");
const cleanPrototype = prototypeKeys();

/**
 * Freezes a value and everything in it, so that an entry point that mutates its input throws.
 * Proxies whose traps throw, and getters, are left as they are: freezing them would read them.
 */
export function deepFreeze<T>(value: T): T {
  // Iterative: hostile inputs nest 10,000 levels deep.
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    try {
      if (v !== null && typeof v === "object" && !Object.isFrozen(v)) {
        Object.freeze(v);
        for (const key of Reflect.ownKeys(v)) {
          const d = Object.getOwnPropertyDescriptor(v, key);
          if (d !== undefined && "value" in d) stack.push(d.value);
        }
      }
    } catch {
      // A Proxy whose traps throw: nothing of it can be frozen or read.
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
  call++;
  calls.set(target, (calls.get(target) ?? 0) + 1);
  const start = performance.now();
  let result: T;
  try {
    result = fn();
  } catch (error) {
    throw new Error(`${target} threw: ${(error as Error)?.stack ?? String(error)}`);
  }
  checkAnswer(target, result, performance.now() - start);
  return result;
}

/** {@link answered} for an asynchronous function: its answer is awaited, and a rejection fails. */
export async function answeredAsync<T>(target: string, fn: () => Promise<T>): Promise<T> {
  call++;
  calls.set(target, (calls.get(target) ?? 0) + 1);
  const start = performance.now();
  let result: T;
  try {
    result = await fn();
  } catch (error) {
    throw new Error(`${target} threw: ${(error as Error)?.stack ?? String(error)}`);
  }
  checkAnswer(target, result, performance.now() - start);
  return result;
}

/** What {@link answered} checks of an answer: located issues, and Object.prototype untouched. */
function checkAnswer(target: string, result: unknown, ms: number): void {
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
}

/** An object with the given entries as own properties, `__proto__` included (as JSON.parse makes them). */
const objectOf = (entries: [string, unknown][]) => {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries)
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
};

/** Every name that every object inherits: `toString`, `valueOf`, `hasOwnProperty`, `__defineGetter__`, ... */
const inheritedNames = Object.getOwnPropertyNames(Object.prototype);

const keys = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom(...inheritedNames) },
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
    // Line terminators and what a terminal obeys: CR alone, NEL, the Unicode separators, CSI,
    // OSC, C1 CSI, bidirectional overrides.
    "a\rb",
    "a\u0085b\u2028c\u2029d",
    "\u001b[2J\u001b]0;title\u0007",
    "\u009b31m\u202eevil\u2066",
    // Inherited names as values: a metric, a fact, a component, a host.
    ...inheritedNames,
    // Times: a leap second, lowercase t and z, an impossible date-time, a word.
    "2016-12-31T23:59:60Z",
    "2026-11-28t00:00:00z",
    "2026-02-30T00:00:00Z",
    "yesterday",
    "javascript:alert(1)",
    // URLs a QR code cannot hold: long, and longer once percent-encoded.
    `https://labels.example/${"a".repeat(1990)}`,
    `https://labels.example/${"ü".repeat(700)}`,
    `https://labels.example/${"😀".repeat(300)}`,
    "https://labels.example/a?query#fragment",
    // Numbers at the edges of lifetimes and temperatures.
    5e-324,
    -273.1499999999,
    1e308,
  ),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.double(),
  fc.integer(),
);

const boom = () => {
  throw new Error("boom");
};

/**
 * A Proxy whose trap throws on every question about a string key (and `ownKeys` and
 * `getPrototypeOf` on every question): symbol keys are answered, so that fast-check itself can
 * still look at the value (it asks whether a value has its clone method).
 */
function trapping(target: object, trap: string): object {
  return new Proxy(named(target, `<a Proxy whose ${trap} trap throws>`), {
    [trap]: (...args: unknown[]) => {
      const key = args[1];
      if (typeof key === "symbol")
        return (Reflect as unknown as Record<string, (...a: unknown[]) => unknown>)[trap]?.(...args);
      return boom();
    },
  });
}

/** Counts the calls {@link answered} makes, so that a flipping value can tell one call from the next. */
let call = 0;

/**
 * A value that reads as `first` the first time in each call of an entry point, then as `later`
 * until the next call: what one call checked must be what it uses.
 */
export function flipping(first: unknown, later: unknown = "<flipped>"): { readonly value: unknown } {
  let readIn = -1;
  return {
    get value() {
      if (readIn === call) return later;
      readIn = call;
      return first;
    },
  };
}

/**
 * JavaScript values that are not plain data, or that cannot be read as such: objects of every
 * other kind, arrays with holes (one at index 2^32 - 2), getters and Proxy traps that throw, an
 * object that contains itself, and a structure that is small in memory but has 2^40 values when
 * its shared parts are written out.
 */
export const exotic: fc.Arbitrary<unknown> = fc.oneof(
  fc
    .constantFrom<() => unknown>(
      () => new Map([["__proto__", { polluted: true }]]),
      () => new Set([1]),
      () => new Date(0),
      () => /x/u,
      () => new Uint8Array(2),
      () => new (class Device {})(),
      () => Object.create({ polluted: true }),
      () => new String("s"),
      () => Promise.resolve(1),
      () => () => 1,
      () => 1n,
      () => Symbol("s"),
    )
    .map((make) => make()),
  fc.nat(5).map((extra) => {
    const a: unknown[] = [1, 2, 3];
    a.length = 4 + extra;
    return a;
  }),
  fc.constant(null).map(() => {
    const a: unknown[] = [];
    a[2 ** 32 - 2] = 1;
    return a;
  }),
  fc
    .constantFrom("ownKeys", "get", "getPrototypeOf", "getOwnPropertyDescriptor", "has")
    .map((trap) => trapping({ a: 1 }, trap)),
  fc.constantFrom("ownKeys", "get").map((trap) => trapping([1, 2], trap)),
  fc
    .string({ maxLength: 8 })
    .map((key) =>
      named(
        Object.defineProperty({}, key, { enumerable: true, get: boom }),
        `<a getter of ${JSON.stringify(key)} that throws>`,
      ),
    ),
  fc.constant(null).map(() => {
    const o: Record<string, unknown> = { a: 1 };
    o.self = o;
    return o;
  }),
  fc.constant(null).map(() => {
    let shared: unknown = { a: 1 };
    for (let i = 0; i < 40; i++) shared = [shared, shared];
    return named(shared as object, "<[x, x] nested 40 deep: 2^40 values written out>");
  }),
);

/** Gives a value the text fast-check shows for it in a counterexample, instead of walking it. */
function named<T extends object>(value: T, text: string): T {
  Object.defineProperty(value, fc.toStringMethod, { value: () => text });
  return value;
}

/** Any JSON-like value with hostile keys and values, up to a few levels deep: what a file can hold. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    nasty,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.array(fc.tuple(keys, tie("value")), { maxLength: 5 }).map(objectOf),
  ),
})).value;

/** Any JSON-like value with hostile keys and values, up to a few levels deep, and now and then an exotic one. */
export const hostile: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 4, arbitrary: nasty },
    { weight: 1, arbitrary: exotic },
    { weight: 4, arbitrary: fc.array(tie("value"), { maxLength: 4 }) },
    { weight: 4, arbitrary: fc.array(fc.tuple(keys, tie("value")), { maxLength: 5 }).map(objectOf) },
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

/**
 * A change to one place of a document: a value of `values` (hostile ones by default) there, the
 * key deleted, a hostile key beside it, or the value made a getter that reads as itself once and as `"<flipped>"` after
 * (see {@link answeredOnce}); `ops` limits the kinds of change (a test that reads its input
 * twice on purpose leaves out `flip`).
 */
export function mutation(
  doc: unknown,
  values: fc.Arbitrary<unknown> = hostile,
  ops: readonly ("replace" | "delete" | "add" | "flip")[] = ["replace", "delete", "add", "flip"],
): fc.Arbitrary<unknown> {
  const paths = pathsOf(doc);
  if (paths.length === 0) return values;
  return fc.tuple(fc.constantFrom(...paths), fc.constantFrom(...ops), values, keys).map(([path, op, value, key]) => {
    const copy = structuredClone(doc);
    let at = copy as Record<string | number, unknown>;
    for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
    const last = path[path.length - 1] as string | number;
    if (op === "delete" && !Array.isArray(at)) delete at[last];
    else if (op === "add" && !Array.isArray(at))
      Object.defineProperty(at, key, { value, enumerable: true, writable: true, configurable: true });
    else if (op === "flip") {
      const read = flipping(at[last]);
      Object.defineProperty(at, last, { get: () => read.value, enumerable: true, configurable: true });
    } else at[last] = value;
    return copy;
  });
}

/**
 * {@link answered}, and a value read once: a successful answer never holds what a getter answered
 * on a second read (`"<flipped>"`, see {@link mutation}).
 */
export function answeredOnce<T>(target: string, fn: () => T): T {
  const result = answered(target, fn);
  // Reading the result below is a call of its own: a value it still holds by reference reads anew.
  call++;
  if (result !== null && typeof result === "object" && "ok" in result && result.ok === true) {
    let text = "";
    try {
      text = JSON.stringify((result as unknown as { value: unknown }).value) ?? "";
    } catch {
      // A value that does not serialise (a monitor) holds no document text to check.
    }
    expect(text.includes("<flipped>"), `${target} used a value read twice`).toBe(false);
  }
  return result;
}
