/**
 * The monitor's state of every device metric, in typed arrays shared by all devices: device
 * slot `s` holds metric `i` at `s * metricCount + i` (a "cell"). Contiguous, so a fleet tick
 * walks memory in order; the arrays double when full, so memory stays a few bytes per device
 * metric. This module owns the arrays and their growth; `monitor.ts` owns what a sample means.
 *
 * A cell's last sample time is the later of `lastAt` and its device's `allAt`, the time of the
 * device's last reading that sampled every metric: such a reading, the usual one of a fleet,
 * writes one time per device instead of one per metric. `latestAt` is the latest time any
 * metric of the device was sampled, `staleCount` how many of its metrics are marked stale (so a
 * full reading clears the marks only when there are some), and `active` how many are not
 * NORMAL (so a device with none needs no look at its levels while its values stay quiet).
 */

/** Inside its ranges (or back inside by the recovery margin). */
export const NORMAL = 0;
/** Outside the stage range for less than the hold time. */
export const PENDING = 1;
/** Outside the stage range for the hold time or longer: a warning has fired. */
export const WARNING = 2;
/** Outside the fail-safe range: a contraindication has fired. */
export const FAILSAFE = 3;

/** The state of every device of a table, trimmed to its devices: cells by slot, then per device. */
export interface TableParts {
  readonly ids: readonly string[];
  readonly level: Uint8Array;
  readonly stale: Uint8Array;
  readonly since: Float64Array;
  readonly lastAt: Float64Array;
  readonly allAt: Float64Array;
  readonly latestAt: Float64Array;
}

/** The state of every device metric of one monitor. */
export class DeviceTable {
  /** How many metrics each device has. */
  readonly metricCount: number;
  /** The id of each device slot, in the order devices were first seen. */
  readonly ids: string[] = [];
  /** Per cell: NORMAL, PENDING, WARNING or FAILSAFE. Changed only through the methods below. */
  level = new Uint8Array(0);
  /** Per cell: when its current breach began. */
  since = new Float64Array(0);
  /** Per device: how many of its metrics are not NORMAL. */
  active = new Uint32Array(0);
  /** Per device: the latest time any of its metrics was sampled. */
  latestAt = new Float64Array(0);
  private readonly slots = new Map<string, number>();
  private capacity = 0;
  private stale = new Uint8Array(0);
  private lastAt = new Float64Array(0);
  private allAt = new Float64Array(0);
  private staleCount = new Uint32Array(0);

  constructor(metricCount: number) {
    this.metricCount = metricCount;
  }

  /** The slot of a known device, or -1. */
  find(id: string): number {
    return this.slots.get(id) ?? -1;
  }

  /** The slot of a device, made (all metrics NORMAL, never sampled) on its first use. */
  slotOf(id: string): number {
    let slot = this.slots.get(id);
    if (slot === undefined) {
      slot = this.ids.length;
      if (slot === this.capacity) this.grow();
      this.ids.push(id);
      this.slots.set(id, slot);
    }
    return slot;
  }

  /** When cell `k` of device `slot` was last sampled (negative infinity if never). */
  lastOf(slot: number, k: number): number {
    return Math.max(this.lastAt[k] as number, this.allAt[slot] as number);
  }

  /** Records a sample of cell `k` of device `slot` at `at`, no earlier than its last one. */
  touch(slot: number, k: number, at: number): void {
    this.lastAt[k] = at;
    if (this.stale[k] !== 0) {
      this.stale[k] = 0;
      this.staleCount[slot] = (this.staleCount[slot] as number) - 1;
    }
    if (at > (this.latestAt[slot] as number)) this.latestAt[slot] = at;
  }

  /** Records a sample of every metric of device `slot` at `at`, no earlier than any before. */
  touchAll(slot: number, at: number): void {
    this.allAt[slot] = at;
    this.latestAt[slot] = at;
    if (this.staleCount[slot] !== 0) {
      const base = slot * this.metricCount;
      this.stale.fill(0, base, base + this.metricCount);
      this.staleCount[slot] = 0;
    }
  }

