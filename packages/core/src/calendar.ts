import * as z from "zod/mini";
import { type IsoDate, isoDateSchema } from "./iso-date.js";
import { issue } from "./issue.js";
import { parseWith } from "./parse.js";
import { fail, ok, type Result } from "./result.js";

/*
 * Calendar arithmetic on plain dates (no time, no zone) in the proleptic Gregorian calendar, as
 * Temporal.PlainDate does it, without a polyfill. Days are counted from 1970-01-01 with the
 * civil-from-days algorithm (Howard Hinnant's), which is exact for every year.
 */

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

function pad4(n: number): string {
  return n >= 1000 ? `${n}` : n >= 100 ? `0${n}` : n >= 10 ? `00${n}` : `000${n}`;
}

// The digits of a checked `YYYY-MM-DD` date, read without slicing the string.
const digit = (s: string, i: number) => s.charCodeAt(i) - 48;

function parts(date: IsoDate): [number, number, number] {
  return [
    digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3),
    digit(date, 5) * 10 + digit(date, 6),
    digit(date, 8) * 10 + digit(date, 9),
  ];
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The number of days from 1970-01-01 to a date (negative before it).
 *
 * @example
 * ```ts
 * import { parseIsoDate, unwrap } from "@miotsec/core";
 * import { epochDay } from "@miotsec/core/internal";
 * epochDay(unwrap(parseIsoDate("1970-01-02"))); // 1
 * ```
 * @since 0.1.0
 */
export function epochDay(date: IsoDate): number {
  const [y, m, d] = parts(date);
  return civilDay(y, m, d);
}

