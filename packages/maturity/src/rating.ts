import { andThen, type Level, levelNames, type Result } from "@miotsec/core";
import type { Catalog } from "@miotsec/criteria";
import type { AssessOptions } from "./assess.js";
import type { CompiledCatalog } from "./compile.js";
import { gate } from "./gating.js";
import { readAssessOptions } from "./options.js";
import type { Policy } from "./policy.js";
import type { ReadAssessment } from "./read-assessment.js";
import { scorer } from "./scorer.js";
import type { Scratch } from "./scratch.js";

/**
 * The levels of an assessment without the explanations: what a fleet dashboard needs. Every
 * number is the one {@link assess}'s full report gives.
 *
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

/** Builds the rating from a checked assessment, with the same gating and roll-up as `assess`. */
export function rate(
  compiled: CompiledCatalog,
  _read: ReadAssessment,
  scratch: Scratch,
  policy: Policy,
): MaturityRating {
  const { overall, overallIfUnknownsMet } = gate(compiled, scratch.outcomes, policy, scratch);
  const { level, ifUnknownsMet, dimensionLevel, dimensionIfUnknownsMet } = scratch;
  return {
    level: overall,
    levelName: levelNames[overall],
    levelIfUnknownsMet: overallIfUnknownsMet,
    unknown: scratch.unknown,
    dimensions: compiled.dimensions.map(({ id }, i) => ({
      id,
      level: dimensionLevel[i] as Level,
      levelIfUnknownsMet: dimensionIfUnknownsMet[i] as Level,
    })),
    criteria: compiled.criteria.map(({ id }, i) => ({
      id,
      level: level[i] as Level,
      levelIfUnknownsMet: ifUnknownsMet[i] as Level,
    })),
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
export function assessLevels(catalog: Catalog, assessment: unknown, options?: AssessOptions): Result<MaturityRating> {
  return andThen(readAssessOptions(options), ({ policy }) =>
    andThen(scorer(catalog, policy, rate), (run) => run(assessment)),
  );
}
