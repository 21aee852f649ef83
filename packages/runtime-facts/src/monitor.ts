import { fail, type Issue, issue, ok, parseWith, type Result } from "@miotsec/core";
import * as z from "zod/mini";
import { type Action, actionsForReason, type Tier, type Verdict } from "./appraisal.js";
import { appraiseMetric } from "./compare.js";
import { DeviceTable, FAILSAFE, NORMAL, PENDING, WARNING } from "./device-table.js";
import { checkProfile, type RuntimeProfile } from "./profile.js";
import { describeRange, failSafeWords, formatNumber, stageSentence } from "./sentences.js";
import { decodeSnapshot, encodeSnapshot, snapshotMismatch } from "./snapshot.js";

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
  /**
   * What a sample older than the last one of its device metric does: nothing (`ignore`, the
   * default), or a `rejected` event that says so (`reject`), for a process that must count
   * every sample it was given. Either way it is not judged.
   *
   * @since 0.2.0
   */
  readonly older?: "ignore" | "reject";
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
  older: z.optional(z.enum(["ignore", "reject"])),
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
  /**
   * The monitor's state as bytes (a checkpoint): every device's levels, breach times and sample
   * times, with the stage and the metric ids it holds them for. {@link restoreMonitor} makes a
   * monitor that goes on from it as this one would. 18 bytes per device metric, 16 per device and
   * the device ids; the format is described in `snapshot.ts` and versioned.
   *
   * @since 0.2.0
   */
  snapshot(): Uint8Array;
}

const needsReading = "A reading needs a device id (a string) or handle and its values (an array of numbers).";

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

/** A time in ms since 1970 as an RFC 3339 time in UTC, or as a number of ms where no date is that far. */
function timeText(at: number): string {
  return Math.abs(at) <= 8.64e15 ? new Date(at).toISOString() : `${formatNumber(at)} ms`;
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
  const checked = checkedInputs(profile, options);
  return checked.ok ? ok(monitor(checked.value.profile, checked.value.options)) : checked;
}

/** The profile and options of a monitor, read once into checked copies, or their issues. */
function checkedInputs(
  profile: RuntimeProfile,
  options: MonitorOptions,
): Result<{ profile: RuntimeProfile; options: z.infer<typeof monitorOptionsSchema> }> {
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
  return ok({ profile: checkedProfile.value, options: checkedOptions.value });
}

/**
 * A monitor that goes on from a {@link Monitor.snapshot}: the same profile and options as the
 * monitor that took it, and its state, so that the samples after the snapshot give the events
 * that monitor would have given. Bytes that are not a snapshot (`invalid-snapshot`), or one of
 * another stage or other metrics than the profile declares (`snapshot-mismatch`), are issues.
 * The bytes are copied first; changing them later changes nothing.
 *
 * @example
 * ```ts
 * import { createMonitor, parseRuntimeProfile, restoreMonitor } from "@miotsec/runtime-facts";
 * const profile = parseRuntimeProfile({
 *   schemaVersion: 1,
 *   identity: { name: "Scanner", softwareVersions: [], activeServices: [] },
 *   metrics: { cpuPercent: { unit: "%", operating: { max: 40 } } },
 *   endpoints: [],
 * });
 * if (profile.ok) {
 *   const first = createMonitor(profile.value, { stage: "operating", holdSeconds: 60 });
 *   if (first.ok) {
 *     first.value.update({ device: "us-17", metric: "cpuPercent", value: 50, unit: "%", at: 0 });
 *     const next = restoreMonitor(profile.value, { stage: "operating", holdSeconds: 60 }, first.value.snapshot());
 *     if (next.ok) next.value.update({ device: "us-17", metric: "cpuPercent", value: 55, unit: "%", at: 60_000 }); // fired
 *   }
 * }
 * ```
 * @since 0.2.0
 */
