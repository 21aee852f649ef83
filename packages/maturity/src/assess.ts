import { andThen, levelNames, type Result } from "@miotsec/core";
import type { Catalog } from "@miotsec/criteria";
import { FULFILLED, NA, NOT_FULFILLED, type Outcomes, statusNames, UNKNOWN } from "./codes.js";
import type { CompiledCatalog } from "./compile.js";
import { factValue } from "./evaluate.js";
import { blockers, blockersAt, progressToward, roadmap } from "./explain.js";
import { levels, levelsAbove } from "./gating.js";
import { readAssessOptions } from "./options.js";
import { isPaper, type Policy } from "./policy.js";
import type { ReadAssessment } from "./read-assessment.js";
import { type Coverage, type MaturityReport, type RequirementResult, reportSchemaVersion } from "./report.js";
import { scorer } from "./scorer.js";
import type { Scratch } from "./scratch.js";

/**
 * Options of {@link assess}.
 *
 * @since 0.1.0
 */
export interface AssessOptions {
  /** Deviations from the paper's policy; what is not named keeps the paper's value. */
  readonly policy?: Partial<Policy>;
}

function coverage(indexes: Iterable<number>, outcomes: Outcomes): Coverage {
  let requirements = 0;
  let fulfilled = 0;
  let notFulfilled = 0;
  for (const index of indexes) {
    requirements++;
    const o = outcomes[index];
    if (o === FULFILLED) fulfilled++;
    else if (o === NOT_FULFILLED) notFulfilled++;
  }
  const known = fulfilled + notFulfilled;
  return {
    requirements,
    known,
    unknown: requirements - known,
    fulfilled,
    notFulfilled,
    ratio: requirements === 0 ? 1 : known / requirements,
  };
}

const outcomeNames = ["not-fulfilled", "fulfilled", "unknown"] as const;

/** Builds the report from a checked assessment; shared by `assess` and `assessMany`. */
export function score(
  compiled: CompiledCatalog,
  read: ReadAssessment,
  { outcomes }: Scratch,
  policy: Policy,
): MaturityReport {
  const l = levels(compiled, outcomes, policy);
  const all = compiled.all;
  const unfulfilled = blockers(compiled, outcomes, read, policy.gating);
  const criteria = compiled.criteria.map((c, i) => {
    const level = l.criteria[i] ?? 0;
    const progress = progressToward(compiled, c.requirements, level, outcomes, read, policy.gating);
    return {
      id: c.id,
      title: c.title,
      dimension: compiled.dimensions[c.dimension]?.id ?? "",
      level,
      levelIfUnknownsMet: l.criteriaIfUnknownsMet[i] ?? 0,
      progress,
      score: level + progress,
      blockers:
        level >= 5 ? [] : blockersAt(compiled, c.requirements, level + 1 - levelsAbove(policy.gating), unfulfilled),
      coverage: coverage(c.requirements, outcomes),
    };
  });
  const requirements = compiled.requirements.map((r): RequirementResult => {
    const code = read.codes[r.index] as number;
    const status = statusNames[code];
    const value = r.rule && code !== NA ? factValue(r.rule, read) : undefined;
    const result: { -readonly [K in keyof RequirementResult]: RequirementResult[K] } = {
      id: r.requirement.id,
      text: r.requirement.text,
      criterion: r.requirement.criterion,
      level: r.level,
      outcome: outcomeNames[outcomes[r.index] ?? UNKNOWN] ?? "unknown",
    };
    if (status !== undefined) result.answer = status;
    if (value !== undefined) result.value = value;
    return result;
  });
  const progress = progressToward(compiled, all, l.overall, outcomes, read, policy.gating);
  return {
    schemaVersion: reportSchemaVersion,
    catalog: {
      id: compiled.catalog.id,
      version: compiled.catalog.version,
      ...(compiled.catalog.profiles === undefined ? {} : { profiles: compiled.catalog.profiles }),
    },
    assessment: {
      ...(read.id === undefined ? {} : { id: read.id }),
      ...(read.subject === undefined ? {} : { subject: read.subject }),
      asOf: read.asOf,
    },
    policy: { ...policy, paper: isPaper(policy) },
    level: l.overall,
    levelName: levelNames[l.overall],
    levelIfUnknownsMet: l.overallIfUnknownsMet,
    progress,
    score: l.overall + progress,
    coverage: coverage(all, outcomes),
    dimensions: compiled.dimensions.map((d, i) => ({
      id: d.id,
      title: d.title,
      level: l.dimensions[i] ?? 0,
      levelIfUnknownsMet: l.dimensionsIfUnknownsMet[i] ?? 0,
      criteria: d.criterionIds,
    })),
    criteria,
    requirements,
    roadmap: roadmap(compiled, l.overall, unfulfilled, policy.gating),
  };
}

/**
 * Rates an assessment on a catalog's maturity model. By default it applies the paper's rule
 * (§IV-C): a criterion reaches level L only when every requirement of levels 1 to L is
 * fulfilled; dimensions and the overall level are the minimum of their criteria. Only `met`,
 * and a justified `na` where allowed, fulfil; measured requirements are evaluated from
 * `assessment.facts`, and a missing fact is unknown, not a failure.
 *
 * The report gives every level twice: `level` (unknowns counted as not fulfilled) and
 * `levelIfUnknownsMet` (the best the evidence still allows); per criterion the `blockers` that
 * stop its next level; overall the `roadmap`; and coverage figures.
 *
 * Bad input (unknown requirement ids, statuses outside the set, facts out of range, `na`
 * without a required justification, a catalog that does not parse) is answered with issues.
 *
 * @example
 * ```ts
 * import { miotCatalog } from "@miotsec/criteria";
 * import { assess } from "@miotsec/maturity";
 * const result = assess(miotCatalog, {
 *   schemaVersion: 1,
 *   asOf: "2026-11-28",
 *   answers: { "organisation.1.1": "met", "updates.1.1": "unmet" },
 *   facts: { securityEventsLastYear: 12 },
 * });
 * if (result.ok) {
 *   result.value.level; // 0
 *   result.value.criteria.find((c) => c.id === "updates")?.blockers[0]?.why; // "Answered not met."
 * }
 * ```
 * @since 0.1.0
 */
export function assess(catalog: Catalog, assessment: unknown, options?: AssessOptions): Result<MaturityReport> {
  return andThen(readAssessOptions(options), ({ policy }) =>
    andThen(scorer(catalog, policy, score), (run) => run(assessment)),
  );
}
