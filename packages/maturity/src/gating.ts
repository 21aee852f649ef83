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
 * Writes every criterion's level, and its level with unknowns counted as fulfilled, into the
 * two arrays (indexed like the catalog's criteria).
 *
 * The paper's gated rule (§IV-C): a criterion reaches level L when every one of its
 * requirements at levels 1 to L is fulfilled; one unfulfilled level-3 requirement keeps it at
 * level 2 whatever it fulfils at level 4. With unknowns counted as fulfilled, the same rule
 * gives the best level the evidence still allows.
 */
export function criterionLevels(
  compiled: CompiledCatalog,
  outcomes: Outcomes,
  level: Uint8Array,
  ifUnknownsMet: Uint8Array,
): void {
  const { levelOf, gated, gatedStart } = compiled;
  for (let c = 0; c < level.length; c++) {
    const end = gatedStart[c + 1] as number;
    let k = gatedStart[c] as number;
    // In level order, the first requirement not fulfilled sets the level, the first one known
    // not to be fulfilled the level if unknowns were met; most criteria stop early.
    while (k < end && outcomes[gated[k] as number] === FULFILLED) k++;
    level[c] = k < end ? (levelOf[gated[k] as number] as number) - 1 : 5;
    while (k < end && outcomes[gated[k] as number] !== NOT_FULFILLED) k++;
    ifUnknownsMet[c] = k < end ? (levelOf[gated[k] as number] as number) - 1 : 5;
  }
}

/**
 * The roll-up of `count` levels whose minimum and sum are given: the minimum (the paper's gated
 * rule) or the mean rounded down, as the policy says; 0 when there are none.
 */
export function rolled(min: number, sum: number, count: number, how: Policy["rollUp"]): Level {
  return (count === 0 ? 0 : how === "minimum" ? min : Math.floor(sum / count)) as Level;
}

/** A dimension's level from its criteria's levels, under the policy's roll-up. */
export function rollUp(members: readonly number[], of: ArrayLike<number>, how: Policy["rollUp"]): Level {
  let min = 5;
  let sum = 0;
  for (const m of members) {
    const v = of[m] as number;
    if (v < min) min = v;
    sum += v;
  }
  return rolled(min, sum, members.length, how);
}

/** The overall level from the dimensions' levels, under the policy's roll-up. */
export function rollUpAll(values: readonly Level[], how: Policy["rollUp"]): Level {
  let min = 5;
  let sum = 0;
  for (const v of values) {
    if (v < min) min = v;
    sum += v;
  }
  return rolled(min, sum, values.length, how);
}

/** Criterion, dimension and overall levels under the policy's roll-up. */
export function levels(compiled: CompiledCatalog, outcomes: Outcomes, policy: Policy): Levels {
  const count = compiled.criteria.length;
  const level = new Uint8Array(count);
  const ifUnknownsMet = new Uint8Array(count);
  criterionLevels(compiled, outcomes, level, ifUnknownsMet);
  const dimensions: Level[] = [];
  const dimensionsIfUnknownsMet: Level[] = [];
  for (const d of compiled.dimensions) {
    dimensions.push(rollUp(d.criteria, level, policy.rollUp));
    dimensionsIfUnknownsMet.push(rollUp(d.criteria, ifUnknownsMet, policy.rollUp));
  }
  const criteria: Level[] = new Array(count);
  const criteriaIfUnknownsMet: Level[] = new Array(count);
  for (let c = 0; c < count; c++) {
    criteria[c] = level[c] as Level;
    criteriaIfUnknownsMet[c] = ifUnknownsMet[c] as Level;
  }
  return {
    criteria,
    criteriaIfUnknownsMet,
    dimensions,
    dimensionsIfUnknownsMet,
    overall: rollUpAll(dimensions, policy.rollUp),
    overallIfUnknownsMet: rollUpAll(dimensionsIfUnknownsMet, policy.rollUp),
  };
}
