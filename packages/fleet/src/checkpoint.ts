/**
 * A shard's checkpoint as bytes: where in the shard's stream of samples it stands, the shard's
 * sample clock and last tick, and the snapshot of each profile's monitor. Version 1:
 *
 * - 8 bytes `miotsecF`, a uint32 version (1) and a uint32 header length `h` (little-endian);
 * - `h` bytes of JSON in UTF-8: `{ "position", "clock", "tick", "monitors": [{ "profile", "bytes" }] }`;
 * - the monitors' snapshots (`Monitor.snapshot()`), one after another, of the lengths the header gives.
 */
import { fail, issue, ok, type Result } from "@miotsec/core";

const magic = [0x6d, 0x69, 0x6f, 0x74, 0x73, 0x65, 0x63, 0x46];

/** What a shard's checkpoint holds. */
export interface Checkpoint {
  /** The id of the last entry of the shard's stream the state holds, or `0-0` for none. */
  readonly position: string;
  /** The latest sample time the shard has seen (its clock for stale checks), or negative infinity. */
  readonly clock: number;
  /** The time of the last tick, or negative infinity. */
  readonly tick: number;
  /** Each profile's monitor state. */
  readonly monitors: ReadonlyMap<string, Uint8Array>;
}

/** The bytes of a checkpoint. */
export function encodeCheckpoint(checkpoint: Checkpoint): Uint8Array {
  const monitors = [...checkpoint.monitors];
  const header = new TextEncoder().encode(
    JSON.stringify({
      position: checkpoint.position,
      clock: Number.isFinite(checkpoint.clock) ? checkpoint.clock : null,
      tick: Number.isFinite(checkpoint.tick) ? checkpoint.tick : null,
      monitors: monitors.map(([profile, bytes]) => ({ profile, bytes: bytes.length })),
    }),
  );
  const total = 16 + header.length + monitors.reduce((n, [, b]) => n + b.length, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set(magic, 0);
  view.setUint32(8, 1, true);
  view.setUint32(12, header.length, true);
  out.set(header, 16);
  let at = 16 + header.length;
  for (const [, bytes] of monitors) {
    out.set(bytes, at);
    at += bytes.length;
  }
  return out;
}

const bad = (message: string): Result<never> => fail([issue("invalid-format", message)]);
const streamId = /^\d{1,20}-\d{1,20}$/;

/** The checkpoint in `bytes`, checked; issues for anything else. */
export function decodeCheckpoint(bytes: Uint8Array): Result<Checkpoint> {
  if (bytes.length < 16 || magic.some((b, i) => bytes[i] !== b))
    return bad("The checkpoint does not begin as a fleet checkpoint does (miotsecF).");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(8, true) !== 1) return bad(`The checkpoint is of version ${view.getUint32(8, true)}, not 1.`);
  const length = view.getUint32(12, true);
  if (length > bytes.length - 16) return bad("The checkpoint ends inside its header.");
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(16, 16 + length)));
  } catch {
    return bad("The checkpoint's header is not JSON in UTF-8.");
  }
  if (typeof header !== "object" || header === null) return bad("The checkpoint's header is not an object.");
  const { position, clock, tick, monitors } = header as Record<string, unknown>;
  const time = (t: unknown) => (t === null ? Number.NEGATIVE_INFINITY : typeof t === "number" ? t : Number.NaN);
  if (typeof position !== "string" || !streamId.test(position))
    return bad("The checkpoint's position is not a stream entry id.");
  if (Number.isNaN(time(clock)) || Number.isNaN(time(tick))) return bad("The checkpoint's times are not numbers.");
  if (!Array.isArray(monitors)) return bad("The checkpoint's monitors are not a list.");
  const out = new Map<string, Uint8Array>();
  let at = 16 + length;
  for (const m of monitors) {
    const { profile, bytes: size } = (typeof m === "object" && m !== null ? m : {}) as Record<string, unknown>;
    if (typeof profile !== "string" || !Number.isInteger(size) || (size as number) < 0 || out.has(profile))
      return bad("A monitor of the checkpoint has no profile name or length, or a name seen before.");
    if (at + (size as number) > bytes.length) return bad("The checkpoint ends inside a monitor's state.");
    out.set(profile, bytes.slice(at, at + (size as number)));
    at += size as number;
  }
  if (at !== bytes.length) return bad("The checkpoint has bytes after its last monitor.");
  return ok({ position, clock: time(clock), tick: time(tick), monitors: out });
}
