import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { scannerProfile } from "./fixtures.test-support.js";
import { createMonitor, type MonitorEvent, type Sample } from "./monitor.js";

const cpu = (value: number, at: number, device = "us-17"): Sample => ({
  device,
  metric: "cpuPercent",
  value,
  unit: "%",
  at,
});
const feed = (samples: Sample[], options = {}) => {
  const m = createMonitor(scannerProfile, { stage: "operating", ...options });
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
    const m = createMonitor(scannerProfile, { stage: "operating" });
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

  it("keeps memory per device, not per sample", () => {
    const m = createMonitor(scannerProfile, { stage: "operating" });
    for (let i = 0; i < 100_000; i++) m.update(cpu(i % 100, i, `d${i % 50}`));
    expect(m.devices()).toBe(50);
  });

  it("works over async iterables and Web Streams", async () => {
    const m = createMonitor(scannerProfile, { stage: "operating" });
    async function* source() {
      yield cpu(99, 0);
      yield cpu(10, 1000);
    }
    const viaIterable: MonitorEvent[] = [];
    for await (const e of m.run(source())) viaIterable.push(e);
    expect(viaIterable.map((e) => e.kind)).toEqual(["fired", "resolved"]);

    const streamed = createMonitor(scannerProfile, { stage: "operating" });
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
