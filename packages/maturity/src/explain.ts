import type { Level } from "@miotsec/core";
import { type AnswerStatus, comparatorWords } from "@miotsec/criteria";
import { FULFILLED, type Outcomes, PARTIAL, statusNames, UNKNOWN } from "./codes.js";
import type { CompiledCatalog, CompiledRequirement } from "./compile.js";
import { factValue } from "./evaluate.js";
import { levelsAbove } from "./gating.js";
import type { Policy } from "./policy.js";
import type { ReadAssessment } from "./read-assessment.js";
import type { Blocker, RoadmapStage } from "./report.js";

/** An answer in words, for people: `partial` is "partly met", `na` "not applicable". */
export const answerWords: Readonly<Record<AnswerStatus, string>> = {
  met: "met",
  partial: "partly met",
  unmet: "not met",
  na: "not applicable",
  unknown: "not known",
};

const attestedWhy: Readonly<Record<string, string>> = {
  none: "Not answered yet.",
  unknown: `Answered ${answerWords.unknown}: find out whether it is met.`,
  unmet: `Answered ${answerWords.unmet}.`,
  partial: `Answered ${answerWords.partial}; the policy counts only ${answerWords.met}.`,
  na: `Answered ${answerWords.na}; the policy does not count it as ${answerWords.met}.`,
  met: `Answered ${answerWords.met}, but the requirement needs evidence and none is given.`,
};

/** A fact's value or threshold as a person reads it: an ordinal value in words (`no-medical-impact` is "no medical impact"). */
export const valueWords = (value: number | string) =>
  typeof value === "number" ? String(value) : value.replace(/-/g, " ");

/**
 * Why a requirement that is not fulfilled does not count, in one sentence that says what to do;
 * `needer` is the level that needs it under the policy's gating.
 */
export function blocker(r: CompiledRequirement, outcome: number, read: ReadAssessment, needer: number): Blocker {
  const requirement = r.requirement;
  const status = statusNames[read.codes[r.index] as number];
  const state = outcome === UNKNOWN ? "unknown" : "not-fulfilled";
  if (r.rule && status !== "na") {
    const value = factValue(r.rule, read);
    const fact = r.rule.fact;
    const need = `level ${needer} needs it ${comparatorWords[r.rule.comparator]} ${valueWords(r.rule.thresholdValue)}`;
    return {
      requirement: requirement.id,
      text: requirement.text,
      criterion: requirement.criterion,
      level: r.level,
      outcome: state,
      measured:
        value === undefined
          ? { fact: r.rule.fact.id, comparator: r.rule.comparator, threshold: r.rule.thresholdValue }
          : { fact: r.rule.fact.id, value, comparator: r.rule.comparator, threshold: r.rule.thresholdValue },
      // The fact by its title; by its key as well where the assessment must give it.
      why:
        value === undefined
          ? `${fact.title}: not given (facts.${fact.id} of the assessment); ${need}.`
          : `${fact.title}: ${valueWords(value)}; ${need}.`,
    };
  }
  const why = attestedWhy[status ?? "none"] as string;
  return status === undefined
    ? {
        requirement: requirement.id,
        text: requirement.text,
        criterion: requirement.criterion,
        level: r.level,
        outcome: state,
        why,
      }
    : {
        requirement: requirement.id,
        text: requirement.text,
        criterion: requirement.criterion,
        level: r.level,
        outcome: state,
        answer: status,
        why,
      };
}

/**
 * The blocker of every requirement that is not fulfilled, built once per assessment and shared
 * by the criteria's blockers and the roadmap's steps. Under the paper's example a level-5
 * requirement gets one too, which no level needs and no report shows.
 */
export function blockers(
  compiled: CompiledCatalog,
  outcomes: Outcomes,
  read: ReadAssessment,
  gating: Policy["gating"],
): (Blocker | undefined)[] {
  const out: (Blocker | undefined)[] = new Array(compiled.requirements.length);
  const above = levelsAbove(gating);
  for (const r of compiled.requirements) {
    const outcome = outcomes[r.index] as number;
    if (outcome !== FULFILLED) out[r.index] = blocker(r, outcome, read, r.level + above);
  }
  return out;
}

/** The requirements of `level` in the given requirement indexes that are not fulfilled. */
export function blockersAt(
  compiled: CompiledCatalog,
  indexes: readonly number[],
  level: number,
  all: readonly (Blocker | undefined)[],
): Blocker[] {
  const out: Blocker[] = [];
  for (const index of indexes) {
    const b = all[index];
    if (b !== undefined && (compiled.requirements[index] as CompiledRequirement).level === level) out.push(b);
  }
  return out;
}

/**
 * Progress within the next level of a scope: the share of the requirements that level needs
 * (those of level `next` under the policy's gating) that are fulfilled, with a `partial` answer
 * counting half where it does not fulfil. 0 at level 5.
 */
export function progressToward(
  compiled: CompiledCatalog,
  indexes: readonly number[],
  current: Level,
  outcomes: Outcomes,
  read: ReadAssessment,
  gating: Policy["gating"],
): number {
  if (current >= 5) return 0;
  const next = current + 1 - levelsAbove(gating);
  let total = 0;
  let done = 0;
  for (const index of indexes) {
    const r = compiled.requirements[index] as CompiledRequirement;
    if (r.level !== next) continue;
    total++;
    if (outcomes[index] === FULFILLED) done += 1;
    else if (read.codes[index] === PARTIAL) done += 0.5;
  }
  return total === 0 ? 0 : done / total;
}

/**
 * The way up: for every overall level above the current one, the requirements not yet
 * fulfilled that the level needs under the policy's gating and that an earlier stage has not
 * listed. Fulfilling the steps of every stage up to L lifts every criterion, and so (under the
 * minimum roll-up) the overall level, to at least L.
 */
export function roadmap(
  compiled: CompiledCatalog,
  current: Level,
  all: readonly (Blocker | undefined)[],
  gating: Policy["gating"],
): RoadmapStage[] {
  const stages: RoadmapStage[] = [];
  if (current >= 5) return stages;
  // Every unfulfilled requirement goes to the stage of the first level that needs it, or to the
  // first stage if that level is at or below the current one (possible under the mean roll-up).
  // Under the paper's example no level needs a level-5 requirement.
  const above = levelsAbove(gating);
  const byStage: Blocker[][] = [[], [], [], [], [], []];
  for (const index of compiled.byLevel) {
    const b = all[index];
    if (b === undefined || b.level + above > 5) continue;
    (byStage[Math.max(b.level + above, current + 1)] as Blocker[]).push(b);
  }
  for (let target = current + 1; target <= 5; target++) {
    stages.push({ level: target as 1 | 2 | 3 | 4 | 5, steps: byStage[target] as Blocker[] });
  }
  return stages;
}
