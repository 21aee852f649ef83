import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { example, file, labelFile, miotsec, miotsecWith, scratch } from "./fixtures.test-support.js";
import { commandHelp } from "./help.js";

const dir = scratch();
const wrongVersion = JSON.stringify({
  ...JSON.parse(readFileSync(labelFile("ultrasound-wifi"), "utf8")),
  schemaVersion: 7,
});
const hospital = example("assessments/hospital.assessment.yaml");
const label = labelFile("ultrasound-wifi");
const samples = example("runtime/ward-3.samples.ndjson");
const har = example("traffic/ultrasound-wifi.har");

/** The environment of a spawned command: this process's, without colour settings unless given. */
function environment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  return { ...env, ...extra };
}

/** Every command with one file argument replaced by `bad`. */
const uses = (bad: string): string[][] => [
  ["label", "validate", bad],
  ["label", "render", bad],
  ["label", "export", bad, "--format", "cyclonedx"],
  ["best-before", bad],
  ["assess", bad],
  ["assess", example("assessments/hospital.assessment.yaml"), "--catalog", bad],
  ["assess", example("assessments/hospital.assessment.yaml"), "--profile", bad],
  ["compare", bad, samples],
  ["compare", label, bad],
  ["check-traffic", bad, har],
  ["check-traffic", label, bad],
  ["check-traffic", label, har, "--countries", bad],
];

/** Exit 2, nothing on standard output, one line on standard error with the file and the text. */
function expectOneLine(r: { code: number; out: string; err: string }, argv: string[], path: string, text: RegExp) {
  const context = `${argv.join(" ")} -> ${r.err}`;
  expect(r.code, context).toBe(2);
  expect(r.out, context).toBe("");
  expect(r.err.split("\n"), context).toHaveLength(2);
  expect(r.err, context).toMatch(/^miotsec: /u);
  expect(r.err, context).toContain(path);
  expect(r.err, context).toMatch(text);
}

