import { parseArgs } from "node:util";
import type { Issue } from "@miotsec/core";
import { readJson, UsageError, writeAtomic } from "./io.js";

/**
 * What {@link run} talks to: the output streams, the environment and the clock, passed in so
 * that tests can run the command in-process.
 *
 * @example
 * ```ts
 * import type { Io } from "@miotsec/cli";
 * const io: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), today: () => "2026-11-28", version: "0.1.0" };
 * ```
 * @since 0.1.0
 */
export interface Io {
  /** Writes to standard output. */
  readonly out: (text: string) => void;
  /** Writes to standard error. */
  readonly err: (text: string) => void;
  /** Today's date as `YYYY-MM-DD`, the default of `--as-of`. */
  readonly today: () => string;
  /** The version `--version` prints. */
  readonly version: string;
}

const USAGE = `Usage: miotsec <command> [options]

Commands:
  label validate <label.json>   check a label document
  label render <label.json>     draw a label as SVG or HTML
  best-before <label.json>      the best-before-inspection date of a label
  schema <label|catalog>        print a JSON Schema

Options:
  --help, -h      help for miotsec or for a command
  --version, -v   print the version

Exit codes: 0 ok, 1 findings, 2 bad input or usage.
Example: miotsec label validate examples/labels/ultrasound-wifi.label.json
`;

const HELP: Readonly<Record<string, string>> = {
  "label validate": `Usage: miotsec label validate <label.json> [--json]

Checks a label document against the label schema and its cross-checks. Prints "valid" or the
first problem with its JSON path; --json prints every issue.
Example: miotsec label validate examples/labels/ultrasound-wifi.label.json
`,
  "label render": `Usage: miotsec label render <label.json> [--format svg|html] [--as-of YYYY-MM-DD] [--out FILE]

Draws the label: the IoT Components Facts with the best-before-inspection date as of --as-of
(default today) and a QR code. Writes to --out atomically, else to standard output.
Example: miotsec label render examples/labels/ultrasound-wifi.label.json --format html --out label.html
`,
  "best-before": `Usage: miotsec best-before <label.json> [--as-of YYYY-MM-DD] [--json]

The label's best-before-inspection date, its status as of --as-of (default today), and every
factor that moved it. Exits 1 when the date has passed.
Example: miotsec best-before examples/labels/infusion-pump-full.label.json --as-of 2026-11-28
`,
  schema: `Usage: miotsec schema <label|catalog>

Prints the JSON Schema (2020-12) of a label document or a criteria catalog.
Example: miotsec schema label > label.schema.json
`,
};

/** The first issue of a failed parse as one line: file, JSON path, message. */
async function issueLine(file: string, issues: readonly Issue[]): Promise<string> {
  // Loaded here, not at start-up: only a failed parse needs it, and the parser has loaded it.
  const { formatPath } = await import("@miotsec/core");
  const [first] = issues;
  const path = formatPath(first?.path ?? []);
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more; --json lists them)` : "";
  return `${file}: ${path}: ${first?.message ?? "invalid"}${more}`;
}

/**
 * Runs the `miotsec` command with its arguments (without `node` and the script) and returns
 * the exit code: 0 ok, 1 findings, 2 bad input or usage. Never throws for bad input; errors are
 * one line on `err`.
 *
 * @example
 * ```ts
 * import { run } from "@miotsec/cli";
 * const code = await run(["--version"], { out: console.log, err: console.error, today: () => "2026-11-28", version: "0.1.0" });
 * ```
 * @since 0.1.0
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`miotsec: ${error.message}\n`);
      return 2;
    }
    io.err(`miotsec: internal error: ${(error as Error)?.message ?? String(error)}\n`);
    return 2;
  }
}

function options(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
        json: { type: "boolean" },
        format: { type: "string" },
        "as-of": { type: "string" },
        out: { type: "string" },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split("\n")[0]} (miotsec --help)`);
  }
}

async function dispatch(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = options(argv);
  if (values.version) {
    io.out(`${io.version}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  const name = command === "label" ? `label ${rest[0] ?? ""}`.trim() : (command ?? "");
  const args = command === "label" ? rest.slice(1) : rest;
  if (values.help || command === undefined) {
    io.out(HELP[name] ?? USAGE);
    return command === undefined && !values.help ? 2 : 0;
  }
  if (command === "label" && !Object.hasOwn(HELP, name))
    throw new UsageError(`label needs a subcommand, validate or render (miotsec --help)`);
  if (!Object.hasOwn(HELP, name)) throw new UsageError(`unknown command "${name}" (miotsec --help)`);
  const file = args[0];
  if (name === "schema") {
    if (file !== "label" && file !== "catalog") throw new UsageError('schema needs "label" or "catalog"');
    const schema =
      file === "label"
        ? (await import("@miotsec/label")).labelJsonSchema()
        : (await import("@miotsec/criteria")).catalogJsonSchema();
    io.out(`${JSON.stringify(schema, null, 2)}\n`);
    return 0;
  }
  if (file === undefined) throw new UsageError(`${name} needs a label file (miotsec ${name} --help)`);
  if (args.length > 1) throw new UsageError(`${name} takes one file, got ${args.length}`);
  const asOf = values["as-of"] ?? io.today();
  const doc = readJson(file);

  if (name === "label validate") {
    const { parseLabel } = await import("@miotsec/label");
    const r = parseLabel(doc);
    if (values.json)
      io.out(`${JSON.stringify(r.ok ? { valid: true } : { valid: false, issues: r.issues }, null, 2)}\n`);
    if (r.ok) {
      if (!values.json) io.out(`${file}: valid\n`);
      return 0;
    }
    if (!values.json) io.err(`miotsec: ${await issueLine(file, r.issues)}\n`);
    return 2;
  }

  if (name === "label render") {
    const format = values.format ?? "svg";
    if (format !== "svg" && format !== "html") throw new UsageError(`--format must be svg or html, not "${format}"`);
    const render = await import("@miotsec/render");
    const r = (format === "svg" ? render.renderLabelSvg : render.renderLabelHtml)(doc, { asOf });
    if (!r.ok) throw new UsageError(await issueLine(r.issues[0]?.path[0] === "asOf" ? "--as-of" : file, r.issues));
    if (values.out === undefined) io.out(r.value);
    else writeAtomic(values.out, r.value);
    return 0;
  }

  // best-before
  const { parseLabel } = await import("@miotsec/label");
  const { computeBestBefore } = await import("@miotsec/best-before");
  const label = parseLabel(doc);
  if (!label.ok) throw new UsageError(await issueLine(file, label.issues));
  if (typeof label.value.lifecycle !== "object")
    throw new UsageError(`${file}: $.lifecycle: the label does not disclose its lifecycle facts`);
  const r = computeBestBefore(label.value.lifecycle, { asOf });
  if (!r.ok) throw new UsageError(await issueLine("--as-of", r.issues));
  const b = r.value;
  if (values.json) io.out(`${JSON.stringify(b, null, 2)}\n`);
  else {
    io.out(
      `${file}: best before inspection ${b.bestBefore}, ${b.status} (${b.daysRemaining} days), ${b.label} label\n`,
    );
    for (const c of b.contributions)
      io.out(`  ${`${c.days >= 0 ? "+" : ""}${c.days}`.padStart(5)} days  ${c.explanation}\n`);
  }
  return b.status === "expired" ? 1 : 0;
}
