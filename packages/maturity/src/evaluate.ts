import type { AnswerStatus } from "@miotsec/criteria";
import type { CompiledCatalog, CompiledRequirement, CompiledRule } from "./compile.js";
import type { Policy } from "./policy.js";
import type { ReadAssessment } from "./read-assessment.js";

/** One outcome code per requirement, indexed like the catalog's requirements. */
export type Outcomes = readonly number[];

/** Outcome codes, kept as small integers in a typed array while scoring. */
export const FULFILLED = 1;
export const NOT_FULFILLED = 0;
export const UNKNOWN = 2;

/** Reads a rule's fact from the assessment's facts; undefined when not given. */
export function factValue(
  rule: CompiledRule,
  facts: Readonly<Record<string, unknown>> | undefined,
): number | string | undefined {
  if (facts === undefined) return undefined;
  const head = facts[rule.head];
  if (rule.tail === undefined) return head as number | string | undefined;
  return head === undefined ? undefined : ((head as Record<string, unknown>)[rule.tail] as number | string | undefined);
}

/** Whether a measured value satisfies a rule. */
export function satisfies(rule: CompiledRule, value: number | string): boolean {
  const v = rule.ranks ? (rule.ranks.get(value as string) ?? -1) : (value as number);
  switch (rule.comparator) {
    case "lt":
      return v < rule.threshold;
    case "lte":
      return v <= rule.threshold;
    case "gt":
      return v > rule.threshold;
    case "gte":
    case "at-least":
      return v >= rule.threshold;
  }
}

function attestedOutcome(
  status: AnswerStatus | undefined,
  r: CompiledRequirement,
  evidenced: boolean,
  policy: Policy,
): number {
  switch (status) {
    case "met":
      return policy.evidence === "enforce" && r.requirement.evidenceRequired && !evidenced ? NOT_FULFILLED : FULFILLED;
    case "partial":
      return policy.partial === "met" ? FULFILLED : NOT_FULFILLED;
    case "unmet":
      return NOT_FULFILLED;
    case "na":
      return policy.na === "fulfils" ? FULFILLED : NOT_FULFILLED;
    default:
      return UNKNOWN;
  }
}

/** The outcome of every requirement, indexed like the catalog's requirements. */
export function evaluate(compiled: CompiledCatalog, read: ReadAssessment, policy: Policy): Outcomes {
  // A plain array: small typed arrays cost more to allocate than they save here.
  const outcomes: number[] = new Array(compiled.requirements.length);
  for (const r of compiled.requirements) {
    const status = read.statuses[r.index];
    if (r.rule === undefined || status === "na") {
      outcomes[r.index] = attestedOutcome(status, r, read.evidenced[r.index] === true, policy);
      continue;
    }
    const value = factValue(r.rule, read.facts);
    outcomes[r.index] = value === undefined ? UNKNOWN : satisfies(r.rule, value) ? FULFILLED : NOT_FULFILLED;
  }
  return outcomes;
}
