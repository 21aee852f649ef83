import { fc, test } from "@fast-check/vitest";
import { miotCatalog } from "@miotsec/criteria";
import { describe, expect, it } from "vitest";
import { assessmentArbitrary } from "./arbitraries.test-support.js";
import { assess } from "./assess.js";
import { assessMany } from "./fleet.js";
import { assessLevels } from "./rating.js";

describe("assessLevels", () => {
  test.prop([
    assessmentArbitrary,
    fc.constantFrom(
      {},
      { partial: "met" as const },
      { rollUp: "mean" as const },
      { gating: "paper-example" as const },
      { rollUp: "mean" as const, gating: "paper-example" as const },
    ),
  ])("gives exactly the levels of the full report", (a, policy) => {
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
  });

  test.prop([fc.anything()])("rejects exactly what assess rejects, with the same issues", (input) => {
    const full = assess(miotCatalog, input);
    const fast = assessLevels(miotCatalog, input);
    expect(fast.ok).toBe(full.ok);
    if (!fast.ok && !full.ok) expect(fast.issues).toEqual(full.issues);
  });

  test.prop([assessmentArbitrary, assessmentArbitrary])(
    "remembers nothing of the assessment scored before",
    (before, a) => {
      // assess and assessLevels keep one scorer per catalog and reuse its arrays; a policy given
      // as an object gets a scorer of its own, made for the call.
      assessLevels(miotCatalog, before);
      assess(miotCatalog, before);
      expect(assessLevels(miotCatalog, a)).toEqual(assessLevels(miotCatalog, a, { policy: {} }));
      expect(assess(miotCatalog, a)).toEqual(assess(miotCatalog, a, { policy: {} }));
    },
  );

  test.prop([assessmentArbitrary, assessmentArbitrary])(
    "scores right when reading one assessment scores another on the way",
    (outer, inner) => {
      // A getter in the input that scores another document re-enters the same scorer while it
      // is reading; the inner call must get arrays of its own.
      const expectedInner = assessLevels(miotCatalog, inner, { policy: {} });
      let seen: unknown;
      const answers = { ...outer.answers };
      Object.defineProperty(answers, "organisation.1.1", {
        enumerable: true,
        get: () => {
          seen = assessLevels(miotCatalog, inner);
          return outer.answers["organisation.1.1"] ?? "unknown";
        },
      });
      const withUnknown = {
        ...outer,
        answers: { ...outer.answers, "organisation.1.1": outer.answers["organisation.1.1"] ?? "unknown" },
      };
      expect(assessLevels(miotCatalog, { ...outer, answers })).toEqual(
        assessLevels(miotCatalog, withUnknown, { policy: {} }),
      );
      expect(seen).toEqual(expectedInner);
    },
  );

  it("is what assessMany yields with detail: levels", () => {
    const a = { schemaVersion: 1, asOf: "2026-11-28", answers: { "organisation.1.1": "met" } };
    expect([...assessMany(miotCatalog, [a], { detail: "levels" })]).toEqual([assessLevels(miotCatalog, a)]);
  });
});