export function restoreMonitor(
  profile: RuntimeProfile,
  options: MonitorOptions,
  snapshot: Uint8Array,
): Result<Monitor> {
  const checked = checkedInputs(profile, options);
  if (!checked.ok) return checked;
  let bytes: Uint8Array;
  try {
    if (!(snapshot instanceof Uint8Array)) return fail([issue("invalid-snapshot", "A snapshot is a Uint8Array.")]);
    bytes = snapshot.slice();
  } catch {
    return fail([issue("invalid-snapshot", "The snapshot could not be read.")]);
  }
  const contents = decodeSnapshot(bytes);
  if (!contents.ok) return contents;
  const metrics = Object.keys(checked.value.profile.metrics);
  const mismatch = snapshotMismatch(contents.value, checked.value.options.stage, metrics);
  if (mismatch.length > 0) return fail(mismatch);
  const table = DeviceTable.of(metrics.length, contents.value.parts);
  return ok(monitor(checked.value.profile, checked.value.options, table));
}

/** The monitor of a checked profile with checked options, from a table of state if one is given. */
function monitor(
  profile: RuntimeProfile,
  options: z.infer<typeof monitorOptionsSchema>,
  restored?: DeviceTable,
): Monitor {
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
  // The state of every device metric (device-table.ts says how it is laid out).
  const table = restored ?? new DeviceTable(metricCount);
  const staleMs = (options.staleAfterSeconds ?? profile.staleAfterSeconds ?? Number.POSITIVE_INFINITY) * 1000;
  const none: readonly MonitorEvent[] = Object.freeze([]);
  const rejectOlder = options.older === "reject";

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
    const e = advance(table.slotOf(device), m, device, value, unit, at);
    return e === undefined ? none : [e];
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
    if (at < table.lastOf(slot, i)) return older(slot, i, m.id, device, value, at);
    table.touch(slot, i, at);
    return judge(slot, i, m, device, value, unit, at);
  };

  /** A sample of cell `i` older than the cell's last one: nothing, or its rejection (`older: "reject"`). */
  const older = (slot: number, i: number, metric: string, device: string, value: number, at: number) => {
    if (!rejectOlder) return undefined;
    const last = table.lastOf(slot, i);
    return event(
      "rejected",
      device,
      metric,
      at,
      "missing",
      "warning",
      `A sample of ${metric} of ${device} taken at ${timeText(at)} is older than the last one (${timeText(last)}); it is not judged.`,
      typeof value === "number" ? value : undefined,
    );
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
    const current = table.level[i] as number;
    if (value < m.failMin || value > m.failMax) {
      if (current === FAILSAFE) return undefined;
      table.breach(slot, i, FAILSAFE, at);
      // The sample's unit is the metric's here (checked above), as in the words joined once.
      const explanation = `${m.failSafeBefore}${formatNumber(value)}${m.failSafeAfter}`;
      return event("fired", device, m.id, at, "outside-failsafe", "contraindicated", explanation, value);
    }
    if (value < m.stageMin || value > m.stageMax) {
      if (current === NORMAL) table.breach(slot, i, PENDING, at);
      const breachSince = table.since[i] as number;
      if (table.level[i] === PENDING && at - breachSince >= m.holdMs) {
        table.warn(i);
        const explanation = `${stageSentence(m.id, value, unit, stageName, m.stageText, false)} The breach has lasted ${formatNumber((at - breachSince) / 1000)} s.`;
        return event("fired", device, m.id, at, "outside-operating", "warning", explanation, value);
      }
      return undefined;
    }
    // Within the stage range (or no stage range declared).
    if (current === PENDING) {
      table.calm(slot, i);
      return undefined;
    }
    if (current >= WARNING) {
      const inside = Math.min(value - m.stageMin, m.stageMax - value);
      if (inside >= m.recovery) {
        table.calm(slot, i);
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
    if (!(Number.isInteger(handle) && handle >= 0 && handle < table.ids.length))
      return rejectReading("", Number.NaN, "missing", `${handle} is not a device handle of this monitor.`);
    const device = table.ids[handle] as string;
    const problem = readingProblem(device, at, values);
    return problem ?? reading(handle, device, at, readValues, readCount);
  };

  const byId = (device: unknown, at: number, values: ArrayLike<number>): readonly MonitorEvent[] => {
    if (typeof device !== "string") return rejectReading("", Number.NaN, "missing", needsReading);
    const problem = readingProblem(device, at, values);
    if (problem !== undefined) return problem;
    const slot = table.find(device);
    if (slot >= 0) return reading(slot, device, at, readValues, readCount);
    // A device new to the monitor gets its slot from a reading that samples it (a value not NaN).
    for (let i = 0; i < readCount; i++)
      if (!Number.isNaN(readValues[i])) return reading(table.slotOf(device), device, at, readValues, readCount);
    return none;
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
   * Value `value` of metric `i` in a reading of device `slot` at `at`, outside its quiet range or
   * of a metric that is not NORMAL: the event it causes, if any. A value older than the metric's
   * last sample changes nothing; a full reading is in time order by the test that chose it. Its
   * time is written by the reading, after its loop.
   */
  const judgeRead = (slot: number, i: number, device: string, value: number, at: number, full: boolean) => {
    const k = slot * metricCount + i;
    const m = byIndex[i] as CompiledMetric;
    if (!full && at < table.lastOf(slot, k)) return older(slot, k, m.id, device, value, at);
    return judge(slot, k, m, device, value, m.unit, at);
  };

  /**
   * A reading of the first `count` metrics of device `slot` (made by the caller for a new device)
   * at `at`. Each value is judged as `update` would judge its sample; a value inside its quiet
   * range (inside both the stage and fail-safe ranges) of a NORMAL metric changes nothing but
   * its time. A reading of every metric of a known device, no earlier than any sample it has
   * had, is the fleet's usual one: its times are written once for the device (unless a value
   * is NaN), and with every metric NORMAL a quiet value needs no look at its level.
   */
  const reading = (slot: number, device: string, at: number, values: ArrayLike<number>, count: number) => {
    const base = slot * metricCount;
    const full = count === metricCount && at >= (table.latestAt[slot] as number);
    const calm = full && table.active[slot] === 0;
    // A reading of some metrics may hold values older than their last samples, which only a
    // look at each tells apart: with `older: "reject"`, no value skips that look.
    const quietSkips = full || !rejectOlder;
    // Held in locals for the loop: a reading of a device that has its slot never grows the table.
    const levels = table.level;
    const min = quietMin;
    const max = quietMax;
    // Most readings cause no event, and most of the rest one: the first is held on its own, an
    // array made only for a second (docs/benchmarks.md has the measurement).
    let first: MonitorEvent | undefined;
    let out: MonitorEvent[] | undefined;
    let skipped = false;
    for (let i = 0; i < count; i++) {
      const value = values[i] as number;
      // NaN fails both comparisons, as do infinities (the bounds are finite); a value that is
      // not a number at all (from a caller without types) is not compared, never coerced.
      if (
        typeof value === "number" &&
        value >= (min[i] as number) &&
        value <= (max[i] as number) &&
        (calm || levels[base + i] === NORMAL) &&
        quietSkips
      )
        continue;
      if (Number.isNaN(value)) {
        skipped = true;
        continue;
      }
      const e = judgeRead(slot, i, device, value, at, full);
      if (e === undefined) continue;
      if (first === undefined) first = e;
      else if (out === undefined) out = [first, e];
      else out.push(e);
    }
    if (full && !skipped) table.touchAll(slot, at);
    else table.touchSampled(slot, at, values, count);
    return out ?? (first === undefined ? none : [first]);
  };

  const tick = (at: number): MonitorEvent[] => {
    const out: MonitorEvent[] = [];
    for (let slot = 0; slot < table.ids.length; slot++) {
      const device = table.ids[slot] as string;
      for (let i = 0; i < metricCount; i++) {
        if (table.markStale(slot, slot * metricCount + i, at, staleMs)) {
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
    return table.slotOf(device);
  };
  return {
    update,
    updateDevice,
    deviceHandle,
    metrics: () => metricIds,
    tick,
    run,
    transform,
    devices: () => table.ids.length,
    snapshot: () => encodeSnapshot(stageName, metricIds, table.parts()),
  };
}
