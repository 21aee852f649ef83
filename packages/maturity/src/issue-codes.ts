import { criteriaIssueCodes } from "@miotsec/criteria";

/**
 * Every issue code that assess, assessLevels, assessMany and the exports of this package answer
 * with: `@miotsec/criteria`'s (a catalog is checked when it is scored) and these of
 * `@miotsec/maturity`. A program switches on these; they never change for the same problem.
 *
 * @example
 * ```ts
 * import { maturityIssueCodes } from "@miotsec/maturity";
 * maturityIssueCodes.includes("na-not-allowed"); // true
 * ```
 * @since 0.2.0
 */
export const maturityIssueCodes = [
  ...criteriaIssueCodes,
  "catalog-mismatch",
  "na-not-allowed",
  "missing-justification",
] as const;

/** One of {@link maturityIssueCodes}. */
export type MaturityIssueCode = (typeof maturityIssueCodes)[number];
