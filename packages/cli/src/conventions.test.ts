// The conventions people know from gh, npm and git: help and version, "did you mean", options
// refused where a command does not take them, the usage on standard error when nothing was
// asked, a closed pipe, and the catalog and questionnaire commands.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { example, file, labelFile, miotsec, scratch } from "./fixtures.test-support.js";
import { commandHelp, usage } from "./help.js";

const hospital = example("assessments/hospital.assessment.yaml");
const label = labelFile("ultrasound-wifi");
const samples = example("runtime/ward-3.samples.ndjson");

/** Exit 2, nothing on standard output, exactly one line on standard error. */
function refused(r: { code: number; out: string; err: string }, line: string) {
  expect(r).toEqual({ code: 2, out: "", err: `miotsec: ${line}\n` });
}

/** Every command as typed, with arguments it accepts. */
const commandLines: Readonly<Record<string, string[]>> = {
  assess: ["assess", hospital],
  catalog: ["catalog"],
  "catalog show": ["catalog", "show", "updates.2.3"],
  "label validate": ["label", "validate", label],
  "label render": ["label", "render", label],
  "label export": ["label", "export", label, "--format", "mud"],
  "best-before": ["best-before", label],
  compare: ["compare", label, samples],
  "check-traffic": ["check-traffic", label, example("traffic/ultrasound-wifi.har")],
  schema: ["schema", "label"],
  help: ["help"],
  version: ["version"],
};

