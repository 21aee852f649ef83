import { fc, test } from "@fast-check/vitest";
import { unwrap } from "@miotsec/core";
import { miotCatalog } from "@miotsec/criteria";
import { describe, expect, it } from "vitest";
import { assessmentArbitrary } from "./arbitraries.test-support.js";
import { assess } from "./assess.js";
import { assessMany, assessManyAsync, compareReports, summarize } from "./fleet.js";
import type { MaturityReport } from "./report.js";

const reportOf = (a: unknown): MaturityReport => {
  const r = assess(miotCatalog, a);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};

describe("assessMany", () => {
  test.prop([fc.array(assessmentArbitrary, { maxLength: 8 })])(
    "yields what assess gives, one result per input, in order",
    (assessments) => {
      expect([...assessMany(miotCatalog, assessments)]).toEqual(assessments.map((a) => assess(miotCatalog, a)));
    },
  );

  it("keeps going after a bad assessment", () => {
    const results = [
      ...assessMany(miotCatalog, [
        { schemaVersion: 1, asOf: "2026-11-28", answers: {} },
        { nope: true },
        { schemaVersion: 1, asOf: "2026-11-28", answers: {} },
      ]),
    ];
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
  });

  it("is lazy: it scores an assessment only when asked", () => {
    let pulled = 0;
    function* source() {
      for (;;) {
        pulled++;
        yield { schemaVersion: 1, asOf: "2026-11-28", answers: {} };
      }
    }
    const it = assessMany(miotCatalog, source());
    it.next();
    it.next();
    expect(pulled).toBe(2);
  });

  it("works over async iterables", async () => {
    async function* source() {
      yield { schemaVersion: 1, asOf: "2026-11-28", answers: { "organisation.1.1": "met" } };
    }
    const out = [];
    for await (const r of assessManyAsync(miotCatalog, source())) out.push(r);
    expect(out).toHaveLength(1);
    expect(out[0]?.ok).toBe(true);
  });

  it("reports a bad policy for every item", () => {
    const results = [...assessMany(miotCatalog, [{}, {}], { policy: { rollUp: "max" as "mean" } })];
    expect(results.every((r) => !r.ok && r.issues[0]?.code === "invalid-value")).toBe(true);
  });
});

describe("summarize", () => {
  test.prop([fc.array(assessmentArbitrary, { maxLength: 10 })])(
    "counts every report once per distribution",
    (assessments) => {
      const reports = assessments.map(reportOf);
      const s = unwrap(summarize(reports));
      expect(s.count).toBe(reports.length);
      expect(s.levels.reduce((a, b) => a + b, 0)).toBe(reports.length);
      for (const c of s.criteria) expect(c.levels.reduce((a, b) => a + b, 0)).toBe(reports.length);
      for (const b of s.commonBlockers) expect(b.reports).toBeLessThanOrEqual(reports.length);
    },
  );

  it("names the most common blockers, most first", () => {
    const a = reportOf({ schemaVersion: 1, asOf: "2026-11-28", answers: { "updates.1.1": "unmet" } });
    const b = reportOf({
      schemaVersion: 1,
      asOf: "2026-11-28",
      answers: { "updates.1.1": "unmet", "organisation.1.1": "unmet" },
    });
    const s = unwrap(summarize([a, b], { topBlockers: 3 }));
    expect(s.commonBlockers[0]).toEqual({ requirement: "authentication.1.1", reports: 2, share: 1 });
    expect(s.commonBlockers.every((x, i, all) => i === 0 || (all[i - 1]?.reports ?? 0) >= x.reports)).toBe(true);
    expect(unwrap(summarize([]))).toMatchObject({ count: 0, meanScore: 0, levels: [0, 0, 0, 0, 0, 0] });
  });
});

describe("compareReports", () => {
  it("names what improved and what regressed", () => {
    const before = reportOf({
      schemaVersion: 1,
      asOf: "2026-01-10",
      answers: { "updates.1.1": "met", "updates.1.2": "met", "organisation.1.1": "met" },
    });
    const after = reportOf({
      schemaVersion: 1,
      asOf: "2026-11-28",
      answers: { "updates.1.1": "met", "updates.1.2": "unmet", "usability.1.1": "met" },
    });
    const c = unwrap(compareReports(before, after));
    expect(c.improved).toEqual(["usability"]);
    expect(c.regressed).toEqual(["organisation", "updates"]);
    expect(c.newlyFulfilled).toEqual(["usability.1.1"]);
    expect(c.noLongerFulfilled).toEqual(["organisation.1.1", "updates.1.2"]);
    expect(c.overall).toEqual({ before: 0, after: 0, change: "unchanged" });
  });

  test.prop([assessmentArbitrary])("a report compared with itself changed nothing", (a) => {
    const r = reportOf(a);
    const c = unwrap(compareReports(r, r));
    expect(c).toMatchObject({
      improved: [],
      regressed: [],
      newlyFulfilled: [],
      noLongerFulfilled: [],
      onlyBefore: [],
      onlyAfter: [],
    });
  });
});
