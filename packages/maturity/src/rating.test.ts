import { fc, test } from "@fast-check/vitest";
import { miotCatalog } from "@miotsec/criteria";
import { describe, expect, it } from "vitest";
import { assessmentArbitrary } from "./arbitraries.test-support.js";
import { assess } from "./assess.js";
import { assessMany } from "./fleet.js";
import { assessLevels } from "./rating.js";

describe("assessLevels", () => {
  test.prop([assessmentArbitrary, fc.constantFrom({}, { partial: "met" as const }, { rollUp: "mean" as const })])(
    "gives exactly the levels of the full report",
    (a, policy) => {
      const full = assess(miotCatalog, a, { policy });
      const fast = assessLevels(miotCatalog, a, { policy });
      if (!full.ok || !fast.ok) throw new Error("fixture");
      expect(fast.value).toEqual({
        level: full.value.level,
        levelName: full.value.levelName,
        levelIfUnknownsMet: full.value.levelIfUnknownsMet,
        unknown: full.value.coverage.unknown,
        dimensions: full.value.dimensions.map((d) => ({
          id: d.id,
          level: d.level,
          levelIfUnknownsMet: d.levelIfUnknownsMet,
        })),
        criteria: full.value.criteria.map((c) => ({
          id: c.id,
          level: c.level,
          levelIfUnknownsMet: c.levelIfUnknownsMet,
        })),
      });
    },
  );

  test.prop([fc.anything()])("rejects exactly what assess rejects, with the same issues", (input) => {
    const full = assess(miotCatalog, input);
    const fast = assessLevels(miotCatalog, input);
    expect(fast.ok).toBe(full.ok);
    if (!fast.ok && !full.ok) expect(fast.issues).toEqual(full.issues);
  });

  it("is what assessMany yields with detail: levels", () => {
    const a = { schemaVersion: 1, asOf: "2026-11-28", answers: { "organisation.1.1": "met" } };
    expect([...assessMany(miotCatalog, [a], { detail: "levels" })]).toEqual([assessLevels(miotCatalog, a)]);
  });
});
