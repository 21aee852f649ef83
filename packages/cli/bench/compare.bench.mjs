// `miotsec compare` on large sample files: wall time and peak memory (max RSS) of the command,
// against a baseline process that only reads the same NDJSON file line by line and parses
// each line (the floor of any NDJSON reader). Two file sizes, 10x apart: time should grow
// with the file, memory should not. Each case is one new process; the median of three runs.
import { execFileSync } from "node:child_process";
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dir = mkdtempSync(join(tmpdir(), "miotsec-bench-compare-"));
const label = new URL("../../../examples/labels/ultrasound-wifi.label.json", import.meta.url).pathname;
const index = new URL("../dist/index.js", import.meta.url).href;

function samples(count) {
  const file = join(dir, `${count}.ndjson`);
  const lines = [];
  for (let i = 0; i < count; i++) {
    const device = `us-w1-${String(i % 1000).padStart(4, "0")}`;
    const at = 1_795_852_800_000 + Math.floor(i / 1000) * 60_000;
    const cpu = device === "us-w1-0003" && i > count / 2 ? 99 : 20 + (i % 37);
    lines.push(JSON.stringify({ device, metric: "cpuPercent", value: cpu, unit: "%", at }));
  }
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

const baseline = `
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
let n = 0;
for await (const line of createInterface({ input: createReadStream(process.argv[1]) })) if (JSON.parse(line)) n++;
console.log(JSON.stringify({ n, maxRssKiB: process.resourceUsage().maxRSS }));
`;
const command = `
const { run } = await import(${JSON.stringify(index)});
let out = "";
await run(["compare", ${JSON.stringify(label)}, process.argv[1], "--json"], { out: (s) => (out += s), err: () => {}, today: () => "2026-11-28", version: "0" });
console.log(JSON.stringify({ n: JSON.parse(out).samples, maxRssKiB: process.resourceUsage().maxRSS }));
`;

function measure(script, file) {
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const start = process.hrtime.bigint();
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script, file], { encoding: "utf8" });
    runs.push({ ms: Number(process.hrtime.bigint() - start) / 1e6, ...JSON.parse(out) });
  }
  runs.sort((a, b) => a.ms - b.ms);
  return runs[1];
}

console.log("\n### @miotsec/cli: compare on large NDJSON files, one new process each (median of 3)\n");
console.log("| samples | file | case | wall time | samples/s | ratio to baseline | max RSS |");
console.log("| ---: | ---: | --- | ---: | ---: | ---: | ---: |");
for (const count of [100_000, 1_000_000]) {
  const file = samples(count);
  const mib = (statSync(file).size / 2 ** 20).toFixed(0);
  const base = measure(baseline, file);
  const cmd = measure(command, file);
  for (const [name, r] of [
    ["baseline: read and JSON.parse each line", base],
    ["miotsec compare --json", cmd],
  ])
    console.log(
      `| ${count.toLocaleString("en")} | ${mib} MiB | ${name} | ${(r.ms / 1000).toFixed(2)} s | ${Math.round((count / r.ms) * 1000).toLocaleString("en")} | ${(r.ms / base.ms).toFixed(2)} x | ${(r.maxRssKiB / 1024).toFixed(0)} MiB |`,
    );
}
