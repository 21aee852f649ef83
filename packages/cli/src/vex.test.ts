import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { example, file, labelFile, miotsec } from "./fixtures.test-support.js";

const wifi = labelFile("ultrasound-wifi");
const vex = (format: string) => example(`vex/ultrasound-wifi.${format}.json`);
// The wireless scanner's label without the identifiers that name its device in a VEX document.
const doc = JSON.parse(readFileSync(wifi, "utf8"));
const unnamed = file("unnamed.label.json", JSON.stringify({ ...doc, identity: { ...doc.identity, identifiers: {} } }));

describe("best-before --vex and --kev", () => {
  it.each(["cdx", "openvex", "csaf"])("the same statements in %s give the same date", async (format) => {
    const r = await miotsec("best-before", wifi, "--vex", vex(format), "--as-of", "2026-12-02", "--json");
    expect(r.code).toBe(0);
    const b = JSON.parse(r.out);
    expect(b).toMatchObject({ bestBefore: "2027-01-01", vulnerabilities: { open: ["CVE-2026-40101"], considered: 3 } });
    expect(b.inspection[0].id).toBe("apply-fix");
  });

  it("a known exploited one gets 14 days: the fix was due on 2026-11-16, so the date has passed (exit 1)", async () => {
    const r = await miotsec(
      "best-before",
      wifi,
      "--vex",
      vex("csaf"),
      "--kev",
      example("vex/kev.json"),
      "--as-of",
      "2026-12-02",
    );
    expect(r.code).toBe(1);
    expect(r.out).toContain("best before inspection 2026-11-16, expired");
    expect(r.out).toContain("CVE-2026-40101 affects the device and its fix was due by 2026-11-16.");
    const list = file("kev-list.json", JSON.stringify(["CVE-2026-40101"]));
    expect(
      (await miotsec("best-before", wifi, "--vex", vex("openvex"), "--kev", list, "--as-of", "2026-12-02")).code,
    ).toBe(1);
  });

  it("renders the label with the open vulnerabilities counted, and only when given them", async () => {
    const r = await miotsec(
      "label",
      "render",
      wifi,
      "--format",
      "html",
      "--vex",
      vex("openvex"),
      "--as-of",
      "2026-12-02",
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain("1 open: CVE-2026-40101");
    expect((await miotsec("label", "render", wifi, "--format", "html")).out).not.toContain("Known vulnerabilities");
  });

  it.each([
    [["best-before", unnamed, "--vex", vex("openvex")], /--vex needs the label to name its device/],
    [
      ["best-before", wifi, "--vex", wifi],
      /The document is not a CycloneDX BOM, an OpenVEX document or a CSAF VEX document/,
    ],
    [["best-before", wifi, "--kev", wifi], /must be a JSON list of vulnerability ids/],
    [["best-before", wifi, "--vex", example("vex/missing.json")], /missing\.json/],
  ])("bad input %j: exit 2 and one line", async (argv, message) => {
    const r = await miotsec(...(argv as string[]));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split("\n")).toHaveLength(1);
  });
});
