// fast-check arbitraries over the paper's catalog: valid assessments with any mix of answers,
// unknowns and facts, and helpers to improve an answer or follow a roadmap.
import { fc } from "@fast-check/vitest";
import { miotCatalog, type Requirement } from "@miotsec/criteria";
import type { Blocker } from "./report.js";

export const attested = miotCatalog.requirements.filter((r) => r.kind === "attested");
export const measured = miotCatalog.requirements.filter((r) => r.kind === "measured");
const failureImpact = miotCatalog.facts.find((f) => f.id === "failureImpact");
const impacts = failureImpact?.kind === "ordinal" ? failureImpact.values : [];

export type AnswerValue = string | { status: string; justification?: string };

/** A valid answer for a requirement: any status, `na` only where allowed and then justified. */
export function answerFor(r: Requirement): fc.Arbitrary<AnswerValue> {
  const plain = fc.constantFrom("met", "partial", "unmet", "unknown");
  return r.naAllowed
    ? fc.oneof(plain, fc.constant({ status: "na", justification: "Not present on this device." }))
    : plain;
}

export const factsArbitrary = fc.record(
  {
    securityBudgetShare: fc.double({ min: 0, max: 1, noNaN: true }),
    maxDowntimeHours: fc.record(
      {
        low: fc.integer({ min: 0, max: 200 }),
        medium: fc.integer({ min: 0, max: 200 }),
        high: fc.integer({ min: 0, max: 200 }),
      },
      { requiredKeys: [] },
    ),
    failureImpact: fc.constantFrom(...impacts),
    securityEventsLastYear: fc.integer({ min: 0, max: 40 }),
  },
  { requiredKeys: [] },
);

export const answersArbitrary = fc
  .tuple(...attested.map((r) => fc.option(answerFor(r), { nil: undefined, freq: 3 })))
  .map(
    (values) =>
      Object.fromEntries(attested.flatMap((r, i) => (values[i] === undefined ? [] : [[r.id, values[i]]]))) as Record<
        string,
        AnswerValue
      >,
  );

export const assessmentArbitrary = fc.record({
  schemaVersion: fc.constant(1),
  asOf: fc.oneof(
    fc.constant("2026-11-28"),
    fc
      .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2999-12-31T00:00:00Z"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
  ),
  answers: answersArbitrary,
  facts: factsArbitrary,
});

export type GeneratedAssessment = {
  schemaVersion: number;
  asOf: string;
  answers: Record<string, AnswerValue>;
  facts: {
    securityBudgetShare?: number;
    maxDowntimeHours?: { low?: number; medium?: number; high?: number };
    failureImpact?: string;
    securityEventsLastYear?: number;
  };
};

/** A value of a fact that satisfies one measured step of the paper's catalog. */
function satisfyingValue(step: Blocker): number | string {
  const m = step.measured;
  if (!m) throw new Error("not a measured step");
  const t = m.threshold;
  switch (m.comparator) {
    case "lt":
      return (t as number) - 1;
    case "gt":
      return (t as number) + 0.0001;
    default:
      return t;
  }
}

/** Applies roadmap steps: attested steps become met, measured ones get a satisfying fact. */
export function applySteps(assessment: GeneratedAssessment, steps: readonly Blocker[]): GeneratedAssessment {
  const next: GeneratedAssessment = structuredClone(assessment);
  for (const step of steps) {
    if (!step.measured) {
      next.answers[step.requirement] = "met";
      continue;
    }
    const value = satisfyingValue(step);
    const [head, tail] = step.measured.fact.split(".") as [string, string | undefined];
    const facts = next.facts as Record<string, unknown>;
    if (tail === undefined) facts[head] = value;
    else facts[head] = { ...(facts[head] as object | undefined), [tail]: value };
  }
  return next;
}
