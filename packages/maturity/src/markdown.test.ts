import { test } from "@fast-check/vitest";
import { miotCatalog } from "@miotsec/criteria";
import { describe, expect, it } from "vitest";
import { assessmentArbitrary } from "./arbitraries.test-support.js";
import { assess } from "./assess.js";
import { toMarkdown } from "./markdown.js";

describe("toMarkdown", () => {
  it("shows the level, the table, the blockers and the roadmap", () => {
    const r = assess(miotCatalog, {
      schemaVersion: 1,
      asOf: "2026-11-28",
      subject: { kind: "device", name: "Scanner | ward 3" },
      answers: { "organisation.1.1": "met", "updates.1.1": "unmet" },
    });
    if (!r.ok) throw new Error("fixture");
    const md = toMarkdown(r.value);
    expect(md).toMatch(/^# Maturity report: Scanner \\\| ward 3, 2026-11-28\n/);
    expect(md).toContain("**Level 0 (not reached)**");
    expect(md).toContain("| | Updates | 0 | 0 |");
    expect(md).toContain("- `updates.1.1` (level 1, not fulfilled): Answered unmet.");
    expect(md).toContain("### To reach level 1");
    expect(md.endsWith("\n")).toBe(true);
  });

  test.prop([assessmentArbitrary])("is deterministic and names every criterion", (a) => {
    const r = assess(miotCatalog, a);
    if (!r.ok) throw new Error("fixture");
    const md = toMarkdown(r.value);
    expect(toMarkdown(r.value)).toBe(md);
    for (const c of miotCatalog.criteria) expect(md).toContain(`| | ${c.title} |`);
  });
});