describe("miotsec's conventions", () => {
  it("has help and version as commands, and -V", async () => {
    expect(await miotsec("version")).toEqual({ code: 0, out: "9.9.9\n", err: "" });
    expect(await miotsec("-V")).toEqual({ code: 0, out: "9.9.9\n", err: "" });
    expect(await miotsec("help")).toEqual({ code: 0, out: usage, err: "" });
    for (const name of Object.keys(commandHelp))
      expect(await miotsec("help", ...name.split(" "))).toEqual({ code: 0, out: commandHelp[name], err: "" });
    const labelHelp = await miotsec("label", "--help");
    expect(labelHelp.code).toBe(0);
    for (const sub of ["validate", "render", "export"]) expect(labelHelp.out).toContain(`  ${sub} <label>`);
    refused(await miotsec("help", "asess"), 'no help for "asess"; did you mean assess?');
  });

  it("prints the usage on standard error when no command is given, exit 2", async () => {
    expect(await miotsec()).toEqual({ code: 2, out: "", err: usage });
    expect(await miotsec("label")).toEqual({ code: 2, out: "", err: commandHelp.label });
  });

  it("says 'did you mean' for a near miss of a command or a subcommand", async () => {
    refused(await miotsec("asess", hospital), 'unknown command "asess"; did you mean assess? (miotsec --help)');
    refused(
      await miotsec("label", "valdate", label),
      'unknown command "label valdate"; did you mean label validate? (miotsec label --help)',
    );
    refused(
      await miotsec("catalog", "shwo", "updates.2.3"),
      'unknown command "catalog shwo"; did you mean catalog show? (miotsec catalog --help)',
    );
    // Far from every command: no guess.
    refused(await miotsec("xyzzy"), 'unknown command "xyzzy" (miotsec --help)');
  });

  it("refuses unknown options and options a command does not take, in one line", async () => {
    refused(
      await miotsec("assess", hospital, "--formt", "json"),
      "unknown option --formt for assess; did you mean --format?",
    );
    refused(
      await miotsec("label", "validate", label, "--out", "x.json"),
      "label validate does not take --out; it takes --json",
    );
    refused(
      await miotsec("label", "render", label, "--json"),
      "label render does not take --json; it takes --format, --as-of, --out, --keys, --status, --vex, --kev",
    );
    refused(await miotsec("schema", "label", "--stage", "operating"), "schema takes no options; not --stage");
    refused(await miotsec("assess", hospital, "--out"), "--out needs a value (miotsec assess --help)");
    refused(
      await miotsec("compare", label, samples, "--hold", "-5"),
      '--hold must be a number of seconds, 0 or more (such as 120), not "-5"',
    );
  });

  // Every option, given to every command: taken when the command lists it, else refused in one line.
  // --out into a scratch directory: a command that takes it writes there, not into the package.
  const options = [
    "--json",
    `--out=${join(scratch(), "out")}`,
    "--format=x",
    "--as-of=2026-11-28",
    "--stage=x",
    "--hold=1",
    "--examples=x",
  ];
  test.prop([fc.constantFrom(...Object.keys(commandLines)), fc.constantFrom(...options)])(
    "answers an option a command does not take with exit 2 and one line",
    async (name, option) => {
      const r = await miotsec(...(commandLines[name] as string[]), option);
      const flag = option.split("=")[0] as string;
      const takes = (commandHelp[name] ?? "").includes(`${flag}`);
      if (!takes) {
        expect(r.code).toBe(2);
        expect(r.out).toBe("");
        expect(r.err).toMatch(new RegExp(`^miotsec: ${name} (does not take|takes no options)[^\n]*\n$`, "u"));
      } else expect(r.err).not.toMatch(/does not take|takes no options/u);
    },
  );

  it("says on standard error why --min-level exits 1", async () => {
    const r = await miotsec("assess", hospital, "--min-level", "3");
    expect(r.code).toBe(1);
    expect(r.err).toBe(`miotsec: ${hospital}: level 1 is below --min-level 3; exit code 1\n`);
    expect((await miotsec("assess", hospital, "--min-level", "1")).err).toBe("");
  });

  it("ends quietly when the reader closes the pipe", async () => {
    const bin = new URL("../dist/bin.js", import.meta.url).pathname;
    const child = spawn(process.execPath, [bin, "catalog", "--json"], { stdio: ["ignore", "pipe", "pipe"] });
    // The reader goes away before the command writes: its first write meets a closed pipe.
    child.stdout.destroy();
    let err = "";
    child.stderr.on("data", (chunk) => {
      err += String(chunk);
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
    expect(err).toBe("");
    expect(code).toBe(141);
  });
});

describe("miotsec catalog", () => {
  it("lists the requirements of a criterion with level, kind and text", async () => {
    const r = await miotsec("catalog", "--criterion", "updates");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^ {2}updates\.2\.3 +level 2 +attested +Restore secure state \(if update was not successful or occurred\)$/mu,
    );
    expect(r.out).not.toContain("organisation.1.1");
    const level5 = JSON.parse((await miotsec("catalog", "--level", "5", "--json")).out);
    expect(level5.requirements.length).toBeGreaterThan(0);
    for (const q of level5.requirements) expect(q).toMatchObject({ level: 5, text: expect.any(String) });
    refused(await miotsec("catalog", "--level", "7"), '--level must be 1 to 5, not "7"');
    expect((await miotsec("catalog", "--criterion", "updats")).err).toContain("did you mean updates?");
  });

  it("shows one requirement with its source in the paper, its note and what it allows", async () => {
    const r = await miotsec("catalog", "show", "security-costs.1.1");
    expect(r.code).toBe(0);
    expect(r.out).toContain("security-costs.1.1  Less than 1 % of the complete health facility budget");
    expect(r.out).toMatch(/source +Table IV, row 1, column "Costs for IT Security", bullet 1/u);
    expect(r.out).toMatch(/note +Read as the band/u);
    expect(r.out).toMatch(
      /answers +computed from the fact securityBudgetShare \(share \(0\.05 = 5 %\)\): this level needs it at least \d/u,
    );
    refused(
      await miotsec("catalog", "show", "updates.2.3x"),
      'the catalog has no requirement "updates.2.3x"; did you mean updates.2.3? (miotsec catalog lists them)',
    );
  });

  it("lists a tailored catalog under --profile and says so", async () => {
    const profile = file(
      "clinic.profile.json",
      JSON.stringify({
        schemaVersion: 1,
        id: "clinic-a",
        version: "2",
        title: "Clinic A",
        exclude: { ids: ["usability.5.1"] },
      }),
    );
    const r = await miotsec("catalog", "--criterion", "usability", "--profile", profile);
    expect(r.out).toContain("miot-maturity 1.0.0, tailored by the profile clinic-a 2 (Clinic A)");
    expect(r.out).toContain("usability.4.1");
    expect(r.out).not.toContain("usability.5.1");
    const assessed = await miotsec("assess", hospital, "--profile", profile);
    expect(assessed.out).toContain("on miot-maturity 1.0.0, tailored by the profile clinic-a 2 (Clinic A)\n");
    const json = JSON.parse((await miotsec("assess", hospital, "--profile", profile, "--json")).out);
    expect(json.catalog.profiles).toEqual([{ id: "clinic-a", version: "2", title: "Clinic A" }]);
  });
});

describe("miotsec assess --template", () => {
  it("writes a questionnaire with every attested requirement's text and every fact's unit, that assesses as it is", async () => {
    const { miotCatalog } = await import("@miotsec/criteria");
    const out = join(scratch(), "questionnaire.yaml");
    expect(await miotsec("assess", "--template", "--as-of", "2026-12-01", "--out", out)).toEqual({
      code: 0,
      out: "",
      err: "",
    });
    const text = readFileSync(out, "utf8");
    for (const r of miotCatalog.requirements) {
      if (r.kind === "attested") expect(text).toContain(`# Level ${r.level}: ${r.text}`);
      else expect(text).not.toContain(`  ${r.id}:`);
    }
    expect(text).toContain("share (0.05 = 5 %)");
    expect(text).toContain("hours");
    const doc = parse(text);
    expect(Object.values(doc.answers).every((a) => a === null)).toBe(true);
    expect(Object.keys(doc.answers)).toHaveLength(miotCatalog.requirements.filter((r) => r.kind === "attested").length);
    const r = await miotsec("assess", out, "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ level: 0, levelIfUnknownsMet: 5, coverage: { known: 0 } });
    // Filled in, it assesses like any assessment.
    const filled = text
      .replace("  updates.1.1:\n", "  updates.1.1: met\n")
      .replace("  securityEventsLastYear:\n", "  securityEventsLastYear: 4\n");
    const answered = JSON.parse((await miotsec("assess", file("filled.yaml", filled), "--json")).out);
    expect(answered.coverage.known).toBeGreaterThan(1);
  });

  it("takes no assessment file and none of the report's options", async () => {
    refused(
      await miotsec("assess", "--template", hospital),
      "assess --template writes a new questionnaire and reads no assessment (miotsec assess --help)",
    );
    refused(await miotsec("assess", "--template", "--format", "json"), "assess --template does not take --format");
  });
});

describe("miotsec assess --from-label", () => {
  it("writes the questionnaire pre-filled from a label, each answer with why, that assesses", async () => {
    const out = join(scratch(), "from-label.yaml");
    const label = example("labels/ultrasound-wifi.label.json");
    expect(await miotsec("assess", "--from-label", label, "--as-of", "2026-12-02", "--out", out)).toEqual({
      code: 0,
      out: "",
      err: "",
    });
    const text = readFileSync(out, "utf8");
    expect(text).toContain(
      "  # To review, from the label: Label wireless-scanner-example.us-w1.2026-1, security.defaultCredentials: The label declares no default credentials.\n  authentication.1.1: {",
    );
    const doc = parse(text);
    expect(doc.subject).toEqual({
      kind: "device",
      id: "wireless-scanner-example.us-w1.2026-1",
      name: "Handheld wireless ultrasound scanner",
    });
    expect(doc.answers["updates.3.1"]).toMatchObject({ status: "unmet", evidence: [{ method: "examine" }] });
    expect(doc.answers["organisation.1.1"]).toBeNull();
    const r = JSON.parse((await miotsec("assess", out, "--json")).out);
    expect(r.coverage.known).toBe(5);
  });

  it("answers a file that is not a label, and an assessment file beside it, with exit 2 and one line", async () => {
    refused(
      await miotsec("assess", "--from-label", hospital),
      `${hospital}: $.identity is required but missing. (and 10 more)`,
    );
    refused(
      await miotsec("assess", "--from-label", example("labels/table-1.label.json"), hospital),
      "assess --from-label writes a new questionnaire and reads no assessment (miotsec assess --help)",
    );
  });
});

describe("the questionnaire of a catalog of one's own", () => {
  it("keeps every id a key, even one YAML would read as null", async () => {
    const { miotCatalog } = await import("@miotsec/criteria");
    const first = miotCatalog.requirements[0];
    if (first === undefined) throw new Error("fixture");
    const catalog = {
      ...miotCatalog,
      dimensions: [{ id: "structure", title: "Structure" }],
      criteria: [{ id: "nothing", dimension: "structure", title: "Nothing" }],
      requirements: [{ ...first, id: "null", criterion: "nothing", level: 1 }],
      facts: [],
      parameters: [],
      views: [],
    };
    const out = join(scratch(), "q.yaml");
    const file1 = file("null.catalog.json", JSON.stringify(catalog));
    expect((await miotsec("assess", "--template", "--catalog", file1, "--out", out)).err).toBe("");
    expect(Object.keys(parse(readFileSync(out, "utf8")).answers)).toEqual(["null"]);
    expect((await miotsec("assess", out, "--catalog", file1)).code).toBe(0);
  });
});
