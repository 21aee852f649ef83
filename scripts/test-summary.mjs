// Sums the vitest JSON reports that every package's (and tool's) `test` task leaves in `.reports/`, and
// prints the totals as the last line, so that a run that executed no test is visible.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const dirs = ["packages", "apps", "tools"].flatMap((group) =>
  readdirSync(join(root, group))
    .sort()
    .map((name) => ({ name, dir: join(root, group, name) })),
);
let passed = 0;
let failed = 0;
let skipped = 0;
const rows = [];
for (const { name, dir } of dirs) {
  const report = join(dir, ".reports", "vitest.json");
  if (!existsSync(report)) {
    rows.push(`${name}: no report`);
    failed += 1;
    continue;
  }
  const r = JSON.parse(readFileSync(report, "utf8"));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
  rows.push(`${name}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
}
console.log(rows.join("\n"));
if (passed === 0) failed += 1; // an empty run is a failed run
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
