import { UsageError } from "./errors.js";
import type { Style } from "./style.js";
import { escapeForTerminal } from "./terminal.js";

/**
 * What {@link run} talks to: the output streams, the terminal, the clock and the version,
 * passed in so that the command can run in-process (tests, embedding).
 *
 * @since 0.1.0
 */
export interface Io {
  /** Writes to standard output. */
  readonly out: (text: string) => void;
  /** Writes to standard error. */
  readonly err: (text: string) => void;
  /** Today's date as `YYYY-MM-DD` in the user's time zone, the default of `--as-of`. */
  readonly today: () => string;
  /** The version `--version` prints. */
  readonly version: string;
  /**
   * Whether output may be coloured: `FORCE_COLOR` is set (not 0 or false), or standard output is a
   * terminal and `NO_COLOR` is unset. Default false.
   */
  readonly color?: boolean;
  /** Whether standard error is a terminal, where `compare` draws its progress bar. Default false. */
  readonly progress?: boolean;
  /**
   * Called by a command that runs until it is told to stop (`monitor`): resolves when it should
   * stop. The `miotsec` executable resolves it on the first SIGINT or SIGTERM after the call
   * (a second one ends the process as usual). Without it, such a command stops at once.
   *
   * @since 0.2.0
   */
  readonly stop?: () => Promise<void>;
}

/** The parsed options of any command. */
export interface Options {
  readonly help?: boolean;
  readonly version?: boolean;
  readonly json?: boolean;
  readonly format?: string;
  readonly "as-of"?: string;
  readonly out?: string;
  readonly catalog?: string;
  readonly profile?: string;
  readonly policy?: string[];
  readonly "min-level"?: string;
  readonly template?: boolean;
  readonly "from-label"?: string;
  readonly criterion?: string;
  readonly level?: string;
  readonly certification?: string;
  readonly stage?: string;
  readonly hold?: string;
  readonly countries?: string;
  readonly organisations?: string;
  readonly tls?: string;
  readonly examples?: string;
  readonly alg?: string;
  readonly kid?: string;
  readonly key?: string;
  readonly keys?: string;
  readonly role?: string;
  readonly signer?: string;
  readonly status?: string;
  readonly qr?: string;
  readonly vex?: string[];
  readonly kev?: string;
  readonly mqtt?: string;
  readonly redis?: string[];
  readonly cluster?: boolean;
  readonly shards?: string;
  readonly worker?: string;
  readonly workers?: string;
  readonly profiles?: string;
  readonly prefix?: string;
  readonly "publish-events"?: boolean;
}

/** What a command gets: the streams, its positional arguments, the options and the styles. */
export interface Context {
  readonly io: Io;
  /** The command as typed: `assess`, `label render`. */
  readonly name: string;
  readonly args: readonly string[];
  readonly options: Options;
  /** `--as-of`, or today. */
  readonly asOf: string;
  readonly style: Style;
}

/** The positional arguments a command needs, by name, or a {@link UsageError}. */
export function positional(context: Context, ...names: string[]): string[] {
  const { args, name } = context;
  if (args.length < names.length)
    throw new UsageError(`${name} needs ${names.slice(args.length).join(" and ")} (miotsec ${name} --help)`);
  if (args.length > names.length)
    throw new UsageError(
      `${name} takes ${names.length} argument${names.length === 1 ? "" : "s"}, got ${args.length} (miotsec ${name} --help)`,
    );
  return [...args];
}

/** One of the allowed values of an option, or a {@link UsageError}. */
export function choice<T extends string>(
  option: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${option} must be ${allowed.join(", ")}; not "${value}"`);
}

/** `--hold`: a number of seconds, 0 or more (default 0), or a {@link UsageError}. */
export function holdSeconds(value: string | undefined): number {
  const seconds = value === undefined ? 0 : Number(value);
  if (!/^\d+(\.\d+)?$/.test(value ?? "0") || !Number.isFinite(seconds))
    throw new UsageError(`--hold must be a number of seconds, 0 or more (such as 120), not "${value}"`);
  return seconds;
}

/**
 * Writes `text` to `--out` atomically, or to standard output. Markup (SVG, HTML, Markdown) on
 * standard output has what a terminal would obey written as character references; JSON comes
 * from `json`, which does the same with escapes, and text for people is made of `oneLine`s.
 */
export async function emit(context: Context, text: string, format: "markup" | "json" | "text" = "text"): Promise<void> {
  const out = context.options.out;
  if (out === undefined) context.io.out(format === "markup" ? escapeForTerminal(text, "markup") : text);
  else (await import("./io.js")).writeAtomic(out, text);
}
