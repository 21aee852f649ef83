/**
 * The `miotsec` command as a function: {@link run} takes the arguments and an {@link Io} and
 * returns the exit code, so the command can be embedded and tested in-process. The `miotsec`
 * binary is this function on the process's streams.
 *
 * @packageDocumentation
 */
export type { Io } from "./context.js";
export { run } from "./main.js";
