import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { compareRuntimeFacts } from "./compare.js";
import { scannerProfile } from "./fixtures.test-support.js";
import { createMonitor, type Monitor, type MonitorEvent, type MonitorOptions, type Sample } from "./monitor.js";
import type { RuntimeProfile } from "./profile.js";

/** A monitor the test expects to be made. */
function monitorOf(profile: RuntimeProfile, options: MonitorOptions): Monitor {
  const r = createMonitor(profile, options);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const cpu = (value: number, at: number, device = "us-17"): Sample => ({
  device,
  metric: "cpuPercent",
  value,
  unit: "%",
  at,
});
const feed = (samples: Sample[], options = {}) => {
  const m = monitorOf(scannerProfile, { stage: "operating", ...options });
  return samples.flatMap((s) => m.update(s));
};

describe("createMonitor", () => {
  test.prop([fc.integer({ min: 1, max: 600 }), fc.integer({ min: 0, max: 1200 }), fc.integer({ min: 1, max: 60 })])(
    "a breach shorter than its hold time never fires; one held at least as long does",
    (hold, duration, step) => {
      const samples: Sample[] = [];
      for (let t = 0; t <= duration; t += step) samples.push(cpu(60, t * 1000));
      samples.push(cpu(10, (duration + step) * 1000));
      const fired = feed(samples, { holdSeconds: hold }).filter((e) => e.kind === "fired");
      const lastBreach = Math.floor(duration / step) * step;
      expect(fired.length).toBe(lastBreach >= hold ? 1 : 0);
    },
  );

  test.prop([fc.array(fc.double({ min: 36, max: 60, noNaN: true }), { minLength: 1, maxLength: 50 })])(
    "a signal oscillating between the recovery and the firing threshold fires once per excursion",
    (values) => {
      // Range max 40; recovery 5: back below 35 resolves. 36-60 keeps the excursion going.
      const samples = [
        cpu(50, 0),
        ...values.map((v, i) => cpu(v, (i + 1) * 1000)),
        cpu(30, 999_000),
        cpu(50, 1_000_000),
      ];
      const events = feed(samples, { recovery: 5 });
      expect(events.map((e) => e.kind)).toEqual(["fired", "resolved", "fired"]);
    },
  );

  it("fires a fail-safe breach at once, with the reaction chain, whatever the hold time", () => {
    const [event] = feed([cpu(99, 0)], { holdSeconds: 3600 });
    expect(event).toMatchObject({ kind: "fired", verdict: "outside-failsafe", tier: "contraindicated" });
    expect(event?.actions.map((a) => a.kind)).toEqual([
      "pause-operation",
      "isolate-from-network",
      "notify",
      "require-re-integration",
    ]);
  });

  test.prop([fc.double({ min: -1e9, max: 1e9, noNaN: true }).filter((v) => v > 95)])(
    "words a fail-safe breach as an appraisal of the same value does",
    (value) => {
      const [event] = feed([cpu(value, 0)]);
      const appraisal = compareRuntimeFacts(
        scannerProfile,
        { metrics: { cpuPercent: { value, unit: "%" } } },
        { stage: "operating" },
      );
      if (!appraisal.ok) throw new Error(JSON.stringify(appraisal.issues));
      const finding = appraisal.value.findings.find((f) => f.metric === "cpuPercent");
      expect(finding?.verdict).toBe("outside-failsafe");
      expect(event?.explanation).toBe(finding?.explanation);
      expect(event?.explanation).toMatch(/^cpuPercent is \S+ %, outside the fail-safe range at most 95 %\.$/);
    },
  );

  test.prop([
    fc.array(fc.tuple(fc.constantFrom("a", "b", "c"), fc.double({ min: 0, max: 100, noNaN: true })), { maxLength: 60 }),
  ])("interleaving devices does not change any device's events", (stream) => {
    const samples = stream.map(([device, v], i) => cpu(v, i * 1000, device));
    const together = feed(samples);
    for (const device of ["a", "b", "c"]) {
      const alone = feed(samples.filter((s) => s.device === device));
      expect(together.filter((e) => e.device === device)).toEqual(alone);
    }
  });

  it("reports stale device metrics once, and rejects unusable samples", () => {
    const m = monitorOf(scannerProfile, { stage: "operating" });
    m.update(cpu(10, 0));
    expect(m.tick(200_000)).toEqual([]);
    expect(m.tick(301_000).map((e) => e.kind)).toEqual(["stale"]);
    expect(m.tick(400_000)).toEqual([]);
    expect(m.update({ device: "x", metric: "nope", value: 1, unit: "%", at: 0 })[0]).toMatchObject({
      kind: "rejected",
      verdict: "unknown-metric",
    });
    expect(m.update({ ...cpu(10, 1), unit: "‰" })[0]).toMatchObject({ kind: "rejected", verdict: "unit-mismatch" });
    expect(m.update(cpu(Number.NaN, 2))[0]).toMatchObject({ kind: "rejected", verdict: "missing", tier: "warning" });
  });

  // A fourth metric with no range at all: any finite value is fine, a non-finite one is not.
  const withUnbounded: RuntimeProfile = {
    ...scannerProfile,
    metrics: { ...scannerProfile.metrics, errors: { unit: "count" } },
  };
  const reading = fc.record({
    device: fc.constantFrom("a", "b"),
    dt: fc.oneof(fc.integer({ min: -5_000, max: 5_000 }), fc.integer({ min: 0, max: 90_000 })),
    values: fc.array(
      fc.oneof(
        fc.double({ min: -20, max: 30_000, noNaN: true }),
        fc.double({ min: 0, max: 40, noNaN: true }),
        fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 40, 95),
      ),
      { minLength: 0, maxLength: 4 },
    ),
  });
  test.prop([
    fc.array(reading, { maxLength: 40 }),
    fc.integer({ min: 0, max: 120 }),
    fc.integer({ min: 0, max: 10 }),
    fc.integer({ min: 1, max: 120 }),
  ])(
    "updateDevice gives the events of update on each sampled metric, in order",
    (readings, hold, recovery, staleAfterSeconds) => {
      const options = { stage: "operating" as const, holdSeconds: hold, recovery, staleAfterSeconds };
      const batch = monitorOf(withUnbounded, options);
      const single = monitorOf(withUnbounded, options);
      const ids = batch.metrics();
      let at = 0;
      for (const { device, dt, values } of readings) {
        at += dt;
        const expected = values.flatMap((value, i) =>
          Number.isNaN(value)
            ? []
            : single.update({
                device,
                metric: ids[i] as string,
                value,
                unit: withUnbounded.metrics[ids[i] as string]?.unit ?? "",
                at,
              }),
        );
        expect(batch.updateDevice(device, at, values)).toEqual(expected);
        expect(batch.tick(at)).toEqual(single.tick(at));
      }
      expect(batch.tick(at + 1_000_000)).toEqual(single.tick(at + 1_000_000));
    },
  );

  test.prop([
    fc.array(fc.tuple(reading, fc.constantFrom("reading", "samples", "tick")), { maxLength: 60 }),
    fc.integer({ min: 0, max: 120 }),
    fc.integer({ min: 1, max: 120 }),
  ])(
    "readings, single samples and ticks mixed on the same devices give the events of samples alone",
    (steps, hold, staleAfterSeconds) => {
      // A full reading records one time for the device; single samples, partial readings and
      // out-of-order readings record times per metric. Mixed, they must still agree.
      const options = { stage: "operating" as const, holdSeconds: hold, staleAfterSeconds };
      const mixed = monitorOf(withUnbounded, options);
      const single = monitorOf(withUnbounded, options);
      const ids = mixed.metrics();
      const samplesOf = (device: string, at: number, values: readonly number[]) =>
        values.flatMap((value, i) =>
          Number.isNaN(value)
            ? []
            : [
                {
                  device,
                  metric: ids[i] as string,
                  value,
                  unit: withUnbounded.metrics[ids[i] as string]?.unit ?? "",
                  at,
                },
              ],
        );
      let at = 0;
      for (const [{ device, dt, values }, how] of steps) {
        at += dt;
        // Full readings are what the fleet path is for; make them common.
        const row =
          how === "reading" && values.length < ids.length ? [...values, 1, 1, 1, 1].slice(0, ids.length) : values;
        const expected = samplesOf(device, at, row).flatMap((sample) => single.update(sample));
        if (how === "reading") expect(mixed.updateDevice(device, at, row)).toEqual(expected);
        else expect(samplesOf(device, at, row).flatMap((sample) => mixed.update(sample))).toEqual(expected);
        if (how === "tick") expect(mixed.tick(at)).toEqual(single.tick(at));
      }
      expect(mixed.tick(at + 1_000_000)).toEqual(single.tick(at + 1_000_000));
    },
  );

  test.prop([fc.array(reading, { maxLength: 40 }), fc.integer({ min: 0, max: 120 }), fc.boolean()])(
    "updateDevice gives the same events with a device handle as with the device id",
    (readings, hold, handlesFirst) => {
      const options = { stage: "operating" as const, holdSeconds: hold };
      const byId = monitorOf(withUnbounded, options);
      const byHandle = monitorOf(withUnbounded, options);
      const handles = new Map<string, number>();
      // Handles may be taken before the first reading, or on the way.
      if (handlesFirst) for (const { device } of readings) handles.set(device, byHandle.deviceHandle(device));
      let at = 0;
      for (const { device, dt, values } of readings) {
        at += dt;
        const handle = handles.get(device) ?? byHandle.deviceHandle(device);
        handles.set(device, handle);
        expect(byHandle.deviceHandle(device)).toBe(handle);
        expect(byHandle.updateDevice(handle, at, values)).toEqual(byId.updateDevice(device, at, values));
      }
      // The same stale events; in the order of the devices' handles, which taking a handle
      // before a device's first reading can change.
      const sorted = (events: readonly unknown[]) => events.map((e) => JSON.stringify(e)).sort();
      expect(sorted(byHandle.tick(at + 1_000_000))).toEqual(sorted(byId.tick(at + 1_000_000)));
      expect([...handles.values()].sort((a, b) => a - b)).toEqual([...handles.keys()].map((_, i) => i));
    },
  );

  it("ignores a full reading older than the device's single samples, stale marks included", () => {
    // The fleet path writes one time per device; it must not take a reading older than a
    // sample that came on its own.
    const m = monitorOf(withUnbounded, { stage: "operating", staleAfterSeconds: 10 });
    const quiet = [20, 10, 500, 3];
    m.metrics().forEach((metric, i) => {
      const unit = withUnbounded.metrics[metric]?.unit ?? "";
      m.update({ device: "a", metric, value: quiet[i] as number, unit, at: 100_000 });
    });
    expect(m.tick(111_000)).toHaveLength(4);
    expect(m.updateDevice("a", 50_000, quiet)).toEqual([]);
    expect(m.tick(200_000)).toEqual([]);
    expect(m.updateDevice("a", 150_000, quiet)).toEqual([]);
    expect(m.tick(155_000)).toEqual([]);
    expect(m.tick(161_000)).toHaveLength(4);
  });

  it("a full reading inside the range ends a pending breach, so the next one is timed afresh", () => {
    // cpuPercent breaches at 0 s (pending, hold 60 s), is back at 10 s, breaches again at 50 s:
    // at 70 s that breach has lasted 20 s, not 70 s, and must not fire; at 110 s it fires.
    for (const via of ["updateDevice", "update"] as const) {
      const m = monitorOf(scannerProfile, { stage: "operating", holdSeconds: 60 });
      const read = (at: number, cpu: number) =>
        via === "updateDevice"
          ? m.updateDevice("a", at, [cpu, 10, 100])
          : m.update({ device: "a", metric: "cpuPercent", value: cpu, unit: "%", at });
      expect(read(0, 50)).toEqual([]);
      expect(read(10_000, 20)).toEqual([]);
      expect(read(50_000, 50)).toEqual([]);
      expect(read(70_000, 50)).toEqual([]);
      expect(read(110_000, 50).map((e) => e.kind)).toEqual(["fired"]);
    }
  });

  it("updateDevice rejects values that are not numbers, never coerces them", () => {
    for (const how of ["first", "again"] as const) {
      const m = monitorOf(scannerProfile, { stage: "operating" });
      if (how === "again") m.updateDevice("a", 0, [10, 10, 100]);
      const events = m.updateDevice("a", 1_000, ["30", null, true] as unknown as number[]);
      expect(events.map((e) => [e.kind, e.verdict, e.metric])).toEqual([
        ["rejected", "missing", "cpuPercent"],
        ["rejected", "missing", "bootSeconds"],
        ["rejected", "missing", "throughputKbps"],
      ]);
    }
  });

  it("reads each field of a sample once", () => {
    // A getter that answers differently on a second read must not get past the checks.
    const m = monitorOf(scannerProfile, { stage: "operating" });
    let reads = 0;
    const sample = {
      device: "a",
      unit: "%",
      value: 99,
      at: 0,
      get metric() {
        reads++;
        return reads === 1 ? "cpuPercent" : 7;
      },
    };
    expect(m.update(sample as unknown as Sample)).toMatchObject([{ kind: "fired", metric: "cpuPercent" }]);
    expect(reads).toBe(1);
  });

  it("takes its stage when it is made: a later change to the options changes nothing", () => {
    const options: { stage: "operating" | "integration"; holdSeconds: number } = { stage: "operating", holdSeconds: 0 };
    const m = monitorOf(scannerProfile, options);
    options.stage = "integration";
    const [fired] = m.update({ device: "a", metric: "cpuPercent", value: 50, unit: "%", at: 0 });
    expect(fired?.explanation).toContain("outside the operating range at most 40 %");
    const [resolved] = m.update({ device: "a", metric: "cpuPercent", value: 20, unit: "%", at: 1_000 });
    expect(resolved?.explanation).toBe("cpuPercent is back at 20 %, inside the operating range by 20.");
  });

  it("updateDevice rejects a handle it never gave out", () => {
    const m = monitorOf(scannerProfile, { stage: "operating" });
    const h = m.deviceHandle("us-1");
    expect(h).toBe(0);
    for (const bad of [1, -1, 0.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      const [e] = m.updateDevice(bad, 0, [50]);
      expect(e).toMatchObject({ kind: "rejected", verdict: "missing", device: "" });
      expect(e?.explanation).toBe(`${bad} is not a device handle of this monitor.`);
    }
    expect(m.updateDevice(h, 0, [99])[0]).toMatchObject({ kind: "fired", device: "us-1" });
    expect(m.devices()).toBe(1);
  });

  it("updateDevice rejects a reading without a valid time or with too many values, and keeps no state for it", () => {
    const m = monitorOf(scannerProfile, { stage: "operating" });
    expect(m.metrics()).toEqual(["cpuPercent", "bootSeconds", "throughputKbps"]);
    expect(m.updateDevice("a", Number.NaN, [99])[0]).toMatchObject({ kind: "rejected", verdict: "missing" });
    const [tooMany] = m.updateDevice("a", 0, [1, 2, 3, 4]);
    expect(tooMany).toMatchObject({ kind: "rejected", verdict: "unknown-metric", metric: "" });
    expect(tooMany?.explanation).toBe("A reading of a has 4 values; the profile declares 3 metrics.");
    expect(m.devices()).toBe(0);
    expect(m.updateDevice("a", 0, [99])[0]).toMatchObject({ kind: "fired", tier: "contraindicated" });
  });

  test.prop([
    fc.oneof(
      fc.anything(),
      fc.record({
        device: fc.anything(),
        metric: fc.anything(),
        value: fc.anything(),
        unit: fc.anything(),
        at: fc.anything(),
      }),
    ),
  ])("answers anything that is not a sample with one rejected event and keeps no state, never a throw", (x) => {
    const m = monitorOf(scannerProfile, { stage: "operating" });
    const events = m.update(x as never);
    const isSample = (() => {
      const o = x as Record<string, unknown> | null;
      return (
        typeof o === "object" &&
        o !== null &&
        ["device", "metric", "unit"].every((k) => typeof o[k] === "string") &&
        typeof o.value === "number"
      );
    })();
    if (!isSample) {
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ kind: "rejected", verdict: "missing", tier: "warning" });
      expect(typeof events[0]?.device).toBe("string");
      expect(m.devices()).toBe(0);
    }
    expect(m.updateDevice(x as never, 0, x as never).length).toBeGreaterThanOrEqual(0);
  });

  it("keeps memory per device, not per sample", () => {
    const m = monitorOf(scannerProfile, { stage: "operating" });
    for (let i = 0; i < 100_000; i++) m.update(cpu(i % 100, i, `d${i % 50}`));
    expect(m.devices()).toBe(50);
  });

  it("works over async iterables and Web Streams", async () => {
    const m = monitorOf(scannerProfile, { stage: "operating" });
    async function* source() {
      yield cpu(99, 0);
      yield cpu(10, 1000);
    }
    const viaIterable: MonitorEvent[] = [];
    for await (const e of m.run(source())) viaIterable.push(e);
    expect(viaIterable.map((e) => e.kind)).toEqual(["fired", "resolved"]);

    const streamed = monitorOf(scannerProfile, { stage: "operating" });
    const readable = new ReadableStream<Sample>({
      start(controller) {
        controller.enqueue(cpu(99, 0, "w"));
        controller.close();
      },
    }).pipeThrough(streamed.transform());
    const out: MonitorEvent[] = [];
    const reader = readable.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      out.push(value);
    }
    expect(out.map((e) => e.device)).toEqual(["w"]);
  });
});

