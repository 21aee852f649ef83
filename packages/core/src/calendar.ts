import type { IsoDate } from "./iso-date.js";

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
 * Adds (or, if negative, subtracts) whole days.
 *
 * @example
 * ```ts
 * import { addDays, unwrap, parseIsoDate } from "@miotsec/core";
 * addDays(unwrap(parseIsoDate("2024-02-28")), 1); // "2024-02-29"
 * ```
 * @since 0.1.0
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(epochDay(date) + days);
}

/**
 * Adds whole months the way Temporal.PlainDate does with `overflow: "constrain"`: the day of
 * the month is kept, and clamped to the month's last day where it does not exist
 * (2024-01-31 + 1 month = 2024-02-29; 2024-02-29 + 12 months = 2025-02-28). Add a duration to
 * its anchor once; adding months step by step loses the clamped days.
 *
 * @example
 * ```ts
 * import { addMonths, unwrap, parseIsoDate } from "@miotsec/core";
 * addMonths(unwrap(parseIsoDate("2024-01-31")), 1); // "2024-02-29"
 * ```
 * @since 0.1.0
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = monthsLater(date, months, "addMonths");
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}` as IsoDate;
}

/**
 * `epochDay(addMonths(date, months))`, without writing the date out in between: for code that
 * adds several month counts to one date and compares the results as day numbers.
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
  const [year, month, day] = monthsLater(date, months, "epochDayAfterMonths");
  return civilDay(year, month, day);
}

function monthsLater(date: IsoDate, months: number, caller: string): [number, number, number] {
  if (!Number.isInteger(months)) throw new RangeError(`${caller}(): ${months} is not a whole number of months`);
  const [y, m, d] = parts(date);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  if (year < 0 || year > 9999) throw new RangeError(`${caller}(): the result is outside years 0000-9999`);
  return [year, month, Math.min(d, daysInMonth(year, month))];
}

/**
 * Days from `from` to `to`: positive when `to` is later.
 *
 * @example
 * ```ts
 * import { daysBetween, unwrap, parseIsoDate } from "@miotsec/core";
 * daysBetween(unwrap(parseIsoDate("2024-01-01")), unwrap(parseIsoDate("2025-01-01"))); // 366
 * ```
 * @since 0.1.0
 */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return epochDay(to) - epochDay(from);
}

/**
 * The earlier of two dates. ISO dates compare as strings, and so do these.
 *
 * @example
 * ```ts
 * import { minDate, unwrap, parseIsoDate } from "@miotsec/core";
 * minDate(unwrap(parseIsoDate("2024-01-01")), unwrap(parseIsoDate("2023-06-30"))); // "2023-06-30"
 * ```
 * @since 0.1.0
 */
export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

/**
 * The later of two dates.
 *
 * @example
 * ```ts
 * import { maxDate, unwrap, parseIsoDate } from "@miotsec/core";
 * maxDate(unwrap(parseIsoDate("2024-01-01")), unwrap(parseIsoDate("2023-06-30"))); // "2024-01-01"
 * ```
 * @since 0.1.0
 */
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}
