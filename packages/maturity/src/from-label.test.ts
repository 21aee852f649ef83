import { readFileSync } from "node:fs";
import { fc, test } from "@fast-check/vitest";
import { applyProfile, miotCatalog } from "@miotsec/criteria";
import { describe, expect, it } from "vitest";
import { assess } from "./assess.js";
import { assessmentSchema } from "./assessment.js";
import { assessmentFromLabel, labelEvidence } from "./from-label.js";

const label = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../../examples/labels/${name}.label.json`, import.meta.url), "utf8")) as Record<
    string,
    Record<string, unknown>
  >;
const asOf = "2026-12-02";
const statuses = (r: ReturnType<typeof assessmentFromLabel>) =>
  r.ok
    ? Object.fromEntries(
        Object.entries(r.value.answers).map(([id, a]) => [id, typeof a === "object" && a !== null ? a.status : a]),
      )
    : r.issues;

describe("assessmentFromLabel", () => {
  it("pre-fills the wireless scanner's assessment from its label, with the label as evidence", () => {
    const r = assessmentFromLabel(label("ultrasound-wifi"), miotCatalog, { asOf });
    expect(statuses(r)).toEqual({
      "authentication.1.1": "met",
      "updates.3.1": "unmet",
      "data-management.2.1": "unmet",
      "malfunction-management.3.1": "met",
      "updates.5.2": "partial",
    });
    if (!r.ok) return;
    expect(r.value.subject).toEqual({
      kind: "device",
      id: "wireless-scanner-example.us-w1.2026-1",
      name: "Handheld wireless ultrasound scanner",
    });
    expect(r.value.answers["data-management.2.1"]).toEqual({
      status: "unmet",
      evidence: [
        {
          href: "https://labels.wireless-scanner.example/us-w1",
          method: "examine",
          date: asOf,
          description:
            "Label wireless-scanner-example.us-w1.2026-1, dataPractices.endToEndEncryption: The label declares that data is not encrypted end to end.",
        },
      ],
    });
    // What it pre-fills is an assessment like any other: it passes the schema and is scored.
    expect(assessmentSchema.safeParse(r.value).success).toBe(true);
    expect(assess(miotCatalog, r.value).ok).toBe(true);
  });

  it("answers nothing from facts a label withholds, such as Table I's", () => {
    expect(statuses(assessmentFromLabel(label("table-1"), miotCatalog, { asOf }))).toEqual({});
  });

  it("leaves out requirements a tailored catalog does not have", () => {
    const tailored = applyProfile(miotCatalog, {
      schemaVersion: 1,
      id: "no-e2e",
      title: "Without application-layer encryption",
      remove: ["data-management.2.1"],
    });
    if (!tailored.ok) throw new Error(JSON.stringify(tailored.issues));
    const r = assessmentFromLabel(label("ultrasound-wifi"), tailored.value, { asOf });
    expect(r.ok && Object.keys(r.value.answers)).not.toContain("data-management.2.1");
    expect(r.ok && assess(tailored.value, r.value).ok).toBe(true);
  });

  test.prop([
    fc.constantFrom("ultrasound-wifi", "ultrasound-usbc", "infusion-pump-full", "table-1"),
    fc.subarray(["security", "dataPractices", "lifecycle"]),
    fc.constantFrom("not-disclosed", "not-applicable"),
  ])(
    "answers only what labelEvidence reads, and always writes an assessment that assess scores",
    (name, withheld, value) => {
      const doc = structuredClone(label(name));
      for (const part of withheld) {
        if (part === "lifecycle") (doc as Record<string, unknown>).lifecycle = value;
        else for (const key of Object.keys(doc[part] ?? {})) (doc[part] as Record<string, unknown>)[key] = value;
      }
      const r = assessmentFromLabel(doc, miotCatalog, { asOf });
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      const readable = new Set(labelEvidence.map((e) => e.requirement));
      for (const id of Object.keys(r.value.answers)) expect(readable.has(id)).toBe(true);
      if (withheld.length === 3) expect(r.value.answers).toEqual({});
      expect(assess(miotCatalog, r.value).ok).toBe(true);
    },
  );

  it.each([
    ["a value that is not a label", null, miotCatalog, { asOf }, "label"],
    ["a label without an id", { identity: { product: "x" } }, miotCatalog, { asOf }, "label"],
    ["an impossible date", label("ultrasound-wifi"), miotCatalog, { asOf: "2026-02-30" }, "options"],
    ["no options", label("ultrasound-wifi"), miotCatalog, undefined, "options"],
    ["a catalog that is not one", label("ultrasound-wifi"), { id: 7 }, { asOf }, "catalog"],
  ])("answers %s with issues under its argument", (_, doc, catalog, options, where) => {
    const r = assessmentFromLabel(doc, catalog as never, options as never);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.path[0]).toBe(where);
  });

  it("says how each fact reads, in words, and is frozen", () => {
    expect(Object.isFrozen(labelEvidence)).toBe(true);
    for (const e of labelEvidence) {
      expect(miotCatalog.requirements.some((r) => r.id === e.requirement && r.kind === "attested")).toBe(true);
      expect(e.reading.length).toBeGreaterThan(10);
    }
  });
});
