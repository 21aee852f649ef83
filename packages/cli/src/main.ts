import { parseArgs } from "node:util";
import type { Context, Io, Options } from "./context.js";
import { UsageError } from "./errors.js";
import { commandHelp, usage } from "./help.js";
import { style } from "./style.js";
import { oneLine } from "./terminal.js";

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
      io.err(`miotsec: ${oneLine(error.message)}\n`);
      return 2;
    }
    io.err(`miotsec: internal error: ${oneLine(String((error as Error)?.message ?? error))}\n`);
    return 2;
  }
}

function options(argv: readonly string[]): { values: Options; positionals: string[] } {
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
        catalog: { type: "string" },
        profile: { type: "string" },
        policy: { type: "string", multiple: true },
        "min-level": { type: "string" },
        certification: { type: "string" },
        stage: { type: "string" },
        hold: { type: "string" },
        countries: { type: "string" },
        examples: { type: "string" },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split("\n")[0]} (miotsec --help)`);
  }
}

/** The commands, each loaded only when it runs, so that `--version` and `--help` stay fast. */
const commands: Readonly<Record<string, (context: Context) => Promise<number>>> = {
  assess: async (c) => (await import("./commands/assess.js")).assessCommand(c),
  "label validate": async (c) => (await import("./commands/label.js")).validateCommand(c),
  "label render": async (c) => (await import("./commands/label.js")).renderCommand(c),
  "label export": async (c) => (await import("./commands/label.js")).exportCommand(c),
  "best-before": async (c) => (await import("./commands/best-before.js")).bestBeforeCommand(c),
  compare: async (c) => (await import("./commands/compare.js")).compareCommand(c),
  "check-traffic": async (c) => (await import("./commands/check-traffic.js")).checkTrafficCommand(c),
  schema: async (c) => (await import("./commands/schema.js")).schemaCommand(c),
  demo: async (c) => (await import("./commands/demo.js")).demoCommand(c),
};

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
    io.out(commandHelp[name] ?? usage);
    return command === undefined && !values.help ? 2 : 0;
  }
  const handler = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (handler === undefined) {
    if (command === "label")
      throw new UsageError("label needs a subcommand: validate, render or export (miotsec label --help)");
    throw new UsageError(`unknown command "${name}" (miotsec --help)`);
  }
  return handler({
    io,
    name,
    args,
    options: values,
    asOf: values["as-of"] ?? io.today(),
    style: style(io.color === true && values.json !== true),
  });
}
