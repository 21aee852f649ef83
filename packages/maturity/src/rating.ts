import { andThen, type Level, levelNames, type Result } from "@miotsec/core";
import type { Catalog } from "@miotsec/criteria";
import type { AssessOptions } from "./assess.js";
import type { CompiledCatalog } from "./compile.js";
import { evaluate, UNKNOWN } from "./evaluate.js";
import { levels } from "./gating.js";
import type { Policy } from "./policy.js";
import type { ReadAssessment } from "./read-assessment.js";
import { scorer } from "./scorer.js";

/**
 * The levels of an assessment without the explanations: what a fleet dashboard needs. Every
 * number is the one {@link assess}'s full report gives.
 *
 * @example
 * ```ts
 * import type { MaturityRating } from "@miotsec/maturity";
 * const r: Pick<MaturityRating, "level" | "levelIfUnknownsMet"> = { level: 2, levelIfUnknownsMet: 4 };
 * ```
 * @since 0.1.0
 */
export interface MaturityRating {
  /** The overall level, unknowns counted as not fulfilled. */
  readonly level: Level;
  /** The paper's name of `level`. */
  readonly levelName: string;
  /** The best overall level the evidence still allows. */
  readonly levelIfUnknownsMet: Level;
  /** How many requirements are not known yet. */
  readonly unknown: number;
  /** Per dimension, in catalog order. */
  readonly dimensions: readonly { readonly id: string; readonly level: Level; readonly levelIfUnknownsMet: Level }[];
  /** Per criterion, in catalog order. */
  readonly criteria: readonly { readonly id: string; readonly level: Level; readonly levelIfUnknownsMet: Level }[];
}

/** Builds the rating from a checked assessment. */
export function rate(compiled: CompiledCatalog, read: ReadAssessment, policy: Policy): MaturityRating {
  const outcomes = evaluate(compiled, read, policy);
  const l = levels(compiled, outcomes, policy);
  let unknown = 0;
  for (let i = 0; i < outcomes.length; i++) if (outcomes[i] === UNKNOWN) unknown++;
  const criteria = new Array(compiled.criteria.length);
  for (let i = 0; i < compiled.criteria.length; i++) {
    criteria[i] = {
      id: compiled.criteria[i]?.id,
      level: l.criteria[i],
      levelIfUnknownsMet: l.criteriaIfUnknownsMet[i],
    };
  }
  const dimensions = new Array(compiled.dimensions.length);
  for (let i = 0; i < compiled.dimensions.length; i++) {
    dimensions[i] = {
      id: compiled.dimensions[i]?.id,
      level: l.dimensions[i],
      levelIfUnknownsMet: l.dimensionsIfUnknownsMet[i],
    };
  }
  return {
    level: l.overall,
    levelName: levelNames[l.overall],
    levelIfUnknownsMet: l.overallIfUnknownsMet,
    unknown,
    dimensions,
    criteria,
  };
}

/**
 * The fast path for fleets: checks the assessment exactly as {@link assess} does and returns
 * only the levels (overall, per dimension, per criterion, each with `levelIfUnknownsMet`), with
 * no blockers, roadmap or per-requirement outcomes to build.
 *
 * @example
 * ```ts
 * import { miotCatalog } from "@miotsec/criteria";
 * import { assessLevels } from "@miotsec/maturity";
 * const r = assessLevels(miotCatalog, { schemaVersion: 1, asOf: "2026-11-28", answers: {} });
 * if (r.ok) r.value.levelIfUnknownsMet; // 5
 * ```
 * @since 0.1.0
 */
export function assessLevels(
  catalog: Catalog,
  assessment: unknown,
  options: AssessOptions = {},
): Result<MaturityRating> {
  return andThen(scorer(catalog, options.policy, rate), (run) => run(assessment));
}
