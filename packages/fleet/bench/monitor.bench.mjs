// The monitor at fleet scale, in one process: 1,000,000 devices x 20 metrics. A quiet tick (one
// reading of every device by its handle, every value inside its ranges) against a hand-written
// loop over typed arrays that does the same comparisons and writes the same time (the floor),
// and the monitor's memory per device metric: the heap and the typed arrays it holds.
// `node --expose-gc bench/monitor.bench.mjs`
import { createMonitor } from "@miotsec/runtime-facts";
import { compare } from "../../../scripts/bench.mjs";

const DEVICES = 1_000_000;
const METRICS = 20;
const metrics = Object.fromEntries(
  Array.from({ length: METRICS }, (_, i) => [
    `m${i}`,
    { unit: "u", operating: { min: 0, max: 80 }, failSafe: { min: -10, max: 95 } },
  ]),
);
const profile = {
  schemaVersion: 1,
  identity: { name: "bench", softwareVersions: [], activeServices: [] },
  metrics,
  endpoints: [],
};
const gc = globalThis.gc ?? (() => {});
const used = () => {
  gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, buffers: m.arrayBuffers };
};

const before = used();
// The ids are made after the first reading, so that they count: the monitor keeps them.
const ids = Array.from({ length: DEVICES }, (_, d) => `device-${d}`);
const made = createMonitor(profile, { stage: "operating", holdSeconds: 60 });
if (!made.ok) throw new Error(JSON.stringify(made.issues));
const monitor = made.value;
const handles = new Uint32Array(DEVICES);
const row = new Float64Array(METRICS).fill(40);
for (let d = 0; d < DEVICES; d++) {
  handles[d] = monitor.deviceHandle(ids[d]);
  monitor.updateDevice(handles[d], 0, row);
}
const after = used();
const cells = DEVICES * METRICS;
const heapBytes = after.heap - before.heap;
const bufferBytes = after.buffers - before.buffers;

// Quiet values, a little different each tick, all inside the operating range.
const values = Float64Array.from({ length: 1 << 12 }, (_, i) => 10 + (i % 60));
let at = 0;
const tick = () => {
  at += 10_000;
  let events = 0;
  for (let d = 0; d < DEVICES; d++) {
    for (let m = 0; m < METRICS; m++) row[m] = values[(d + m + at) & 0xfff];
    events += monitor.updateDevice(handles[d], at, row).length;
  }
  if (events !== 0) throw new Error("a quiet tick fired");
  return events;
};

// The floor: per device metric a level byte and per device a time, the same two comparisons.
const level = new Uint8Array(cells);
const lastAt = new Float64Array(DEVICES);
const min = new Float64Array(METRICS).fill(0);
const max = new Float64Array(METRICS).fill(80);
let floorAt = 0;
const floorRow = new Float64Array(METRICS);
const floorTick = () => {
  floorAt += 10_000;
  let loud = 0;
  for (let d = 0; d < DEVICES; d++) {
    for (let m = 0; m < METRICS; m++) floorRow[m] = values[(d + m + floorAt) & 0xfff];
    const base = d * METRICS;
    for (let m = 0; m < METRICS; m++) {
      const v = floorRow[m];
      if (!(v >= min[m] && v <= max[m] && level[base + m] === 0)) loud++;
    }
    lastAt[d] = floorAt;
  }
  if (loud !== 0) throw new Error("the floor found a loud value");
  return loud;
};

await compare("@miotsec/fleet: a quiet tick of 1,000,000 devices x 20 metrics (updateDevice by handle)", [
  { name: "floor: the comparisons over typed arrays", fn: floorTick, minSamples: 3 },
  { name: "updateDevice by handle", fn: tick, minSamples: 3 },
]);
const snapshot = monitor.snapshot().length;
console.log("\n| memory after 1,000,000 devices x 20 metrics | bytes | per device metric |");
console.log("| --- | ---: | ---: |");
console.log(
  `| typed arrays (ArrayBuffers) | ${bufferBytes.toLocaleString("en-US")} | ${(bufferBytes / cells).toFixed(1)} |`,
);
console.log(
  `| JS heap (the device ids and their index) | ${heapBytes.toLocaleString("en-US")} | ${(heapBytes / cells).toFixed(1)} |`,
);
console.log(
  `| both | ${(bufferBytes + heapBytes).toLocaleString("en-US")} | ${((bufferBytes + heapBytes) / cells).toFixed(1)} |`,
);
console.log(`| its snapshot (a checkpoint) | ${snapshot.toLocaleString("en-US")} | ${(snapshot / cells).toFixed(1)} |`);