// Days from 1970-01-01 to a year, month (1-12) and day (Howard Hinnant's days_from_civil).
function civilDay(y0: number, m: number, d: number): number {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * The date a number of days after 1970-01-01. Years outside 0000-9999 cannot be written as an
 * {@link IsoDate}; asking for one is a programmer error and throws a RangeError.
 *
 * @example
 * ```ts
 * import { fromEpochDay } from "@miotsec/core/internal";
 * fromEpochDay(19782); // "2024-02-29"
 * ```
 * @since 0.1.0
 */
export function fromEpochDay(day: number): IsoDate {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (!Number.isInteger(day) || y < 0 || y > 9999)
    throw new RangeError(`fromEpochDay(): day ${day} is outside years 0000-9999`);
  return `${pad4(y)}-${pad2(m)}-${pad2(d)}` as IsoDate;
}

/**
 * `epochDay(addMonths(date, months))` on a checked date, without writing the date out in
 * between: for code that adds several month counts to one date and compares the results as day
 * numbers. Throws a RangeError for a count that is not whole or a result past 0000-9999.
 *
 * @example
 * ```ts
 * import { parseIsoDate, unwrap } from "@miotsec/core";
 * import { epochDayAfterMonths } from "@miotsec/core/internal";
 * epochDayAfterMonths(unwrap(parseIsoDate("2024-01-31")), 1); // 19782, the day of 2024-02-29
 * ```
 * @since 0.1.0
 */
export function epochDayAfterMonths(date: IsoDate, months: number): number {
  if (!Number.isInteger(months))
    throw new RangeError(`epochDayAfterMonths(): ${months} is not a whole number of months`);
  const later = monthsLater(date, months);
  if (later === undefined) throw new RangeError("epochDayAfterMonths(): the result is outside years 0000-9999");
  return civilDay(...later);
}

// The year, month and day a whole number of months after a checked date; undefined outside the
// years 0000-9999.
function monthsLater(date: IsoDate, months: number): [number, number, number] | undefined {
  const [y, m, d] = parts(date);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  if (year < 0 || year > 9999) return undefined;
  return [year, month, Math.min(d, daysInMonth(year, month))];
}

// The checked calendar: what a person calls. Each argument is read once into a plain copy and
// checked (a date is a real `YYYY-MM-DD` date, a count a whole number), and a result past the
// years 0000-9999 is an issue. miotsec's packages, which hold checked dates, use the unchecked
// day numbers above through `@miotsec/core/internal`.
const firstDay = -719528; // 0000-01-01
const lastDay = 2932896; // 9999-12-31
const count = z.number().check(z.int());
const withDays = z.strictObject({ date: isoDateSchema, days: count });
const withMonths = z.strictObject({ date: isoDateSchema, months: count });
const twoDates = z.strictObject({ a: isoDateSchema, b: isoDateSchema });
const fromTo = z.strictObject({ from: isoDateSchema, to: isoDateSchema });

function outsideYears(name: string): Result<never> {
  return fail([issue("invalid-date", `$.${name} takes the date outside the years 0000-9999.`, [name])]);
}

/**
 * Adds (or, if negative, subtracts) whole days. A date that is not a real `YYYY-MM-DD` date, a
 * count that is not a whole number, or a result outside the years 0000-9999 is answered with
 * issues.
 *
 * @example
 * ```ts
 * import { addDays } from "@miotsec/core";
 * addDays("2024-02-28", 1); // { ok: true, value: "2024-02-29" }
 * addDays("2024-02-30", 1); // { ok: false, issues: [{ path: ["date"], code: "invalid-date", ... }] }
 * ```
 * @since 0.1.0
 */
export function addDays(date: string, days: number): Result<IsoDate> {
  const args = parseWith(withDays, { date, days });
  if (!args.ok) return args;
  const day = epochDay(args.value.date) + args.value.days;
  return day < firstDay || day > lastDay ? outsideYears("days") : ok(fromEpochDay(day));
}

/**
 * Adds whole months the way Temporal.PlainDate does with `overflow: "constrain"`: the day of
 * the month is kept, and clamped to the month's last day where it does not exist
 * (2024-01-31 + 1 month = 2024-02-29; 2024-02-29 + 12 months = 2025-02-28). Add a duration to
 * its anchor once; adding months step by step loses the clamped days. Bad arguments, and a
 * result outside the years 0000-9999, are answered with issues.
 *
 * @example
 * ```ts
 * import { addMonths } from "@miotsec/core";
 * addMonths("2024-01-31", 1); // { ok: true, value: "2024-02-29" }
 * ```
 * @since 0.1.0
 */
export function addMonths(date: string, months: number): Result<IsoDate> {
  const args = parseWith(withMonths, { date, months });
  if (!args.ok) return args;
  const later = monthsLater(args.value.date, args.value.months);
  if (later === undefined) return outsideYears("months");
  const [year, month, day] = later;
  return ok(`${pad4(year)}-${pad2(month)}-${pad2(day)}` as IsoDate);
}

/**
 * Days from `from` to `to`: positive when `to` is later. Dates that are not real `YYYY-MM-DD`
 * dates are answered with issues.
 *
 * @example
 * ```ts
 * import { daysBetween } from "@miotsec/core";
 * daysBetween("2024-01-01", "2025-01-01"); // { ok: true, value: 366 }
 * ```
 * @since 0.1.0
 */
export function daysBetween(from: string, to: string): Result<number> {
  const args = parseWith(fromTo, { from, to });
  return args.ok ? ok(epochDay(args.value.to) - epochDay(args.value.from)) : args;
}

/**
 * The earlier of two dates. ISO dates compare as strings, and so do these once checked.
 *
 * @example
 * ```ts
 * import { minDate } from "@miotsec/core";
 * minDate("2024-01-01", "2023-06-30"); // { ok: true, value: "2023-06-30" }
 * ```
 * @since 0.1.0
 */
export function minDate(a: string, b: string): Result<IsoDate> {
  const args = parseWith(twoDates, { a, b });
  if (!args.ok) return args;
  const aFirst = args.value.a <= args.value.b;
  return ok(aFirst ? args.value.a : args.value.b);
}

/**
 * The later of two dates.
 *
 * @example
 * ```ts
 * import { maxDate } from "@miotsec/core";
 * maxDate("2024-01-01", "2023-06-30"); // { ok: true, value: "2024-01-01" }
 * ```
 * @since 0.1.0
 */
export function maxDate(a: string, b: string): Result<IsoDate> {
  const args = parseWith(twoDates, { a, b });
  if (!args.ok) return args;
  const aLast = args.value.a >= args.value.b;
  return ok(aLast ? args.value.a : args.value.b);
}
