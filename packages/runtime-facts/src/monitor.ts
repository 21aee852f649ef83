import { type Action, actionsFor, reactionChain, type Tier, type Verdict } from "./appraisal.js";
import { appraiseMetric } from "./compare.js";
import type { RuntimeProfile } from "./profile.js";

/**
 * One metric sample from one device: the value, its unit, and when it was taken, in
 * milliseconds since 1970.
 *
 * @example
 * ```ts
 * import type { Sample } from "@miotsec/runtime-facts";
 * const s: Sample = { device: "us-17", metric: "cpuPercent", value: 35, unit: "%", at: 1_764_288_000_000 };
 * ```
 * @since 0.1.0
 */
export interface Sample {
  /** The device's id. */
  readonly device: string;
  /** The metric's id in the profile. */
  readonly metric: string;
  /** The value. */
  readonly value: number;
  /** Its unit, compared with the declared one, never converted. */
  readonly unit: string;
  /** When it was taken (ms since 1970). */
  readonly at: number;
}

/**
 * Something the monitor noticed: a breach that `fired`, one that was `resolved`, a device
 * metric gone `stale`, or a sample it cannot use (`unknown-metric`, `unit-mismatch`, a value
 * that is not a number), with the actions it calls for.
 *
 * @example
 * ```ts
 * import type { MonitorEvent } from "@miotsec/runtime-facts";
 * const e: Pick<MonitorEvent, "kind" | "tier"> = { kind: "fired", tier: "contraindicated" };
 * ```
 * @since 0.1.0
 */
export interface MonitorEvent {
  /** What happened. */
  readonly kind: "fired" | "resolved" | "stale" | "rejected";
  /** The device. */
  readonly device: string;
  /** The metric. */
  readonly metric: string;
  /** The verdict behind the event (`within` for a resolution). */
  readonly verdict: Verdict;
  /** Its tier. */
  readonly tier: Tier;
  /** The value that caused it, if a sample did. */
  readonly value?: number;
  /** When (ms since 1970). */
  readonly at: number;
  /** What to do, as data. */
  readonly actions: readonly Action[];
  /** One sentence. */
  readonly explanation: string;
}

/**
 * Options of {@link createMonitor}.
 *
 * @example
 * ```ts
 * import type { MonitorOptions } from "@miotsec/runtime-facts";
 * const o: MonitorOptions = { stage: "operating", holdSeconds: 60, recovery: { cpuPercent: 5 } };
 * ```
 * @since 0.1.0
 */
export interface MonitorOptions {
  /** The stage whose ranges apply. Fail-safe ranges always apply. */
  readonly stage: "integration" | "operating";
  /** How long (s) a breach of the stage range must last before it fires, like Prometheus `for`; per metric or for all. Default 0. Fail-safe breaches fire at once. */
  readonly holdSeconds?: number | Readonly<Record<string, number>>;
  /** How far (in the metric's unit) inside the range a value must come back to resolve a breach: hysteresis. Per metric or for all. Default 0. */
  readonly recovery?: number | Readonly<Record<string, number>>;
  /** After how many seconds without a sample `tick` reports a device metric as stale. Default: the profile's `staleAfterSeconds`. */
  readonly staleAfterSeconds?: number;
}

/**
 * A running monitor. Its state is per device and per declared metric, a few numbers each, so
 * memory grows with the fleet, never with the number of samples.
 *
 * @example
 * ```ts
 * import type { Monitor } from "@miotsec/runtime-facts";
 * declare const monitor: Monitor;
 * monitor.update({ device: "us-17", metric: "cpuPercent", value: 97, unit: "%", at: 0 });
 * ```
 * @since 0.1.0
 */