  /**
   * Records a reading of the first `count` metrics of device `slot` at `at`: each metric with a
   * value (not NaN) whose last sample is no later.
   */
  touchSampled(slot: number, at: number, values: ArrayLike<number>, count: number): void {
    const base = slot * this.metricCount;
    for (let i = 0; i < count; i++)
      if (!Number.isNaN(values[i]) && at >= this.lastOf(slot, base + i)) this.touch(slot, base + i, at);
  }

  /** Moves cell `k` of device `slot` from a level below `to` to `to`, its breach beginning at `at`. */
  breach(slot: number, k: number, to: typeof PENDING | typeof FAILSAFE, at: number): void {
    if (this.level[k] === NORMAL) this.active[slot] = (this.active[slot] as number) + 1;
    this.level[k] = to;
    this.since[k] = at;
  }

  /** Moves a PENDING cell `k` to WARNING: its breach has lasted the hold time. */
  warn(k: number): void {
    this.level[k] = WARNING;
  }

  /** Moves cell `k` of device `slot`, not NORMAL, back to NORMAL. */
  calm(slot: number, k: number): void {
    this.level[k] = NORMAL;
    this.active[slot] = (this.active[slot] as number) - 1;
  }

  /**
   * Marks cell `k` of device `slot` stale if it was sampled once and not for more than
   * `staleMs` before `at`, and was not marked already: true if it was marked now.
   */
  markStale(slot: number, k: number, at: number, staleMs: number): boolean {
    if (this.stale[k] !== 0) return false;
    const last = this.lastOf(slot, k);
    if (last === Number.NEGATIVE_INFINITY || !(at - last > staleMs)) return false;
    this.stale[k] = 1;
    this.staleCount[slot] = (this.staleCount[slot] as number) + 1;
    return true;
  }

  /** The state of every device, trimmed to the devices held: what a snapshot writes. */
  parts(): TableParts {
    const devices = this.ids.length;
    const cells = devices * this.metricCount;
    return {
      ids: this.ids.slice(),
      level: this.level.slice(0, cells),
      stale: this.stale.slice(0, cells),
      since: this.since.slice(0, cells),
      lastAt: this.lastAt.slice(0, cells),
      allAt: this.allAt.slice(0, devices),
      latestAt: this.latestAt.slice(0, devices),
    };
  }

  /**
   * A table holding `parts`, already checked (unique ids, levels 0 to 3, stale marks 0 or 1,
   * arrays of the lengths of their ids): the counts kept per device are counted again here.
   */
  static of(metricCount: number, parts: TableParts): DeviceTable {
    const table = new DeviceTable(metricCount);
    for (const id of parts.ids) table.slotOf(id);
    table.level.set(parts.level);
    table.stale.set(parts.stale);
    table.since.set(parts.since);
    table.lastAt.set(parts.lastAt);
    table.allAt.set(parts.allAt);
    table.latestAt.set(parts.latestAt);
    for (let slot = 0; slot < parts.ids.length; slot++) {
      let active = 0;
      let stale = 0;
      for (let k = slot * metricCount; k < (slot + 1) * metricCount; k++) {
        if (table.level[k] !== NORMAL) active++;
        if (table.stale[k] !== 0) stale++;
      }
      table.active[slot] = active;
      table.staleCount[slot] = stale;
    }
    return table;
  }

  private grow(): void {
    this.capacity = Math.max(16, this.capacity * 2);
    const size = this.capacity * this.metricCount;
    const level = new Uint8Array(size);
    const stale = new Uint8Array(size);
    const since = new Float64Array(size);
    const lastAt = new Float64Array(size).fill(Number.NEGATIVE_INFINITY);
    const allAt = new Float64Array(this.capacity).fill(Number.NEGATIVE_INFINITY);
    const latestAt = new Float64Array(this.capacity).fill(Number.NEGATIVE_INFINITY);
    const staleCount = new Uint32Array(this.capacity);
    const active = new Uint32Array(this.capacity);
    level.set(this.level);
    stale.set(this.stale);
    since.set(this.since);
    lastAt.set(this.lastAt);
    allAt.set(this.allAt);
    latestAt.set(this.latestAt);
    staleCount.set(this.staleCount);
    active.set(this.active);
    this.level = level;
    this.stale = stale;
    this.since = since;
    this.lastAt = lastAt;
    this.allAt = allAt;
    this.latestAt = latestAt;
    this.staleCount = staleCount;
    this.active = active;
  }
}
