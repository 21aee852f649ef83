import * as z from "zod/mini";
import { argumentIssue, issue } from "./issue.js";
import { fail, ok, type Result } from "./result.js";

declare const isoDateBrand: unique symbol;

/**
 * A calendar date written `YYYY-MM-DD` (ISO 8601 extended, no time, no zone) that exists in
 * the proleptic Gregorian calendar: `2024-02-29` is one, `2023-02-29` and `2024-13-01` are
 * not. The brand means "checked"; get one from {@link parseIsoDate} or {@link isoDateSchema}.
 *
 * @since 0.1.0
 */
export type IsoDate = string & { readonly [isoDateBrand]: true };

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function digitsAt(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Whether a value is a string naming a real calendar date as `YYYY-MM-DD`.
 * Years 0000–9999, as ISO 8601 without expansion allows.
 *
 * @example
 * ```ts
 * import { isIsoDate } from "@miotsec/core";
 * isIsoDate("2024-02-29"); // true
 * isIsoDate("2023-02-29"); // false
 * ```
 * @since 0.1.0
 */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string" || value.length !== 10) return false;
  if (value[4] !== "-" || value[7] !== "-") return false;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 7);
  const day = digitsAt(value, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/**
 * The zod schema of an {@link IsoDate}. Its JSON Schema is `{ type: "string", format: "date" }`
 * with a leap-year-aware pattern, so JSON Schema validators reject impossible dates too.
 *
 * @example
 * ```ts
 * import { isoDateSchema } from "@miotsec/core";
 * isoDateSchema.safeParse("2024-04-31").success; // false
 * ```
 * @since 0.1.0
 */
export const isoDateSchema = z.iso.date().brand<typeof isoDateBrand>() as unknown as z.ZodMiniType<IsoDate, string>;

/**
 * Checks a calendar date. Fails with `invalid-type` for a non-string and `invalid-date` for
 * a string that is not a real `YYYY-MM-DD` date.
 *
 * @example
 * ```ts
 * import { parseIsoDate } from "@miotsec/core";
 * parseIsoDate("2024-13-01"); // { ok: false, issues: [{ code: "invalid-date", ... }] }
 * ```
 * @since 0.1.0
 */
export function parseIsoDate(value: unknown): Result<IsoDate> {
  if (typeof value !== "string") {
    return fail([issue("invalid-type", "A date must be a string written YYYY-MM-DD.")]);
  }
  if (!isIsoDate(value)) {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return fail([issue("invalid-date", `"${shown}" is not a real calendar date written YYYY-MM-DD.`)]);
  }
  return ok(value);
}

/**
 * The schema of an {@link IsoDate} between two dates (inclusive). An impossible date gets only
 * the `invalid-date` issue; a real date outside the range gets `invalid-date` with the range in
 * its message. Documents that describe devices use 1900-01-01 to 2999-12-31: far from the ends
 * of the calendar, and inside what OSCAL date-times accept. Bounds that are not real dates, or
 * a range that ends before it starts, are answered with `invalid-argument` issues.
 *
 * @example
 * ```ts
 * import { isoDateBetween } from "@miotsec/core";
 * const recent = isoDateBetween("1900-01-01", "2999-12-31");
 * if (recent.ok) recent.value.safeParse("1899-12-31").success; // false
 * ```
 * @since 0.1.0
 */
export function isoDateBetween(earliest: string, latest: string): Result<z.ZodMiniType<IsoDate, string>> {
  const bound = (name: string, value: unknown) =>
    typeof value === "string" && isIsoDate(value)
      ? undefined
      : argumentIssue("isoDateBetween", `${name} must be a real date written YYYY-MM-DD`, [name]);
  const issues = [bound("earliest", earliest), bound("latest", latest)].filter((i) => i !== undefined);
  if (issues.length > 0) return fail(issues);
  if (latest < earliest) return fail([argumentIssue("isoDateBetween", `${latest} is before ${earliest}`, ["latest"])]);
  return ok(isoDateRange(earliest as IsoDate, latest as IsoDate));
}

/**
 * {@link isoDateBetween} on bounds known to be real dates, unchecked: for miotsec's packages,
 * which build their schemas from constants.
 *
 * @example
 * ```ts
 * import { isoDateRange } from "@miotsec/core/internal";
 * isoDateRange("1900-01-01", "2999-12-31").safeParse("1899-12-31").success; // false
 * ```
 * @since 0.2.0
 */
export function isoDateRange(earliest: string, latest: string): z.ZodMiniType<IsoDate, string> {
  return isoDateSchema.check(
    z.refine((d) => !isIsoDate(d) || (d >= earliest && d <= latest), {
      error: `must be a date from ${earliest} to ${latest}`,
      params: { code: "invalid-date" },
    }),
  );
}