export interface Monitor {
  /** Feeds one sample; returns the events it causes (usually none). Samples older than the last one of their device metric are ignored. */
  update(sample: Sample): readonly MonitorEvent[];
  /**
   * Feeds one reading of all of a device's metrics at once, the fast path for fleets: `values[i]`
   * is the value of `metrics()[i]` in its declared unit. `NaN` means "not sampled this time" and
   * is skipped. Gives the same events as {@link Monitor.update} on each sampled metric in order.
   * A `values` longer than the declared metrics, or an invalid `at`, is rejected as a whole.
   * `device` is the device id, or its {@link Monitor.deviceHandle}.
   */
  updateDevice(device: string | number, at: number, values: ArrayLike<number>): readonly MonitorEvent[];
  /**
   * The handle of a device: a small whole number that {@link Monitor.updateDevice} takes in
   * place of the device id, which spares it the look-up of the id among all devices on every
   * call. Handles are given out in order from 0 and stay valid for the monitor's life; the
   * events still name the device by its id.
   */
  deviceHandle(device: string): number;
  /** The declared metric ids in the order {@link Monitor.updateDevice} reads its values. */
  metrics(): readonly string[];
  /** Reports device metrics without a sample for longer than the stale limit, once each, as of `at`. */
  tick(at: number): MonitorEvent[];
  /** The events of a stream of samples, from an iterable or async iterable. */
  run(samples: AsyncIterable<Sample> | Iterable<Sample>): AsyncGenerator<MonitorEvent, void, undefined>;
  /** A Web Streams `TransformStream` from samples to events, for `pipeThrough`. */
  transform(): TransformStream<Sample, MonitorEvent>;
  /** How many devices the monitor holds state for: those with a sample, and those given a handle. */
  devices(): number;
}

const NORMAL = 0;
const PENDING = 1;
const WARNING = 2;
const FAILSAFE = 3;

/** Why a value is not a {@link Sample} (device, metric and unit strings; value and time numbers), or undefined. */
function malformed(sample: unknown): string | undefined {
  if (typeof sample !== "object" || sample === null) return "A sample must be an object.";
  const s = sample as Partial<Record<keyof Sample, unknown>>;
  for (const key of ["device", "metric", "unit"] as const)
    if (typeof s[key] !== "string") return `A sample's ${key} must be a string.`;
  if (typeof s.value !== "number") return "A sample's value must be a number.";
  return undefined;
}

/** A declared metric with its bounds, hold time and recovery resolved to numbers once. */
interface CompiledMetric {
  readonly index: number;
  readonly id: string;
  readonly metric: RuntimeProfile["metrics"][string];
  readonly unit: string;
  readonly failMin: number;
  readonly failMax: number;
  readonly stageMin: number;
  readonly stageMax: number;
  readonly holdMs: number;
  readonly recovery: number;
}

function perMetric(option: number | Readonly<Record<string, number>> | undefined, metric: string): number {
  if (option === undefined) return 0;
  return typeof option === "number" ? option : Object.hasOwn(option, metric) ? (option[metric] ?? 0) : 0;
}

/**
 * Watches streams of samples from many devices against a profile: a breach of the stage range
 * fires after it has lasted `holdSeconds` (shorter excursions never fire), a fail-safe breach
 * fires at once with the reaction chain, a breach resolves only when the value is back inside
 * by `recovery` (so a signal oscillating between the recovery and the firing threshold fires
 * once per excursion), and `tick` reports stale device metrics. Works on plain calls, on
 * async iterables (`run`) and on Web Streams (`transform`).
 *
 * @example
 * ```ts
 * import { createMonitor, parseRuntimeProfile } from "@miotsec/runtime-facts";
 * const profile = parseRuntimeProfile({
 *   schemaVersion: 1,
 *   identity: { name: "Scanner", softwareVersions: [], activeServices: [] },
 *   metrics: { cpuPercent: { unit: "%", operating: { max: 40 }, failSafe: { max: 95 } } },
 *   endpoints: [],
 * });
 * if (profile.ok) {
 *   const monitor = createMonitor(profile.value, { stage: "operating", holdSeconds: 60 });
 *   monitor.update({ device: "us-17", metric: "cpuPercent", value: 50, unit: "%", at: 0 }); // [] pending
 *   monitor.update({ device: "us-17", metric: "cpuPercent", value: 55, unit: "%", at: 60_000 }); // [{ kind: "fired", ... }]
 * }
 * ```
 * @since 0.1.0
 */
