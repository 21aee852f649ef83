import type { IsoDate } from "./iso-date.js";

/*
 * Calendar arithmetic on plain dates (no time, no zone) in the proleptic Gregorian calendar, as
 * Temporal.PlainDate does it, without a polyfill. Days are counted from 1970-01-01 with the
 * civil-from-days algorithm (Howard Hinnant's), which is exact for every year.
 */

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function parts(date: IsoDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
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
 * import { epochDay, unwrap, parseIsoDate } from "@miotsec/core";
 * epochDay(unwrap(parseIsoDate("1970-01-02"))); // 1
 * ```
 * @since 0.1.0
 */
export function epochDay(date: IsoDate): number {
  const [y0, m, d] = parts(date);
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
 * import { fromEpochDay } from "@miotsec/core";
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
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}` as IsoDate;
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
  if (!Number.isInteger(months)) throw new RangeError(`addMonths(): ${months} is not a whole number of months`);
  const [y, m, d] = parts(date);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  if (year < 0 || year > 9999) throw new RangeError(`addMonths(): the result is outside years 0000-9999`);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(Math.min(d, daysInMonth(year, month)), 2)}` as IsoDate;
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
