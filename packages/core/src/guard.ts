import { type Issue, issue, type PathSegment, pathText } from "./issue.js";
import { fail, ok, type Result } from "./result.js";

/**
 * Keys that are never accepted anywhere in an input, because assigning them can change an
 * object's prototype (`__proto__`) or shadow what every object inherits.
 *
 * @example
 * ```ts
 * import { forbiddenKeys } from "@miotsec/core/internal";
 * forbiddenKeys.has("__proto__"); // true
 * ```
 * @since 0.1.0
 */
export const forbiddenKeys: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Limits for {@link readPlain} (and so for every parser).
 *
 * @since 0.1.0
 */
export interface InputLimits {
  /** Deepest nesting of arrays and objects accepted; the root is depth 0. Default 64. */
  readonly maxDepth?: number;
  /** Most elements of one array, and most keys of one object. Default 1,000,000. */
  readonly maxItems?: number;
  /**
   * Most values in the whole input, counted as if every shared object were written out where
   * it is referenced (as a parser will walk it). Default 16,000,000.
   */
  readonly maxValues?: number;
}

/**
 * The nesting depth {@link readPlain} accepts unless told otherwise. No miotsec document
 * nests half as deep; the bound only exists to answer hostile input quickly.
 *
 * @example
 * ```ts
 * import { defaultMaxDepth } from "@miotsec/core/internal";
 * defaultMaxDepth; // 64
 * ```
 * @since 0.1.0
 */
export const defaultMaxDepth = 64;

/**
 * The most elements of an array (and keys of an object) {@link readPlain} accepts unless told
 * otherwise: the largest list any miotsec schema allows (a million observed connections).
 *
 * @example
 * ```ts
 * import { defaultMaxItems } from "@miotsec/core/internal";
 * defaultMaxItems; // 1000000
 * ```
 * @since 0.1.0
 */
export const defaultMaxItems = 1_000_000;

/**
 * The most values {@link readPlain} accepts in one input unless told otherwise, shared objects
 * counted once per reference. A 64 MiB JSON file holds at most about 16 million values
 * (`[0,0,…]`); only shared references (objects built in memory, YAML aliases) reach more.
 *
 * @example
 * ```ts
 * import { defaultMaxValues } from "@miotsec/core/internal";
 * defaultMaxValues; // 16000000
 * ```
 * @since 0.1.0
 */
export const defaultMaxValues = 16_000_000;

/**
 * Whether a value is a plain object: made by an object literal, `JSON.parse` or
 * `Object.create(null)`, in this realm or another. Arrays, `Map`s, `Date`s, regular
 * expressions and class instances are not, and neither is a Proxy whose traps throw.
 *
 * @example
 * ```ts
 * import { isPlainObject } from "@miotsec/core";
 * isPlainObject({ a: 1 }); // true
 * isPlainObject(new Map()); // false
 * ```
 * @since 0.1.0
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  try {
    return plainObject(value);
  } catch {
    // A Proxy whose traps throw (or a revoked one): what it is cannot be known, so not plain data.
    return false;
  }
}

/**
 * {@link isPlainObject}, letting a Proxy trap's exception through: `readPlain` answers that
 * with `unreadable-input` at the value's path, which says more than "not plain data".
 */
function plainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) return true;
  // Another realm's Object.prototype (an iframe, a vm context): a root object, and the value
  // is tagged as a plain object.
  return Object.getPrototypeOf(proto) === null && Object.prototype.toString.call(value) === "[object Object]";
}

/**
 * A value's kind in words, for messages: `null`, `NaN`, `a string`, `an array`, `a Map`,
 * `an instance of Device`. Never quotes the value itself, so a message stays short and safe
 * whatever it describes; never throws (a value whose prototype cannot be read is `an object`).
 *
 * @example
 * ```ts
 * import { describeValue } from "@miotsec/core";
 * describeValue(Number.NaN); // "NaN"
 * describeValue(new Map()); // "a Map"
 * ```
 * @since 0.1.0
 */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "number":
      if (Number.isNaN(value)) return "NaN";
      if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
      return "a number";
    case "object":
      break;
    case "undefined":
      return "undefined";
    case "bigint":
      return "a bigint";
    case "function":
      return "a function";
    case "symbol":
      return "a symbol";
    default:
      return `a ${typeof value}`;
  }
  try {
    if (Array.isArray(value)) return "an array";
    if (isPlainObject(value)) return "an object";
    const tag = Object.prototype.toString.call(value).slice(8, -1);
    if (tag !== "Object") return `a ${tag}`;
    const name: unknown = Object.getPrototypeOf(value)?.constructor?.name;
    if (name === "Object") return "an object that inherits from another object";
    if (name === "Object") return "an object that inherits from another object";
    return typeof name === "string" && /^[A-Za-z_$][\w$]{0,40}$/.test(name) ? `an instance of ${name}` : "an object";
  } catch {
    return "an object";
  }
}

