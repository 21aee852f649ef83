import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { scannerProfile } from "./fixtures.test-support.js";
import { createMonitor, type Monitor, type MonitorOptions, restoreMonitor, type Sample } from "./monitor.js";

const options: MonitorOptions = { stage: "operating", holdSeconds: 30, recovery: 2, staleAfterSeconds: 120 };

function made(): Monitor {
  const r = createMonitor(scannerProfile, options);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

function restored(bytes: Uint8Array): Monitor {
  const r = restoreMonitor(scannerProfile, options, bytes);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const units: Record<string, string> = { cpuPercent: "%", bootSeconds: "s", throughputKbps: "kbit/s" };

/** A step of a fleet's life: a sample (sometimes in another unit), a full reading, or a tick. */
const step = fc.oneof(
  fc.record({
    kind: fc.constant("sample" as const),
    device: fc.constantFrom("a", "b", "c"),
    metric: fc.constantFrom("cpuPercent", "bootSeconds", "throughputKbps", "fanRpm"),
    value: fc.oneof(fc.integer({ min: -10, max: 200 }), fc.constant(Number.NaN)),
    otherUnit: fc.boolean(),
    dt: fc.integer({ min: -5_000, max: 60_000 }),
  }),
  fc.record({
    kind: fc.constant("reading" as const),
    device: fc.constantFrom("a", "b", "d"),
    values: fc.array(fc.oneof(fc.integer({ min: 0, max: 30_000 }), fc.constant(Number.NaN)), { maxLength: 3 }),
    dt: fc.integer({ min: 0, max: 60_000 }),
  }),
  fc.record({ kind: fc.constant("tick" as const), dt: fc.integer({ min: 0, max: 300_000 }) }),
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

/** The events of `steps` fed to `monitor` from time `t`, as JSON, and the time reached. */
function play(monitor: Monitor, steps: readonly Step[], t0: number): { events: string[]; t: number } {
  const events: string[] = [];
  let t = t0;
  for (const s of steps) {
    t += s.dt;
    const out =
      s.kind === "sample"
        ? monitor.update({
            device: s.device,
            metric: s.metric,
            value: s.value,
            unit: s.otherUnit ? "x" : (units[s.metric] ?? "u"),
            at: t,
          } satisfies Sample)
        : s.kind === "reading"
          ? monitor.updateDevice(s.device, t, s.values)
          : monitor.tick(t);
    for (const e of out) events.push(JSON.stringify(e));
  }
  return { events, t };
}

describe("Monitor.snapshot and restoreMonitor", () => {
  test.prop([fc.array(step, { maxLength: 40 }), fc.array(step, { maxLength: 40 })])(
    "a monitor restored from a snapshot gives the events the monitor that took it gives, for any samples after it",
    (before, after) => {
      const original = made();
      const { t } = play(original, before, 1_000_000);
      const bytes = original.snapshot();
      const copy = restored(bytes);
      expect(copy.devices()).toBe(original.devices());
      expect(play(copy, after, t).events).toEqual(play(original, after, t).events);
    },
  );

  test.prop([fc.array(step, { maxLength: 40 })])("the snapshot of a restored monitor is the same bytes", (steps) => {
    const original = made();
    play(original, steps, 0);
    const bytes = original.snapshot();
    expect(restored(bytes).snapshot()).toEqual(bytes);
  });

  test.prop([fc.uint8Array({ maxLength: 200 })])("bytes that are not a snapshot are issues, never a throw", (bytes) => {
    const r = restoreMonitor(scannerProfile, options, bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.code).toBe("invalid-snapshot");
  });

  test.prop([fc.array(step, { minLength: 1, maxLength: 20 }), fc.nat(), fc.integer({ min: 1, max: 255 })])(
    "a snapshot with one byte changed is refused or restores a monitor that works",
    (steps, where, delta) => {
      const original = made();
      play(original, steps, 0);
      const bytes = original.snapshot();
      const i = where % bytes.length;
      bytes[i] = ((bytes[i] as number) + delta) & 0xff;
      const r = restoreMonitor(scannerProfile, options, bytes);
      if (r.ok) {
        expect(() => play(r.value, steps, 10_000_000)).not.toThrow();
      } else for (const x of r.issues) expect(["invalid-snapshot", "snapshot-mismatch"]).toContain(x.code);
    },
  );

  it("refuses a snapshot cut short, of another stage, or of other metrics, with its reason", () => {
    const original = made();
    original.update({ device: "a", metric: "cpuPercent", value: 50, unit: "%", at: 0 });
    const bytes = original.snapshot();
    const cut = restoreMonitor(scannerProfile, options, bytes.subarray(0, bytes.length - 1));
    expect(cut.ok || cut.issues[0]?.message).toMatch(/length does not fit 1 devices of 3 metrics/);
    const stage = restoreMonitor(scannerProfile, { ...options, stage: "integration" }, bytes);
    expect(stage.ok || stage.issues.map((x) => [x.code, x.message])).toEqual([
      ["snapshot-mismatch", "The snapshot is of the operating stage; this monitor watches integration."],
    ]);
    const fewer = { ...scannerProfile, metrics: { cpuPercent: scannerProfile.metrics.cpuPercent } };
    const metrics = restoreMonitor(fewer as typeof scannerProfile, options, bytes);
    expect(metrics.ok || metrics.issues[0]?.message).toBe(
      "The snapshot holds the metrics cpuPercent, bootSeconds, throughputKbps; the profile declares cpuPercent.",
    );
    for (const notBytes of [null, "miotsecM", [1, 2, 3], new Uint16Array(8)]) {
      const r = restoreMonitor(scannerProfile, options, notBytes as unknown as Uint8Array);
      expect(r.ok || r.issues[0]?.code).toBe("invalid-snapshot");
    }
  });

  it("copies the bytes it is given: changing them afterwards changes nothing", () => {
    const original = made();
    original.update({ device: "a", metric: "cpuPercent", value: 50, unit: "%", at: 0 });
    const bytes = original.snapshot();
    const copy = restored(bytes);
    bytes.fill(0);
    expect(copy.update({ device: "a", metric: "cpuPercent", value: 55, unit: "%", at: 30_000 })).toMatchObject([
      { kind: "fired", device: "a", verdict: "outside-operating" },
    ]);
  });

  it("holds 18 bytes per device metric, 16 per device and the device ids", () => {
    const monitor = made();
    for (let d = 0; d < 1000; d++) monitor.updateDevice(`device-${d}`, 0, [10, 10, 10]);
    const bytes = monitor.snapshot().length;
    const ids = JSON.stringify(Array.from({ length: 1000 }, (_, d) => `device-${d}`));
    const header = `{"stage":"operating","metrics":["cpuPercent","bootSeconds","throughputKbps"],"devices":${ids}}`;
    expect(bytes).toBe(Math.ceil((16 + header.length) / 8) * 8 + 18 * 3000 + 16 * 1000);
  });
});

describe("MonitorOptions.older", () => {
  const sample = (value: number, at: number): Sample => ({ device: "a", metric: "cpuPercent", value, unit: "%", at });

  it("rejects a sample older than the last one of its device metric, saying so, and does not judge it", () => {
    const r = createMonitor(scannerProfile, { stage: "operating", older: "reject" });
    if (!r.ok) throw new Error("not made");
    expect(r.value.update(sample(10, 5_000))).toEqual([]);
    const [event] = r.value.update(sample(99, 1_000));
    expect(event).toMatchObject({ kind: "rejected", device: "a", metric: "cpuPercent", value: 99, at: 1_000 });
    expect(event?.explanation).toBe(
      "A sample of cpuPercent of a taken at 1970-01-01T00:00:01.000Z is older than the last one (1970-01-01T00:00:05.000Z); it is not judged.",
    );
    expect(r.value.updateDevice("a", 2_000, [10])).toMatchObject([{ kind: "rejected", metric: "cpuPercent" }]);
    expect(r.value.update(sample(10, 5_000))).toEqual([]);
  });

  test.prop([fc.array(step, { maxLength: 60 })])(
    "with older: reject, the events are those of older: ignore besides the rejections of older samples",
    (steps) => {
      const ignoring = createMonitor(scannerProfile, options);
      const rejecting = createMonitor(scannerProfile, { ...options, older: "reject" });
      if (!ignoring.ok || !rejecting.ok) throw new Error("not made");
      const olderOnes = (e: string) => e.includes("is older than the last one");
      const rejected = play(rejecting.value, steps, 0).events;
      expect(rejected.filter((e) => !olderOnes(e))).toEqual(play(ignoring.value, steps, 0).events);
    },
  );

  it("refuses an older option that is neither", () => {
    const r = createMonitor(scannerProfile, { stage: "operating", older: "drop" as "ignore" });
    expect(r.ok || r.issues[0]?.path).toEqual(["older"]);
  });
});
