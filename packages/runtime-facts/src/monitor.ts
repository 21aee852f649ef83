import { fail, type Issue, issue, ok, parseWith, type Result } from "@miotsec/core";
import * as z from "zod/mini";
import { type Action, actionsForReason, type Tier, type Verdict } from "./appraisal.js";
import { appraiseMetric } from "./compare.js";
import { checkProfile, type RuntimeProfile } from "./profile.js";
import { describeRange, failSafeWords, formatNumber, stageSentence } from "./sentences.js";

/**
 * One metric sample from one device: the value, its unit, and when it was taken, in
 * milliseconds since 1970.
 *
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

/** Seconds or a distance: a finite number, zero or more. */
const nonNegative = z.number().check(z.gte(0));
/** A number for all metrics, or one per declared metric. */
const perMetricOption = z.optional(
  z.union([nonNegative, z.record(z.string().check(z.minLength(1), z.maxLength(100)), nonNegative)], {
    error: "must be a number of zero or more, or an object of such numbers by metric",
  }),
);

/** {@link MonitorOptions} as they are checked: unknown options are refused, not ignored. */
const monitorOptionsSchema = z.strictObject({
  stage: z.enum(["integration", "operating"]),
  holdSeconds: perMetricOption,
  recovery: perMetricOption,
  staleAfterSeconds: z.optional(z.number().check(z.gt(0))),
});