/** Thrown inside the walk to stop it at once; never leaves {@link readPlain}. */
class Stop {
  constructor(readonly issue: Issue) {}
}

/** Marks an object whose copy is being made: meeting it again is a cycle. */
const inProgress = Symbol("in progress");
/** Marks an object that was refused (its issue is recorded where it was first met). */
const refused = Symbol("refused");

/**
 * How many values a copy stands for when every shared object is written out where it is
 * referenced, and how deep it nests: what a parser walking it will meet.
 */
function shapeOf(value: unknown, shapes: Map<object, readonly [number, number]>): readonly [number, number] {
  if (value === null || typeof value !== "object") return [1, 0];
  let shape = shapes.get(value);
  if (shape === undefined) {
    let size = 1;
    let height = 0;
    for (const v of Object.values(value)) {
      const [s, h] = shapeOf(v, shapes);
      size += s;
      if (h + 1 > height) height = h + 1;
    }
    shape = [size, height];
    shapes.set(value, shape);
  }
  return shape;
}

/**
 * Reads an input into a plain copy, once: every property is read exactly one time, so a getter
 * or a Proxy cannot show one value to a check and another to the code after it. What the copy
 * cannot hold is an issue with the path where it was found:
 *
 * - keys that could change a prototype (`__proto__`, `constructor`, `prototype`): `forbidden-key`;
 * - values that are not plain data (a `Map`, a `RegExp`, a `Date`, a class instance): `not-plain-data`;
 * - arrays with holes (`sparse-array`), arrays or objects with more than `maxItems` entries
 *   (`too-big`; the length is checked before any element is read);
 * - nesting deeper than `maxDepth` (`too-deep`), an object that contains itself (`circular-reference`);
 * - more than `maxValues` values when shared objects are counted at every reference (`too-big`);
 * - a getter or Proxy trap that throws (`unreadable-input`).
 *
 * Each object is read once, however many references lead to it, and its copy is shared the same
 * way. Strings, numbers and other leaves are copied as they are; what they must look like is the
 * schema's business. `at` is the input's path inside a larger document; issues' paths and
 * messages start there.
 *
 * @example
 * ```ts
 * import { readPlain } from "@miotsec/core/internal";
 * readPlain({ a: [1, 2] }); // { ok: true, value: { a: [1, 2] } }
 * readPlain({ a: new Map() }); // { ok: false, issues: [{ path: ["a"], code: "not-plain-data", ... }] }
 * ```
 * @since 0.2.0
 */