describe("createMonitor's arguments", () => {
  it.each([
    ["a misspelt stage", { stage: "operation" }, "invalid-value@stage"],
    ["a hold time of NaN", { stage: "operating", holdSeconds: Number.NaN }, "invalid-value@holdSeconds"],
    ["a negative hold time", { stage: "operating", holdSeconds: -5 }, "too-small@holdSeconds"],
    [
      "a negative recovery for one metric",
      { stage: "operating", recovery: { cpuPercent: -1 } },
      "too-small@recovery/cpuPercent",
    ],
    [
      "a hold time for a metric the profile lacks",
      { stage: "operating", holdSeconds: { cpuPrecent: 60 } },
      "unknown-metric@holdSeconds/cpuPrecent",
    ],
    ["a stale limit of zero", { stage: "operating", staleAfterSeconds: 0 }, "too-small@staleAfterSeconds"],
    ["an unknown option", { stage: "operating", hold: 60 }, "unknown-key@hold"],
    ["null", null, "invalid-type@"],
  ])("answers %s with an issue, never a monitor that ignores it", (_, options, expected) => {
    const r = createMonitor(scannerProfile, options as never);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => `${i.code}@${i.path.join("/")}`)).toContain(expected);
  });

  it("answers a profile that does not parse with its issues under profile", () => {
    for (const profile of [null, {}, { ...scannerProfile, metrics: new Map() }]) {
      const r = createMonitor(profile as never, { stage: "operating" });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues[0]?.path[0]).toBe("profile");
    }
  });

  it("keeps its own copy of the options: a later change to the caller's object changes nothing", () => {
    const options = { stage: "operating" as const, holdSeconds: { cpuPercent: 60 } };
    const m = monitorOf(scannerProfile, options);
    options.holdSeconds.cpuPercent = 0;
    expect(m.update(cpu(50, 0))).toEqual([]);
  });
});