/**
 * A running monitor. Its state is per device and per declared metric, a few numbers each, so
 * memory grows with the fleet, never with the number of samples.
 *
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

const needsReading = "A reading needs a device id (a string) or handle and its values (an array of numbers).";

const NORMAL = 0;
const PENDING = 1;
const WARNING = 2;
const FAILSAFE = 3;

/** Why the fields of a sample do not make a {@link Sample} (device, metric and unit strings, a number value), or undefined. */
function malformed(device: unknown, metric: unknown, unit: unknown, value: unknown): string | undefined {
  if (typeof device !== "string") return "A sample's device must be a string.";
  if (typeof metric !== "string") return "A sample's metric must be a string.";
  if (typeof unit !== "string") return "A sample's unit must be a string.";
  if (typeof value !== "number") return "A sample's value must be a number.";
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
  /** The stage range in words, for events; empty where not declared. */
  readonly stageText: string;
  /**
   * The words of events around their value, joined once: a fail-safe breach's before and after
   * (`failSafeWords`), a recovery's before the value and between the value and the distance
   * inside the range. A stormy fleet writes one of these sentences for every event.
   */
  readonly failSafeBefore: string;
  readonly failSafeAfter: string;
  readonly backBefore: string;
  readonly backBetween: string;
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
 * The profile and the options are checked and read once: a misspelt stage, a hold time that is
 * negative or not a number, an option for a metric the profile does not declare, or a profile
 * that does not parse are issues (the profile's under `profile`), never a monitor that quietly
 * ignores them.
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
 * const monitor = profile.ok ? createMonitor(profile.value, { stage: "operating", holdSeconds: 60 }) : profile;
 * if (monitor.ok) {
 *   monitor.value.update({ device: "us-17", metric: "cpuPercent", value: 50, unit: "%", at: 0 }); // [] pending
 *   monitor.value.update({ device: "us-17", metric: "cpuPercent", value: 55, unit: "%", at: 60_000 }); // [{ kind: "fired", ... }]
 * }
 * ```
 * @since 0.1.0
 */
export function createMonitor(profile: RuntimeProfile, options: MonitorOptions): Result<Monitor> {
  // Both are read once, into checked copies: the caller's objects may change later (or hold
  // getters), and the monitor must not.
  const issues: Issue[] = [];
  const checkedProfile = checkProfile(profile);
  if (!checkedProfile.ok) issues.push(...checkedProfile.issues);
  const checkedOptions = parseWith(monitorOptionsSchema, options);
  if (!checkedOptions.ok) issues.push(...checkedOptions.issues);
  if (!checkedProfile.ok || !checkedOptions.ok) return fail(issues);
  const metrics = checkedProfile.value.metrics;
  for (const option of ["holdSeconds", "recovery"] as const) {
    const byMetric = checkedOptions.value[option];
    if (typeof byMetric !== "object") continue;
    for (const id of Object.keys(byMetric))
      if (!Object.hasOwn(metrics, id))
        issues.push(
          issue("unknown-metric", `$.${option}.${id}: the profile declares no metric "${id}".`, [option, id]),
        );
  }
  if (issues.length > 0) return fail(issues);
  return ok(monitor(checkedProfile.value, checkedOptions.value));
}

/** The monitor of a checked profile with checked options. */
function monitor(profile: RuntimeProfile, options: z.infer<typeof monitorOptionsSchema>): Monitor {
  const stageName = options.stage;
  const compiled = new Map<string, CompiledMetric>();
  for (const [id, metric] of Object.entries(profile.metrics)) {
    const stage = metric[stageName];
    const [failSafeBefore, failSafeAfter] = failSafeWords(
      id,
      metric.unit,
      metric.failSafe ? describeRange(metric.failSafe, metric.unit) : "",
    );
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
      stageText: stage ? describeRange(stage, metric.unit) : "",
      failSafeBefore,
      failSafeAfter,
      backBefore: `${id} is back at `,
      backBetween: ` ${metric.unit}, inside the ${stageName} range by `,
    });
  }
  const metricCount = compiled.size;
  const byIndex = [...compiled.values()];
  // Where a sample changes nothing but the times: inside both the stage and fail-safe ranges.
  // Typed arrays by metric index, for updateDevice's inner loop. An infinite bound is held as
  // the largest finite number, so that the two comparisons also refuse NaN and infinities.
  const finite = (x: number) => Math.min(Math.max(x, -Number.MAX_VALUE), Number.MAX_VALUE);
  const quietMin = Float64Array.from(byIndex, (m) => finite(Math.max(m.stageMin, m.failMin)));
  const quietMax = Float64Array.from(byIndex, (m) => finite(Math.min(m.stageMax, m.failMax)));
  // The state of every device metric, in arrays shared by all devices: device slot k holds
  // metric i at k * metricCount + i. Contiguous, so a fleet tick walks memory in order; the
  // arrays double when full, so memory stays a few bytes per device metric.
  //
  // A metric's last sample time is the later of `lastAt` and its device's `allAt`, the time of
  // the device's last reading that sampled every metric: such a reading, the usual one of a
  // fleet, then writes one time per device instead of one per metric. `latestAt` is the latest
  // time any metric of the device was sampled, and `staleCount` how many of its metrics are
  // marked stale, so that a full reading clears the marks only when there are some.
  const slots = new Map<string, number>();
  const ids: string[] = [];
  let capacity = 0;
  let level = new Uint8Array(0);
  let stale = new Uint8Array(0);
  let since = new Float64Array(0);
  let lastAt = new Float64Array(0);
  let allAt = new Float64Array(0);
  let latestAt = new Float64Array(0);
  let staleCount = new Uint32Array(0);
  // Per device, how many of its metrics are not NORMAL: a device with none needs no look at
  // its metrics' levels while its values stay inside their quiet ranges.
  let active = new Uint32Array(0);
  const staleMs = (options.staleAfterSeconds ?? profile.staleAfterSeconds ?? Number.POSITIVE_INFINITY) * 1000;
  const none: readonly MonitorEvent[] = Object.freeze([]);

  const event = (
    kind: MonitorEvent["kind"],
    device: string,
    metric: string,
    at: number,
    verdict: Verdict,
    tier: Tier,
    explanation: string,
    value?: number,
  ): MonitorEvent => {
    const actions: Action[] = kind === "resolved" ? [] : actionsForReason(tier, explanation);
    // An event has a `value` key only where there is a value.
    return value === undefined
      ? { kind, device, metric, verdict, tier, at, actions, explanation }
      : { kind, device, metric, verdict, tier, value, at, actions, explanation };
  };

  const update = (sample: Sample): readonly MonitorEvent[] => {
    // A caller without types may pass anything; a sample that is not one is rejected, never
    // thrown on. Each field is read once, so that a getter cannot answer twice differently.
    if (typeof sample !== "object" || sample === null)
      return [event("rejected", "", "", Number.NaN, "missing", "warning", "A sample must be an object.")];
    let device: unknown;
    let metric: unknown;
    let value: unknown;
    let unit: unknown;
    let at: unknown;
    try {
      ({ device, metric, value, unit, at } = sample as Partial<Record<keyof Sample, unknown>>);
    } catch {
      return [
        event(
          "rejected",
          "",
          "",
          Number.NaN,
          "missing",
          "warning",
          "A sample could not be read (a getter or proxy threw).",
        ),
      ];
    }
    const problem = malformed(device, metric, unit, value);
    if (problem !== undefined) {
      return [
        event(
          "rejected",
          typeof device === "string" ? device : "",
          typeof metric === "string" ? metric : "",
          Number.NaN,
          "missing",
          "warning",
          problem,
        ),
      ];
    }
    return checked(device as string, metric as string, value as number, unit as string, at);
  };

  /** A sample whose fields have their types: its metric must be declared and its time valid. */
  const checked = (device: string, metric: string, value: number, unit: string, at: unknown) => {
    const m = compiled.get(metric);
    if (m === undefined) {
      return [
        event(
          "rejected",
          device,
          metric,
          typeof at === "number" ? at : Number.NaN,
          "unknown-metric",
          "warning",
          `${metric} is not a declared metric.`,
          value,
        ),
      ];
    }
    if (typeof at !== "number" || !Number.isFinite(at)) {
      return [
        event(
          "rejected",
          device,
          metric,
          Number.NaN,
          "missing",
          "warning",
          `A sample of ${metric} has no valid time.`,
          value,
        ),
      ];
    }
    const e = advance(slotOf(device), m, device, value, unit, at);
    return e === undefined ? none : [e];
  };

  const grow = () => {
    capacity = Math.max(16, capacity * 2);
    const size = capacity * metricCount;
    const next = {
      level: new Uint8Array(size),
      stale: new Uint8Array(size),
      since: new Float64Array(size),
      lastAt: new Float64Array(size).fill(Number.NEGATIVE_INFINITY),
      allAt: new Float64Array(capacity).fill(Number.NEGATIVE_INFINITY),
      latestAt: new Float64Array(capacity).fill(Number.NEGATIVE_INFINITY),
      staleCount: new Uint32Array(capacity),
      active: new Uint32Array(capacity),
    };
    next.level.set(level);
    next.stale.set(stale);
    next.since.set(since);
    next.lastAt.set(lastAt);
    next.allAt.set(allAt);
    next.latestAt.set(latestAt);
    next.staleCount.set(staleCount);
    next.active.set(active);
    ({ level, stale, since, lastAt, allAt, latestAt, staleCount, active } = next);
  };

  /** When metric `k` (slot * metricCount + metric index) of device `slot` was last sampled. */
  const lastOf = (slot: number, k: number): number => Math.max(lastAt[k] as number, allAt[slot] as number);

  /** Records a sample of metric `k` of device `slot` at `at`, no earlier than its last one. */
  const touch = (slot: number, k: number, at: number): void => {
    lastAt[k] = at;
    if (stale[k] !== 0) {
      stale[k] = 0;
      staleCount[slot] = (staleCount[slot] as number) - 1;
    }
    if (at > (latestAt[slot] as number)) latestAt[slot] = at;
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

  /**
   * One sample with a known metric and a valid time, against the device's state: the event it
   * causes, if any. A sample older than the metric's last one changes nothing.
   */
  const advance = (
    slot: number,
    m: CompiledMetric,
    device: string,
    value: number,
    unit: string,
    at: number,
  ): MonitorEvent | undefined => {
    const i = slot * metricCount + m.index;
    if (at < lastOf(slot, i)) return undefined;
    touch(slot, i, at);
    return judge(slot, i, m, device, value, unit, at);
  };

  /**
   * A sample of metric `i` (slot * metricCount + metric index) of device `slot`, in time order
   * and already recorded, against the metric's level: the event it causes, if any.
   */
  const judge = (
    slot: number,
    i: number,
    m: CompiledMetric,
    device: string,
    value: number,
    unit: string,
    at: number,
  ): MonitorEvent | undefined => {
    if (unit !== m.unit || !Number.isFinite(value)) {
      const finding = appraiseMetric(m.id, m.metric, stageName, value, unit);
      // A value that is not a number (from a caller without types) is described, never kept.
      const shown = typeof value === "number" ? value : undefined;
      return event("rejected", device, m.id, at, finding.verdict, "warning", finding.explanation, shown);
    }
    const current = level[i] as number;
    if (value < m.failMin || value > m.failMax) {
      if (current === FAILSAFE) return undefined;
      if (current === NORMAL) active[slot] = (active[slot] as number) + 1;
      level[i] = FAILSAFE;
      since[i] = at;
      // The sample's unit is the metric's here (checked above), as in the words joined once.
      const explanation = `${m.failSafeBefore}${formatNumber(value)}${m.failSafeAfter}`;
      return event("fired", device, m.id, at, "outside-failsafe", "contraindicated", explanation, value);
    }
    if (value < m.stageMin || value > m.stageMax) {
      if (current === NORMAL) {
        level[i] = PENDING;
        active[slot] = (active[slot] as number) + 1;
        since[i] = at;
      }
      const breachSince = since[i] as number;
      if (level[i] === PENDING && at - breachSince >= m.holdMs) {
        level[i] = WARNING;
        const explanation = `${stageSentence(m.id, value, unit, stageName, m.stageText, false)} The breach has lasted ${formatNumber((at - breachSince) / 1000)} s.`;
        return event("fired", device, m.id, at, "outside-operating", "warning", explanation, value);
      }
      return undefined;
    }
    // Within the stage range (or no stage range declared).
    if (current === PENDING) {
      level[i] = NORMAL;
      active[slot] = (active[slot] as number) - 1;
      return undefined;
    }
    if (current >= WARNING) {
      const inside = Math.min(value - m.stageMin, m.stageMax - value);
      if (inside >= m.recovery) {
        level[i] = NORMAL;
        active[slot] = (active[slot] as number) - 1;
        const explanation = `${m.backBefore}${formatNumber(value)}${m.backBetween}${formatNumber(inside)}.`;
        return event("resolved", device, m.id, at, "within", "affirming", explanation, value);
      }
    }
    return undefined;
  };

  // Two paths, chosen by the kind of key: a handle (a device's slot) or a device id.
  const updateDevice = (
    deviceOrHandle: string | number,
    at: number,
    values: ArrayLike<number>,
  ): readonly MonitorEvent[] =>
    typeof deviceOrHandle === "number"
      ? byHandle(deviceOrHandle, at, values)
      : byId(deviceOrHandle as unknown, at, values);

  // The values and the length of the reading being taken, as readingProblem read them: set just
  // before it returns, and used at once, so a getter that takes another reading on the way
  // cannot mix the two.
  let readValues: ArrayLike<number> = [];
  let readCount = 0;

  const byHandle = (handle: number, at: number, values: ArrayLike<number>): readonly MonitorEvent[] => {
    if (!(Number.isInteger(handle) && handle >= 0 && handle < ids.length))
      return rejectReading("", Number.NaN, "missing", `${handle} is not a device handle of this monitor.`);
    const device = ids[handle] as string;
    const problem = readingProblem(device, at, values);
    if (problem !== undefined) return problem;
    const read = readValues;
    return readCount === metricCount && at >= (latestAt[handle] as number)
      ? fullReading(handle, device, at, read)
      : reading(handle, device, at, read, readCount);
  };

  const byId = (device: unknown, at: number, values: ArrayLike<number>): readonly MonitorEvent[] => {
    if (typeof device !== "string") return rejectReading("", Number.NaN, "missing", needsReading);
    const problem = readingProblem(device, at, values);
    if (problem !== undefined) return problem;
    const read = readValues;
    const count = readCount;
    const slot = slots.get(device) ?? -1;
    return slot >= 0 && count === metricCount && at >= (latestAt[slot] as number)
      ? fullReading(slot, device, at, read)
      : reading(slot, device, at, read, count);
  };

  /**
   * Why a reading cannot be taken (no values, a time that is not one, too many values, values
   * that cannot be read), as its one event; else undefined, with the values as read, once, in
   * `readValues` and `readCount`: a typed array as it is (its elements cannot be getters), any
   * other array-like copied index by index, so that what is judged is what was read.
   */
  const readingProblem = (device: string, at: number, values: unknown): readonly MonitorEvent[] | undefined => {
    try {
      if (typeof values !== "object" || values === null)
        return rejectReading(device, Number.NaN, "missing", needsReading);
      const count = (values as ArrayLike<number>).length;
      if (!Number.isInteger(count) || count < 0) return rejectReading(device, Number.NaN, "missing", needsReading);
      if (typeof at !== "number" || !Number.isFinite(at))
        return rejectReading(device, Number.NaN, "missing", `A reading of ${device} has no valid time.`);
      if (count > metricCount)
        return rejectReading(
          device,
          at,
          "unknown-metric",
          `A reading of ${device} has ${count} values; the profile declares ${metricCount} metrics.`,
        );
      let read = values as ArrayLike<number>;
      if (!ArrayBuffer.isView(values)) {
        const copy: number[] = new Array(count);
        for (let i = 0; i < count; i++) copy[i] = read[i] as number;
        read = copy;
      }
      readValues = read;
      readCount = count;
      return undefined;
    } catch {
      return rejectReading(
        device,
        Number.NaN,
        "missing",
        `A reading of ${device} could not be read (a getter or proxy threw).`,
      );
    }
  };

  const rejectReading = (device: string, at: number, verdict: Verdict, explanation: string) => [
    event("rejected", device, "", at, verdict, "warning", explanation),
  ];

  /**
   * A reading of every metric of a known device, no earlier than any sample it has had: the
   * fleet's usual reading. A value inside its quiet range changes nothing but the times, and
   * those are written once for the device if no value is NaN.
   */
  const fullReading = (slot: number, device: string, at: number, values: ArrayLike<number>) => {
    const base = slot * metricCount;
    // Held in locals for the loop: no reading of a known device grows the arrays.
    const levels = level;
    const min = quietMin;
    const max = quietMax;
    // Most readings cause no event, and most of the rest one: the first is held on its own, an
    // array made only for a second (docs/benchmarks.md has the measurement).
    let first: MonitorEvent | undefined;
    let out: MonitorEvent[] | undefined;
    let skipped = false;
    // With every metric NORMAL, a quiet value needs no look at its level; a breach on the way
    // changes only its own metric's level.
    const calm = active[slot] === 0;
    for (let i = 0; i < metricCount; i++) {
      const value = values[i] as number;
      // NaN fails both comparisons, as do infinities (the bounds are finite); a value that is
      // not a number at all (from a caller without types) is not compared, never coerced.
      if (
        typeof value === "number" &&
        value >= (min[i] as number) &&
        value <= (max[i] as number) &&
        (calm || levels[base + i] === NORMAL)
      )
        continue;
      if (Number.isNaN(value)) {
        skipped = true;
        continue;
      }
      // In time order by the test that chose this path; its time is recorded below, for the
      // whole device.
      const m = byIndex[i] as CompiledMetric;
      const e = judge(slot, base + i, m, device, value, m.unit, at);
      if (e === undefined) continue;
      if (first === undefined) first = e;
      else if (out === undefined) out = [first, e];
      else out.push(e);
    }
    if (!skipped) {
      allAt[slot] = at;
      latestAt[slot] = at;
      if (staleCount[slot] !== 0) {
        stale.fill(0, base, base + metricCount);
        staleCount[slot] = 0;
      }
    } else {
      for (let i = 0; i < metricCount; i++) if (!Number.isNaN(values[i] as number)) touch(slot, base + i, at);
    }
    return out ?? (first === undefined ? none : [first]);
  };

  /** Any other reading: each sampled metric on its own, as `update` would take it. */
  const reading = (known: number, device: string, at: number, values: ArrayLike<number>, count: number) => {
    let slot = known;
    // Events held as in fullReading.
    let first: MonitorEvent | undefined;
    let out: MonitorEvent[] | undefined;
    for (let i = 0; i < count; i++) {
      const value = values[i] as number;
      if (Number.isNaN(value)) continue;
      // Found on the first sampled value, so a reading of only NaN keeps no state.
      if (slot < 0) slot = slotOf(device);
      const k = slot * metricCount + i;
      if (
        typeof value === "number" &&
        value >= (quietMin[i] as number) &&
        value <= (quietMax[i] as number) &&
        level[k] === NORMAL
      ) {
        if (at >= lastOf(slot, k)) touch(slot, k, at);
        continue;
      }
      const m = byIndex[i] as CompiledMetric;
      const e = advance(slot, m, device, value, m.unit, at);
      if (e === undefined) continue;
      if (first === undefined) first = e;
      else if (out === undefined) out = [first, e];
      else out.push(e);
    }
    return out ?? (first === undefined ? none : [first]);
  };

  const tick = (at: number): MonitorEvent[] => {
    const out: MonitorEvent[] = [];
    for (let slot = 0; slot < ids.length; slot++) {
      const device = ids[slot] as string;
      for (let i = 0; i < metricCount; i++) {
        const k = slot * metricCount + i;
        const last = lastOf(slot, k);
        if (stale[k] === 0 && last !== Number.NEGATIVE_INFINITY && at - last > staleMs) {
          stale[k] = 1;
          staleCount[slot] = (staleCount[slot] as number) + 1;
          const metric = byIndex[i]?.id ?? "";
          out.push(
            event(
              "stale",
              device,
              metric,
              at,
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
