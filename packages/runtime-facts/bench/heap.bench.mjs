// The monitor's heap over 10,000,000 samples: it must stay flat.
import { createMonitor } from "@miotsec/runtime-facts";
import { deviceIds, METRICS, metricIds, profile, values } from "./fixtures.mjs";

// Heap over 10,000,000 samples: 1,000 devices x 20 metrics x 500 ticks.
const gc = globalThis.gc ?? (() => {});
const made = createMonitor(profile, { stage: "operating", holdSeconds: 60, recovery: 5 });
if (!made.ok) throw new Error(JSON.stringify(made.issues));
const heapMonitor = made.value;
gc();
const before = process.memoryUsage().heapUsed;
let peak = before;
for (let t = 0; t < 500; t++) {
  for (let d = 0; d < 1000; d++) {
    for (let m = 0; m < METRICS; m++)
      heapMonitor.update({
        device: deviceIds[d],
        metric: metricIds[m],
        value: values[(d * 7 + m * 13 + t) & 0xffff],
        unit: "u",
        at: t * 10_000,
      });
  }
  if (t % 50 === 49) {
    gc();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
}
const mb = (b) => (b / 2 ** 20).toFixed(1);
console.log(
  "\n### @miotsec/runtime-facts: monitor heap over 10,000,000 samples (1,000 devices x 20 metrics x 500 ticks)\n",
);
console.log("| heap before | highest heap during the run |\n| ---: | ---: |");
console.log(`| ${mb(before)} MB | ${mb(peak)} MB |`);
