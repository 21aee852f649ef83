// Nothing a terminal obeys reaches it from a document, a sample file or a file name, in any
// command, as text, as JSON or as a document printed to standard output.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { example, labelFile, miotsec, scratch } from "./fixtures.test-support.js";

/** Terminal controls: C0 but tab and line feed, DEL, C1, and the bidirectional controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these tests are about control characters
const obeyed = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
/** Escape sequences of every kind: CSI, OSC (title, hyperlink), C1 CSI and OSC, bidi overrides. */
const hostile =
  "\u001b[2J\u001b]0;owned\u0007\u001b]8;;https://x.example\u001b\\\u009b31m\u009d0;t\u009c\u202eevil\u2066\u2069\u200f\r";

/** The same in a file name, which cannot hold a slash. */
const named = hostile.replace(/\//gu, "_");

describe("what reaches the terminal", () => {
  const dir = join(scratch(), `dir${named}`);
  mkdirSync(dir);
  const put = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const wifi = JSON.parse(readFileSync(labelFile("ultrasound-wifi"), "utf8"));
  wifi.identity.product = `Scanner${hostile}`;
  wifi.identity.manufacturer.name = `Maker${hostile}`;
  wifi.lifecycle.components[0].name = `Battery${hostile}`;
  wifi.components.sensors[0].name = `Probe${hostile}`;
  const label = put(`wifi${named}.label.json`, JSON.stringify(wifi));
  const assessment = put(
    `hospital${named}.yaml`,
    `${readFileSync(example("assessments/hospital.assessment.yaml"), "utf8")}`.replace(
      /name: .*/u,
      `name: ${JSON.stringify(`Ward${hostile}`)}`,
    ),
  );
  const samples = put(
    `samples${named}.ndjson`,
    [
      { device: `dev${hostile}`, metric: "cpuPercent", value: 99, unit: "%", at: 0 },
      { device: `dev${hostile}`, metric: `metric${hostile}`, value: 1, unit: "%", at: 1 },
    ]
      .map((s) => JSON.stringify(s))
      .join("\n"),
  );
  const observed = put(
    `observed${named}.json`,
    JSON.stringify([{ host: `evil${hostile}.example`, port: 443, tls: "1.0", country: "US" }]),
  );
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these tests are about control characters
  const broken = put(`broken${named}.json`, `{"a": "${hostile.replace(/[\u0000-\u001f]/gu, "")}"`);

  const runs: string[][] = [
    ["label", "validate", label],
    ["label", "validate", broken],
    ["label", "validate", put(`bad${named}.json`, JSON.stringify({ ...wifi, [`key${hostile}`]: 1 }))],
    ["label", "render", label],
    ["label", "render", label, "--format", "html"],
    ["label", "export", label, "--format", "cyclonedx"],
    ["label", "export", label, "--format", "mud"],
    ["best-before", label],
    ["best-before", label, "--json"],
    ["assess", assessment],
    ["assess", assessment, "--format", "markdown"],
    ["assess", assessment, "--json"],
    ["compare", label, samples],
    ["compare", label, samples, "--json"],
    ["check-traffic", label, observed],
    ["check-traffic", label, observed, "--json"],
    ["label", "validate", join(dir, `missing${named}.json`)],
  ];

  it.each(runs.map((argv) => [argv.slice(0, 3).join(" ").replace(obeyed, "?"), argv] as const))(
    "%s prints nothing a terminal obeys",
    async (_, argv) => {
      const r = await miotsec(...argv);
      const found = [...(r.out + r.err).matchAll(obeyed)].map(
        (m) => `U+${(m[0].codePointAt(0) ?? 0).toString(16)} at ${m.index}`,
      );
      expect(found, r.out.slice(0, 200)).toEqual([]);
      expect(r.out.length + r.err.length).toBeGreaterThan(0);
    },
  );
});
