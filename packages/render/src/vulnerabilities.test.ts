import type { VulnerabilityStatement } from "@miotsec/best-before";
import { describe, expect, it } from "vitest";
import { examples, unwrap } from "./fixtures.test-support.js";
import { renderLabelHtml, renderLabelSvg } from "./index.js";

const wifi = examples[0] as Record<string, unknown>;
const asOf = "2026-12-02";
const open = {
  id: "CVE-2026-40101",
  aliases: [],
  status: "affected",
  severity: "critical",
  fixedIn: ["4.3.0"],
  published: "2026-11-02",
  source: { format: "openvex", document: "x" },
} as unknown as VulnerabilityStatement;

describe("vulnerabilities on the rendered label", () => {
  it("move the date as computeBestBefore does and are counted, only when given", () => {
    const html = unwrap(renderLabelHtml(wifi, { asOf, vulnerabilities: [open] }));
    expect(html).toContain("1 open: CVE-2026-40101");
    expect(html).toContain("2027-01-01");
    const none = unwrap(renderLabelHtml(wifi, { asOf, vulnerabilities: [] }));
    expect(none).toContain("None open (0 considered)");
    expect(unwrap(renderLabelHtml(wifi, { asOf }))).not.toContain("Known vulnerabilities");
  });

  it("answer statements that are not statements with issues at their path", () => {
    const r = renderLabelSvg(wifi, { asOf, vulnerabilities: [{ ...open, status: "exploitable" }] as never });
    expect(r.ok ? [] : r.issues.map((i) => i.path.slice(0, 3))).toEqual([["vulnerabilities", 0, "status"]]);
    const k = renderLabelSvg(wifi, { asOf, knownExploited: [""] as never });
    expect(k.ok).toBe(false);
  });
});
