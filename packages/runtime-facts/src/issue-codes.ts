import { coreIssueCodes } from "@miotsec/core";

/**
 * Every issue code that parseRuntimeProfile, compareRuntimeFacts, createMonitor, restoreMonitor, parseHar and
 * compareEndpoints answer with: `@miotsec/core`'s and these of `@miotsec/runtime-facts`. A program
 * switches on these; they never change for the same problem.
 *
 * @example
 * ```ts
 * import { runtimeFactsIssueCodes } from "@miotsec/runtime-facts";
 * runtimeFactsIssueCodes.includes("outside-envelope"); // true
 * ```
 * @since 0.2.0
 */
export const runtimeFactsIssueCodes = [
  ...coreIssueCodes,
  "empty-range",
  "invalid-range",
  "invalid-snapshot",
  "outside-envelope",
  "snapshot-mismatch",
  "unknown-metric",
] as const;

/** One of {@link runtimeFactsIssueCodes}. */
export type RuntimeFactsIssueCode = (typeof runtimeFactsIssueCodes)[number];
