/**
 * The monitor's state as bytes, and back: what a process writes down so that another can go on
 * where it stopped (a checkpoint). Version 1, little-endian:
 *
 * - 8 bytes `miotsecM`, a uint32 version (1) and a uint32 header length `h`;
 * - `h` bytes of JSON in UTF-8: `{ "stage", "metrics": [ids], "devices": [ids] }`;
 * - zero bytes to the next multiple of 8;
 * - per cell (device slot times metric count, by slot): its level (a byte: 0 normal, 1 pending,
 *   2 warning, 3 fail-safe), then its stale mark (a byte: 0 or 1), then zero bytes to the next
 *   multiple of 8;
 * - per cell, as float64: when its breach began, then when it was last sampled on its own;
 * - per device, as float64: when all its metrics were last sampled at once, then when any was.
 *
 * A time never set is negative infinity. Decoding checks every part: bytes that are not a
 * snapshot are issues, never a monitor in a state it could not have reached.
 */
import { fail, type Issue, issue, ok, type Result } from "@miotsec/core";
import type { TableParts } from "./device-table.js";

const magic = [0x6d, 0x69, 0x6f, 0x74, 0x73, 0x65, 0x63, 0x4d];
const version = 1;

/** What a snapshot holds besides the table: the stage its levels are of and its metric ids. */
export interface SnapshotContents {
  readonly stage: string;
  readonly metrics: readonly string[];
  readonly parts: TableParts;
}

const pad8 = (n: number) => (n + 7) & ~7;

/** The bytes of a monitor's state. */
export function encodeSnapshot(stage: string, metrics: readonly string[], parts: TableParts): Uint8Array {
  const header = new TextEncoder().encode(JSON.stringify({ stage, metrics, devices: parts.ids }));
  const cells = parts.level.length;
  const devices = parts.ids.length;
  const start = pad8(16 + header.length);
  const timesAt = pad8(start + 2 * cells);
  const bytes = new Uint8Array(timesAt + 16 * cells + 16 * devices);
  const view = new DataView(bytes.buffer);
  bytes.set(magic, 0);
  view.setUint32(8, version, true);
  view.setUint32(12, header.length, true);
  bytes.set(header, 16);
  bytes.set(parts.level, start);
  bytes.set(parts.stale, start + cells);
  let at = timesAt;
  for (const times of [parts.since, parts.lastAt, parts.allAt, parts.latestAt])
    for (let i = 0; i < times.length; i++, at += 8) view.setFloat64(at, times[i] as number, true);
  return bytes;
}

const bad = (message: string): Result<never> => fail([issue("invalid-snapshot", message)]);

/** The contents of snapshot bytes, checked; issues (`invalid-snapshot`) for anything else. */
export function decodeSnapshot(bytes: Uint8Array): Result<SnapshotContents> {
  if (bytes.length < 16 || magic.some((b, i) => bytes[i] !== b))
    return bad("The snapshot does not begin as a monitor snapshot does (miotsecM).");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(8, true) !== version)
    return bad(`The snapshot is of version ${view.getUint32(8, true)}; this monitor reads version ${version}.`);
  const headerLength = view.getUint32(12, true);
  if (headerLength > bytes.length - 16) return bad("The snapshot ends inside its header.");
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(16, 16 + headerLength)));
  } catch {
    return bad("The snapshot's header is not JSON in UTF-8.");
  }
  const contents = headerContents(header);
  if (typeof contents === "string") return bad(contents);
  const { stage, metrics, devices } = contents;
  const cells = devices.length * metrics.length;
  const start = pad8(16 + headerLength);
  const timesAt = pad8(start + 2 * cells);
  if (bytes.length !== timesAt + 16 * cells + 16 * devices.length)
    return bad(`The snapshot's length does not fit ${devices.length} devices of ${metrics.length} metrics.`);
  const level = bytes.slice(start, start + cells);
  const stale = bytes.slice(start + cells, start + 2 * cells);
  if (level.some((l) => l > 3)) return bad("A level in the snapshot is not one of 0 to 3.");
  if (stale.some((s) => s > 1)) return bad("A stale mark in the snapshot is neither 0 nor 1.");
  let at = timesAt;
  const times = (count: number): Float64Array | undefined => {
    const out = new Float64Array(count);
    for (let i = 0; i < count; i++, at += 8) {
      const t = view.getFloat64(at, true);
      if (Number.isNaN(t) || t === Number.POSITIVE_INFINITY) return undefined;
      out[i] = t;
    }
    return out;
  };
  const since = times(cells);
  const lastAt = times(cells);
  const allAt = times(devices.length);
  const latestAt = times(devices.length);
  if (since === undefined || lastAt === undefined || allAt === undefined || latestAt === undefined)
    return bad("A time in the snapshot is not a number.");
  return ok({ stage, metrics, parts: { ids: devices, level, stale, since, lastAt, allAt, latestAt } });
}

/** The header's stage, metric ids and unique device ids, or why they are not. */
function headerContents(header: unknown): { stage: string; metrics: string[]; devices: string[] } | string {
  if (typeof header !== "object" || header === null || Array.isArray(header))
    return "The snapshot's header is not an object.";
  const { stage, metrics, devices } = header as Record<string, unknown>;
  if (typeof stage !== "string") return "The snapshot's header names no stage.";
  const strings = (value: unknown) => Array.isArray(value) && value.every((v) => typeof v === "string");
  if (!strings(metrics)) return "The snapshot's metrics are not a list of ids.";
  if (!strings(devices)) return "The snapshot's devices are not a list of ids.";
  if (new Set(devices as string[]).size !== (devices as string[]).length) return "The snapshot names a device twice.";
  return { stage, metrics: metrics as string[], devices: devices as string[] };
}

/** Issues of a snapshot for a monitor of `stage` and `metrics`: the same stage, the same metrics in order. */
export function snapshotMismatch(contents: SnapshotContents, stage: string, metrics: readonly string[]): Issue[] {
  const issues: Issue[] = [];
  if (contents.stage !== stage)
    issues.push(
      issue("snapshot-mismatch", `The snapshot is of the ${contents.stage} stage; this monitor watches ${stage}.`),
    );
  if (contents.metrics.length !== metrics.length || contents.metrics.some((m, i) => m !== metrics[i]))
    issues.push(
      issue(
        "snapshot-mismatch",
        `The snapshot holds the metrics ${contents.metrics.join(", ") || "(none)"}; the profile declares ${metrics.join(", ") || "(none)"}.`,
      ),
    );
  return issues;
}
