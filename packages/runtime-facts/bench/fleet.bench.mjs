// One fleet tick: 100,000 devices x 20 metrics through the monitor (one call per sample, one
// call per device by id, one by handle), against a hand-written loop that keeps the same
// per-metric state and builds the same events (the practical floor), checked event for event
// before it is timed. One workload a process: `node --expose-gc bench/fleet.bench.mjs stormy`
// or `quiet`.
import { createMonitor as createMonitorResult } from "@miotsec/runtime-facts";
import { compare } from "../../../scripts/bench.mjs";
import { DEVICES, deviceIds, METRICS, metricIds, profile, values } from "./fixtures.mjs";

/** A monitor this benchmark expects to be made. */
function createMonitor(profile, options) {
  const r = createMonitorResult(profile, options);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

// One fleet tick, four ways, over the same values: the floor (one state slot per device metric,
// the same three-way check, the same transitions, the same events built), `update` per sample,
// `updateDevice` per device by id, and by the device's handle. Each case keeps its own state
// across ticks. Every tick is a top-level function given its state, not a closure over it: V8
// compiles a closure made once with its captured values as constants, which a caller's code
// does not get.
const valueAt = (source, d, m, at) => source[(d * METRICS + m + at) & 0xffff];

// A number as the monitor's explanations write it, for the values of this file only: each is a
// whole number of thousandths (or a whole number of seconds), so the floor writes it from its
// integer parts, a stricter floor than any formatter for every number could be.
function thousandths(x) {
  const k = Math.round(x * 1000);
  const whole = Math.trunc(k / 1000);
  let fraction = Math.abs(k - whole * 1000);
  const sign = k < 0 && whole === 0 ? "-" : "";
  if (fraction === 0) return `${sign}${whole}`;
  let digits = 3;
  while (fraction % 10 === 0) {
    fraction /= 10;
    digits--;
  }
  return `${sign}${whole}.${String(fraction).padStart(digits, "0")}`;
}

// The floor: the monitor's transitions written out for this profile (fail-safe -10 to 95,
// operating 0 to 80, a hold of 60 s, no recovery margin), and its events built as plain object
// literals. `out`, when given, receives the events, for the check below.
function floorTick(source, state, since, at, out) {
  let events = 0;
  for (let d = 0; d < DEVICES; d++) {
    const device = deviceIds[d];
    for (let m = 0; m < METRICS; m++) {
      const v = valueAt(source, d, m, at);
      const k = d * METRICS + m;
      let e;
      if (v < -10 || v > 95) {
        if (state[k] !== 3) {
          state[k] = 3;
          since[k] = at;
          const metric = metricIds[m];
          const reason = `${metric} is ${thousandths(v)} u, outside the fail-safe range -10 to 95 u.`;
          e = {
            kind: "fired",
            device,
            metric,
            verdict: "outside-failsafe",
            tier: "contraindicated",
            value: v,
            at,
            actions: [
              { kind: "pause-operation", reason },
              { kind: "isolate-from-network", reason },
              { kind: "notify", reason },
              { kind: "require-re-integration", reason },
            ],
            explanation: reason,
          };
        }
      } else if (v < 0 || v > 80) {
        if (state[k] === 0) {
          state[k] = 1;
          since[k] = at;
        }
        if (state[k] === 1 && at - since[k] >= 60_000) {
          state[k] = 2;
          const metric = metricIds[m];
          const reason = `${metric} is ${thousandths(v)} u, outside the operating range 0 to 80 u. The breach has lasted ${thousandths((at - since[k]) / 1000)} s.`;
          e = {
            kind: "fired",
            device,
            metric,
            verdict: "outside-operating",
            tier: "warning",
            value: v,
            at,
            actions: [
              { kind: "alert", reason },
              { kind: "schedule-re-evaluation", reason },
            ],
            explanation: reason,
          };
        }
      } else if (state[k] === 1) state[k] = 0;
      else if (state[k] >= 2) {
        state[k] = 0;
        const metric = metricIds[m];
        e = {
          kind: "resolved",
          device,
          metric,
          verdict: "within",
          tier: "affirming",
          value: v,
          at,
          actions: [],
          explanation: `${metric} is back at ${thousandths(v)} u, inside the operating range by ${thousandths(Math.min(v, 80 - v))}.`,
        };
      }
      if (e !== undefined) {
        events++;
        if (out !== undefined) out.push(e);
      }
    }
  }
  return events;
}

// The floor of earlier tables: the same transitions, with events counted but not built.
function countingTick(source, state, since, at) {
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

// The floor must do the monitor's work, no less: over eight ticks, fresh state on both sides,
// it must build the same events in the same order, field for field. The bench stops if not.
function checkFloor(source) {
  const state = new Uint8Array(DEVICES * METRICS);
  const since = new Float64Array(DEVICES * METRICS);
  const monitor = createMonitor(profile, { stage: "operating", holdSeconds: 60 });
  const handles = deviceIds.map((id) => monitor.deviceHandle(id));
  const row = new Float64Array(METRICS);
  let compared = 0;
  for (let tick = 1; tick <= 8; tick++) {
    const at = tick * 10_000;
    const floor = [];
    const built = [];
    floorTick(source, state, since, at, floor);
    for (let d = 0; d < DEVICES; d++) {
      for (let m = 0; m < METRICS; m++) row[m] = valueAt(source, d, m, at);
      built.push(...monitor.updateDevice(handles[d], at, row));
    }
    if (floor.length !== built.length)
      throw new Error(`tick ${tick}: the floor built ${floor.length} events, the monitor ${built.length}`);
    for (let i = 0; i < floor.length; i++) {
      const a = JSON.stringify(floor[i]);
      const b = JSON.stringify(built[i]);
      if (a !== b) throw new Error(`tick ${tick}, event ${i}: the floor built\n${a}\nthe monitor\n${b}`);
    }
    compared += floor.length;
  }
  return compared;
}

async function fleetTick(title, source) {
  const compared = checkFloor(source);
  const state = new Uint8Array(DEVICES * METRICS);
  const since = new Float64Array(DEVICES * METRICS);
  const countState = new Uint8Array(DEVICES * METRICS);
  const countSince = new Float64Array(DEVICES * METRICS);
  const options = { stage: "operating", holdSeconds: 60 };
  const sampleMonitor = createMonitor(profile, options);
  const idMonitor = createMonitor(profile, options);
  const handleMonitor = createMonitor(profile, options);
  const handles = deviceIds.map((id) => handleMonitor.deviceHandle(id));
  const row = new Float64Array(METRICS);
  const clock = [0, 0, 0, 0, 0];
  const step = (i) => {
    clock[i] += 10_000;
    return clock[i];
  };
  await compare(
    `@miotsec/runtime-facts: one fleet tick, ${DEVICES.toLocaleString("en")} devices x ${METRICS} metrics, ${title}`,
    [
      {
        name: "baseline: hand-written loop with the same per-metric state, building the same events",
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
      {
        name: "for reference: the hand-written loop counting its events, not building them",
        fn: () => countingTick(source, countState, countSince, step(4)),
      },
    ],
  );
  console.log(
    `\nThe floor and the monitor built the same ${compared.toLocaleString("en")} events over eight ticks before timing.`,
  );
}

const workload = process.argv[2];
if (workload === "stormy") {
  // A fifth of the samples outside the operating range (one in twenty outside the fail-safe
  // range): about 200,000 events a tick.
  await fleetTick("stormy (about 200,000 events a tick)", values);
} else if (workload === "quiet") {
  // Every value inside the operating range, no events: the usual state of a fleet.
  await fleetTick(
    "quiet (no events)",
    values.map((v) => v * 0.8),
  );
} else throw new Error("Give the workload: stormy or quiet.");
