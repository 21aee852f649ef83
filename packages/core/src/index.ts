/**
 * Shared primitives of miotsec: the {@link Result} and {@link Issue} values every parser
 * returns, ISO calendar dates, ISO 3166-1 country codes and the maturity {@link Level}.
 *
 * @packageDocumentation
 */
export {
  addDays,
  addMonths,
  daysBetween,
  epochDay,
  epochDayAfterMonths,
  fromEpochDay,
  maxDate,
  minDate,
} from "./calendar.js";
export { canonicalJson } from "./canonical-json.js";
export { type CountryCode, countryCodeSchema, countryCodes, isCountryCode, parseCountryCode } from "./country.js";
export { dateTimeMs, dateTimeSchema, isDateTime } from "./date-time.js";
export { defaultsResolver } from "./defaults.js";
export { deepFreeze, isDeepFrozen } from "./freeze.js";
export {
  defaultMaxDepth,
  defaultMaxItems,
  defaultMaxValues,
  describeValue,
  forbiddenKeys,
  type InputLimits,
  inspectInput,
  isPlainObject,
  readPlain,
} from "./guard.js";
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
export { ownValue } from "./own.js";
export { type ParseOptions, parseWith } from "./parse.js";
export { andThen, type Failure, fail, issuesOf, mapResult, type Ok, ok, type Result, unwrap } from "./result.js";
export { sha256Hex } from "./sha256.js";
export { miotsecUuidNamespace, uuidV5 } from "./uuid.js";
export { emailSchema, httpsUrlSchema } from "./web.js";
export { fromZodIssues } from "./zod-issues.js";
