import { fc, test } from "@fast-check/vitest";
import { unwrap } from "@miotsec/core";
import { applyProfile, miotCatalog } from "@miotsec/criteria";
import { describe, expect, it } from "vitest";
import { assessmentArbitrary } from "./arbitraries.test-support.js";
import { assess } from "./assess.js";
import { toMarkdown } from "./markdown.js";
import { toOscalAssessmentResults } from "./oscal.js";

describe("toMarkdown", () => {
  it("shows the level, the table, the blockers and the roadmap", () => {
    const r = assess(miotCatalog, {
      schemaVersion: 1,
      asOf: "2026-11-28",
      subject: { kind: "device", name: "Scanner | ward 3" },
      answers: { "organisation.1.1": "met", "updates.1.1": "unmet" },
    });
    if (!r.ok) throw new Error("fixture");
    const md = unwrap(toMarkdown(r.value));
    expect(md).toMatch(/^# Maturity report: Scanner \\\| ward 3, 2026-11-28\n/);
    expect(md).toContain("**Level 0 (not reached)**");
    expect(md).toContain("| | Updates | 0 | 0 |");
    expect(md).toContain(
      "- `updates.1.1` Regular updates of security measures of all Medical IoT devices (level 1, not fulfilled): Answered not met.",
    );
    expect(md).toContain(
      "Catalog: miot-maturity 1.0.0. Policy: the paper's policy, its gated rule read strictly: a level needs every requirement up to it (§IV-C's example awards one level more).",
    );
    expect(md).toContain("### To reach level 1");
    expect(md.endsWith("\n")).toBe(true);
  });

  it("names the profile a report was made under, and a policy's differences from the paper's", () => {
    const tailored = applyProfile(miotCatalog, { schemaVersion: 1, id: "clinic-a", version: "2", title: "Clinic A" });
    if (!tailored.ok) throw new Error("fixture");
    const r = assess(
      tailored.value,
      { schemaVersion: 1, asOf: "2026-11-28", answers: {} },
      { policy: { partial: "met" } },
    );
    if (!r.ok) throw new Error("fixture");
    expect(r.value.catalog).toEqual({
      id: "miot-maturity",
      version: "1.0.0",
      profiles: [{ id: "clinic-a", version: "2", title: "Clinic A" }],
    });
    const md = unwrap(toMarkdown(r.value));
    expect(md).toContain(
      "Catalog: miot-maturity 1.0.0, tailored by the profile clinic-a 2 (Clinic A). Policy: not the paper's policy: a partial answer counts as met.",
    );
    const oscal = JSON.stringify(unwrap(toOscalAssessmentResults(r.value)));
    expect(oscal).toContain('"name":"profile","ns":"https://github.com/miotsec/miotsec/ns/oscal","value":"clinic-a 2"');
    expect(oscal).toContain("tailored by the profile clinic-a 2 (Clinic A)");
    expect(oscal).toContain("a partial answer counts as met");
    expect(oscal).toContain(
      "Requirement updates.1.1 (level 1): Regular updates of security measures of all Medical IoT devices",
    );
  });

  test.prop([assessmentArbitrary])("is deterministic and names every criterion", (a) => {
    const r = assess(miotCatalog, a);
    if (!r.ok) throw new Error("fixture");
    const md = unwrap(toMarkdown(r.value));
    expect(unwrap(toMarkdown(r.value))).toBe(md);
    for (const c of miotCatalog.criteria) expect(md).toContain(`| | ${c.title} |`);
  });

  // Subject names built from every kind of line terminator, and markup around them.
  const terminator = fc.constantFrom("\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", "\v", "\f");
  const forged = fc
    .array(fc.oneof(fc.string({ maxLength: 8 }), terminator, fc.constantFrom("# ", "| a | b |", "- ", "---")), {
      minLength: 1,
      maxLength: 12,
    })
    .map((parts) => parts.join(""))
    .filter((name) => name.trim().length > 0 && name.length <= 200);

  test.prop([forged])("a subject's name can never start a line of its own: no heading, table or list", (name) => {
    const doc = { schemaVersion: 1, asOf: "2026-11-28", subject: { kind: "device", name }, answers: {} };
    const r = assess(miotCatalog, doc);
    fc.pre(r.ok);
    if (!r.ok) return;
    const plain = assess(miotCatalog, { ...doc, subject: { kind: "device", name: "x" } });
    if (!plain.ok) throw new Error("fixture");
    const lines = unwrap(toMarkdown(r.value)).split(/\r\n|[\n\v\f\r\u0085\u2028\u2029]/u);
    expect(lines.length).toBe(unwrap(toMarkdown(plain.value)).split("\n").length);
  });
});
