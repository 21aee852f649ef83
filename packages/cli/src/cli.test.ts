import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { run } from "./index.js";

const example = (name: string) => new URL(`../../../examples/labels/${name}.label.json`, import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "miotsec-cli-"));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

/** Runs the command in-process and collects what it printed. */
async function miotsec(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await run(argv, {
    out: (s) => {
      out += s;
    },
    err: (s) => {
      err += s;
    },
    today: () => "2026-11-28",
    version: "9.9.9",
  });
  return { code, out, err };
}

describe("miotsec", () => {
  it("prints its version and its help", async () => {
    expect(await miotsec("--version")).toEqual({ code: 0, out: "9.9.9\n", err: "" });
    const help = await miotsec("--help");
    expect(help.code).toBe(0);
    expect(help.out).toContain("Exit codes: 0 ok, 1 findings, 2 bad input or usage.");
    for (const command of [["label", "validate"], ["label", "render"], ["best-before"], ["schema"]]) {
      const r = await miotsec(...command, "--help");
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/Usage: miotsec .*\n[\s\S]*Example: miotsec /u);
    }
  });

  const wrongVersion = JSON.stringify({
    ...JSON.parse(readFileSync(example("ultrasound-wifi"), "utf8")),
    schemaVersion: 7,
  });
  it.each([
    ["a missing file", join(dir, "nope.json"), "no such file"],
    ["a directory", dir, "is a directory"],
    ["invalid JSON", file("broken.json", "{ not json"), "not valid JSON"],
    ["an empty file", file("empty.json", ""), "the file is empty"],
    ["a label of the wrong schema version", file("v7.json", wrongVersion), "$.schemaVersion"],
  ])("answers %s with exit 2 and one line naming the file", async (_, path, text) => {
    for (const argv of [
      ["label", "validate", path],
      ["label", "render", path],
      ["best-before", path],
    ]) {
      const r = await miotsec(...argv);
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err.split("\n")).toHaveLength(2);
      expect(r.err).toContain(path);
      expect(r.err).toContain(text);
      expect(r.err).not.toMatch(/\n\s+at /u);
    }
  });

  it("validates the example labels", async () => {
    expect(await miotsec("label", "validate", example("infusion-pump-full"))).toMatchObject({ code: 0, err: "" });
    const json = await miotsec("label", "validate", "--json", file("v7b.json", wrongVersion));
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out)).toMatchObject({ valid: false, issues: [{ path: ["schemaVersion"] }] });
  });

  it("renders a label to a file, atomically, and to standard output", async () => {
    const out = join(dir, "label.html");
    expect(await miotsec("label", "render", example("ultrasound-wifi"), "--format", "html", "--out", out)).toEqual({
      code: 0,
      out: "",
      err: "",
    });
    expect(readFileSync(out, "utf8")).toMatch(/^<!doctype html>/u);
    const svg = await miotsec("label", "render", example("ultrasound-wifi"), "--as-of", "2026-11-28");
    expect(svg.out).toMatch(/^<svg /u);
    expect((await miotsec("label", "render", example("ultrasound-wifi"), "--format", "pdf")).code).toBe(2);
    const badDate = await miotsec("label", "render", example("ultrasound-wifi"), "--as-of", "2023-02-29");
    expect(badDate).toMatchObject({ code: 2, out: "" });
    expect(badDate.err).toMatch(/^miotsec: --as-of: \$\.asOf: /u);
    const nowhere = await miotsec(
      "label",
      "render",
      example("ultrasound-wifi"),
      "--out",
      join(dir, "no", "such", "dir.svg"),
    );
    expect(nowhere.code).toBe(2);
    expect(nowhere.err).toContain("cannot write");
  });

  it("gives the best-before date, exit 1 once it has passed", async () => {
    const now = await miotsec("best-before", example("infusion-pump-full"));
    expect(now.code).toBe(0);
    expect(now.out).toContain("best before inspection 2028-05-07, valid (526 days), positive label");
    const later = await miotsec("best-before", example("infusion-pump-full"), "--as-of", "2030-01-01", "--json");
    expect(later.code).toBe(1);
    expect(JSON.parse(later.out)).toMatchObject({ bestBefore: "2028-05-07", status: "expired" });
  });

  it("prints the JSON Schemas", async () => {
    const label = await miotsec("schema", "label");
    expect(JSON.parse(label.out).$schema).toContain("2020-12");
    expect((await miotsec("schema", "catalog")).code).toBe(0);
    expect((await miotsec("schema", "nope")).code).toBe(2);
    expect(await miotsec("label", "print", "x.json")).toEqual({
      code: 2,
      out: "",
      err: "miotsec: label needs a subcommand, validate or render (miotsec --help)\n",
    });
    expect((await miotsec("assess")).err).toBe('miotsec: unknown command "assess" (miotsec --help)\n');
  });

  test.prop([
    fc.array(
      fc.oneof(
        fc.string(),
        fc.constantFrom("label", "render", "validate", "--out", "--json", "-h", "--as-of", "schema"),
      ),
      { maxLength: 5 },
    ),
  ])("answers any arguments with 0, 1 or 2 and at most one line of error, never a throw", async (argv) => {
    const r = await miotsec(...argv);
    expect([0, 1, 2]).toContain(r.code);
    expect(r.err.split("\n").length).toBeLessThanOrEqual(2);
    expect(r.err).not.toContain("internal error");
  });

  it("runs as a program: exit code and one line, no stack trace", () => {
    const bin = new URL("../dist/bin.js", import.meta.url).pathname;
    expect(execFileSync(process.execPath, [bin, "--version"], { encoding: "utf8" })).toMatch(/^\d+\.\d+\.\d+\n$/u);
    const r = spawnSync(process.execPath, [bin, "label", "validate", join(dir, "missing.json")], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`miotsec: ${join(dir, "missing.json")}: no such file\n`);
  });
});
