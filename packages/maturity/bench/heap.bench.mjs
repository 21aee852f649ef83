// assessMany over 1,000,000 generated assessments: the documents are made one at a time and
// dropped once scored, so the heap must stay flat. Prints the highest heap seen (sampled every
// 10,000 documents, after a garbage collection) and the heap before the run.
import { miotCatalog } from "@miotsec/criteria";
import { assessMany } from "@miotsec/maturity";
import { deviceAssessments } from "./fixtures.mjs";

const N = 1_000_000;
const gc = globalThis.gc ?? (() => {});
gc();
const before = process.memoryUsage().heapUsed;
let peak = before;
let levelSum = 0;
let count = 0;
const started = performance.now();
for (const detail of ["levels", "report"]) {
  let i = 0;
  for (const r of assessMany(miotCatalog, deviceAssessments(N, 7), { detail })) {
    if (r.ok) levelSum += r.value.level;
    if (++i % 10_000 === 0) {
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
  }
  count += i;
}
const seconds = (performance.now() - started) / 1000;
const mb = (bytes) => (bytes / 2 ** 20).toFixed(1);
console.log(
  `\n### @miotsec/maturity: assessMany over ${N.toLocaleString("en")} assessments, levels then full reports\n`,
);
console.log("| heap before | highest heap during the run | documents | wall time |");
console.log("| ---: | ---: | ---: | ---: |");
console.log(`| ${mb(before)} MB | ${mb(peak)} MB | ${count.toLocaleString("en")} | ${seconds.toFixed(1)} s |`);
if (levelSum < 0) console.log(levelSum);