export function createMonitor(profile: RuntimeProfile, options: MonitorOptions): Monitor {
  const compiled = new Map<string, CompiledMetric>();
  for (const [id, metric] of Object.entries(profile.metrics)) {
    const stage = metric[options.stage];
    compiled.set(id, {
      index: compiled.size,
      id,
      metric,
      unit: metric.unit,
      failMin: metric.failSafe?.min ?? Number.NEGATIVE_INFINITY,
      failMax: metric.failSafe?.max ?? Number.POSITIVE_INFINITY,
      stageMin: stage?.min ?? Number.NEGATIVE_INFINITY,
      stageMax: stage?.max ?? Number.POSITIVE_INFINITY,
      holdMs: perMetric(options.holdSeconds, id) * 1000,
      recovery: perMetric(options.recovery, id),
    });
  }
  const metricCount = compiled.size;
  const byIndex = [...compiled.values()];
  // Where a sample changes nothing but the times: inside both the stage and fail-safe ranges.
  // Typed arrays by metric index, for updateDevice's inner loop.
  const quietMin = Float64Array.from(byIndex, (m) => Math.max(m.stageMin, m.failMin));
  const quietMax = Float64Array.from(byIndex, (m) => Math.min(m.stageMax, m.failMax));
  // The state of every device metric, in four arrays shared by all devices: device slot k
  // holds metric i at k * metricCount + i. Contiguous, so a fleet tick walks memory in order;
  // the arrays double when full, so memory stays a few bytes per device metric.
  const slots = new Map<string, number>();
  const ids: string[] = [];
  let capacity = 0;
  let level = new Uint8Array(0);
  let stale = new Uint8Array(0);
  let since = new Float64Array(0);
  let lastAt = new Float64Array(0);
  const staleMs = (options.staleAfterSeconds ?? profile.staleAfterSeconds ?? Number.POSITIVE_INFINITY) * 1000;
  const none: readonly MonitorEvent[] = Object.freeze([]);

  const event = (
    kind: MonitorEvent["kind"],
    sample: Pick<Sample, "device" | "metric" | "at">,
    verdict: Verdict,
    tier: Tier,
    explanation: string,
    value?: number,
  ): MonitorEvent => {
    const actions =
      tier === "contraindicated"
        ? reactionChain(explanation)
        : kind === "resolved"
          ? []
          : actionsFor(tier, [explanation]);
    // Two literals rather than a spread: an event is built for every breach of a stormy fleet.
    return value === undefined
      ? { kind, device: sample.device, metric: sample.metric, verdict, tier, at: sample.at, actions, explanation }
      : {
          kind,
          device: sample.device,
          metric: sample.metric,
          verdict,
          tier,
          value,
          at: sample.at,
          actions,
          explanation,
        };
  };
  const explain = (m: CompiledMetric, sample: Sample) =>
    appraiseMetric(m.id, m.metric, options.stage, sample.value, sample.unit).explanation;

  const update = (sample: Sample): readonly MonitorEvent[] => {
    // A caller without types may pass anything; a sample that is not one is rejected, never thrown on.
    const problem = malformed(sample);
    if (problem !== undefined) {
      const o = (typeof sample === "object" && sample !== null ? sample : {}) as Partial<Record<keyof Sample, unknown>>;
      const device = typeof o.device === "string" ? o.device : "";
      const metric = typeof o.metric === "string" ? o.metric : "";
      return [event("rejected", { device, metric, at: Number.NaN }, "missing", "warning", problem)];
    }
    const m = compiled.get(sample.metric);
    if (m === undefined) {
      return [
        event(
          "rejected",
          sample,
          "unknown-metric",
          "warning",
          `${sample.metric} is not a declared metric.`,
          sample.value,
        ),
      ];
    }
    const at = sample.at;
    if (typeof at !== "number" || !Number.isFinite(at)) {
      return [
        event(
          "rejected",
          { ...sample, at: Number.NaN },
          "missing",
          "warning",
          `A sample of ${sample.metric} has no valid time.`,
          sample.value,
        ),
      ];
    }
    return advance(slotOf(sample.device) * metricCount, m, sample);
  };

  const grow = () => {
    capacity = Math.max(16, capacity * 2);
    const size = capacity * metricCount;
    const next = {
      level: new Uint8Array(size),
      stale: new Uint8Array(size),
      since: new Float64Array(size),
      lastAt: new Float64Array(size).fill(Number.NEGATIVE_INFINITY),
    };
    next.level.set(level);
    next.stale.set(stale);
    next.since.set(since);
    next.lastAt.set(lastAt);
    ({ level, stale, since, lastAt } = next);
  };

  // The slot of a device, made on its first sample.
  const slotOf = (id: string): number => {
    let slot = slots.get(id);
    if (slot === undefined) {
      slot = ids.length;
      if (slot === capacity) grow();
      ids.push(id);
      slots.set(id, slot);
    }
    return slot;
  };

  /** One sample with a known metric and a valid time, against the device's state. */
  const advance = (base: number, m: CompiledMetric, sample: Sample): readonly MonitorEvent[] => {
    const at = sample.at;
    const i = base + m.index;
    if (at < (lastAt[i] as number)) return none;
    lastAt[i] = at;
    stale[i] = 0;
    const value = sample.value;
    if (sample.unit !== m.unit)
      return [event("rejected", sample, "unit-mismatch", "warning", explain(m, sample), value)];
    if (!Number.isFinite(value)) return [event("rejected", sample, "missing", "warning", explain(m, sample), value)];
    const current = level[i] as number;
    if (value < m.failMin || value > m.failMax) {
      if (current === FAILSAFE) return none;
      level[i] = FAILSAFE;
      since[i] = at;
      return [event("fired", sample, "outside-failsafe", "contraindicated", explain(m, sample), value)];
    }
    if (value < m.stageMin || value > m.stageMax) {
      if (current === NORMAL) {
        level[i] = PENDING;
        since[i] = at;
      }
      const breachSince = since[i] as number;
      if (level[i] === PENDING && at - breachSince >= m.holdMs) {
        level[i] = WARNING;
        return [
          event(
            "fired",
            sample,
            "outside-operating",
            "warning",
            `${explain(m, sample)} The breach has lasted ${(at - breachSince) / 1000} s.`,
            value,
          ),
        ];
      }
      return none;
    }
    // Within the stage range (or no stage range declared).
    if (current === PENDING) {
      level[i] = NORMAL;
      return none;
    }
    if (current >= WARNING) {
      const inside = Math.min(value - m.stageMin, m.stageMax - value);
      if (inside >= m.recovery) {
        level[i] = NORMAL;
        return [
          event(
            "resolved",
            sample,
            "within",
            "affirming",
            `${sample.metric} is back at ${value} ${sample.unit}, inside the ${options.stage} range by ${inside}.`,
            value,
          ),
        ];
      }
    }
    return none;
  };

  const updateDevice = (
    deviceOrHandle: string | number,
    at: number,
    values: ArrayLike<number>,
  ): readonly MonitorEvent[] => {
    const handle = typeof deviceOrHandle === "number" ? deviceOrHandle : undefined;
    const known = handle !== undefined && Number.isInteger(handle) && handle >= 0 && handle < ids.length;
    if (
      (typeof deviceOrHandle !== "string" && !known) ||
      typeof values !== "object" ||
      values === null ||
      !Number.isInteger(values.length)
    )
      return [
        event(
          "rejected",
          {
            device: typeof deviceOrHandle === "string" ? deviceOrHandle : known ? (ids[handle] as string) : "",
            metric: "",
            at: Number.NaN,
          },
          "missing",
          "warning",
          handle !== undefined && !known
            ? `${handle} is not a device handle of this monitor.`
            : "A reading needs a device id (a string) or handle and its values (an array of numbers).",
        ),
      ];
    const device = known ? (ids[handle] as string) : (deviceOrHandle as string);
    const reject = (verdict: Verdict, explanation: string) => [
      event(
        "rejected",
        { device, metric: "", at: typeof at === "number" && Number.isFinite(at) ? at : Number.NaN },
        verdict,
        "warning",
        explanation,
      ),
    ];
    if (typeof at !== "number" || !Number.isFinite(at))
      return reject("missing", `A reading of ${device} has no valid time.`);
    if (values.length > metricCount)
      return reject(
        "unknown-metric",
        `A reading of ${device} has ${values.length} values; the profile declares ${metricCount} metrics.`,
      );
    let base = known ? handle * metricCount : -1;
    let out: MonitorEvent[] | undefined;
    const count = values.length;
    for (let i = 0; i < count; i++) {
      const value = values[i] as number;
      if (base < 0) {
        // Found on the first sampled value, so a reading of only NaN keeps no state.
        if (Number.isNaN(value)) continue;
        base = slotOf(device) * metricCount;
      }
      const k = base + i;
      // The common case, inside the stage range with nothing pending: only the times move. NaN
      // fails both comparisons; the finiteness check is for infinite bounds.
      if (
        level[k] === NORMAL &&
        value >= (quietMin[i] as number) &&
        value <= (quietMax[i] as number) &&
        Number.isFinite(value)
      ) {
        if (at >= (lastAt[k] as number)) {
          lastAt[k] = at;
          stale[k] = 0;
        }
        continue;
      }
      if (Number.isNaN(value)) continue;
      const m = byIndex[i] as CompiledMetric;
      const events = advance(base, m, { device, metric: m.id, value, unit: m.unit, at });
      if (events.length === 0) continue;
      if (out === undefined) out = [];
      out.push(...events);
    }
    return out ?? none;
  };

  const tick = (at: number): MonitorEvent[] => {
    const out: MonitorEvent[] = [];
    for (let slot = 0; slot < ids.length; slot++) {
      const device = ids[slot] as string;
      for (let i = 0; i < metricCount; i++) {
        const k = slot * metricCount + i;
        const last = lastAt[k] as number;
        if (stale[k] === 0 && last !== Number.NEGATIVE_INFINITY && at - last > staleMs) {
          stale[k] = 1;
          const metric = byIndex[i]?.id ?? "";
          out.push(
            event(
              "stale",
              { device, metric, at },
              "stale",
              "warning",
              `${metric} of ${device} has sent no sample for more than ${staleMs / 1000} s.`,
            ),
          );
        }
      }
    }
    return out;
  };

  async function* run(
    samples: AsyncIterable<Sample> | Iterable<Sample>,
  ): AsyncGenerator<MonitorEvent, void, undefined> {
    for await (const sample of samples) yield* update(sample);
  }

  const transform = () =>
    new TransformStream<Sample, MonitorEvent>({
      transform(sample, controller) {
        for (const e of update(sample)) controller.enqueue(e);
      },
    });

  const metricIds = Object.freeze(byIndex.map((m) => m.id));
  const deviceHandle = (device: string): number => {
    if (typeof device !== "string") throw new TypeError("deviceHandle(): a device id is a string");
    return slotOf(device);
  };
  return {
    update,
    updateDevice,
    deviceHandle,
    metrics: () => metricIds,
    tick,
    run,
    transform,
    devices: () => ids.length,
  };
}