describe("miotsec", () => {
  it("prints its version, and help with an example for every command", async () => {
    expect(await miotsec("--version")).toEqual({ code: 0, out: "9.9.9\n", err: "" });
    const help = await miotsec("--help");
    expect(help.code).toBe(0);
    expect(help.out).toContain("Exit codes: 0 ok, 1 findings, 2 bad input or usage.");
    expect(Object.keys(commandHelp)).toHaveLength(19);
    for (const command of Object.keys(commandHelp)) {
      expect(help.out).toContain(`  ${command.split(" ")[0]} `);
      const r = await miotsec(...command.split(" "), "--help");
      expect(r).toMatchObject({ code: 0, err: "" });
      expect(r.out).toMatch(/^Usage: miotsec .*\n[\s\S]*\nExample: miotsec \S[^\n]*\n$/u);
    }
    // Bare `miotsec` was not asked for help: the usage goes to standard error, exit 2.
    expect(await miotsec()).toEqual({ code: 2, out: "", err: help.out });
  });

  it("is documented: docs/cli.md is what scripts/cli-docs.mjs writes from the built command today", () => {
    const script = new URL("../../../scripts/cli-docs.mjs", import.meta.url).pathname;
    const r = spawnSync(process.execPath, [script, "--check"], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("is documented: docs/cli.md holds the current help of every command", async () => {
    const docs = readFileSync(new URL("../../../docs/cli.md", import.meta.url), "utf8");
    expect(docs).toContain((await miotsec("--help")).out);
    for (const command of Object.keys(commandHelp)) {
      expect(docs).toContain(`## miotsec ${command}\n`);
      expect(docs).toContain((await miotsec(...command.split(" "), "--help")).out);
    }
  });

  it.each([
    ["a missing file", join(dir, "nope.json"), /no such file/u],
    ["a directory", dir, /is a directory/u],
    ["invalid JSON", file("broken.json", "{ not json"), /not valid JSON/u],
    ["invalid YAML", file("broken.yaml", "a: [1, 2\nb: }"), /not valid (YAML|JSON)/u],
    ["an empty file", file("empty.json", ""), /the file is empty/u],
    ["a file of only white space and a BOM", file("blank.json", "\uFEFF \n\t\n"), /the file is empty/u],
  ])("answers %s with exit 2 and one line naming the file, in every command", async (_, path, text) => {
    for (const argv of uses(path)) expectOneLine(await miotsec(...argv), argv, path, text);
  });

  it("answers a document of the wrong schema version with exit 2 and one line naming the file and the path", async () => {
    const v7 = (name: string, doc: Record<string, unknown>) => file(name, JSON.stringify({ ...doc, schemaVersion: 7 }));
    const { miotCatalog } = await import("@miotsec/criteria");
    const { parse } = await import("yaml");
    const assessment = v7("v7.assessment.json", parse(readFileSync(hospital, "utf8")));
    const catalog = v7("v7.catalog.json", miotCatalog as never);
    const profile = v7("v7.profile.json", { id: "p", title: "A profile" });
    const v7label = file("v7.json", wrongVersion);
    for (const argv of [
      ["label", "validate", v7label],
      ["label", "render", v7label],
      ["label", "export", v7label, "--format", "mud"],
      ["best-before", v7label],
      ["compare", v7label, samples],
      ["check-traffic", v7label, har],
      ["assess", assessment],
      ["assess", hospital, "--catalog", catalog],
      ["assess", hospital, "--profile", profile],
    ]) {
      const bad = argv.find((a) => a.includes("v7")) as string;
      // The path is said once: "file: $.schemaVersion must be 1 ...", not "$.schemaVersion: $.schemaVersion".
      const r = await miotsec(...argv);
      expectOneLine(r, argv, bad, /: \$\.schemaVersion /u);
      expect(r.err.match(/\$\.schemaVersion/gu), r.err).toHaveLength(1);
    }
  });

  it("keeps an error on one line when a file name or a parser's message holds a newline", async () => {
    const missing = await miotsec("best-before", join(dir, "two\nlines.json"));
    expect(missing.err).toBe(`miotsec: ${join(dir, "two\\u000alines.json")}: no such file\n`);
    const notJson = await miotsec("label", "validate", file("yaml-in.json", "schemaVersion: 1\nid: x\n"));
    expect(notJson.err.split("\n")).toHaveLength(2);
    expect(notJson.err).toContain("not valid JSON");
  });

  it("refuses YAML aliases, duplicate keys and __proto__ keys without polluting anything", async () => {
    const bomb = file("bomb.label.yaml", "a: &a [1, 2]\nb: [*a, *a]\n");
    expect((await miotsec("label", "validate", bomb)).err).toContain("not valid YAML");
    const twice = file("twice.label.yaml", "a: 1\na: 2\n");
    expect((await miotsec("label", "validate", twice)).err).toContain("not valid YAML");
    const proto = file("proto.label.yaml", "__proto__:\n  polluted: true\nschemaVersion: 1\n");
    const r = await miotsec("label", "validate", proto);
    expect(r.code).toBe(2);
    expect(r.err).toContain("__proto__");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reads a label from YAML as from JSON", async () => {
    const { stringify } = await import("yaml");
    const yaml = file("wifi.label.yaml", stringify(JSON.parse(readFileSync(label, "utf8"))));
    // Once the date is near, what to do on the day, the paper's four actions, one line each.
    const due = await miotsec("best-before", labelFile("ultrasound-wifi"), "--as-of", "2026-12-02");
    expect(due.out).toMatch(
      /\n {2}On the inspection day:\n {2}- Check that the firmware is up to date\. .*\n(?: {2}- .*\n){3}$/u,
    );
    const fine = await miotsec("best-before", labelFile("infusion-pump-full"), "--as-of", "2026-11-28");
    expect(fine.out).not.toContain("On the inspection day");
    const fromJson = await miotsec("best-before", label, "--json");
    expect(await miotsec("best-before", yaml, "--json")).toEqual(fromJson);
  });

  it("validates the example labels", async () => {
    expect(await miotsec("label", "validate", labelFile("infusion-pump-full"))).toMatchObject({ code: 0, err: "" });
    const json = await miotsec("label", "validate", "--json", file("v7b.json", wrongVersion));
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out)).toMatchObject({ valid: false, issues: [{ path: ["schemaVersion"] }] });
  });

  it("renders a label to a file, atomically, and to standard output", async () => {
    const out = join(dir, "label.html");
    expect(await miotsec("label", "render", label, "--format", "html", "--out", out)).toEqual({
      code: 0,
      out: "",
      err: "",
    });
    expect(readFileSync(out, "utf8")).toMatch(/^<!doctype html>/u);
    expect((await miotsec("label", "render", label, "--as-of", "2026-11-28")).out).toMatch(/^<svg /u);
    expect((await miotsec("label", "render", label, "--format", "pdf")).code).toBe(2);
    const badDate = await miotsec("label", "render", label, "--as-of", "2023-02-29");
    expect(badDate).toMatchObject({ code: 2, out: "" });
    expect(badDate.err).toMatch(/^miotsec: --as-of: \$\.asOf: /u);
    const nowhere = await miotsec("label", "render", label, "--out", join(dir, "no", "such", "dir.svg"));
    expect(nowhere.code).toBe(2);
    expect(nowhere.err).toContain("cannot write");
  });

  it("gives the best-before date, exit 1 once it has passed", async () => {
    const now = await miotsec("best-before", labelFile("infusion-pump-full"));
    expect(now.code).toBe(0);
    expect(now.out).toContain("best before inspection 2028-05-07, valid (526 days left); positive label (supported");
    const later = await miotsec("best-before", labelFile("infusion-pump-full"), "--as-of", "2030-01-01", "--json");
    expect(later.code).toBe(1);
    expect(JSON.parse(later.out)).toMatchObject({ bestBefore: "2028-05-07", status: "expired" });
  });

  it("prints the JSON Schemas", async () => {
    for (const name of ["label", "catalog", "assessment", "profile", "runtime-profile"]) {
      const r = await miotsec("schema", name);
      expect(r.code, name).toBe(0);
      expect(JSON.parse(r.out)).toMatchObject({ $schema: "https://json-schema.org/draft/2020-12/schema" });
      expect(JSON.parse(r.out).title).toMatch(/^miotsec /u);
    }
    expect(await miotsec("schema", "nope")).toMatchObject({ code: 2, out: "" });
    expect(await miotsec("schema")).toMatchObject({ code: 2, out: "" });
    expect(await miotsec("label", "print", "x.json")).toEqual({
      code: 2,
      out: "",
      err: 'miotsec: unknown command "label print" (miotsec label --help)\n',
    });
    expect((await miotsec("scan")).err).toBe('miotsec: unknown command "scan" (miotsec --help)\n');
  });

  it("colours only when asked to, and never with --json", async () => {
    const ansi = "\u001b[";
    expect((await miotsec("best-before", label)).out).not.toContain(ansi);
    expect((await miotsecWith({ color: true }, "best-before", label)).out).toContain(ansi);
    expect((await miotsecWith({ color: true }, "best-before", label, "--json")).out).not.toContain(ansi);
  });

  // `script` (util-linux) runs the command on a pseudo-terminal, as a user's shell would.
  const hasScript = existsSync("/usr/bin/script");
  it.skipIf(!hasScript)("colours on a terminal, not with NO_COLOR, and draws the progress bar there", () => {
    const bin = new URL("../dist/bin.js", import.meta.url).pathname;
    const onTerminal = (env: Record<string, string>, ...argv: string[]) =>
      spawnSync("/usr/bin/script", ["-qec", [process.execPath, bin, ...argv].join(" "), "/dev/null"], {
        encoding: "utf8",
        env: environment({ TERM: "xterm", ...env }),
      }).stdout;
    expect(onTerminal({}, "best-before", label, "--as-of", "2026-11-28")).toContain("\u001b[33mdue soon\u001b[39m");
    expect(onTerminal({ NO_COLOR: "1" }, "best-before", label, "--as-of", "2026-11-28")).not.toContain("\u001b[");
    expect(onTerminal({ FORCE_COLOR: "0" }, "best-before", label, "--as-of", "2026-11-28")).not.toContain("\u001b[");
    expect(onTerminal({}, "compare", label, samples)).toContain("100 %");
  });

  test.prop([
    fc.array(
      fc.oneof(
        fc.string(),
        fc.constantFrom(
          ...Object.keys(commandHelp).flatMap((c) => c.split(" ")),
          "--out",
          "--json",
          "-h",
          "--as-of",
          "--format",
          "--policy",
          "--stage",
          label,
          samples,
          har,
        ),
      ),
      { maxLength: 5 },
    ),
  ])("answers any arguments with 0, 1 or 2 and at most one line of error, never a throw", async (argv) => {
    const r = await miotsec(...argv.filter((a) => a !== "demo"));
    expect([0, 1, 2]).toContain(r.code);
    // One line, or the usage of a command that was not given (bare `miotsec`, `miotsec label`).
    if (!r.err.startsWith("Usage: miotsec")) expect(r.err.split("\n").length).toBeLessThanOrEqual(2);
    expect(r.err).not.toContain("internal error");
  });

  it("runs as a program: exit code and one line, no stack trace, no colour when piped", () => {
    const bin = new URL("../dist/bin.js", import.meta.url).pathname;
    const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(execFileSync(process.execPath, [bin, "--version"], { encoding: "utf8" })).toBe(`${version}\n`);
    const r = spawnSync(process.execPath, [bin, "label", "validate", join(dir, "missing.json")], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`miotsec: ${join(dir, "missing.json")}: no such file\n`);
    const piped = (env: Record<string, string>) =>
      spawnSync(process.execPath, [bin, "best-before", label], { encoding: "utf8", env: environment(env) }).stdout;
    expect(piped({})).not.toContain("\u001b[");
    // FORCE_COLOR turns colour on when piped, and wins over NO_COLOR, as in Node itself.
    expect(piped({ FORCE_COLOR: "1" })).toContain("\u001b[");
    expect(piped({ FORCE_COLOR: "1", NO_COLOR: "1" })).toContain("\u001b[");
    expect(piped({ FORCE_COLOR: "0" })).not.toContain("\u001b[");
  });
});
