import { coreIssueCodes } from "@miotsec/core";

/**
 * Every issue code that parseCatalog, applyProfile and the other functions of this package answer
 * with: `@miotsec/core`'s and these of `@miotsec/criteria`. A program switches on these; they
 * never change for the same problem.
 *
 * @example
 * ```ts
 * import { criteriaIssueCodes } from "@miotsec/criteria";
 * criteriaIssueCodes.includes("unknown-requirement"); // true
 * ```
 * @since 0.2.0
 */
export const criteriaIssueCodes = [
  ...coreIssueCodes,
  "duplicate-id",
  "unknown-dimension",
  "unknown-criterion",
  "unknown-requirement",
  "unknown-fact",
  "unknown-parameter",
  "unknown-id",
  "unknown-tag",
  "missing-rule",
  "unexpected-rule",
  "invalid-rule",
  "invalid-parameter",
  "invalid-na",
  "invalid-range",
  "invalid-levels",
  "conflicting-fact",
  "empty-dimension",
  "empty-catalog",
  "missing-level-1",
] as const;

/** One of {@link criteriaIssueCodes}. */
export type CriteriaIssueCode = (typeof criteriaIssueCodes)[number];
