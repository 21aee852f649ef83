import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { example, file, miotsec, scratch } from "./fixtures.test-support.js";

const hospital = example("assessments/hospital.assessment.yaml");

describe("miotsec assess", () => {
  it("rates the sample hospital: level, dimensions, criteria with their blockers, roadmap", async () => {
    const r = await miotsec("assess", hospital);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toContain(
      "on miot-maturity 1.0.0\nPolicy: the paper's policy, its gated rule read strictly: a level needs every requirement up to it (§IV-C's example awards one level more).\nLevel 1 (beginnings)\n",
    );
    expect(r.out).toContain("61 of 81 requirements known (75 %)");
    // Each criterion's first blocker with what the requirement says, and why it does not count.
    expect(r.out).toMatch(
      /^updates +1 \(beginnings\)\n +updates\.2\.3 {2}Restore secure state \(if update was not successful or occurred\)\n +Answered partly met; the policy counts only met\.$/mu,
    );
    expect(r.out).toMatch(/^malfunction-management +3 \(on the way\) to 5 \(mature\)$/mu);
    expect(r.out).toContain("to level 2 (first steps): 1 step\n    updates.2.3  Restore secure state");
    // Long texts are shortened at a word, whole in Markdown; long stages point there.
    expect(r.out).toContain(
      "data-management.3.3  Utilize trusted platform modules (TPM) and hardware security modules…",
    );
    expect(r.out).toContain("and 9 more (--format markdown lists every step)");
    expect(r.out).not.toMatch(/\(\+\d+\)/u);
  });

  it("writes JSON, Markdown and OSCAL, and the JSON is the library's report", async () => {
    const json = JSON.parse((await miotsec("assess", hospital, "--json")).out);
    expect(json).toMatchObject({ schemaVersion: 1, level: 1, levelName: "beginnings", policy: { paper: true } });
    expect(JSON.parse((await miotsec("assess", hospital, "--format", "json")).out)).toEqual(json);
    expect((await miotsec("assess", hospital, "--format", "markdown")).out).toMatch(
      /^# Maturity report: Example Hospital/u,
    );
    const oscal = JSON.parse((await miotsec("assess", hospital, "--format", "oscal")).out);
    expect(oscal["assessment-results"].metadata["oscal-version"]).toMatch(/^1\./u);
    const out = join(scratch(), "report.md");
    expect(await miotsec("assess", hospital, "--format", "markdown", "--out", out)).toEqual({
      code: 0,
      out: "",
      err: "",
    });
    expect(readFileSync(out, "utf8")).toContain("updates.2.3");
  });

  it("takes policy deviations, records them, and refuses unknown ones at --policy", async () => {
    const met = JSON.parse((await miotsec("assess", hospital, "--policy", "partial=met", "--json")).out);
    expect(met.policy).toMatchObject({ partial: "met", paper: false });
    const example = await miotsec("assess", hospital, "--policy", "gating=paper-example");
    expect(example.out).toContain("the gated rule is read as the paper's example in §IV-C reads it");
    expect(example.out).toMatch(/^Level 2 \(/mu);
    expect(met.level).toBe(2);
    const bad = await miotsec("assess", hospital, "--policy", "partial=maybe");
    expect(bad).toMatchObject({ code: 2, out: "" });
    expect(bad.err).toBe('miotsec: --policy: $.policy.partial must be one of "unmet", "met".\n');
    expect((await miotsec("assess", hospital, "--policy", "partial")).err).toContain("KEY=VALUE");
    expect((await miotsec("assess", hospital, "--policy", "__proto__=met")).code).toBe(2);
    expect(({} as Record<string, unknown>).met).toBeUndefined();
  });

  it("exits 1 below --min-level, 0 at or above it", async () => {
    expect((await miotsec("assess", hospital, "--min-level", "2")).code).toBe(1);
    expect((await miotsec("assess", hospital, "--min-level", "1")).code).toBe(0);
    expect((await miotsec("assess", hospital, "--min-level", "6")).code).toBe(2);
  });

  it("assesses on a tailored catalog: --profile drops a criterion", async () => {
    const profile = file(
      "no-updates.profile.yaml",
      "schemaVersion: 1\nid: no-updates\ntitle: Without the update criterion\nexclude:\n  criteria: [updates]\n",
    );
    const r = await miotsec("assess", hospital, "--profile", profile, "--json");
    // The hospital's answers to updates.* now name requirements the catalog does not have.
    expect(r.code).toBe(2);
    expect(r.err).toContain("updates.");
  });

  it("names the file and the JSON path of a bad answer", async () => {
    const bad = file(
      "bad.assessment.yaml",
      "schemaVersion: 1\nasOf: 2026-11-28\nanswers:\n  organisation.1.1: perhaps\n",
    );
    const r = await miotsec("assess", bad);
    expect(r).toMatchObject({ code: 2, out: "" });
    expect(r.err).toMatch(
      /^miotsec: .*bad\.assessment\.yaml: \$\.answers\["organisation\.1\.1"\]|^miotsec: .*bad\.assessment\.yaml: \$\.answers\.organisation/u,
    );
  });
});
