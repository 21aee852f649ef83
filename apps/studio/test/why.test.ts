// The Assess report says why a requirement does not count in the questionnaire's words: its
// answer as the questionnaire names it, a fact by its title, never a status code or a fact id.
import { readFileSync } from "node:fs";
import { fc, test } from "@fast-check/vitest";
import { miotCatalog } from "@miotsec/criteria";
import { assess, type Blocker, type MaturityReport } from "@miotsec/maturity";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { whyWords } from "../src/assess/why.js";

const titles = new Map(miotCatalog.facts.map((f) => [f.id, f.title]));
const factTitle = (id: string) => titles.get(id);
/** The values of the ordinal facts that are more than one word (`availability-of-operation`). */
const ordinalValues = miotCatalog.facts
  .flatMap((f) => (f.kind === "ordinal" ? f.values : []))
  .filter((v) => v.includes("-"));
const hospital = parse(
  readFileSync(new URL("../../../examples/assessments/hospital.assessment.yaml", import.meta.url), "utf8"),
);
const reportOf = (assessment: unknown): MaturityReport => {
  const r = assess(miotCatalog, assessment);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value as MaturityReport;
};
const everyBlocker = (report: MaturityReport): Blocker[] => [
  ...report.criteria.flatMap((c) => c.blockers),
  ...report.roadmap.flatMap((s) => s.steps),
];
const blockerOf = (report: MaturityReport, id: string): Blocker => {
  const found = everyBlocker(report).find((b) => b.requirement === id);
  if (found === undefined) throw new Error(`no blocker ${id}`);
  return found;
};

describe("whyWords", () => {
  const report = reportOf(hospital);

  it("says an answer as the questionnaire names it", () => {
    expect(whyWords(blockerOf(report, "updates.2.3"), factTitle)).toBe(
      "Answered “Partly met”; the policy counts only “Met”.",
    );
    expect(whyWords(blockerOf(report, "data-management.3.3"), factTitle)).toBe("Answered “Not met”.");
    expect(whyWords(blockerOf(report, "malfunction-management.4.1"), factTitle)).toBe("Not answered yet.");
  });

  it("names a fact by its title, and an ordinal value in words", () => {
    expect(whyWords(blockerOf(report, "security-costs.4.1"), factTitle)).toBe(
      "Share of the complete health facility budget spent on IT security: 0.035; it needs to be at least 0.04.",
    );
    expect(whyWords(blockerOf(report, "failsafe.4.1"), factTitle)).toBe(
      "What a failure affects (Table IV, Failsafe), worst first: availability of operation; it needs to be at least as good as “no medical impact”.",
    );
    const { securityEventsLastYear, ...facts } = hospital.facts;
    expect(securityEventsLastYear).toBe(11);
    expect(whyWords(blockerOf(reportOf({ ...hospital, facts }), "threats.4.1"), factTitle)).toBe(
      "Security-related events (threats, attacks) in the health facility last year: not known yet; it needs to be below 10.",
    );
  });

  const statuses = fc.constantFrom("met", "partial", "unmet", "unknown", undefined);
  const answers = fc.dictionary(
    fc.constantFrom(...miotCatalog.requirements.filter((r) => r.kind !== "measured").map((r) => r.id)),
    statuses,
  );
  test.prop([answers, fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined })], { numRuns: 60 })(
    "words every blocker of any answers without a status code or a fact id",
    (given, share) => {
      const { securityBudgetShare: _, ...otherFacts } = hospital.facts;
      const assessment = {
        ...hospital,
        answers: Object.fromEntries(Object.entries(given).filter(([, s]) => s !== undefined)),
        facts: share === undefined ? otherFacts : { ...otherFacts, securityBudgetShare: share },
      };
      for (const b of everyBlocker(reportOf(assessment))) {
        const words = whyWords(b, factTitle);
        expect(words).not.toMatch(/\b(partial|unmet|unknown|na)\b/);
        for (const id of [...titles.keys(), ...ordinalValues]) expect(words).not.toContain(id);
      }
    },
  );
});
