// Writes docs/cli.md: the help of every command and the real output of each example, produced
// by running the built command (packages/cli/dist) from the repository's root on examples/.
// Run after a build: node scripts/cli-docs.mjs   (--check: exit 1 if docs/cli.md is not what it would write)
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../packages/cli/dist/index.js";

process.chdir(new URL("..", import.meta.url).pathname);
const scratchDir = mkdtempSync(join(tmpdir(), "miotsec-docs-"));

/** Runs the command; returns its exit code and what it printed on both streams, in order. */
async function ran(argv) {
  let out = "";
  const print = (text) => {
    out += text;
  };
  const code = await run(argv, { out: print, err: print, today: () => "2026-11-28", version: "0.1.0" });
  return { code, out };
}

/** What the command prints for these arguments. */
async function printed(argv) {
  return (await ran(argv)).out;
}

/** Runs the command and returns its transcript: the command line, its output, its exit code. */
async function transcript(argv, { head = Number.POSITIVE_INFINITY } = {}) {
  const { code, out } = await ran(argv);
  const lines = out.replace(/\n$/u, "").split("\n");
  const shown = lines.length > head ? [...lines.slice(0, head), `… (${lines.length - head} more lines)`] : lines;
  const quoted = argv.map((a) => (/[\s"'$]/u.test(a) ? `'${a}'` : a)).join(" ");
  return `$ miotsec ${quoted}\n${out === "" ? "" : `${shown.join("\n")}\n`}# exit ${code}`;
}

const sections = [
  {
    command: "assess",
    text: "Rates a facility or a device on the paper's maturity model. The sample hospital is at level 1: one partial answer (`updates.2.3`) keeps the update criterion at level 1, and the gated rule makes the weakest criterion the facility's level. A range such as `3 (on the way) to 5 (mature)` is the level reached and the best level the open answers still allow; each blocker shows what the requirement says and why it does not count.",
    runs: [
      [["assess", "examples/assessments/hospital.assessment.yaml"]],
      [
        ["assess", "examples/assessments/hospital.assessment.yaml", "--policy", "partial=met", "--format", "markdown"],
        { head: 14 },
      ],
      [
        [
          "assess",
          "examples/assessments/hospital.assessment.yaml",
          "--min-level",
          "2",
          "--format",
          "oscal",
          "--out",
          join(scratchDir, "oscal.json"),
        ],
      ],
      [["assess", "--template", "--as-of", "2026-11-28"], { head: 24 }],
    ],
  },
  {
    command: "catalog",
    text: "The catalog's requirements by criterion, each with its level, kind and what it says: what a report's ids stand for. `--profile` shows a tailored catalog.",
    runs: [[["catalog", "--criterion", "updates"]], [["catalog", "show", "updates.2.3"]]],
  },
  {
    command: "catalog show",
    text: "One requirement whole, with its source in the paper and its note.",
    runs: [[["catalog", "show", "security-costs.2.1"]]],
  },
  {
    command: "label",
    text: "The label's subcommands; `miotsec label` alone prints this on standard error.",
    runs: [],
  },
  {
    command: "label validate",
    text: "Checks a label document: the schema, then the cross-checks (dates in order, the QR target, declared endpoints).",
    runs: [[["label", "validate", "examples/labels/ultrasound-wifi.label.json"]]],
  },
  {
    command: "label render",
    text: "Draws the label as SVG (standard output, or `--out`) or as a self-contained HTML page.",
    runs: [
      [["label", "render", "examples/labels/ultrasound-wifi.label.json", "--as-of", "2026-11-28"], { head: 3 }],
      [
        [
          "label",
          "render",
          "examples/labels/ultrasound-usbc.label.json",
          "--format",
          "html",
          "--out",
          join(scratchDir, "label.html"),
        ],
      ],
    ],
  },
  {
    command: "label export",
    text: "Exports to the formats the market reads. MUD (RFC 8520) names exact hosts only; the wildcard endpoints it cannot express are named on standard error.",
    runs: [
      [["label", "export", "examples/labels/ultrasound-usbc.label.json", "--format", "cyclonedx"], { head: 12 }],
      [
        [
          "label",
          "export",
          "examples/labels/ultrasound-wifi.label.json",
          "--format",
          "mud",
          "--out",
          join(scratchDir, "mud.json"),
        ],
      ],
      [["label", "export", "examples/labels/ultrasound-wifi.label.json", "--format", "cta-2120"]],
      [
        [
          "label",
          "export",
          "examples/labels/ultrasound-wifi.label.json",
          "--format",
          "cta-2120",
          "--certification",
          "examples/certification/ultrasound-wifi.certification.yaml",
        ],
        { head: 16 },
      ],
    ],
  },
  {
    command: "label sign",
    text: "Signs a label with a private key: the label with one more signature, which names the signer's role and name. A label status document is signed the same way. The example signs with the test lab's demo key (`examples/keys/`, for tests and demos only).",
    runs: [
      [
        [
          "label",
          "sign",
          "examples/labels/ultrasound-wifi.label.json",
          "--key",
          "examples/keys/demo-only-test-lab-ed25519.private.jwk.json",
          "--role",
          "test-lab",
          "--signer",
          "Example test lab",
          "--out",
          join(scratchDir, "signed.label.json"),
        ],
      ],
    ],
  },
  {
    command: "label verify",
    text: "Verifies a label's signatures against pinned public keys, offline: who signed and whether it verifies. A signed label status folds in: the wireless scanner's label is revoked, so it is not valid and the command exits 1. `--qr` says whether a scanned QR code names the label.",
    runs: [
      [
        [
          "label",
          "verify",
          "examples/signatures/ultrasound-wifi.signed.label.json",
          "--keys",
          "examples/keys/demo-only.jwks.json",
        ],
      ],
      [
        [
          "label",
          "verify",
          "examples/signatures/ultrasound-wifi.signed.label.json",
          "--keys",
          "examples/keys/demo-only.jwks.json",
          "--status",
          "examples/signatures/ultrasound-wifi.revoked.status.json",
        ],
      ],
    ],
  },
  {
    command: "keys",
    text: "The key subcommands; `miotsec keys` alone prints this on standard error.",
    runs: [],
  },
  {
    command: "keys generate",
    text: "Makes a signing key pair: the private key readable by its owner alone, and the public key set to give to those who verify.",
    runs: [[["keys", "generate", "--alg", "EdDSA", "--kid", "vendor-2026", "--out", join(scratchDir, "keys")]]],
  },
  {
    command: "best-before",
    text: "The best-before-inspection date and every factor that moved it. Exit 1 once the date has passed. With `--vex`, the manufacturer's vulnerability statements move it: the wireless scanner's open critical vulnerability caps the date 60 days after its publication.",
    runs: [
      [["best-before", "examples/labels/infusion-pump-full.label.json", "--as-of", "2026-11-28"]],
      [["best-before", "examples/labels/ultrasound-wifi.label.json", "--as-of", "2031-01-01"], { head: 1 }],
      [
        [
          "best-before",
          "examples/labels/ultrasound-wifi.label.json",
          "--vex",
          "examples/vex/ultrasound-wifi.csaf.json",
          "--as-of",
          "2026-11-28",
        ],
        { head: 12 },
      ],
    ],
  },
  {
    command: "compare",
    text: "Streams runtime samples through a monitor of the label's declared reference values. In ward 3, `us-w1-0003` has been tampered with: its load stays above the operating range (a warning once it has lasted the hold time), then passes the fail-safe maximum, which ends in the paper's reaction chain. `us-w1-0002` has a single spike that the 120 s hold time lets pass. On a terminal a progress bar runs on standard error; piped, there is none.",
    runs: [
      [
        [
          "compare",
          "examples/labels/ultrasound-wifi.label.json",
          "examples/runtime/ward-3.samples.ndjson",
          "--hold",
          "120",
        ],
      ],
      [["compare", "examples/labels/ultrasound-usbc.label.json", "examples/runtime/radiology.samples.csv"]],
    ],
  },
  {
    command: "check-traffic",
    text: "The security test of the paper's section VI as one command. Both scanners' labels declare every host their apps were seen connecting to. The wired scanner's seven hosts are third parties of four companies, as the paper counted them, in the United States where the paper says so. The second run reads the same capture as mitmproxy's flows in JSON, which record the TLS version a HAR export of mitmproxy does not. The wireless scanner's label says personal data stays in the EU, yet its cloud answered from Canada with images and patient records: the paper's GDPR point, contraindicated.",
    runs: [
      [
        [
          "check-traffic",
          "examples/labels/ultrasound-usbc.label.json",
          "examples/traffic/ultrasound-usbc.har",
          "--countries",
          "examples/traffic/countries.json",
          "--organisations",
          "examples/traffic/organisations.json",
        ],
      ],
      [
        [
          "check-traffic",
          "examples/labels/ultrasound-usbc.label.json",
          "examples/traffic/ultrasound-usbc.flows.json",
          "--organisations",
          "examples/traffic/organisations.json",
        ],
        { head: 1 },
      ],
      [
        [
          "check-traffic",
          "examples/labels/ultrasound-wifi.label.json",
          "examples/traffic/ultrasound-wifi.observed.json",
        ],
      ],
    ],
  },
  {
    command: "monitor",
    text: "Runs a fleet's monitor over MQTT and Redis until it is stopped: the ingest, a worker, or both in one process. It needs `@miotsec/fleet` installed and the servers running, so it has no transcript here; `docs/fleet.md` shows a three-node layout, how shards move between workers, and what one worker holds. Without a Redis server it says what it needs.",
    runs: [[["monitor", "--shards", "8", "--profiles", "examples/fleet"]]],
  },
  {
    command: "schema",
    text: "JSON Schemas (2020-12) of every document miotsec reads, for editors and other languages.",
    runs: [[["schema", "assessment"], { head: 8 }]],
  },
  {
    command: "demo",
    text: "Everything above on `examples/`, and a report page. `pnpm demo` in the repository runs it into `./demo-report`.",
    runs: [[["demo", "--out", join(scratchDir, "demo-report"), "--as-of", "2026-11-28"]]],
  },
  {
    command: "help",
    text: "The same help as `--help`, for miotsec or for any command.",
    runs: [[["help", "label"]]],
  },
  {
    command: "version",
    text: "The version, as `--version` and `-V` print it.",
    runs: [],
  },
];

const parts = [
  `# The miotsec command

Install with \`npm install --global @miotsec/cli\`, or run \`pnpm demo\` in a checkout (it builds
the command and runs \`miotsec demo\` into \`./demo-report\`). Every command takes \`--help\`.

Conventions:

- Exit codes: 0 ok, 1 findings, 2 bad input or usage.
- An error is one line on standard error, \`miotsec: <file>: <JSON path>: <message>\`; never a
  stack trace. A missing file, a directory, invalid JSON or YAML, an empty file and a document
  of the wrong schema version are all such a line with exit 2, in every command.
- Documents are JSON, or YAML (1.2, no aliases, unique keys) when the file ends in \`.yaml\` or
  \`.yml\`. A byte-order mark is ignored.
- \`--json\` prints machine-readable output. Colour is used only when standard output is a
  terminal and \`NO_COLOR\` is not set, or when \`FORCE_COLOR\` is set (and not \`0\`), which wins
  over both, as in Node; \`--json\` is never coloured.
- An unknown command, subcommand or option, or an option the command does not take, is refused
  with exit 2 and one line, with a "did you mean" where one is close. Bare \`miotsec\` prints the
  usage on standard error (exit 2); \`miotsec help [command]\` and \`--help\` print it on standard
  output.
- Output into a pipe that closes early (\`miotsec schema label | head -c 50\`) ends quietly with
  exit code 141 (128 + SIGPIPE), as a program the pipe has ended does.
- A document may carry a \`$schema\` key (to point an editor at its JSON Schema); it is ignored.
- \`--out\` files are written atomically: to a temporary file beside the target, then renamed.
- \`--as-of\` defaults to today; it is the only place the command reads the clock, besides
  the times on \`monitor\`'s log lines.

This page is written by \`node scripts/cli-docs.mjs\` from the built command: every output
below is real, run from the repository's root with today taken as 2026-11-28 (paths of
\`--out\` files are temporary ones).

## miotsec --help

\`\`\`text
${(await printed(["--help"])).replace(/\n$/u, "")}
\`\`\`
`,
];
for (const s of sections) {
  const outputs = [];
  for (const [argv, options] of s.runs) outputs.push(await transcript(argv, options));
  parts.push(`## miotsec ${s.command}

${s.text}

\`\`\`text
${(await printed([...s.command.split(" "), "--help"])).replace(/\n$/u, "")}
\`\`\`

${
  outputs.length === 0
    ? ""
    : `\`\`\`text
${outputs.join("\n\n").replaceAll(scratchDir, "/tmp/out")}
\`\`\`
`
}`);
}
const errors = [];
for (const argv of [
  ["label", "validate", "examples/nope.json"],
  ["best-before", "examples/labels"],
  ["assess", "examples/traffic/README.md"],
  ["compare", "examples/labels/ultrasound-wifi.label.json", "examples/traffic/countries.json"],
  ["assess", "examples/assessments/hospital.assessment.yaml", "--policy", "partial=sometimes"],
  ["asess", "examples/assessments/hospital.assessment.yaml"],
  ["label", "valdate", "examples/labels/ultrasound-wifi.label.json"],
  ["assess", "examples/assessments/hospital.assessment.yaml", "--formt", "json"],
  ["label", "validate", "examples/labels/ultrasound-wifi.label.json", "--out", "x.json"],
  ["compare", "examples/labels/ultrasound-wifi.label.json", "examples/runtime/ward-3.samples.ndjson", "--hold", "-5"],
  ["assess", "examples/assessments/hospital.assessment.yaml", "--min-level", "3"],
])
  errors.push(await transcript(argv));
parts.push(`## Errors

\`\`\`text
${errors.join("\n\n")}
\`\`\`
`);
const text = parts.join("\n");
if (process.argv.includes("--check")) {
  if (readFileSync("docs/cli.md", "utf8") !== text) {
    console.error("docs/cli.md is out of date: run node scripts/cli-docs.mjs");
    process.exit(1);
  }
} else writeFileSync("docs/cli.md", text);
