/**
 * One thing a fleet process reports: a level, a sentence for a person, and its facts as data.
 * The command writes these as JSON lines where no terminal reads them.
 *
 * @since 0.2.0
 */
export interface LogRecord {
  /** How much it matters. */
  readonly level: "info" | "warn" | "error";
  /** One sentence. */
  readonly message: string;
  /** The facts of the record: shard, counts, the reason of a rejection. */
  readonly [fact: string]: unknown;
}

/** Where a fleet process reports to. */
export type Log = (record: LogRecord) => void;

/** A log that drops everything. */
export const quiet: Log = () => {};

/** Waits `ms` milliseconds, or less if `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

/** The first line of an error's message, for a log. */
export function reason(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}
