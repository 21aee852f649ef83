// Every shell command and code block of README.md, docs/guides/*.md, the package READMEs and the
// studio's README runs here, against the built packages and a copy of examples/, and what a block
// shows as output is compared with what it prints:
// - `sh` blocks: each line is a command; `# exit N` at its end is the exit code it must give
//   (else 0). The miotsec command is written `pnpm miotsec`, `pnpm -s miotsec`, `miotsec` or
//   `npx @miotsec/cli`; `npm install` must name real packages and pnpm's version; `pnpm <script>`
//   must name a script of the repository.
// - `console` blocks: `$ command` lines, each followed by the output it must print.
// - `ts` blocks: run as ES modules (types stripped by esbuild); a `console.log(...)` with a
//   `// output` comment on its line must print that output (text after " — " is commentary).
//   A block that names `redis://127.0.0.1:6379` or `mqtt://127.0.0.1:1883` runs against a Redis
//   server and a Mosquitto broker this test starts on free ports (the fleet's server tests' own).
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { transformSync } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import {
  removeDir,
  type Server,
  serversMissing,
  startMosquitto,
  startRedis,
} from "../../../packages/fleet/src/servers.test-support.mjs";
import { root } from "./sources.test-support.js";

const documents = [
  "README.md",
  "docs/fleet.md",
  ...readdirSync(join(root, "docs/guides")).map((f) => `docs/guides/${f}`),
  ...readdirSync(join(root, "packages")).map((p) => `packages/${p}/README.md`),
  ...readdirSync(join(root, "apps")).map((p) => `apps/${p}/README.md`),
].sort();

interface Block {
  readonly file: string;
  readonly line: number;
  readonly lang: string;
  readonly text: string;
}

function blocksOf(file: string): Block[] {
  const lines = readFileSync(join(root, file), "utf8").split("\n");
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i] as string);
    if (open === null) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i] as string); i++) body.push(lines[i] as string);
    blocks.push({ file, line: start + 1, lang: open[1] ?? "", text: body.join("\n") });
  }
  return blocks;
}

const blocks = documents.flatMap(blocksOf);
const rootPackage = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const workspacePackages = new Set(
  readdirSync(join(root, "packages")).map(
    (p) => JSON.parse(readFileSync(join(root, "packages", p, "package.json"), "utf8")).name as string,
  ),
);
const bin = join(root, "packages/cli/dist/bin.js");

/** A directory with a copy of examples/, where the commands run and write their --out files. */
function workDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "miotsec-docs-"));
  cpSync(join(root, "examples"), join(dir, "examples"), { recursive: true });
  return dir;
}

/** Shell words: spaces split, quotes group (no expansion: the docs use none). */
function words(command: string): string[] {
  const out: string[] = [];
  for (const m of command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) out.push(m[1] ?? m[2] ?? m[3] ?? "");
  return out;
}

/** A command line without its comment, and the exit code the comment names. */
function parseLine(line: string): { command: string; exit: number } {
  const hash = line.search(/(^|\s)#/);
  const comment = hash < 0 ? "" : line.slice(hash);
  const exit = /#\s*exit (\d)/.exec(comment);
  return { command: (hash < 0 ? line : line.slice(0, hash)).trim(), exit: exit ? Number(exit[1]) : 0 };
}

interface Ran {
  readonly code: number;
  readonly output: string;
}

/**
 * Runs a command that goes on until it is stopped (`miotsec monitor`): once it has written its
 * first line, or after five seconds, it is sent SIGTERM, which it must answer by stopping
 * cleanly. One that has not ended 30 s later is killed and reported as exit -1.
 */
function runUntilStopped(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, env });
    let output = "";
    let stopAt: NodeJS.Timeout | undefined;
    const stop = () => {
      clearTimeout(stopAt);
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 30_000).unref();
    };
    stopAt = setTimeout(stop, 5000);
    const take = (chunk: Buffer) => {
      const first = output === "";
      output += chunk.toString("utf8");
      if (first) setTimeout(stop, 500);
    };
    child.stdout.on("data", take);
    child.stderr.on("data", take);
    child.on("close", (code) => resolve({ code: code ?? -1, output }));
  });
}

