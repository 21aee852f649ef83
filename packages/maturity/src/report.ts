import type { IsoDate, Level } from "@miotsec/core";
import type { AnswerStatus } from "@miotsec/criteria";
import type { Policy } from "./policy.js";

/**
 * The version of the report format; reports carry it as `schemaVersion`.
 *
 * @example
 * ```ts
 * import { reportSchemaVersion } from "@miotsec/maturity";
 * reportSchemaVersion; // 1
 * ```
 * @since 0.1.0
 */
export const reportSchemaVersion = 1;

/**
 * Whether a requirement is fulfilled under the policy, not fulfilled, or not known yet
 * (no answer, answered `unknown`, or its fact not given).
 *
 * @since 0.1.0
 */
export type Outcome = "fulfilled" | "not-fulfilled" | "unknown";

/**
 * A requirement that stands between a scope and a level: what it is, how it was answered or
 * measured, and why it does not count, in one sentence.
 *
 * @since 0.1.0
 */
export interface Blocker {
  /** The requirement's id. */
  readonly requirement: string;
  /**
   * What the requirement asks, as the catalog words it.
   *
   * @since 0.2.0
   */
  readonly text: string;
  /** The requirement's criterion. */
  readonly criterion: string;
  /** The requirement's level. */
  readonly level: 1 | 2 | 3 | 4 | 5;
  /** `not-fulfilled` or `unknown`. */
  readonly outcome: Exclude<Outcome, "fulfilled">;
  /** The answer given, if any. */
  readonly answer?: AnswerStatus;
  /** For a measured requirement: the fact, its value if given, and what the level needs. */
  readonly measured?: {
    readonly fact: string;
    readonly value?: number | string;
    readonly comparator: "lt" | "lte" | "gt" | "gte" | "at-least";
    readonly threshold: number | string;
  };
  /** One sentence: why it does not count, and so what to do. */
  readonly why: string;
}

/**
 * How many requirements of a scope have a known outcome.
 *
 * @since 0.1.0
 */
export interface Coverage {
  /** Requirements in the scope. */
  readonly requirements: number;
  /** Requirements with a known outcome. */
  readonly known: number;
  /** Requirements not known yet. */
  readonly unknown: number;
  /** Requirements fulfilled. */
  readonly fulfilled: number;
  /** Requirements known not to be fulfilled. */
  readonly notFulfilled: number;
  /** `known / requirements`, from 0 to 1. */
  readonly ratio: number;
}

/**
 * The result for one criterion.
 *
 * @since 0.1.0
 */
export interface CriterionResult {
  /** The criterion's id. */
  readonly id: string;
  /** The criterion's title. */
  readonly title: string;
  /** The criterion's dimension. */
  readonly dimension: string;
  /** The level reached, counting unknowns as not fulfilled; 0 when level 1 is not reached. */
  readonly level: Level;
  /** The level the evidence still allows: unknowns counted as fulfilled. */
  readonly levelIfUnknownsMet: Level;
  /** Progress within the next level, 0 to 1 (0 at level 5). */
  readonly progress: number;
  /** `level + progress`, a continuous figure like OWASP SAMM's. */
  readonly score: number;
  /** The requirements of the next level that are not fulfilled. */
  readonly blockers: readonly Blocker[];
  /** Known and unknown outcomes in this criterion. */
  readonly coverage: Coverage;
}

/**
 * The result for one dimension.
 *
 * @since 0.1.0
 */
export interface DimensionResult {
  /** The dimension's id. */
  readonly id: string;
  /** The dimension's title. */
  readonly title: string;
  /** The level reached. */
  readonly level: Level;
  /** The level the evidence still allows. */
  readonly levelIfUnknownsMet: Level;
  /** The ids of its criteria. */
  readonly criteria: readonly string[];
}

/**
 * One requirement's outcome.
 *
 * @since 0.1.0
 */
export interface RequirementResult {
  /** The requirement's id. */
  readonly id: string;
  /**
   * What the requirement asks, as the catalog words it.
   *
   * @since 0.2.0
   */
  readonly text: string;
  /** The requirement's criterion. */
  readonly criterion: string;
  /** The requirement's level. */
  readonly level: 1 | 2 | 3 | 4 | 5;
  /** Fulfilled, not fulfilled or unknown, under the policy. */
  readonly outcome: Outcome;
  /** The answer given, if any. */
  readonly answer?: AnswerStatus;
  /** For a measured requirement, the fact's value if given. */
  readonly value?: number | string;
}

/**
 * The requirements to fulfil, in order, to reach one overall level, beyond those listed for
 * the levels below it.
 *
 * @since 0.1.0
 */
export interface RoadmapStage {
  /** The overall level this stage reaches. */
  readonly level: 1 | 2 | 3 | 4 | 5;
  /** What to fulfil, lowest level first, in catalog order. */
  readonly steps: readonly Blocker[];
}

/**
 * A maturity report: the versioned JSON document `assess` returns.
 *
 * @since 0.1.0
 */
export interface MaturityReport {
  /** The report format's version. */
  readonly schemaVersion: typeof reportSchemaVersion;
  /**
   * The catalog assessed against, and the profiles that tailored it (id, version, title), in
   * the order they were applied; `profiles` is absent for a catalog as published.
   */
  readonly catalog: {
    readonly id: string;
    readonly version: string;
    readonly profiles?: readonly {
      readonly id: string;
      readonly version?: string | undefined;
      readonly title: string;
    }[];
  };
  /** Which assessment this is, and its date. */
  readonly assessment: {
    readonly id?: string;
    readonly subject?: { readonly kind: string; readonly id?: string | undefined; readonly name: string };
    readonly asOf: IsoDate;
  };
  /** The policy applied, and whether it is the paper's. */
  readonly policy: Policy & { readonly paper: boolean };
  /** The overall level, unknowns counted as not fulfilled; 0 when level 1 is not reached. */
  readonly level: Level;
  /** The paper's name of `level`. */
  readonly levelName: string;
  /** The best overall level the evidence still allows: unknowns counted as fulfilled. */
  readonly levelIfUnknownsMet: Level;
  /** Progress within the next overall level, 0 to 1. */
  readonly progress: number;
  /** `level + progress`. */
  readonly score: number;
  /** Known and unknown outcomes overall. */
  readonly coverage: Coverage;
  /** One entry per dimension, in catalog order. */
  readonly dimensions: readonly DimensionResult[];
  /** One entry per criterion, in catalog order. */
  readonly criteria: readonly CriterionResult[];
  /** One entry per requirement, in catalog order. */
  readonly requirements: readonly RequirementResult[];
  /** The way up: one stage per overall level above the current one. */
  readonly roadmap: readonly RoadmapStage[];
}
