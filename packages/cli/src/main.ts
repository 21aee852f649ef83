import { parseArgs } from "node:util";
import type { Context, Io, Options } from "./context.js";
import { UsageError } from "./errors.js";
import { commandHelp, usage } from "./help.js";
import { style } from "./style.js";
import { didYouMean } from "./suggest.js";
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

/** Every option of any command, as `parseArgs` reads them. */
const allOptions = {
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
  template: { type: "boolean" },
  "from-label": { type: "string" },
  criterion: { type: "string" },
  level: { type: "string" },
  certification: { type: "string" },
  stage: { type: "string" },
  hold: { type: "string" },
  countries: { type: "string" },
  organisations: { type: "string" },
  tls: { type: "string" },
  examples: { type: "string" },
  alg: { type: "string" },
  kid: { type: "string" },
  key: { type: "string" },
  keys: { type: "string" },
  mqtt: { type: "string" },
  redis: { type: "string", multiple: true },
  cluster: { type: "boolean" },
  shards: { type: "string" },
  worker: { type: "string" },
  workers: { type: "string" },
  profiles: { type: "string" },
  prefix: { type: "string" },
  "publish-events": { type: "boolean" },
  role: { type: "string" },
  signer: { type: "string" },
  status: { type: "string" },
  qr: { type: "string" },
  vex: { type: "string", multiple: true },
  kev: { type: "string" },
} as const;

type OptionName = keyof typeof allOptions;

/**
 * A command: what runs it (loaded only when it runs, so that `--version` and `--help` stay
 * fast) and the options it takes.
 */
interface Command {
  readonly run: (context: Context) => Promise<number>;
  readonly options: readonly OptionName[];
}

const commands: Readonly<Record<string, Command>> = {
  assess: {
    run: async (c) => (await import("./commands/assess.js")).assessCommand(c),
    options: ["json", "format", "catalog", "profile", "policy", "min-level", "out", "template", "from-label", "as-of"],
  },
  catalog: {
    run: async (c) => (await import("./commands/catalog.js")).catalogCommand(c),
    options: ["json", "catalog", "profile", "criterion", "level"],
  },
  "catalog show": {
    run: async (c) => (await import("./commands/catalog.js")).showCommand(c),
    options: ["json", "catalog", "profile"],
  },
  "label validate": {
    run: async (c) => (await import("./commands/label.js")).validateCommand(c),
    options: ["json"],
  },
  "label render": {
    run: async (c) => (await import("./commands/label.js")).renderCommand(c),
    options: ["format", "as-of", "out", "keys", "status", "vex", "kev"],
  },
  "label export": {
    run: async (c) => (await import("./commands/label.js")).exportCommand(c),
    options: ["format", "certification", "out"],
  },
  "label sign": {
    run: async (c) => (await import("./commands/trust.js")).signCommand(c),
    options: ["key", "role", "signer", "kid", "out"],
  },
  "label verify": {
    run: async (c) => (await import("./commands/trust.js")).verifyCommand(c),
    options: ["keys", "status", "qr", "as-of", "json"],
  },
  "keys generate": {
    run: async (c) => (await import("./commands/trust.js")).keysGenerateCommand(c),
    options: ["alg", "kid", "out", "json"],
  },
  "best-before": {
    run: async (c) => (await import("./commands/best-before.js")).bestBeforeCommand(c),
    options: ["as-of", "json", "vex", "kev"],
  },
  compare: {
    run: async (c) => (await import("./commands/compare.js")).compareCommand(c),
    options: ["stage", "hold", "json"],
  },
  "check-traffic": {
    run: async (c) => (await import("./commands/check-traffic.js")).checkTrafficCommand(c),
    options: ["countries", "organisations", "tls", "json"],
  },
  monitor: {
    run: async (c) => (await import("./commands/monitor.js")).monitorCommand(c),
    options: [
      "mqtt",
      "redis",
      "cluster",
      "shards",
      "profiles",
      "worker",
      "workers",
      "stage",
      "hold",
      "prefix",
      "publish-events",
      "json",
    ],
  },
  schema: { run: async (c) => (await import("./commands/schema.js")).schemaCommand(c), options: [] },
  demo: {
    run: async (c) => (await import("./commands/demo.js")).demoCommand(c),
    options: ["out", "examples", "as-of", "json"],
  },
  help: { run: async (c) => helpCommand(c), options: [] },
  version: {
    run: async (c) => {
      c.io.out(`${c.io.version}\n`);
      return 0;
    },
    options: [],
  },
};

/** Commands with subcommands, and the subcommands' names. */
const groups: Readonly<Record<string, readonly string[]>> = {
  label: ["validate", "render", "export", "sign", "verify"],
  keys: ["generate"],
  catalog: ["show"],
};

/** The names people type first: commands and groups. */
const firstWords = [...new Set(Object.keys(commands).map((name) => name.split(" ")[0] as string))];

