import { type Issue, issue } from "./issue.js";

/**
 * A successful outcome carrying its value.
 *
 * @since 0.1.0
 */
export interface Ok<T> {
  /** Always `true`: the discriminant. */
  readonly ok: true;
  /** The parsed or computed value. */
  readonly value: T;
}

/**
 * A failed outcome: at least one {@link Issue}, never a thrown error.
 *
 * @since 0.1.0
 */
export interface Failure {
  /** Always `false`: the discriminant. */
  readonly ok: false;
  /** Every problem found, at least one, in the order of the input. */
  readonly issues: readonly Issue[];
}

/**
 * What every miotsec parser and entry point that takes outside input returns:
 * `{ ok: true, value }` or `{ ok: false, issues }`. Switch on `ok`.
 *
 * @since 0.1.0
 */
export type Result<T> = Ok<T> | Failure;

/**
 * Wraps a value in a successful {@link Result}.
 *
 * @example
 * ```ts
 * import { ok } from "@miotsec/core";
 * ok(42); // { ok: true, value: 42 }
 * ```
 * @since 0.1.0
 */
export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

/** A value's kind for a message, without reading it (this module cannot use the guard's). */
const kind = (value: unknown): string =>
  value === null ? "null" : Array.isArray(value) ? "an array" : typeof value === "object" ? "an object" : typeof value;

/**
 * A value that should be a {@link Result}, read once (`ok`, then `value` or `issues`): the
 * Result itself, or a failure saying that it is not one. Never throws, for a getter or a
 * Proxy trap that does.
 */
function readResult(value: unknown): Result<unknown> {
  try {
    if (value !== null && typeof value === "object") {
      const r = value as { ok?: unknown; value?: unknown; issues?: unknown };
      const isOk = r.ok;
      if (isOk === true) return { ok: true, value: r.value };
      if (isOk === false) {
        const issues = copyIssues(r.issues);
        if (issues !== undefined) return { ok: false, issues };
      }
    }
  } catch {
    return {
      ok: false,
      issues: [issue("unreadable-input", "The Result could not be read (a getter or proxy threw).")],
    };
  }
  const expected = "$ must be a Result ({ ok: true, value } or { ok: false, issues })";
  return { ok: false, issues: [issue("invalid-type", `${expected}, got ${kind(value)}.`)] };
}

/** A failure for a step that is not a function. */
const notAFunction = (f: unknown): Failure => ({
  ok: false,
  issues: [issue("invalid-type", `The step to apply must be a function, got ${kind(f)}.`)],
});

/**
 * A failed {@link Result} with the given issues. Given no issue, or something else than a list
 * of issues (each `{ path, code, message }`), it is a failure that says so (`invalid-type`),
 * never an exception.
 *
 * @example
 * ```ts
 * import { fail, issue } from "@miotsec/core";
 * fail([issue("missing", "An anchor date is required.", ["manufacturingDate"])]);
 * ```
 * @since 0.1.0
 */
export function fail(issues: readonly Issue[]): Failure {
  let got = kind(issues);
  try {
    const copy = copyIssues(issues);
    if (copy !== undefined) return { ok: false, issues: copy };
    if (Array.isArray(issues))
      got = issues.length === 0 ? "an empty list" : "a list with something other than issues ({ path, code, message })";
  } catch {
    got = "a list that could not be read (a getter or proxy threw)";
  }
  return { ok: false, issues: [issue("invalid-type", `fail() needs a list of at least one issue, got ${got}.`)] };
}

/** Whether a value has the shape of an {@link Issue}. */
function isIssue(value: unknown): value is Issue {
  if (value === null || typeof value !== "object") return false;
  const { path, code, message } = value as Partial<Issue>;
  return Array.isArray(path) && typeof code === "string" && typeof message === "string";
}

/**
 * A copy of a non-empty list of issues, or undefined when it is not one. Walked by index and
 * left at the first item that is not an issue, so a sparse array of length 2^32 - 1 (a hole
 * first) costs nothing. May throw for a getter or a Proxy trap; the callers catch that.
 */
function copyIssues(value: unknown): Issue[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const length = value.length;
  const copy: Issue[] = [];
  for (let i = 0; i < length; i++) {
    const item: unknown = value[i];
    if (!isIssue(item)) return undefined;
    copy.push(item);
  }
  return copy;
}

/**
 * Applies `f` to the value of a successful result; passes a failure through. A value that is
 * not a Result, or an `f` that is not a function, is answered with a failure saying so.
 *
 * @example
 * ```ts
 * import { mapResult, ok } from "@miotsec/core";
 * mapResult(ok(2), (n) => n * 2); // { ok: true, value: 4 }
 * ```
 * @since 0.1.0
 */
export function mapResult<T, U>(result: Result<T>, f: (value: T) => U): Result<U> {
  const r = readResult(result);
  if (!r.ok) return r;
  return typeof f === "function" ? ok(f(r.value as T)) : notAFunction(f);
}

/**
 * Chains a step that may itself fail. A value that is not a Result, or an `f` that is not a
 * function, is answered with a failure saying so.
 *
 * @example
 * ```ts
 * import { andThen, ok, parseIsoDate } from "@miotsec/core";
 * andThen(ok("2024-02-29"), parseIsoDate); // { ok: true, value: "2024-02-29" }
 * ```
 * @since 0.1.0
 */
export function andThen<T, U>(result: Result<T>, f: (value: T) => Result<U>): Result<U> {
  const r = readResult(result);
  if (!r.ok) return r;
  return typeof f === "function" ? f(r.value as T) : notAFunction(f);
}

/**
 * The value of a successful result, or a thrown `Error` listing the issues. For tests,
 * scripts and constants a programmer wrote by hand, never for outside input.
 *
 * @example
 * ```ts
 * import { parseIsoDate, unwrap } from "@miotsec/core";
 * const date = unwrap(parseIsoDate("2024-02-29"));
 * ```
 * @since 0.1.0
 */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  const lines = result.issues.map((i) => `${i.code}: ${i.message}`);
  throw new Error(`unwrap() of a failed result:\n${lines.join("\n")}`);
}

/**
 * The issues of a result: none for a success. For gathering the issues of several checks made
 * side by side. A value that is not a Result gives the issue that says so.
 *
 * @example
 * ```ts
 * import { fail, issue, issuesOf, ok } from "@miotsec/core";
 * [...issuesOf(ok(1)), ...issuesOf(fail([issue("missing", "Required.")]))].length; // 1
 * ```
 * @since 0.2.0
 */
export function issuesOf(result: Result<unknown>): readonly Issue[] {
  const r = readResult(result);
  return r.ok ? [] : r.issues;
}
