/**
 * Shared primitives of miotsec: the {@link Result} and {@link Issue} values every parser
 * returns, ISO calendar dates, ISO 3166-1 country codes and the maturity {@link Level}. The
 * helpers miotsec's packages share among themselves are in `@miotsec/core/internal`.
 *
 * @packageDocumentation
 */
export {
  addDays,
  addMonths,
  daysBetween,
  maxDate,
  minDate,
} from "./calendar.js";
export { canonicalJson } from "./canonical-json.js";
export { type CountryCode, countryCodeSchema, countryCodes, isCountryCode, parseCountryCode } from "./country.js";
export { dateTimeMs, dateTimeSchema, isDateTime } from "./date-time.js";
export { deepFreeze, isDeepFrozen } from "./freeze.js";
export { describeValue, type InputLimits, isPlainObject } from "./guard.js";
export { type IsoDate, isIsoDate, isoDateBetween, isoDateSchema, parseIsoDate } from "./iso-date.js";
export {
  type CoreIssueCode,
  coreIssueCodes,
  formatPath,
  type Issue,
  issue,
  type PathSegment,
  prefixIssues,
} from "./issue.js";
export {
  isLevel,
  type Level,
  levelNames,
  levelSchema,
  levels,
  type RequirementLevel,
  requirementLevelSchema,
  requirementLevels,
} from "./level.js";
export { escapeMarkup } from "./markup.js";
export { type ParseOptions, parseWith } from "./parse.js";
export { andThen, type Failure, fail, issuesOf, mapResult, type Ok, ok, type Result, unwrap } from "./result.js";
export { sha256Hex } from "./sha256.js";
export { miotsecUuidNamespace, uuidV5 } from "./uuid.js";
export { emailSchema, httpsUrlSchema } from "./web.js";