/** `miotsec help [command]`: the usage, or one command's help. */
function helpCommand(context: Context): number {
  const name = context.args.join(" ");
  if (name === "") {
    context.io.out(usage);
    return 0;
  }
  const text = commandHelp[name];
  if (text === undefined) throw new UsageError(`no help for "${name}"${didYouMean(name, Object.keys(commandHelp))}`);
  context.io.out(text);
  return 0;
}

/** `-V` is `--version`; a string option followed by a negative number takes it as its value. */
function normalise(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--") {
      out.push(...argv.slice(i));
      break;
    }
    if (arg === "-V") out.push("--version");
    else if (
      arg.startsWith("--") &&
      !arg.includes("=") &&
      (allOptions as Record<string, { type: string }>)[arg.slice(2)]?.type === "string" &&
      /^-\d/.test(argv[i + 1] ?? "")
    ) {
      out.push(`${arg}=${argv[i + 1]}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** The command named by the first positional arguments, and the arguments after it. */
function commandOf(positionals: readonly string[]): { name: string; args: string[] } {
  const [first, second, ...rest] = positionals;
  if (first === undefined) return { name: "", args: [] };
  const subcommands = Object.hasOwn(groups, first) ? (groups[first] as readonly string[]) : undefined;
  if (subcommands === undefined) return { name: first, args: positionals.slice(1) };
  if (second !== undefined && subcommands.includes(second)) return { name: `${first} ${second}`, args: rest };
  // A group that is a command too (`catalog`) takes arguments, unless the first is a near miss of a subcommand.
  if (Object.hasOwn(commands, first) && (second === undefined || didYouMean(second, subcommands) === ""))
    return { name: first, args: positionals.slice(1) };
  if (second === undefined) return { name: first, args: [] };
  throw new UsageError(
    `unknown command "${first} ${second}"${didYouMean(second, subcommands, `${first} `)} (miotsec ${first} --help)`,
  );
}

async function dispatch(argv: readonly string[], io: Io): Promise<number> {
  const args = normalise(argv);
  // First pass, lenient: find the command and every option as typed, to check them against it.
  const { tokens } = parseArgs({ args, options: allOptions, strict: false, allowPositionals: true, tokens: true });
  const { name, args: rest } = commandOf(tokens.flatMap((t) => (t.kind === "positional" ? [t.value] : [])));
  const known = Object.hasOwn(commands, name) ? commands[name] : undefined;
  const groupOnly = Object.hasOwn(groups, name) && known === undefined;
  for (const t of tokens) {
    if (t.kind !== "option" || t.name === "help" || t.name === "version") continue;
    const where = name === "" ? "miotsec" : name;
    if (!Object.hasOwn(allOptions, t.name)) {
      const allowed = known === undefined ? Object.keys(allOptions) : known.options;
      throw new UsageError(
        `unknown option ${t.rawName} for ${where}${didYouMean(t.rawName.replace(/^-+/, ""), allowed, "--")}`,
      );
    }
    if (known !== undefined && !known.options.includes(t.name as OptionName))
      throw new UsageError(
        known.options.length === 0
          ? `${where} takes no options; not ${t.rawName}`
          : `${where} does not take ${t.rawName}; it takes ${known.options.map((o) => `--${o}`).join(", ")}`,
      );
  }
  // Second pass, strict: the values (a string option without one, a boolean given one).
  let values: Options;
  try {
    values = parseArgs({ args, options: allOptions, strict: true, allowPositionals: true }).values as Options;
  } catch (error) {
    const message = (error as Error).message;
    const option = /'(-[-\w]+)/.exec(message)?.[1];
    if (/argument missing/.test(message) && option !== undefined)
      throw new UsageError(`${option} needs a value (miotsec ${name === "" ? "" : `${name} `}--help)`);
    if (/does not take an argument/.test(message) && option !== undefined)
      throw new UsageError(`${option} takes no value`);
    throw new UsageError(`${message.split("\n")[0]} (miotsec --help)`);
  }
  if (values.version) {
    io.out(`${io.version}\n`);
    return 0;
  }
  if (name === "") {
    if (values.help) {
      io.out(usage);
      return 0;
    }
    // Bare `miotsec`: the usage is not what was asked for, so it goes to standard error.
    io.err(usage);
    return 2;
  }
  if (values.help || groupOnly) {
    const text = commandHelp[name];
    if (text === undefined)
      throw new UsageError(`unknown command "${name}"${didYouMean(name, firstWords)} (miotsec --help)`);
    if (groupOnly && !values.help) {
      io.err(text);
      return 2;
    }
    io.out(text);
    return 0;
  }
  if (known === undefined)
    throw new UsageError(`unknown command "${name}"${didYouMean(name, firstWords)} (miotsec --help)`);
  return known.run(contextOf(io, name, rest, values));
}

function contextOf(io: Io, name: string, args: readonly string[], values: Options): Context {
  return {
    io,
    name,
    args,
    options: values,
    asOf: values["as-of"] ?? io.today(),
    style: style(io.color === true && values.json !== true),
  };
}
