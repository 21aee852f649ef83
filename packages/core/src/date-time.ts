import * as z from "zod/mini";
import { epochDay } from "./calendar.js";
import { type IsoDate, isIsoDate } from "./iso-date.js";

// RFC 3339 §5.6: full-date "T" time, seconds required, a fraction of any length, "Z" or an
// offset; "T" and "Z" in either case (§5.6, NOTE); second 60 for a leap second (§5.7).
const pattern =
  /^(\d{4}-\d{2}-\d{2})[Tt]([01]\d|2[0-3]):([0-5]\d):([0-5]\d|60)(?:\.(\d+))?(?:[Zz]|([+-])([01]\d|2[0-3]):([0-5]\d))$/;

/**
 * The instant an RFC 3339 date-time names, in milliseconds since 1970-01-01T00:00:00Z, or
 * undefined for anything else. The date must exist (`2023-02-29T00:00:00Z` does not); `t` and
 * `z` may be lowercase; a leap second (`23:59:60`) is the last millisecond of its minute, so
 * that times keep their order; fractions finer than a millisecond are cut.
 *
 * @example
 * ```ts
 * import { dateTimeMs } from "@miotsec/core";
 * dateTimeMs("1970-01-01T00:00:01Z"); // 1000
 * dateTimeMs("2016-12-31t23:59:60z"); // 1483228799999
 * dateTimeMs("yesterday"); // undefined
 * ```
 * @since 0.2.0
 */
export function dateTimeMs(text: unknown): number | undefined {
  if (typeof text !== "string" || text.length > 64) return undefined;
  const m = pattern.exec(text);
  if (m === null || !isIsoDate(m[1])) return undefined;
  const [, date, hour, minute, second, fraction, sign, offsetHour, offsetMinute] = m;
  const leap = second === "60";
  const ms = leap ? 999 : Math.floor(Number(`0.${fraction ?? "0"}`) * 1000);
  const offset = sign === undefined ? 0 : (sign === "-" ? -1 : 1) * (Number(offsetHour) * 60 + Number(offsetMinute));
  const minutes = Number(hour) * 60 + Number(minute) - offset;
  return epochDay(date as IsoDate) * 86_400_000 + minutes * 60_000 + (leap ? 59 : Number(second)) * 1000 + ms;
}

/**
 * Whether a value is an RFC 3339 date-time with a real date (see {@link dateTimeMs}).
 *
 * @example
 * ```ts
 * import { isDateTime } from "@miotsec/core";
 * isDateTime("2026-11-28T09:30:00+01:00"); // true
 * isDateTime("2026-02-30T00:00:00Z"); // false
 * ```
 * @since 0.2.0
 */
export function isDateTime(value: unknown): value is string {
  return dateTimeMs(value) !== undefined;
}

/**
 * The zod schema of an RFC 3339 date-time with a real date (see {@link dateTimeMs}).
 *
 * @example
 * ```ts
 * import { dateTimeSchema } from "@miotsec/core";
 * dateTimeSchema.safeParse("2026-11-28T00:00:00Z").success; // true
 * ```
 * @since 0.2.0
 */
export const dateTimeSchema: z.ZodMiniType<string, string> = z.string().check(
  z.maxLength(64, { abort: true }),
  z.refine(isDateTime, {
    error: "must be an RFC 3339 date-time with a real date, such as 2026-11-28T00:00:00Z",
    params: { code: "invalid-date" },
  }),
);
