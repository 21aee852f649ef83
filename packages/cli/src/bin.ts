// The `miotsec` executable: the process's streams, terminal, environment and clock handed to `run`.
import { createRequire } from "node:module";
import { run } from "@miotsec/cli";

const { version } = createRequire(import.meta.url)("../package.json") as { version: string };
const today = () => new Date().toISOString().slice(0, 10);
const noColor = (process.env.NO_COLOR ?? "") !== "";

process.exitCode = await run(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  today,
  version,
  color: process.stdout.isTTY === true && !noColor && process.env.TERM !== "dumb",
  progress: process.stderr.isTTY === true,
});
