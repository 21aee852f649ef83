import { randomBytes } from "node:crypto";
import { readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** A failure the user can fix, reported as one line and exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** The text of a file, or a {@link UsageError} that names the file and what is wrong with it. */
export function readText(file: string): string {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new UsageError(`${file}: is a directory, not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${file}: no such file`);
  }
  if (size === 0) throw new UsageError(`${file}: the file is empty`);
  if (size > 64 * 2 ** 20) throw new UsageError(`${file}: larger than 64 MiB`);
  return readFileSync(file, "utf8");
}

/** A file's JSON, or a {@link UsageError} with the file and where the JSON breaks. */
export function readJson(file: string): unknown {
  const text = readText(file);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: not valid JSON (${(error as Error).message})`);
  }
}

/**
 * Writes a file atomically: to a temporary file beside it, then renamed over it, so a reader
 * never sees half a file and a failed write leaves the old file as it was.
 */
export function writeAtomic(file: string, content: string): void {
  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    writeFileSync(temporary, content, { flag: "wx" });
    renameSync(temporary, file);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was written.
    }
    throw new UsageError(`${file}: cannot write (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
}
