// `pnpm miotsec <command>`: the miotsec command from a checkout, before the packages are on npm.
// Builds the command and the libraries it loads when it has not been built yet (turbo's output
// goes to standard error, so that standard output is the command's alone), then runs it with the
// arguments given. `pnpm -s miotsec ...` also hides pnpm's own two lines, for output to redirect.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = fileURLToPath(new URL("../packages/cli/dist/bin.js", import.meta.url));
if (!existsSync(bin)) {
  const built = spawnSync("pnpm", ["turbo", "run", "build", "--filter=@miotsec/cli...", "--output-logs=errors-only"], {
    cwd: root,
    stdio: ["ignore", process.stderr, process.stderr],
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
// The command runs where it was called from (pnpm runs scripts in the repository's root, and
// says where the call came from in INIT_CWD), so that relative paths mean what the caller meant.
const ran = spawnSync(process.execPath, [bin, ...process.argv.slice(2)], {
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: pnpm sets it to where the script was called from; no turbo task reads it
  cwd: process.env.INIT_CWD ?? process.cwd(),
  stdio: "inherit",
});
process.exit(ran.status ?? 1);
