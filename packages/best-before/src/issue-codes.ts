import { coreIssueCodes } from "@miotsec/core";

/**
 * Every issue code that computeBestBefore, parseLifecycleFacts, resolveBestBeforePolicy and
 * parseVex answer with: `@miotsec/core`'s and these of `@miotsec/best-before`
 * (`unknown-format`: a document that is none of the vulnerability formats `parseVex` reads). A program switches on these; they
 * never change for the same problem.
 *
 * @example
 * ```ts
 * import { bestBeforeIssueCodes } from "@miotsec/best-before";
 * bestBeforeIssueCodes.includes("missing-anchor"); // true
 * ```
 * @since 0.2.0
 */
export const bestBeforeIssueCodes = [
  ...coreIssueCodes,
  "dates-out-of-order",
  "incomplete-temperature",
  "invalid-lifetime",
  "missing-anchor",
  "unknown-format",
] as const;

/** One of {@link bestBeforeIssueCodes}. */
export type BestBeforeIssueCode = (typeof bestBeforeIssueCodes)[number];
