import { runtimeFactsIssueCodes } from "@miotsec/runtime-facts";

/**
 * Every issue code that parseLabel, migrateLabel and the exporters answer with:
 * `@miotsec/runtime-facts`'s (a label's runtime profile is checked) and these of `@miotsec/label`.
 * A program switches on these; they never change for the same problem.
 *
 * @example
 * ```ts
 * import { labelIssueCodes } from "@miotsec/label";
 * labelIssueCodes.includes("missing-support-date"); // true
 * ```
 * @since 0.2.0
 */
export const labelIssueCodes = [...runtimeFactsIssueCodes, "missing-support-date", "missing-security-contact"] as const;

/** One of {@link labelIssueCodes}. */
export type LabelIssueCode = (typeof labelIssueCodes)[number];
