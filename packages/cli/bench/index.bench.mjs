// Start-up of the command: `miotsec --version` as a new process, against `node -e ""` and
// `node` running an empty ES module (the floor any Node.js command pays). The goal: under 150 ms wall.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compare } from "../../../scripts/bench.mjs";

const empty = join(tmpdir(), "miotsec-bench-empty.mjs");
writeFileSync(empty, "");
const bin = new URL("../dist/bin.js", import.meta.url).pathname;
await compare("@miotsec/cli: start-up, one new process each", [
  { name: 'baseline: node -e ""', fn: () => execFileSync(process.execPath, ["-e", ""]) },
  { name: "node on an empty ES module", fn: () => execFileSync(process.execPath, [empty]) },
  { name: "miotsec --version", fn: () => execFileSync(process.execPath, [bin, "--version"]) },
]);
