import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { catalogArbitrary, profileArbitrary } from "./arbitraries.test-support.js";
import { miotCatalog } from "./miot-catalog.js";
import { parseCatalog } from "./parse-catalog.js";
import { applyProfile } from "./profile.js";

const base = { schemaVersion: 1, id: "clinic-a", title: "Clinic A" } as const;
const catalogAndProfile = catalogArbitrary.chain((catalog) =>
  fc.tuple(fc.constant(catalog), profileArbitrary(catalog)),
);

describe("applyProfile: properties", () => {
  test.prop([catalogArbitrary])("an empty profile changes nothing but the record of profiles", (catalog) => {
    expect(applyProfile(catalog, base)).toEqual({
      ok: true,
      value: { ...catalog, profiles: [{ id: "clinic-a", title: "Clinic A" }] },
    });
  });

  test.prop([catalogAndProfile])("records every profile applied, in order", ([catalog, profile]) => {
    const first = applyProfile(catalog, profile);
    if (!first.ok) return;
    const second = applyProfile(first.value, { ...base, version: "2" });
    if (!second.ok) throw new Error("an empty profile failed");
    const recorded = (p: { id: string; title: string; version?: string }) => ({
      id: p.id,
      title: p.title,
      ...(p.version === undefined ? {} : { version: p.version }),
    });
    expect(second.value.profiles).toEqual([
      recorded(profile as { id: string; title: string }),
      { id: "clinic-a", version: "2", title: "Clinic A" },
    ]);
  });

  test.prop([catalogAndProfile])(
    "is deterministic, and its result always passes parseCatalog",
    ([catalog, profile]) => {
      const first = applyProfile(catalog, profile);
      expect(applyProfile(catalog, profile)).toEqual(first);
      if (first.ok) expect(parseCatalog(JSON.parse(JSON.stringify(first.value)))).toEqual(first);
    },
  );

  test.prop([catalogAndProfile])("ids stay unique under any profile", ([catalog, profile]) => {
    const r = applyProfile(catalog, profile);
    if (!r.ok) {
      // A generated profile fails only by its own mistakes (altering what it excluded, adding to a
      // criterion it emptied, reusing an id, excluding everything), each reported as an issue with a documented code.
      for (const i of r.issues)
        expect(["duplicate-id", "missing-level-1", "unknown-criterion", "unknown-id", "empty-catalog"]).toContain(
          i.code,
        );
      return;
    }
    const ids = [...r.value.dimensions, ...r.value.criteria, ...r.value.requirements].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test.prop([catalogAndProfile])("never changes the catalog or the profile it is given", ([catalog, profile]) => {
    const before = JSON.stringify([catalog, profile]);
    applyProfile(catalog, profile);
    expect(JSON.stringify([catalog, profile])).toBe(before);
  });

  test.prop([catalogAndProfile])("records every change with the profile's id", ([catalog, profile]) => {
    const r = applyProfile(catalog, profile);
    if (!r.ok) return;
    const added = r.value.provenance.slice(catalog.provenance.length);
    for (const entry of added) expect(entry.profile).toBe(profile.id);
    const expected =
      (profile.remove?.length ?? 0) + (profile.alter?.length ?? 0) + Object.keys(profile.setParameters ?? {}).length;
    expect(added.length).toBeGreaterThanOrEqual(expected);
  });
});

describe("applyProfile: tailoring the paper's catalog", () => {
  it("sets a facility's own event thresholds and records the change", () => {
    const r = applyProfile(miotCatalog, { ...base, version: "2026.1", setParameters: { "threats.1.1.threshold": 30 } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.parameters.find((p) => p.id === "threats.1.1.threshold")?.value).toBe(30);
    expect(r.value.provenance).toEqual([
      {
        profile: "clinic-a",
        profileVersion: "2026.1",
        operation: "set-parameter",
        target: "threats.1.1.threshold",
        detail: "25 -> 30",
      },
    ]);
    expect(miotCatalog.parameters.find((p) => p.id === "threats.1.1.threshold")?.value).toBe(25);
  });

  it("removes a whole criterion with its requirements and parameters", () => {
    const r = applyProfile(miotCatalog, { ...base, remove: ["security-costs"] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.criteria.map((c) => c.id)).not.toContain("security-costs");
    expect(r.value.requirements.some((q) => q.criterion === "security-costs")).toBe(false);
    expect(r.value.parameters.some((p) => p.id.startsWith("security-costs."))).toBe(false);
  });

  it("includes by tag and drops the criteria left empty", () => {
    const r = applyProfile(miotCatalog, { ...base, include: { tags: ["credentials"] } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.criteria.map((c) => c.id)).toEqual(["authentication"]);
    expect(r.value.dimensions.map((d) => d.id)).toEqual(["structure"]);
    for (const q of r.value.requirements) expect(q.tags).toContain("credentials");
  });

  it("adds a requirement with default metadata and alters text, level and tags", () => {
    const r = applyProfile(miotCatalog, {
      ...base,
      add: {
        requirements: [
          {
            id: "updates.3.9",
            criterion: "updates",
            level: 3,
            kind: "attested",
            text: "SBOM delivered with every update",
          },
        ],
      },
      alter: [
        { id: "updates.1.1", text: "Monthly security updates", addTags: ["monthly"], removeTags: ["lifecycle"] },
        { id: "usability.5.1", level: 4 },
      ],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const added = r.value.requirements.find((q) => q.id === "updates.3.9");
    expect(added).toMatchObject({ naAllowed: false, tags: [], mappings: [] });
    expect(r.value.requirements.find((q) => q.id === "updates.1.1")).toMatchObject({
      text: "Monthly security updates",
      tags: ["monthly"],
    });
    expect(r.value.requirements.find((q) => q.id === "usability.5.1")?.level).toBe(4);
    expect(r.value.provenance.map((p) => p.operation)).toEqual(["add", "alter", "alter"]);
  });
});

describe("applyProfile: errors", () => {
  it("names unknown ids and tags with their paths", () => {
    const r = applyProfile(miotCatalog, {
      ...base,
      remove: ["nothing"],
      include: { ids: ["nope.1.1"], tags: ["no-such-tag"] },
    });
    expect(r).toMatchObject({
      ok: false,
      issues: [
        { code: "unknown-id", path: ["include", "ids", 0] },
        { code: "unknown-tag", path: ["include", "tags", 0] },
        { code: "unknown-id", path: ["remove", 0] },
      ],
    });
    expect(applyProfile(miotCatalog, { ...base, alter: [{ id: "nope.1.1", text: "x" }] })).toMatchObject({
      ok: false,
      issues: [{ code: "unknown-id", path: ["alter", 0, "id"] }],
    });
    expect(applyProfile(miotCatalog, { ...base, setParameters: { "nope.threshold": 1 } })).toMatchObject({
      ok: false,
      issues: [{ code: "unknown-parameter", path: ["setParameters", "nope.threshold"] }],
    });
  });

  it("refuses a duplicate id", () => {
    const r = applyProfile(miotCatalog, {
      ...base,
      add: { requirements: [{ id: "updates.1.1", criterion: "updates", level: 1, kind: "attested", text: "Again" }] },
    });
    expect(r).toMatchObject({ ok: false, issues: [{ code: "duplicate-id", path: ["add", "requirements", 0, "id"] }] });
  });

  it("refuses a level outside 1-5", () => {
    const r = applyProfile(miotCatalog, { ...base, alter: [{ id: "updates.1.1", level: 6 }] });
    expect(r).toMatchObject({ ok: false, issues: [{ code: "invalid-value", path: ["alter", 0, "level"] }] });
  });

  it("refuses to leave a criterion without a level-1 requirement", () => {
    const r = applyProfile(miotCatalog, { ...base, remove: ["organisation.1.1"] });
    expect(r).toMatchObject({ ok: false, issues: [{ code: "missing-level-1" }] });
    if (!r.ok) expect(r.issues[0]?.message).toMatch(/organisation/);
  });

  it("refuses a threshold of the wrong type", () => {
    const r = applyProfile(miotCatalog, { ...base, setParameters: { "threats.1.1.threshold": "many" } });
    expect(r).toMatchObject({
      ok: false,
      issues: [{ code: "invalid-parameter", path: ["setParameters", "threats.1.1.threshold"] }],
    });
    const ordinal = applyProfile(miotCatalog, { ...base, setParameters: { "failsafe.2.1.threshold": "catastrophic" } });
    expect(ordinal).toMatchObject({ ok: false, issues: [{ code: "invalid-parameter" }] });
  });

  it("answers a hostile profile with issues", () => {
    expect(
      applyProfile(miotCatalog, JSON.parse('{"schemaVersion":1,"id":"x","title":"x","setParameters":{"__proto__":1}}')),
    ).toMatchObject({
      ok: false,
      issues: [{ code: "forbidden-key" }],
    });
    expect(applyProfile(miotCatalog, { ...base, remove: Array.from({ length: 100_000 }, (_, i) => `r${i}`) }).ok).toBe(
      false,
    );
  });
});
