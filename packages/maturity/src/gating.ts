import type { Level } from "@miotsec/core";
import { FULFILLED, NOT_FULFILLED, type Outcomes } from "./codes.js";
import type { CompiledCatalog } from "./compile.js";
import type { Policy } from "./policy.js";
import type { Scratch } from "./scratch.js";

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
 * The paper's gated rule (§IV-C), read strictly (`gating: "strict"`): a criterion reaches level
 * L when every one of its requirements at levels 1 to L is fulfilled; one unfulfilled level-3
 * requirement keeps it at level 2 whatever it fulfils at level 4. Read as the paper's example
 * reads (`gating: "paper-example"`), the same criterion is awarded level 3: one level above the
 * strict one, at most 5. With unknowns counted as fulfilled, the same rule gives the best level
 * the evidence still allows.
 */
export function criterionLevels(
  compiled: CompiledCatalog,
  outcomes: Outcomes,
  gating: Policy["gating"],
  level: Uint8Array,
  ifUnknownsMet: Uint8Array,
): void {
  const { levelOf, gated, gatedStart } = compiled;
  const above = levelsAbove(gating);
  for (let c = 0; c < level.length; c++) {
    const end = gatedStart[c + 1] as number;
    let k = gatedStart[c] as number;
    // In level order, the first requirement not fulfilled sets the level, the first one known
    // not to be fulfilled the level if unknowns were met; most criteria stop early.
    while (k < end && outcomes[gated[k] as number] === FULFILLED) k++;
    level[c] = k < end ? Math.min(5, (levelOf[gated[k] as number] as number) - 1 + above) : 5;
    while (k < end && outcomes[gated[k] as number] !== NOT_FULFILLED) k++;
    ifUnknownsMet[c] = k < end ? Math.min(5, (levelOf[gated[k] as number] as number) - 1 + above) : 5;
  }
}

/**
 * How many levels a criterion is awarded above the highest level it fulfils in full: 0 under
 * the strict gating, 1 under the paper's example (so level L needs the requirements of levels
 * 1 to L - 1, and level-5 requirements are needed by no level).
 */
export function levelsAbove(gating: Policy["gating"]): 0 | 1 {
  return gating === "paper-example" ? 1 : 0;
}

/**
 * The roll-up of levels (of `members` only, where given): their minimum (the paper's gated
 * rule) or their mean rounded down, as the policy says; 0 when there are none.
 */
export function rollUp(of: Uint8Array, how: Policy["rollUp"], members?: readonly number[]): Level {
  const count = members === undefined ? of.length : members.length;
  let min = 5;
  let sum = 0;
  for (let k = 0; k < count; k++) {
    const v = of[members === undefined ? k : (members[k] as number)] as number;
    if (v < min) min = v;
    sum += v;
  }
  return (count === 0 ? 0 : how === "minimum" ? min : Math.floor(sum / count)) as Level;
}

/** The arrays {@link gate} writes the levels of criteria and dimensions into. */
export type LevelArrays = Pick<Scratch, "level" | "ifUnknownsMet" | "dimensionLevel" | "dimensionIfUnknownsMet">;

/**
 * Writes the level of every criterion and dimension, each also with unknowns counted as
 * fulfilled, into `into`, and returns the overall levels: the policy's gating for criteria, its
 * roll-up for dimensions and overall. What {@link levels} and `rate` both use.
 */
export function gate(
  compiled: CompiledCatalog,
  outcomes: Outcomes,
  policy: Pick<Policy, "rollUp" | "gating">,
  into: LevelArrays,
): { readonly overall: Level; readonly overallIfUnknownsMet: Level } {
  const { level, ifUnknownsMet, dimensionLevel, dimensionIfUnknownsMet } = into;
  const how = policy.rollUp;
  criterionLevels(compiled, outcomes, policy.gating, level, ifUnknownsMet);
  const { dimensions } = compiled;
  for (let d = 0; d < dimensions.length; d++) {
    const members = (dimensions[d] as CompiledCatalog["dimensions"][number]).criteria;
    dimensionLevel[d] = rollUp(level, how, members);
    dimensionIfUnknownsMet[d] = rollUp(ifUnknownsMet, how, members);
  }
  return { overall: rollUp(dimensionLevel, how), overallIfUnknownsMet: rollUp(dimensionIfUnknownsMet, how) };
}

/** Criterion, dimension and overall levels under the policy's roll-up. */
export function levels(compiled: CompiledCatalog, outcomes: Outcomes, policy: Policy): Levels {
  const into: LevelArrays = {
    level: new Uint8Array(compiled.criteria.length),
    ifUnknownsMet: new Uint8Array(compiled.criteria.length),
    dimensionLevel: new Uint8Array(compiled.dimensions.length),
    dimensionIfUnknownsMet: new Uint8Array(compiled.dimensions.length),
  };
  const { overall, overallIfUnknownsMet } = gate(compiled, outcomes, policy, into);
  return {
    criteria: Array.from(into.level) as Level[],
    criteriaIfUnknownsMet: Array.from(into.ifUnknownsMet) as Level[],
    dimensions: Array.from(into.dimensionLevel) as Level[],
    dimensionsIfUnknownsMet: Array.from(into.dimensionIfUnknownsMet) as Level[],
    overall,
    overallIfUnknownsMet,
  };
}
