import * as z from "zod/mini";
import { issue } from "./issue.js";
import { fail, ok, type Result } from "./result.js";

/**
 * The 249 officially assigned ISO 3166-1 alpha-2 country codes, in alphabetical order.
 * Exceptionally reserved codes (`EU`, `UK`) and user-assigned ones (`XK`) are not included:
 * a region such as the EU is a separate field where a schema needs one.
 *
 * @example
 * ```ts
 * import { countryCodes } from "@miotsec/core";
 * countryCodes.length; // 249
 * ```
 * @since 0.1.0
 */
// biome-ignore format: a table of codes reads better than one code a line
export const countryCodes = [
  "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
  "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
  "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
  "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
  "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
  "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
  "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
  "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
  "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
  "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
  "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
  "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
  "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
  "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
  "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
  "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
] as const;

/**
 * One of the {@link countryCodes}.
 *
 * @since 0.1.0
 */
export type CountryCode = (typeof countryCodes)[number];

const countrySet: ReadonlySet<string> = new Set(countryCodes);
const message = "must be an ISO 3166-1 alpha-2 country code in capitals, such as DE or US";

/**
 * Whether a value is an officially assigned ISO 3166-1 alpha-2 code. Case matters: `de` is
 * not a code.
 *
 * @example
 * ```ts
 * import { isCountryCode } from "@miotsec/core";
 * isCountryCode("IT"); // true
 * isCountryCode("EU"); // false
 * ```
 * @since 0.1.0
 */
export function isCountryCode(value: unknown): value is CountryCode {
  return typeof value === "string" && countrySet.has(value);
}

/**
 * The zod schema of a {@link CountryCode}; its JSON Schema is an `enum` of the codes.
 *
 * @example
 * ```ts
 * import { countryCodeSchema } from "@miotsec/core";
 * countryCodeSchema.safeParse("NL").success; // true
 * ```
 * @since 0.1.0
 */
export const countryCodeSchema = z.enum(countryCodes, { error: message });

/**
 * Checks a country code; fails with `invalid-value` and a message that says what is expected.
 *
 * @example
 * ```ts
 * import { parseCountryCode } from "@miotsec/core";
 * parseCountryCode("Italy"); // { ok: false, issues: [{ code: "invalid-value", ... }] }
 * ```
 * @since 0.1.0
 */
export function parseCountryCode(value: unknown): Result<CountryCode> {
  if (isCountryCode(value)) return ok(value);
  return fail([issue("invalid-value", `A country ${message}.`)]);
}