/** Runs one documented command; returns undefined for one that is only checked, not run. */
async function runCommand(command: string, cwd: string): Promise<Ran | undefined> {
  const argv = words(command);
  const miotsec =
    argv[0] === "miotsec"
      ? argv.slice(1)
      : argv[0] === "pnpm" && argv[1] === "miotsec"
        ? argv.slice(2)
        : argv[0] === "pnpm" && argv[1] === "-s" && argv[2] === "miotsec"
          ? argv.slice(3)
          : argv[0] === "npx" && argv[1] === "@miotsec/cli"
            ? argv.slice(2)
            : undefined;
  if (miotsec !== undefined) {
    const env = { ...process.env };
    delete env.FORCE_COLOR;
    if (miotsec[0] === "monitor" && !miotsec.includes("--help")) return runUntilStopped([bin, ...miotsec], cwd, env);
    const r = spawnSync(process.execPath, [bin, ...miotsec], { cwd, encoding: "utf8", env });
    return { code: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
  }
  if (argv[0] === "npm" && (argv[1] === "install" || argv[1] === "i")) {
    for (const name of argv.slice(2).filter((a) => !a.startsWith("-"))) {
      if (name.startsWith("pnpm@")) expect(`pnpm@${name.slice(5)}`, command).toBe(rootPackage.packageManager);
      else expect(workspacePackages.has(name), `${command}: ${name} is not a package of this repository`).toBe(true);
    }
    return undefined;
  }
  if (argv[0] === "pnpm") {
    const script = argv[1] === "run" ? argv[2] : argv[1];
    if (script === "install") return undefined;
    expect(Object.hasOwn(rootPackage.scripts, script ?? ""), `${command}: no such script`).toBe(true);
    return undefined;
  }
  throw new Error(`a command the docs test does not know how to run: ${command}`);
}

/** The servers of the blocks that name them, started on the first such block. */
let servers: Promise<{ redis: Server; broker: Server }> | undefined;
const usesServers = (text: string) => text.includes("redis://127.0.0.1:6379") || text.includes("mqtt://127.0.0.1:1883");

/** The block's text, with the servers it names replaced by the ones this test started. */
async function withServers(text: string): Promise<string> {
  if (!usesServers(text)) return text;
  servers ??= Promise.all([startRedis(), startMosquitto()]).then(([redis, broker]) => ({ redis, broker }));
  const { redis, broker } = await servers;
  return text.replaceAll("redis://127.0.0.1:6379", redis.url).replaceAll("mqtt://127.0.0.1:1883", broker.url);
}

afterAll(async () => {
  if (servers === undefined) return;
  const { redis, broker } = await servers;
  await broker.stop();
  await redis.stop();
  removeDir(redis.dir);
});

const shellBlocks = blocks.filter((b) => b.lang === "sh" || b.lang === "bash" || b.lang === "shell");
const consoleBlocks = blocks.filter((b) => b.lang === "console");
const codeBlocks = blocks.filter((b) => b.lang === "ts" || b.lang === "js");

describe("the docs' shell commands", () => {
  it("are found in the README, every guide and every package README", () => {
    for (const file of documents)
      expect(
        blocks.some((b) => b.file === file),
        file,
      ).toBe(true);
    expect(shellBlocks.length).toBeGreaterThan(15);
  });

  it.each(
    shellBlocks.filter((b) => !(serversMissing && usesServers(b.text))).map((b) => [`${b.file}:${b.line}`, b] as const),
  )("%s runs", async (_, block) => {
    const cwd = workDir();
    for (const raw of (await withServers(block.text)).split("\n")) {
      const { command, exit } = parseLine(raw);
      if (command === "") continue;
      for (const part of command.split("&&")) {
        const r = await runCommand(part.trim(), cwd);
        if (r !== undefined) expect(r.code, `${part.trim()}\n${r.output}`).toBe(exit);
      }
    }
  });

  it.each(consoleBlocks.map((b) => [`${b.file}:${b.line}`, b] as const))(
    "%s prints what it shows",
    async (_, block) => {
      const cwd = workDir();
      const steps = block.text.split(/^\$ /m).filter((s) => s.trim() !== "");
      expect(steps.length).toBeGreaterThan(0);
      for (const step of steps) {
        const [line, ...shown] = step.replace(/\n$/, "").split("\n");
        const { command, exit } = parseLine(line as string);
        const r = await runCommand(command, cwd);
        expect(r, command).toBeDefined();
        expect(r?.output.replace(/\n$/, ""), command).toBe(shown.join("\n"));
        expect(r?.code === 0 || r?.code === 1 || r?.code === exit, command).toBe(true);
      }
    },
  );
});

/**
 * The output a code block shows: the comment at the end of a `console.log(...)` line, and the
 * comment lines right after a line that prints (or after the `}` that ends a loop or a branch
 * that prints). Text after " — " is commentary; a string shown in double quotes is printed
 * without them; "..." at either end stands for text left out.
 */
function shownOutputs(text: string): string[] {
  const shown: string[] = [];
  const lines = text.split("\n");
  let printing = false;
  let previous = "";
  for (const line of lines) {
    const comment = /^\s*\/\/ (.*)$/.exec(line)?.[1];
    if (comment !== undefined) {
      if (printing) shown.push(comment);
      continue;
    }
    const trailing = /console\.log\(.*\);\s*\/\/ (.*)$/.exec(line)?.[1];
    if (trailing !== undefined) shown.push(trailing);
    printing = /console\.log\(/.test(line) || (/^\s*\}\s*$/.test(line) && /console\.log\(/.test(previous));
    if (line.trim() !== "") previous = line;
  }
  return shown.map((s) => (s.split(" — ")[0] as string).trim().replace(/^"(.*)"$/, "$1"));
}

describe("the docs' code blocks", () => {
  const out = join(root, "tools/release-checks/.reports/docs");
  mkdirSync(out, { recursive: true });

  it.each(
    codeBlocks.filter((b) => !(serversMissing && usesServers(b.text))).map((b) => [`${b.file}:${b.line}`, b] as const),
  )("%s runs and prints what it shows", async (name, block) => {
    const { code } = transformSync(await withServers(block.text), { loader: "ts", format: "esm", target: "node20" });
    // Beside this package, so that its imports resolve to the built packages of the workspace.
    const file = join(out, `${name.replace(/[^\w.-]+/g, "_")}.mjs`);
    writeFileSync(file, code);
    const env = { ...process.env };
    delete env.FORCE_COLOR;
    const r = spawnSync(process.execPath, [file], { cwd: workDir(), encoding: "utf8", env });
    expect(r.stderr, name).toBe("");
    expect(r.status, name).toBe(0);
    const printed = r.stdout.split("\n");
    for (const expected of shownOutputs(block.text)) {
      const inner = expected.replace(/^\.\.\.\s*/, "").replace(/\s*\.\.\.$/, "");
      const found = printed.some((p) =>
        expected.startsWith("...") && expected.endsWith("...")
          ? p.includes(inner)
          : expected.startsWith("...")
            ? p.endsWith(inner)
            : expected.endsWith("...")
              ? p.startsWith(inner)
              : p === expected,
      );
      expect(found, `${name}: "${expected}" not among\n${r.stdout}`).toBe(true);
    }
  });
});
