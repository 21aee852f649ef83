import { fc, test } from "@fast-check/vitest";
import { applyProfile, miotCatalog } from "@miotsec/criteria";
import { describe, expect, it } from "vitest";
import { assessmentArbitrary } from "./arbitraries.test-support.js";
import { assess } from "./assess.js";
import { compareReports, summarize } from "./fleet.js";
import { toMarkdown } from "./markdown.js";
import { toOscalAssessmentResults } from "./oscal.js";
import { parseReport } from "./report-schema.js";

const tailored = applyProfile(miotCatalog, { schemaVersion: 1, id: "clinic-a", version: "2", title: "Clinic A" });
const catalogs = tailored.ok ? [miotCatalog, tailored.value] : [miotCatalog];

describe("parseReport", () => {
  test.prop([
    assessmentArbitrary,
    fc.constantFrom(...catalogs),
    fc.constantFrom({}, { partial: "met" as const }, { gating: "paper-example" as const }),
  ])("takes every report assess writes, as it is and after a trip through JSON", (a, catalog, policy) => {
    const r = assess(catalog, a, { policy });
    if (!r.ok) throw new Error("fixture");
    expect(parseReport(r.value)).toEqual({ ok: true, value: r.value });
    expect(parseReport(JSON.parse(JSON.stringify(r.value)))).toEqual({ ok: true, value: r.value });
  });

  it("reads a report written before 0.2.0, which has no gating, as made with the strict one", () => {
    const r = assess(miotCatalog, { schemaVersion: 1, asOf: "2026-11-28", answers: {} });
    if (!r.ok) throw new Error("fixture");
    const { gating, ...older } = r.value.policy;
    expect(gating).toBe("strict");
    expect(parseReport({ ...r.value, policy: older })).toEqual({ ok: true, value: r.value });
    expect(parseReport({ ...r.value, policy: { ...older, gating: "loose" } })).toMatchObject({
      ok: false,
      issues: [{ path: ["policy", "gating"] }],
    });
  });

  // A real report with one value replaced: a wrong type, a level out of range, an unknown key.
  const report = assess(miotCatalog, { schemaVersion: 1, asOf: "2026-11-28", answers: { "updates.1.1": "met" } });
  const broken = fc.constantFrom<[string, (r: Record<string, unknown>) => void]>(
    ["level 6", (r) => (r.level = 6)],
    ["schemaVersion 2", (r) => (r.schemaVersion = 2)],
    ["an unknown key", (r) => (r.extra = true)],
    ["criteria null", (r) => (r.criteria = null)],
    ["a NaN score", (r) => (r.score = Number.NaN)],
    ["coverage as a string", (r) => (r.coverage = "75 %")],
  );
  test.prop([broken])("refuses a report with one value broken, with a path", ([, breakIt]) => {
    if (!report.ok) throw new Error("fixture");
    const copy = structuredClone(report.value) as unknown as Record<string, unknown>;
    breakIt(copy);
    const r = parseReport(copy);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.path.length).toBeGreaterThan(0);
  });
});

describe("every function that reads a report answers bad data with issues", () => {
  test.prop([fc.anything()])("toMarkdown, toOscalAssessmentResults, summarize, compareReports", (x) => {
    expect(toMarkdown(x as never).ok).toBe(false);
    expect(toOscalAssessmentResults(x as never).ok).toBe(false);
    expect(compareReports(x as never, x as never).ok).toBe(false);
    const s = summarize(x as never);
    // An empty iterable (a string, an empty array) is a fleet of none.
    if (s.ok) expect(s.value.count).toBe(0);
  });

  it("says where: the report's index in a fleet, before or after in a comparison", () => {
    const r = assess(miotCatalog, { schemaVersion: 1, asOf: "2026-11-28", answers: {} });
    if (!r.ok) throw new Error("fixture");
    const fleet = summarize([r.value, null as never]);
    expect(fleet.ok).toBe(false);
    if (!fleet.ok) expect(fleet.issues[0]?.path).toEqual(["reports", 1]);
    const compared = compareReports(r.value, { ...r.value, level: 9 } as never);
    expect(compared.ok).toBe(false);
    if (!compared.ok) expect(compared.issues[0]?.path).toEqual(["after", "level"]);
    expect(summarize([r.value], { topBlockers: -1 }).ok).toBe(false);
    expect(summarize(null as never).ok).toBe(false);
  });
});