export function readPlain(input: unknown, limits: InputLimits = {}, at: readonly PathSegment[] = []): Result<unknown> {
  if (input === null || typeof input !== "object") return ok(input);
  const maxDepth = limits.maxDepth ?? defaultMaxDepth;
  const maxItems = limits.maxItems ?? defaultMaxItems;
  const maxValues = limits.maxValues ?? defaultMaxValues;
  const issues: Issue[] = [];
  const path: PathSegment[] = [...at];
  // Each object met so far: its copy, `refused`, or `inProgress` while its own values are read.
  const copies = new Map<object, unknown>();
  // Written-out sizes and depths of shared copies, made when the first shared object is met.
  let shapes: Map<object, readonly [number, number]> | undefined;
  let values = 0;

  const problem = (code: string, message: string) => issues.push(issue(code, message, [...path]));
  const count = (n: number) => {
    values += n;
    if (values > maxValues)
      throw new Stop(
        issue(
          "too-big",
          `The input holds more than ${maxValues} values when its shared parts are counted at every reference (at ${pathText(path)}).`,
          [...path],
        ),
      );
  };

  // The copy of a value; undefined for what is refused (with an issue recorded).
  const visit = (value: unknown, depth: number): unknown => {
    if (value === null || typeof value !== "object") {
      count(1);
      return value;
    }
    const seen = copies.get(value);
    if (seen === inProgress) {
      problem("circular-reference", `The input refers back to itself at ${pathText(path)}; plain data cannot.`);
      return undefined;
    }
    if (seen === refused) return undefined;
    if (seen !== undefined) {
      // A shared object: read once, and counted here as a parser will meet it, at its size and
      // depth, so that sharing can neither hide a huge value nor nest one too deep.
      shapes ??= new Map();
      const [size, height] = shapeOf(seen, shapes);
      if (depth + height > maxDepth) {
        problem("too-deep", `Input nests deeper than ${maxDepth} levels at ${pathText(path)}.`);
        return undefined;
      }
      count(size);
      return seen;
    }
    if (depth > maxDepth) {
      problem("too-deep", `Input nests deeper than ${maxDepth} levels at ${pathText(path)}.`);
      return undefined;
    }
    count(1);
    copies.set(value, inProgress);
    let copy: unknown;
    if (Array.isArray(value)) copy = visitArray(value, depth);
    else if (plainObject(value)) copy = visitObject(value, depth);
    else
      problem(
        "not-plain-data",
        `${pathText(path)} is ${describeValue(value)}, not plain data (an object, array, string, number, boolean or null).`,
      );
    copies.set(value, copy === undefined ? refused : copy);
    return copy;
  };

  const visitArray = (value: readonly unknown[], depth: number): unknown[] | undefined => {
    const length = value.length;
    if (length > maxItems) {
      problem("too-big", `${pathText(path)} has ${length} items; at most ${maxItems} are read.`);
      return undefined;
    }
    const copy: unknown[] = new Array(length);
    for (let i = 0; i < length; i++) {
      path.push(i);
      const item = value[i];
      // A hole reads as undefined; only then is it worth asking which of the two it is.
      if (item === undefined && !Object.hasOwn(value, i)) {
        problem("sparse-array", `${pathText(path)} is a hole in the array; plain data has a value at every index.`);
        path.pop();
        return undefined;
      }
      copy[i] = visit(item, depth + 1);
      path.pop();
    }
    return copy;
  };

  const visitObject = (value: Record<string, unknown>, depth: number): Record<string, unknown> | undefined => {
    const keys = Object.keys(value);
    if (keys.length > maxItems) {
      problem("too-big", `${pathText(path)} has ${keys.length} keys; at most ${maxItems} are read.`);
      return undefined;
    }
    const copy: Record<string, unknown> = {};
    for (const key of keys) {
      path.push(key);
      if (forbiddenKeys.has(key))
        problem("forbidden-key", `The key "${key}" is not allowed (at ${pathText(path)}); rename or remove it.`);
      else copy[key] = visit(value[key], depth + 1);
      path.pop();
    }
    return copy;
  };

  try {
    const copy = visit(input, 0);
    return issues.length > 0 ? fail(issues) : ok(copy);
  } catch (error) {
    if (error instanceof Stop) return fail([...issues, error.issue]);
    // Only a maxDepth far above the default lets the walk exhaust the stack.
    if (error instanceof RangeError && /call stack/i.test(error.message))
      return fail([issue("too-deep", `Input nests too deep to read at ${pathText(path)}.`, [...path])]);
    return fail([
      issue(
        "unreadable-input",
        `The input could not be read as plain data at ${pathText(path)} (a getter or proxy threw).`,
        [...path],
      ),
    ]);
  }
}

/**
 * The issues {@link readPlain} finds in an input, without the copy: forbidden keys, values that
 * are not plain data, holes, nesting, cycles, size, unreadable parts.
 *
 * @example
 * ```ts
 * import { inspectInput } from "@miotsec/core/internal";
 * inspectInput(JSON.parse('{"a": {"__proto__": {}}}'));
 * // [{ path: ["a", "__proto__"], code: "forbidden-key", ... }]
 * ```
 * @since 0.1.0
 */
export function inspectInput(input: unknown, limits: InputLimits = {}, at: readonly PathSegment[] = []): Issue[] {
  const r = readPlain(input, limits, at);
  return r.ok ? [] : [...r.issues];
}
