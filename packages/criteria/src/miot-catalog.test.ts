import { describe, expect, it } from "vitest";
import { miotCatalog } from "./miot-catalog.js";
import { parseCatalog } from "./parse-catalog.js";

/** Bullets per cell as printed in the paper: [criterion, bullets at levels 1..5]. */
const cells: Array<[string, number[]]> = [
  ["organisation", [1, 2, 1, 1, 1]],
  ["data-management", [3, 2, 4, 3, 2]],
  ["authentication", [3, 4, 2, 2, 2]],
  ["updates", [2, 3, 2, 2, 2]],
  ["malfunction-management", [4, 3, 3, 1, 1]],
  ["usability", [1, 1, 1, 1, 1]],
  ["security-costs", [1, 1, 1, 1, 1]],
  ["downtime", [1, 1, 1, 1, 1]],
  ["failsafe", [1, 1, 1, 1, 1]],
  ["threats", [1, 1, 1, 1, 1]],
];

const byId = new Map(miotCatalog.requirements.map((r) => [r.id, r]));

describe("miotCatalog", () => {
  it("passes parseCatalog, also after a trip through JSON", () => {
    expect(parseCatalog(miotCatalog)).toEqual({ ok: true, value: miotCatalog });
    expect(parseCatalog(JSON.parse(JSON.stringify(miotCatalog)))).toEqual({ ok: true, value: miotCatalog });
  });

  it("has the paper's 3 dimensions, 10 criteria and 81 bullets", () => {
    expect(miotCatalog.dimensions.map((d) => d.id)).toEqual(["structure", "process", "outcome"]);
    expect(miotCatalog.criteria).toHaveLength(10);
    expect(miotCatalog.requirements).toHaveLength(81);
  });

  it.each(cells)("transcribes every cell of %s with its number of bullets", (criterion, counts) => {
    counts.forEach((count, i) => {
      const level = i + 1;
      const ids = miotCatalog.requirements
        .filter((r) => r.criterion === criterion && r.level === level)
        .map((r) => r.id);
      expect(ids).toEqual(Array.from({ length: count }, (_, n) => `${criterion}.${level}.${n + 1}`));
    });
  });

  it("puts each table's bullets in the table's dimension, with the row as the level", () => {
    const dimensionOf = Object.fromEntries(miotCatalog.criteria.map((c) => [c.id, c.dimension]));
    for (const r of miotCatalog.requirements) {
      expect({ II: "structure", III: "process", IV: "outcome" }[r.source?.table ?? ""]).toBe(dimensionOf[r.criterion]);
      expect(r.source?.row).toBe(r.level);
    }
  });

  it("keeps the paper's words", () => {
    expect(byId.get("authentication.1.1")?.text).toBe("No default credentials for Medical IoT devices");
    expect(byId.get("updates.2.2")?.text).toBe(
      "Validation of authenticity and integrity of all updates (e.g., signing certificate)",
    );
    expect(byId.get("malfunction-management.3.2")?.text).toBe("Log all backend TLS connection failures");
    expect(byId.get("organisation.5.1")?.text).toBe(
      "Manufacturers consider compliance with ISO 30111 for vulnerability report handling",
    );
  });

  it("records why each bullet on a column boundary went where it did", () => {
    for (const id of [
      "data-management.1.3",
      "authentication.2.1",
      "authentication.2.2",
      "authentication.2.3",
      "data-management.3.1",
      "data-management.3.4",
      "data-management.4.3",
      "data-management.5.2",
      "updates.2.1",
      "updates.2.3",
      "malfunction-management.3.1",
      "data-management.4.1",
      "updates.3.2",
      "malfunction-management.5.1",
    ]) {
      expect(byId.get(id)?.note, id).toMatch(/Column decided/);
    }
    // Where the column is a close call, the note says so and gives the other reading.
    for (const id of ["authentication.2.1", "authentication.2.2", "authentication.2.3"]) {
      expect(byId.get(id)?.note, id).toMatch(/with low confidence/);
      expect(byId.get(id)?.note, id).toMatch(/The other reading puts it in data management/);
    }
    for (const id of ["data-management.4.1", "updates.3.2", "malfunction-management.5.1"])
      expect(byId.get(id)?.note, id).toMatch(/The other reading/);
    expect(byId.get("data-management.1.3")?.note).toMatch(/TRACE and TRACK/);
    expect(byId.get("data-management.5.1")?.note).toMatch(/data at rest/);
  });

  it("makes Table IV measured, with its thresholds as parameters", () => {
    const threshold = (id: string) => miotCatalog.parameters.find((p) => p.id === `${id}.threshold`)?.value;
    const outcome = miotCatalog.requirements.filter((r) => r.source?.table === "IV");
    expect(outcome).toHaveLength(20);
    for (const r of outcome) expect(r.kind).toBe("measured");
    for (const r of miotCatalog.requirements.filter((q) => q.source?.table !== "IV")) expect(r.kind).toBe("attested");
    expect([1, 2, 3, 4, 5].map((l) => threshold(`threats.${l}.1`))).toEqual([25, 20, 15, 10, 5]);
    expect([1, 2, 3, 4, 5].map((l) => threshold(`security-costs.${l}.1`))).toEqual([0, 0.01, 0.02, 0.04, 0.08]);
    expect([1, 2, 3, 4, 5].map((l) => threshold(`downtime.${l}.1`))).toEqual([72, 24, 72, 24, 24]);
    expect([1, 2, 3, 4, 5].map((l) => byId.get(`downtime.${l}.1`)?.rule?.fact)).toEqual([
      "maxDowntimeHours.low",
      "maxDowntimeHours.low",
      "maxDowntimeHours.medium",
      "maxDowntimeHours.medium",
      "maxDowntimeHours.high",
    ]);
    expect([1, 2, 3, 4, 5].map((l) => threshold(`failsafe.${l}.1`))).toEqual([
      "whole-system",
      "parts-of-system",
      "availability-of-operation",
      "no-medical-impact",
      "no-impact",
    ]);
  });

  it("decides the 6-8 % gap once: level 5 needs strictly more than 8 %, levels 2-4 start at the band's lower end", () => {
    expect([1, 2, 3, 4, 5].map((l) => byId.get(`security-costs.${l}.1`)?.rule?.comparator)).toEqual([
      "gte",
      "gte",
      "gte",
      "gte",
      "gt",
    ]);
    expect(byId.get("security-costs.4.1")?.note).toMatch(/6 % to 8 %/);
  });

  it("keeps Figure 1 as a view onto existing criteria and requirements, not as requirements", () => {
    const [figure] = miotCatalog.views;
    expect(figure?.groups.map((g) => g.title)).toEqual([
      "Availability",
      "Usability",
      "Connectivity",
      "Data Management",
      "Authentication System",
      "Organization",
      "Updates",
    ]);
    expect(miotCatalog.criteria.map((c) => c.id)).not.toContain("availability");
    expect(miotCatalog.criteria.map((c) => c.id)).not.toContain("connectivity");
    const connectivity = figure?.groups.find((g) => g.id === "connectivity");
    for (const id of connectivity?.requirements ?? []) expect(byId.has(id)).toBe(true);
  });

  it("is frozen, so no caller can change it for everyone", () => {
    expect(Object.isFrozen(miotCatalog)).toBe(true);
    expect(Object.isFrozen(miotCatalog.requirements[0])).toBe(true);
  });
});
