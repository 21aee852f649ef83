import { andThen, type Level, levelNames, type Result } from "@miotsec/core";
import type { Catalog } from "@miotsec/criteria";
import type { AssessOptions } from "./assess.js";
import type { CompiledCatalog } from "./compile.js";
import { criterionLevels, rolled, rollUp } from "./gating.js";
import { readAssessOptions } from "./options.js";
import type { Policy } from "./policy.js";
import type { ReadAssessment, Scratch } from "./read-assessment.js";
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
export function rate(
  compiled: CompiledCatalog,
  _read: ReadAssessment,
  { outcomes, level, ifUnknownsMet, unknown }: Scratch,
  policy: Policy,
): MaturityRating {
  criterionLevels(compiled, outcomes, level, ifUnknownsMet);
  const criteria = new Array(level.length);
  for (let i = 0; i < level.length; i++) {
    criteria[i] = {
      id: compiled.criteria[i]?.id,
      level: level[i],
      levelIfUnknownsMet: ifUnknownsMet[i],
    };
  }
  const how = policy.rollUp;
  const count = compiled.dimensions.length;
  const dimensions = new Array(count);
  // The overall level rolls the dimensions up as they are made: their minimum, or their mean.
  let min = 5;
  let minIfUnknownsMet = 5;
  let sum = 0;
  let sumIfUnknownsMet = 0;
  for (let i = 0; i < count; i++) {
    const d = compiled.dimensions[i] as CompiledCatalog["dimensions"][number];
    const l = rollUp(d.criteria, level, how);
    const best = rollUp(d.criteria, ifUnknownsMet, how);
    dimensions[i] = { id: d.id, level: l, levelIfUnknownsMet: best };
    if (l < min) min = l;
    if (best < minIfUnknownsMet) minIfUnknownsMet = best;
    sum += l;
    sumIfUnknownsMet += best;
  }
  const overall = rolled(min, sum, count, how);
  return {
    level: overall,
    levelName: levelNames[overall],
    levelIfUnknownsMet: rolled(minIfUnknownsMet, sumIfUnknownsMet, count, how),
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
export function assessLevels(catalog: Catalog, assessment: unknown, options?: AssessOptions): Result<MaturityRating> {
  return andThen(readAssessOptions(options), ({ policy }) =>
    andThen(scorer(catalog, policy, rate), (run) => run(assessment)),
  );
}
