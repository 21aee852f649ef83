// The `miotsec` executable: the process's streams, terminal, environment and clock handed to `run`.
// `./index.js` stays an import of the package's own entry (external in tsup.config.ts), so the
// command shares its lazily loaded chunks; the version is written in at build time, so start-up
// reads no package.json.
import { run } from "./index.js";

declare const __MIOTSEC_CLI_VERSION__: string;
const version = __MIOTSEC_CLI_VERSION__;
// Today as the person at the terminal means it: the date in their time zone, not in UTC (just
// after midnight in Berlin, UTC still has yesterday).
const today = () => {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${String(now.getFullYear()).padStart(4, "0")}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};
const noColor = (process.env.NO_COLOR ?? "") !== "";

process.exitCode = await run(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  today,
  version,
  color: process.stdout.isTTY === true && !noColor && process.env.TERM !== "dumb",
  progress: process.stderr.isTTY === true,
});
