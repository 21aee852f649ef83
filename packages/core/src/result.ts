import type { Issue } from "./issue.js";

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

/**
 * A failed {@link Result} with the given issues. Passing no issue is a programmer error.
 *
 * @example
 * ```ts
 * import { fail, issue } from "@miotsec/core";
 * fail([issue("missing", "An anchor date is required.", ["manufacturingDate"])]);
 * ```
 * @since 0.1.0
 */
export function fail(issues: readonly Issue[]): Failure {
  if (issues.length === 0) throw new Error("fail() needs at least one issue");
  return { ok: false, issues: [...issues] };
}

/**
 * Applies `f` to the value of a successful result; passes a failure through.
 *
 * @example
 * ```ts
 * import { mapResult, ok } from "@miotsec/core";
 * mapResult(ok(2), (n) => n * 2); // { ok: true, value: 4 }
 * ```
 * @since 0.1.0
 */
export function mapResult<T, U>(result: Result<T>, f: (value: T) => U): Result<U> {
  return result.ok ? ok(f(result.value)) : result;
}

/**
 * Chains a step that may itself fail.
 *
 * @example
 * ```ts
 * import { andThen, ok, parseIsoDate } from "@miotsec/core";
 * andThen(ok("2024-02-29"), parseIsoDate); // { ok: true, value: "2024-02-29" }
 * ```
 * @since 0.1.0
 */
export function andThen<T, U>(result: Result<T>, f: (value: T) => Result<U>): Result<U> {
  return result.ok ? f(result.value) : result;
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
 * side by side.
 *
 * @example
 * ```ts
 * import { fail, issue, issuesOf, ok } from "@miotsec/core";
 * [...issuesOf(ok(1)), ...issuesOf(fail([issue("missing", "Required.")]))].length; // 1
 * ```
 * @since 0.2.0
 */
export function issuesOf(result: Result<unknown>): readonly Issue[] {
  return result.ok ? [] : result.issues;
}
