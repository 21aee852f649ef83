// What the command's tests share: running it in-process, the example files, a scratch directory.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Io } from "./index.js";
import { run } from "./index.js";

/** The repository's `examples/` directory. */
export const examplesDir = new URL("../../../examples/", import.meta.url).pathname;
/** A file in `examples/`. */
export const example = (path: string) => join(examplesDir, path);
/** An example label by its base name. */
export const labelFile = (name: string) => example(`labels/${name}.label.json`);

/** A fresh scratch directory. */
export const scratch = () => mkdtempSync(join(tmpdir(), "miotsec-cli-"));
const dir = scratch();
/** Writes a scratch file and returns its path. */
export function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** What one run printed and returned. */
export interface Ran {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs the command in-process on 2026-11-28 and collects what it printed. */
export async function miotsec(...argv: string[]): Promise<Ran> {
  return miotsecWith({}, ...argv);
}

/** {@link miotsec} with some of the {@link Io} replaced (colour, progress). */
export async function miotsecWith(io: Partial<Io>, ...argv: string[]): Promise<Ran> {
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
    ...io,
  });
  return { code, out, err };
}
