// The `miotsec` executable: the process's streams, environment and clock handed to `run`.
import { createRequire } from "node:module";
import { run } from "./main.js";

const { version } = createRequire(import.meta.url)("../package.json") as { version: string };
const today = () => new Date().toISOString().slice(0, 10);

process.exitCode = await run(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  today,
  version,
});
