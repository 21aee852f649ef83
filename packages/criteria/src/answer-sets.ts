/**
 * The answer statuses the maturity scorer understands. Every answer set maps its options onto
 * one of these, so that an assessor can answer in the vocabulary they know.
 *
 * @example
 * ```ts
 * import { answerStatuses } from "@miotsec/criteria";
 * answerStatuses; // ["met", "partial", "unmet", "na", "unknown"]
 * ```
 * @since 0.1.0
 */
export const answerStatuses = ["met", "partial", "unmet", "na", "unknown"] as const;

/**
 * One of {@link answerStatuses}.
 *
 * @since 0.1.0
 */
export type AnswerStatus = (typeof answerStatuses)[number];

/**
 * An option of an answer set: what the assessor picks (`value`, `label`), the status it
 * stands for, and its score from 0 to 1 for progress figures.
 *
 * @since 0.1.0
 */
export interface AnswerOption {
  /** What is stored in an assessment. */
  readonly value: string;
  /** What an assessor reads. */
  readonly label: string;
  /** The status the scorer gates on. */
  readonly status: AnswerStatus;
  /** A score from 0 to 1 for progress within a level. */
  readonly score: number;
}

/**
 * A named set of answer options.
 *
 * @since 0.1.0
 */
export interface AnswerSet {
  /** The set's id. */
  readonly id: string;
  /** What the set is and where it comes from. */
  readonly description: string;
  /** The options, worst first. */
  readonly options: readonly AnswerOption[];
}

/**
 * The answer sets miotsec ships, as data:
 * - `binary`: yes or no, the paper's reading of its tables.
 * - `samm`: OWASP SAMM's 0 / 0.25 / 0.5 / 1 coverage answers. Only full coverage is `met`.
 * - `c2m2`: C2M2's implementation scale. C2M2 counts largely and fully implemented practices
 *   towards a level; "largely" maps to `partial`, which the scorer counts as met only under
 *   the policy that says so, and "partially implemented" to `unmet` with a score, as C2M2 does
 *   not count it.
 *
 * @example
 * ```ts
 * import { answerSets } from "@miotsec/criteria";
 * answerSets.c2m2.options.map((o) => o.status); // ["unmet", "unmet", "partial", "met"]
 * ```
 * @since 0.1.0
 */
export const answerSets: Readonly<Record<"binary" | "samm" | "c2m2", AnswerSet>> = Object.freeze({
  binary: {
    id: "binary",
    description: "Yes or no.",
    options: [
      { value: "no", label: "No", status: "unmet", score: 0 },
      { value: "yes", label: "Yes", status: "met", score: 1 },
    ],
  },
  samm: {
    id: "samm",
    description: "OWASP SAMM-like coverage: none, some, at least half, most or all.",
    options: [
      { value: "0", label: "No", status: "unmet", score: 0 },
      { value: "0.25", label: "Yes, for some", status: "partial", score: 0.25 },
      { value: "0.5", label: "Yes, for at least half", status: "partial", score: 0.5 },
      { value: "1", label: "Yes, for most or all", status: "met", score: 1 },
    ],
  },
  c2m2: {
    id: "c2m2",
    description: "C2M2-like implementation: not, partially, largely or fully implemented.",
    options: [
      { value: "not-implemented", label: "Not implemented", status: "unmet", score: 0 },
      { value: "partially-implemented", label: "Partially implemented", status: "unmet", score: 1 / 3 },
      { value: "largely-implemented", label: "Largely implemented", status: "partial", score: 2 / 3 },
      { value: "fully-implemented", label: "Fully implemented", status: "met", score: 1 },
    ],
  },
});
