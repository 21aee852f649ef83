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
// FORCE_COLOR as Node reads it: set to anything but 0 or false, it turns colour on even when
// piped and wins over NO_COLOR; set to 0 or false, it turns colour off.
const force = process.env.FORCE_COLOR;
const forced = force === undefined ? undefined : force !== "0" && force !== "false";
const noColor = (process.env.NO_COLOR ?? "") !== "";
const color = forced ?? (process.stdout.isTTY === true && !noColor && process.env.TERM !== "dumb");

// A reader that stops reading (`miotsec schema label | head -c 50`) closes the pipe: end quietly
// as a program the pipe has ended does, with 128 + SIGPIPE (13), never with a stack trace.
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(141);
    throw error;
  });

// A command that runs until told to (`monitor`) asks for this, and then stops cleanly on the
// first SIGINT or SIGTERM; the handlers are gone after it, so a second one ends the process.
// Every other command never asks, and Ctrl-C ends it as usual.
const stop = () =>
  new Promise<void>((resolve) => {
    const done = () => {
      process.off("SIGINT", done);
      process.off("SIGTERM", done);
      resolve();
    };
    process.on("SIGINT", done);
    process.on("SIGTERM", done);
  });

process.exitCode = await run(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  today,
  version,
  color,
  progress: process.stderr.isTTY === true,
  stop,
});
