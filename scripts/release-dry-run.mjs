// Release dry run: in a fresh clone of the committed repository, adds a sample changeset and
// runs `changeset version` with the network cut off (every proxy pointed at a closed port), then
// reports the version each package would be published with and checks that every changelog was
// written and every changeset consumed. Nothing is published and the working tree is not touched.
// Run: node scripts/release-dry-run.mjs   (prints JSON with --json)
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const clone = join(mkdtempSync(join(tmpdir(), "miotsec-release-")), "repo");
execFileSync("git", ["clone", "--quiet", root, clone]);
symlinkSync(join(root, "node_modules"), join(clone, "node_modules"), "dir");
const sample = "The release dry run's sample change.";
writeFileSync(
  join(clone, ".changeset", "release-dry-run-sample.md"),
  `---\n"@miotsec/core": patch\n---\n\n${sample}\n`,
);

const packages = () =>
  readdirSync(join(clone, "packages"))
    .sort()
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(clone, "packages", dir, "package.json"), "utf8")) }));
const before = Object.fromEntries(packages().map((p) => [p.manifest.name, p.manifest.version]));
const closed = "http://127.0.0.1:9";
execFileSync(process.execPath, [join(root, "node_modules", "@changesets", "cli", "bin.js"), "version"], {
  cwd: clone,
  stdio: ["ignore", "pipe", "pipe"],
  env: {
    ...process.env,
    HTTP_PROXY: closed,
    HTTPS_PROXY: closed,
    http_proxy: closed,
    https_proxy: closed,
    npm_config_offline: "true",
  },
});
const after = packages().map(({ dir, manifest }) => {
  const changelog = join(clone, "packages", dir, "CHANGELOG.md");
  return {
    name: manifest.name,
    from: before[manifest.name],
    to: manifest.version,
    changelog: existsSync(changelog) ? readFileSync(changelog, "utf8") : "",
  };
});
const left = readdirSync(join(clone, ".changeset")).filter((f) => f.endsWith(".md") && f !== "README.md");
const problems = [
  ...after
    .filter((p) => p.from !== p.to && !p.changelog.includes(`## ${p.to}`))
    .map((p) => `${p.name}: no changelog entry for ${p.to}`),
  ...(after.find((p) => p.name === "@miotsec/core")?.changelog.includes(sample)
    ? []
    : ["@miotsec/core: the sample change is not in its changelog"]),
  ...left.map((f) => `.changeset/${f} was not consumed`),
];
rmSync(join(clone, ".."), { recursive: true, force: true });
const result = { packages: after.map(({ changelog, ...p }) => p), problems };
if (process.argv.includes("--json")) console.log(JSON.stringify(result));
else {
  console.log("| package | now | after `changeset version` |\n| --- | --- | --- |");
  for (const p of result.packages) console.log(`| ${p.name} | ${p.from} | ${p.to} |`);
  for (const problem of problems) console.log(`problem: ${problem}`);
}
process.exit(problems.length > 0 ? 1 : 0);
