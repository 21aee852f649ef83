// Deterministic device assessments for the benchmarks: a linear congruential generator, so
// every run scores the same documents. Each document goes through JSON.parse, as documents read
// from files or the network do, so that objects have the shape real input has.
import { miotCatalog } from "@miotsec/criteria";

const statuses = ["met", "met", "met", "partial", "unmet", "unknown"];
const impacts = ["whole-system", "parts-of-system", "availability-of-operation", "no-medical-impact", "no-impact"];
const attested = miotCatalog.requirements.filter((r) => r.kind === "attested").map((r) => r.id);

export function* deviceAssessments(count, seed = 1) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  for (let i = 0; i < count; i++) {
    const answers = {};
    for (const id of attested) {
      const pick = Math.floor(next() * (statuses.length + 1));
      if (pick < statuses.length) answers[id] = statuses[pick];
    }
    yield JSON.parse(
      JSON.stringify({
        schemaVersion: 1,
        asOf: "2026-11-28",
        answers,
        facts: {
          securityBudgetShare: Math.round(next() * 1000) / 10000,
          maxDowntimeHours: {
            low: Math.floor(next() * 96),
            medium: Math.floor(next() * 96),
            high: Math.floor(next() * 96),
          },
          failureImpact: impacts[Math.floor(next() * impacts.length)],
          securityEventsLastYear: Math.floor(next() * 30),
        },
      }),
    );
  }
}
