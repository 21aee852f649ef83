// Runtime facts at fleet scale. (1) Raw comparisons: `within` against an inline range check.
// (2) A fleet tick: 100,000 devices x 20 metrics through the monitor (one call per sample and
// one call per device), against a hand-written
// loop that keeps the same per-metric state (the practical floor). (3) The monitor's heap over
// 10,000,000 samples.
import { createMonitor, parseRuntimeProfile, within } from "@miotsec/runtime-facts";
import { compare } from "../../../scripts/bench.mjs";

const METRICS = 20;
const metrics = Object.fromEntries(
  Array.from({ length: METRICS }, (_, i) => [
    `m${i}`,
    { unit: "u", operating: { min: 0, max: 80 }, failSafe: { min: -10, max: 95 } },
  ]),
);
const profile = parseRuntimeProfile({
  schemaVersion: 1,
  identity: { name: "bench", softwareVersions: [], activeServices: [] },
  metrics,
  endpoints: [],
});
if (!profile.ok) throw new Error("profile");

// Deterministic values, mostly inside the range, some above it.
const values = Float64Array.from({ length: 1 << 16 }, (_, i) => ((i * 2654435761) % 100_000) / 1000);
const range = { min: 0, max: 80 };
const N = 1_000_000;

await compare("@miotsec/runtime-facts: raw metric comparisons (1,000,000 a call)", [
  {
    name: "baseline: inline min <= v && v <= max",
    fn: () => {
      let n = 0;
      for (let i = 0; i < N; i++) {
        const v = values[i & 0xffff];
        if (v >= range.min && v <= range.max) n++;
      }
      return n;
    },
    opsPerCall: N,
  },
  {
    name: "within(value, range)",
    fn: () => {
      let n = 0;
      for (let i = 0; i < N; i++) if (within(values[i & 0xffff], range)) n++;
      return n;
    },
    opsPerCall: N,
  },
]);

const DEVICES = 100_000;
const deviceIds = Array.from({ length: DEVICES }, (_, i) => `device-${i}`);
const metricIds = Object.keys(metrics);

// One fleet tick, four ways, over the same values: the floor (one state slot per device metric,
// the same three-way check, the same transitions, events only counted), `update` per sample,
// `updateDevice` per device by id, and by the device's handle. Each case keeps its own state
// across ticks. Every tick is a top-level function given its state, not a closure over it: V8
// compiles a closure made once with its captured values as constants, but not one made again
// (the second workload), and the two workloads would then measure different code.
const valueAt = (source, d, m, at) => source[(d * METRICS + m + at) & 0xffff];

function floorTick(source, state, since, at) {
  let events = 0;
  for (let d = 0; d < DEVICES; d++) {
    for (let m = 0; m < METRICS; m++) {
      const v = valueAt(source, d, m, at);
      const k = d * METRICS + m;
      if (v < -10 || v > 95) {
        if (state[k] !== 3) {
          state[k] = 3;
          events++;
        }
      } else if (v < 0 || v > 80) {
        if (state[k] === 0) {
          state[k] = 1;
          since[k] = at;
        }
        if (state[k] === 1 && at - since[k] >= 60_000) {
          state[k] = 2;
          events++;
        }
      } else if (state[k] === 1) state[k] = 0;
      else if (state[k] >= 2) {
        state[k] = 0;
        events++;
      }
    }
  }
  return events;
}

function sampleTick(monitor, source, at) {
  let events = 0;
  for (let d = 0; d < DEVICES; d++) {
    const device = deviceIds[d];
    for (let m = 0; m < METRICS; m++)
      events += monitor.update({
        device,
        metric: metricIds[m],
        value: valueAt(source, d, m, at),
        unit: "u",
        at,
      }).length;
  }
  return events;
}

// Its own loop, not handleTick with other keys: updateDevice would then see ids and handles at
// the same call.
function idTick(monitor, row, source, at) {
  let events = 0;
  for (let d = 0; d < DEVICES; d++) {
    for (let m = 0; m < METRICS; m++) row[m] = valueAt(source, d, m, at);
    events += monitor.updateDevice(deviceIds[d], at, row).length;
  }
  return events;
}

function handleTick(monitor, handles, row, source, at) {
  let events = 0;
  for (let d = 0; d < DEVICES; d++) {
    for (let m = 0; m < METRICS; m++) row[m] = valueAt(source, d, m, at);
    events += monitor.updateDevice(handles[d], at, row).length;
  }
  return events;
}

async function fleetTick(title, source) {
  const state = new Uint8Array(DEVICES * METRICS);
  const since = new Float64Array(DEVICES * METRICS);
  const options = { stage: "operating", holdSeconds: 60 };
  const sampleMonitor = createMonitor(profile.value, options);
  const idMonitor = createMonitor(profile.value, options);
  const handleMonitor = createMonitor(profile.value, options);
  const handles = deviceIds.map((id) => handleMonitor.deviceHandle(id));
  const row = new Float64Array(METRICS);
  const clock = [0, 0, 0, 0];
  const step = (i) => {
    clock[i] += 10_000;
    return clock[i];
  };
  await compare(
    `@miotsec/runtime-facts: one fleet tick, ${DEVICES.toLocaleString("en")} devices x ${METRICS} metrics, ${title}`,
    [
      {
        name: "baseline: hand-written loop with the same per-metric state",
        fn: () => floorTick(source, state, since, step(0)),
      },
      { name: "createMonitor().update for every sample", fn: () => sampleTick(sampleMonitor, source, step(1)) },
      {
        name: "createMonitor().updateDevice, one call per device",
        fn: () => idTick(idMonitor, row, source, step(2)),
      },
      {
        name: "createMonitor().updateDevice with device handles (deviceHandle)",
        fn: () => handleTick(handleMonitor, handles, row, source, step(3)),
      },
    ],
  );
}

// Stormy: a tenth of the samples outside the operating range, about 200,000 events a tick.
await fleetTick("stormy (about 200,000 events a tick)", values);
// Quiet: every value inside the operating range, no events, the usual state of a fleet.
await fleetTick(
  "quiet (no events)",
  values.map((v) => v * 0.8),
);

// Heap over 10,000,000 samples: 1,000 devices x 20 metrics x 500 ticks.
const gc = globalThis.gc ?? (() => {});
const heapMonitor = createMonitor(profile.value, { stage: "operating", holdSeconds: 60, recovery: 5 });
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
