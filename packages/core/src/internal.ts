/**
 * Helpers that miotsec's own packages share, kept out of the root export so that an
 * application sees only what it uses: the input guard's building blocks, the resolver of a
 * policy over its defaults, zod's issues in miotsec's words, and calendar arithmetic on epoch
 * days. They follow semantic versioning like the rest of `@miotsec/core`; reach for them when
 * extending miotsec with a package of your own.
 *
 * @packageDocumentation
 * @module internal
 */
export { epochDay, epochDayAfterMonths, fromEpochDay } from "./calendar.js";
export { defaultsResolver } from "./defaults.js";
export {
  defaultMaxDepth,
  defaultMaxItems,
  defaultMaxValues,
  forbiddenKeys,
  inspectInput,
  readPlain,
} from "./guard.js";
export { isoDateRange } from "./iso-date.js";
export { pathText } from "./issue.js";
export { escapeText } from "./markup.js";
export { memberApart, ownValue } from "./own.js";
export { schemaKey, withoutSchemaKey } from "./schema-key.js";
export { sha256OfText } from "./sha256.js";
export { nameUuid } from "./uuid.js";
export { fromZodIssues } from "./zod-issues.js";
