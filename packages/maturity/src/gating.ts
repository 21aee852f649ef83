import type { Level } from "@miotsec/core";
import type { CompiledCatalog } from "./compile.js";
import type { Outcomes } from "./evaluate.js";
import { FULFILLED, NOT_FULFILLED } from "./evaluate.js";
import type { Policy } from "./policy.js";

/** The levels of every criterion and dimension, and overall, from the outcomes. */
export interface Levels {
  readonly criteria: Level[];
  readonly criteriaIfUnknownsMet: Level[];
  readonly dimensions: Level[];
  readonly dimensionsIfUnknownsMet: Level[];
  readonly overall: Level;
  readonly overallIfUnknownsMet: Level;
}

/**
 * The paper's gated rule (§IV-C): a criterion reaches level L when every one of its
 * requirements at levels 1 to L is fulfilled; one unfulfilled level-3 requirement keeps it at
 * level 2 whatever it fulfils at level 4. With unknowns counted as fulfilled, the same rule
 * gives the best level the evidence still allows.
 */
export function criterionLevels(
  compiled: CompiledCatalog,
  outcomes: Outcomes,
): { level: Level[]; ifUnknownsMet: Level[] } {
  const level: Level[] = [];
  const ifUnknownsMet: Level[] = [];
  for (const criterion of compiled.criteria) {
    let firstGap = 6;
    let firstFailure = 6;
    for (const index of criterion.requirements) {
      const outcome = outcomes[index];
      if (outcome === FULFILLED) continue;
      const l = (compiled.requirements[index] as { level: number }).level;
      if (l < firstGap) firstGap = l;
      if (outcome === NOT_FULFILLED && l < firstFailure) firstFailure = l;
    }
    level.push((firstGap - 1) as Level);
    ifUnknownsMet.push((firstFailure - 1) as Level);
  }
  return { level, ifUnknownsMet };
}

function rollUp(values: readonly Level[], how: Policy["rollUp"]): Level {
  if (values.length === 0) return 0;
  if (how === "minimum") {
    let min = 5;
    for (const v of values) if (v < min) min = v;
    return min as Level;
  }
  let sum = 0;
  for (const v of values) sum += v;
  return Math.floor(sum / values.length) as Level;
}

/** Criterion, dimension and overall levels under the policy's roll-up. */
export function levels(compiled: CompiledCatalog, outcomes: Outcomes, policy: Policy): Levels {
  const { level, ifUnknownsMet } = criterionLevels(compiled, outcomes);
  const dimensions = compiled.dimensions.map((d) =>
    rollUp(
      d.criteria.map((c) => level[c] as Level),
      policy.rollUp,
    ),
  );
  const dimensionsIfUnknownsMet = compiled.dimensions.map((d) =>
    rollUp(
      d.criteria.map((c) => ifUnknownsMet[c] as Level),
      policy.rollUp,
    ),
  );
  return {
    criteria: level,
    criteriaIfUnknownsMet: ifUnknownsMet,
    dimensions,
    dimensionsIfUnknownsMet,
    overall: rollUp(dimensions, policy.rollUp),
    overallIfUnknownsMet: rollUp(dimensionsIfUnknownsMet, policy.rollUp),
  };
}
