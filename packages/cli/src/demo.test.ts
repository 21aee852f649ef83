import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { examplesDir, file, miotsec, scratch } from "./fixtures.test-support.js";

/** Every file of a directory tree with its content. */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files[path.slice(dir.length)] = readFileSync(path, "utf8");
    }
  return files;
}

describe("miotsec demo", () => {
  it("runs everything on the examples and writes the report, the same bytes every time", async () => {
    const out = scratch();
    const r = await miotsec("demo", "--examples", examplesDir, "--out", out, "--as-of", "2026-11-28");
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toContain("level 1 (beginnings); 1 step to level 2");
    // The wireless scanner's manufacturer published an open critical vulnerability: its date moves.
    expect(r.out).toContain(
      "ultrasound-wifi: 1 open vulnerability (CVE-2026-40101); best before inspection 2027-01-19 without them, 2027-01-01 with them",
    );
    expect(r.out).toMatch(
      /us-w1-0003: alert -> schedule-re-evaluation -> pause-operation -> isolate-from-network -> notify -> require-re-integration/u,
    );
    expect(r.out).toContain(`Report: ${join(out, "index.html")}`);
    const files = tree(out);
    expect(Object.keys(files).sort()).toEqual(
      [
        "/assessment.json",
        "/assessment.md",
        "/assessment.oscal.json",
        "/best-before.json",
        "/index.html",
        "/runtime.json",
        "/signatures/infusion-pump-full.signed.label.json",
        "/signatures/infusion-pump-full.tampered.label.json",
        "/signatures/table-1.signed.label.json",
        "/signatures/ultrasound-usbc.signed.label.json",
        "/signatures/ultrasound-wifi.revoked.status.json",
        "/signatures/ultrasound-wifi.signed.label.json",
        "/traffic.json",
        "/labels/ultrasound-wifi.vex.json",
        ...["infusion-pump-full", "table-1", "ultrasound-usbc", "ultrasound-wifi"].flatMap((l) =>
          ["cdx.json", "html", "mud.json", "svg"].map((ext) => `/labels/${l}.${ext}`),
        ),
      ].sort(),
    );
    const again = scratch();
    await miotsec("demo", "--examples", examplesDir, "--out", again, "--as-of", "2026-11-28");
    expect(tree(again)).toEqual(files);
  });

  it("writes a self-contained page: both scanner labels, the level chart, the reaction chain, no scripts or remote resources", async () => {
    const out = scratch();
    await miotsec("demo", "--examples", examplesDir, "--out", out, "--as-of", "2026-11-28");
    const page = readFileSync(join(out, "index.html"), "utf8");
    expect(page).toMatch(/^<!doctype html>/u);
    for (const id of ["label-ultrasound-wifi", "label-ultrasound-usbc", "chart-title", "runtime", "traffic"])
      expect(page).toContain(`id="${id}`);
    expect(page).toContain('class="react">isolate-from-network</span>');
    // Both scanners are due soon: the page says what to do on the day, the infusion pump is not listed.
    const inspection = page.slice(page.indexOf("<h3>On the inspection day</h3>"));
    expect(inspection.match(/<h4>/gu)).toHaveLength(2);
    expect(inspection).toContain("<li>Check that the firmware is up to date.");
    expect(inspection).not.toContain("infusion pump");
    expect(page).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/iu);
    expect(page.match(/\b(src|href)="https?:/giu) ?? []).toEqual([]);
  });

  it("sums up as JSON with --json, and writes the same report", async () => {
    const out = scratch();
    const r = await miotsec("demo", "--examples", examplesDir, "--out", out, "--as-of", "2026-11-28", "--json");
    expect(r).toMatchObject({ code: 0, err: "" });
    const summary = JSON.parse(r.out);
    expect(summary).toMatchObject({ asOf: "2026-11-28", report: join(out, "index.html"), assessment: { level: 1 } });
    const ward = summary.runtime.find((x: { file: string }) => x.file.endsWith("ward-3.samples.ndjson"));
    expect(ward.status).toBe("contraindicated");
    // The wireless scanner's label keeps personal data in the EU; its cloud answered from Canada.
    expect(summary.labels.map((l: { traffic: string | null }) => l.traffic)).toEqual([
      null,
      null,
      "affirming",
      "contraindicated",
    ]);
    // Every label signed with the demo key; a changed copy fails, and a revoked label is not valid.
    expect(summary.labels.every((l: { signed: boolean }) => l.signed)).toBe(true);
    expect(summary.tampered).toEqual({
      label: "example-medical.ip-500.2026-2",
      valid: false,
      reasons: ["bad-signature"],
    });
    expect(summary.revoked).toMatchObject({ valid: false, status: "revoked" });
  });

  it("runs anywhere on the examples shipped with the command", () => {
    const cwd = scratch();
    const bin = new URL("../dist/bin.js", import.meta.url).pathname;
    const r = spawnSync(process.execPath, [bin, "demo", "--as-of", "2026-11-28"], { cwd, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("dist/examples");
    expect(readFileSync(join(cwd, "demo-report", "index.html"), "utf8")).toContain('id="label-ultrasound-wifi"');
  });

  it("answers a wrong examples directory, a bad --as-of or an --out that is a file with exit 2 and one line", async () => {
    const noExamples = await miotsec("demo", "--examples", scratch());
    expect(noExamples).toMatchObject({ code: 2, out: "" });
    expect(noExamples.err).toContain("not the examples directory");
    const badDate = await miotsec("demo", "--examples", examplesDir, "--out", scratch(), "--as-of", "2026-13-01");
    expect(badDate).toMatchObject({ code: 2, out: "" });
    expect(badDate.err).toMatch(/^miotsec: --as-of: /u);
    const onFile = await miotsec("demo", "--examples", examplesDir, "--out", file("plain.txt", "x"));
    expect(onFile).toMatchObject({ code: 2, out: "" });
    expect(onFile.err).toContain("plain.txt: is not a directory");
    expect((await miotsec("demo", "extra")).code).toBe(2);
  });
});