describe("hostile samples and readings", () => {
  const boom = () => {
    throw new Error("boom");
  };

  it.each([
    ["a throwing getter", Object.defineProperty({ ...cpu(50, 0) }, "value", { enumerable: true, get: boom })],
    ["a Proxy whose get trap throws", new Proxy(cpu(50, 0), { get: boom })],
  ])("update answers %s with one rejected event", (_, sample) => {
    const m = monitorOf(scannerProfile, { stage: "operating" });
    expect(m.update(sample as Sample)).toMatchObject([{ kind: "rejected", verdict: "missing" }]);
  });

  it("updateDevice reads each value once, and judges what it read", () => {
    const m = monitorOf(scannerProfile, { stage: "operating" });
    const count = m.metrics().length;
    const reads = new Array(count).fill(0);
    const values: number[] = [];
    for (let i = 0; i < count; i++)
      Object.defineProperty(values, i, {
        enumerable: true,
        get: () => (reads[i]++ === 0 ? 10 : 999),
      });
    expect(m.updateDevice("us-17", 0, values)).toEqual([]);
    expect(reads).toEqual(new Array(count).fill(1));
  });

  it.each([
    ["a throwing element", () => Object.defineProperty([1], 0, { get: boom })],
    ["a throwing length", () => Object.defineProperty({}, "length", { get: boom })],
    ["a Proxy whose get trap throws", () => new Proxy([1, 2], { get: boom })],
  ])("updateDevice answers %s with one rejected event", (_, make) => {
    const m = monitorOf(scannerProfile, { stage: "operating" });
    expect(m.updateDevice("us-17", 0, make() as never)).toMatchObject([{ kind: "rejected" }]);
    expect(m.updateDevice(m.deviceHandle("us-18"), 0, make() as never)).toMatchObject([{ kind: "rejected" }]);
  });

  it("updateDevice reads a reading's length once: a length that grows after the check cannot reach another device", () => {
    const m = monitorOf(scannerProfile, { stage: "operating" });
    const count = m.metrics().length;
    let lengthReads = 0;
    const values = new Proxy(new Array(count).fill(10), {
      get(target, key, receiver) {
        if (key === "length") return lengthReads++ === 0 ? count : count * 100;
        return Reflect.get(target, key, receiver);
      },
    });
    m.updateDevice("us-17", 0, values);
    expect(lengthReads).toBe(1);
    expect(m.devices()).toBe(1);
  });
});

describe("values that are not numbers", () => {
  it("describes them by their kind in a rejected event, never writes them out", () => {
    const m = monitorOf(scannerProfile, { stage: "operating" });
    const huge: unknown[] = [];
    huge[2 ** 32 - 2] = 1;
    for (const value of [huge, { a: 1 }, "99"]) {
      const [e] = m.updateDevice("us-17", 1, [value as never]);
      expect(e).toMatchObject({ kind: "rejected" });
      expect(e?.value).toBeUndefined();
      expect(e?.explanation.length).toBeLessThan(100);
    }
    const [e] = m.update({ device: "d", metric: "nope", value: 1, unit: "%", at: huge as never });
    expect(Number.isNaN(e?.at)).toBe(true);
  });
});
