// The small integers the scorer works in: an answer code per requirement as the read writes it,
// an outcome code per requirement as the policy and the facts decide it. Typed arrays of these
// codes are what lets assessMany score 250,000 assessments a second (docs/benchmarks.md).
import type { AnswerStatus } from "@miotsec/criteria";

/** One outcome code per requirement, indexed like the catalog's requirements. */
export type Outcomes = ArrayLike<number>;

/** Outcome codes, kept as small integers in a typed array while scoring. */
export const FULFILLED = 1;
export const NOT_FULFILLED = 0;
export const UNKNOWN = 2;

/**
 * Answer codes, as `readAssessment` writes them: 0 for no answer, then one per status. Kept
 * in a typed array that is reused from one assessment to the next.
 */
export const NO_ANSWER = 0;
export const MET = 1;
export const PARTIAL = 2;
export const UNMET = 3;
export const UNKNOWN_ANSWER = 4;
export const NA = 5;
/** `met` to a requirement that needs evidence, without any: fulfils only if the policy ignores evidence. */
export const MET_WITHOUT_EVIDENCE = 6;

/** The status of each answer code; index 0, no answer, has none. */
export const statusNames: readonly (AnswerStatus | undefined)[] = [
  undefined,
  "met",
  "partial",
  "unmet",
  "unknown",
  "na",
  "met",
];

/** The answer code of a status, or `NO_ANSWER` for anything that is not one. */
export function statusCode(value: string): number {
  return value === "met"
    ? MET
    : value === "unmet"
      ? UNMET
      : value === "partial"
        ? PARTIAL
        : value === "unknown"
          ? UNKNOWN_ANSWER
          : value === "na"
            ? NA
            : NO_ANSWER;
}
