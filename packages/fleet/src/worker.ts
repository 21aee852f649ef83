import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { fail, issue, ok, type Result } from "@miotsec/core";
import { createMonitor, type Monitor, type MonitorEvent, restoreMonitor } from "@miotsec/runtime-facts";
import mqtt, { type MqttClient } from "mqtt";
import * as z from "zod/mini";
import { decodeCheckpoint, encodeCheckpoint } from "./checkpoint.js";
import { type FleetEvent, idOf } from "./event-id.js";
import { type Log, quiet, reason, sleep } from "./log.js";
import { checkedOptions, mqttUrlSchema, prefixSchema, redisTargetSchema, shardsSchema } from "./options.js";
import type { FleetProfiles } from "./profiles.js";
import { type Connection, connect, type RedisTarget, type Reply, script } from "./redis.js";
import { consumerGroup, keysOf, type ShardKeys } from "./shard.js";
import { compareIds } from "./stream-id.js";

/**
 * Options of {@link startWorker}.
 *
 * @since 0.2.0
 */
export interface WorkerOptions {
  /** Redis: `{ url }`, or `{ cluster: [urls] }` of some nodes of a Redis Cluster. */
  readonly redis: RedisTarget;
  /** How many shards the fleet has; the same in every process of the fleet. */
  readonly shards: number;
  /** This worker's number, from 0: it works the shards whose number modulo `workers` is `worker`. Default 0. */
  readonly worker?: number;
  /** How many workers share the shards. Default 1 (this one works them all). */
  readonly workers?: number;
  /** The fleet's profiles and devices ({@link fleetProfiles}, {@link readFleetProfiles}). */
  readonly profiles: FleetProfiles;
  /** The stage whose ranges apply. Default `operating`. */
  readonly stage?: "integration" | "operating";
  /** The monitor's hold time (s), for every metric. Default 0. */
  readonly holdSeconds?: number;
  /** The monitor's recovery margin, for every metric. Default 0. */
  readonly recovery?: number;
  /** After how many seconds without a sample a device metric is stale. Default: each profile's. */
  readonly staleAfterSeconds?: number;
  /** How often (s of the shard's sample clock) stale device metrics are looked for. Default 10. */
  readonly tickSeconds?: number;
  /** The prefix of the fleet's Redis keys. Default `miotsec`. */
  readonly prefix?: string;
  /** The most samples read at once. Default 500. */
  readonly batch?: number;
  /** How long a shard stays this worker's without a renewal (s). Default 10. */
  readonly leaseSeconds?: number;
  /** How often each shard's state is written down (s). Default 5. */
  readonly checkpointSeconds?: number;
  /** About how many events each shard's events stream keeps. Default 1,000,000. */
  readonly eventsKept?: number;
  /** An MQTT broker to publish every event to as well, on `miotsec/<device>/events`. */
  readonly mqtt?: string;
  /** The worker's name among the consumers of the streams. Default: host name and process id. */
  readonly consumer?: string;
  /** Where to report. Default: nowhere. */
  readonly log?: Log;
}

const workerOptionsSchema = z.strictObject({
  redis: redisTargetSchema,
  shards: shardsSchema,
  worker: z.optional(z.int().check(z.gte(0))),
  workers: z.optional(z.int().check(z.gte(1), z.lte(16_384))),
  stage: z.optional(z.enum(["integration", "operating"])),
  holdSeconds: z.optional(z.number().check(z.gte(0))),
  recovery: z.optional(z.number().check(z.gte(0))),
  staleAfterSeconds: z.optional(z.number().check(z.gt(0))),
  tickSeconds: z.optional(z.number().check(z.gt(0))),
  prefix: z.optional(prefixSchema),
  batch: z.optional(z.int().check(z.gte(1), z.lte(5000))),
  leaseSeconds: z.optional(z.number().check(z.gte(0.1), z.lte(3600))),
  checkpointSeconds: z.optional(z.number().check(z.gte(0.01), z.lte(3600))),
  eventsKept: z.optional(z.int().check(z.gte(1))),
  mqtt: z.optional(mqttUrlSchema),
  consumer: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
});

/**
 * What a worker has done since it started.
 *
 * @since 0.2.0
 */
export interface WorkerStats {
  /** The shards it works now. */
  readonly shards: readonly number[];
  /** Samples judged (again after a takeover included). */
  readonly samples: number;
  /** Events written. */
  readonly events: number;
  /** Samples judged again from a checkpoint after a takeover or a restart. */
  readonly replayed: number;
  /** Samples rejected, by reason: `unknown-device`, `older`, `unknown-metric`, `unit-mismatch`, `malformed`. */
  readonly rejected: Readonly<Record<string, number>>;
}

/**
 * A running worker.
 *
 * @since 0.2.0
 */
export interface Worker {
  /** What it has done so far. */
  stats(): WorkerStats;
  /** Finishes the batch in hand, writes each shard's checkpoint, gives the shards up and disconnects. */
  stop(): Promise<void>;
}

// Every script checks first that this worker still holds the shard's lease: a worker that
// lost it (it stalled past the lease, and another took the shard) writes nothing.

/** KEYS[1] lease; ARGV[1] owner, ARGV[2] ms. Takes or renews the lease: 1, or 0 if another holds it. */
const takeLease = script(`
local owner = redis.call('GET', KEYS[1])
if owner == false or owner == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0
`);

/** KEYS[1] lease; ARGV[1] owner. Gives the lease up if held. */
const dropLease = script(`
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1
`);

/**
 * KEYS: lease, samples, events, committed. ARGV: owner, group, position, events kept, the
 * number of events n, then n pairs of id and JSON, then the ids of the samples to acknowledge.
 */
const commitBatch = script(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return redis.error_reply('LEASE lost') end
local n = tonumber(ARGV[5])
local i = 6
for e = 1, n do
  redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[4], '*', 'id', ARGV[i], 'event', ARGV[i + 1])
  i = i + 2
end
if i <= #ARGV then redis.call('XACK', KEYS[2], ARGV[2], unpack(ARGV, i)) end
redis.call('SET', KEYS[4], ARGV[3])
return n
`);

/** KEYS: lease, state, samples. ARGV: owner, checkpoint bytes, position. Writes the checkpoint and trims what it holds. */
const writeCheckpoint = script(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return redis.error_reply('LEASE lost') end
redis.call('SET', KEYS[2], ARGV[2])
redis.call('XTRIM', KEYS[3], 'MINID', ARGV[3])
return 1
`);

type Entry = readonly [id: string, fields: readonly string[] | null];

/**
 * Runs the monitor over shards of the fleet's Redis streams. The worker works the shards whose
 * number modulo `workers` is `worker`; for each it takes a lease (a key with an expiry it
 * renews), so that one worker at a time works a shard, and a worker started in the place of
 * one that died takes its shards over once their leases run out. Taking a shard, it reads the
 * shard's checkpoint (the monitors' state and the stream position it holds), judges again the
 * samples after that position (writing only the events not written before), takes over the
 * samples the last owner left unacknowledged (`XAUTOCLAIM`), then reads new ones as a consumer
 * of the shard's group. Each batch's events are written to the shard's events stream, its
 * samples acknowledged and its position recorded in one script, so a batch is written whole or
 * not at all; every few seconds the state is written down and the samples it holds trimmed.
 *
 * Each event carries a deterministic id ({@link eventId}) and the profile's name. A device no
 * profile names, a sample older than the last of its device metric, and a sample the monitor
 * cannot judge are `rejected` events, counted by reason. Stale device metrics are looked for on
 * the shard's sample clock (the latest sample time seen), so that judging the same samples
 * again gives the same events.
 *
 * @example
 * ```ts
 * import { readFleetProfiles, startWorker } from "@miotsec/fleet";
 * const profiles = await readFleetProfiles("examples/fleet");
 * if (profiles.ok) {
 *   const worker = await startWorker({ redis: { url: "redis://127.0.0.1:6379" }, shards: 8, profiles: profiles.value });
 *   if (worker.ok) await worker.value.stop();
 * }
 * ```
 * @since 0.2.0
 */
export async function startWorker(options: WorkerOptions): Promise<Result<Worker>> {
  const read = checkedOptions(workerOptionsSchema, options, ["log", "profiles"]);
  if (!read.ok) return read;
  const o = read.value.checked;
  const fleet = read.value.apart.profiles as FleetProfiles;
  if (
    typeof fleet !== "object" ||
    fleet === null ||
    !(fleet.profiles instanceof Map) ||
    !(fleet.devices instanceof Map)
  )
    return fail([
      issue("invalid-type", "The profiles are those fleetProfiles or readFleetProfiles give.", ["profiles"]),
    ]);
  const log = (read.value.apart.log as Log | undefined) ?? quiet;
  const workers = o.workers ?? 1;
  const worker = o.worker ?? 0;
  if (worker >= workers)
    return fail([issue("invalid-value", `The worker's number is from 0 to ${workers - 1}.`, ["worker"])]);
  const monitorOptions = {
    stage: o.stage ?? "operating",
    holdSeconds: o.holdSeconds ?? 0,
    recovery: o.recovery ?? 0,
    older: "reject" as const,
    ...(o.staleAfterSeconds === undefined ? {} : { staleAfterSeconds: o.staleAfterSeconds }),
  };
  for (const [name, profile] of fleet.profiles) {
    const made = createMonitor(profile, monitorOptions);
    if (!made.ok) return fail(made.issues.map((i) => ({ ...i, path: ["profiles", name, ...i.path] })));
  }
  const prefix = o.prefix ?? "miotsec";
  const batch = o.batch ?? 500;
  const leaseMs = Math.round((o.leaseSeconds ?? 10) * 1000);
  const checkpointMs = (o.checkpointSeconds ?? 5) * 1000;
  const tickMs = (o.tickSeconds ?? 10) * 1000;
  const eventsKept = String(o.eventsKept ?? 1_000_000);
  const consumer = o.consumer ?? `${hostname()}-${process.pid}`;
  const owner = `${consumer}/${randomUUID()}`;

  let base: Connection;
  try {
    base = await connect(o.redis as RedisTarget);
  } catch (error) {
    return fail([issue("unreachable", `Redis cannot be reached: ${reason(error)}.`, ["redis"])]);
  }
  let events: MqttClient | undefined;
  if (o.mqtt !== undefined) {
    events = mqtt.connect(o.mqtt, { protocolVersion: 5, clientId: `miotsec-events-${owner}`, reconnectPeriod: 500 });
    events.on("error", (error) => log({ level: "warn", message: `MQTT: ${reason(error)}.` }));
  }

  const stopping = new AbortController();
  const owned = new Set<number>();
  const counts = { samples: 0, events: 0, replayed: 0 };
  const rejected: Record<string, number> = Object.create(null);
  const reject = (why: string) => {
    rejected[why] = (rejected[why] ?? 0) + 1;
  };

  /** The work on one shard while this worker holds its lease. */
  async function work(shard: number, keys: ShardKeys, redis: Connection, lost: AbortSignal): Promise<void> {
    try {
      await redis.send(keys.samples, ["XGROUP", "CREATE", keys.samples, consumerGroup, "0", "MKSTREAM"]);
    } catch (error) {
      if (!reason(error).startsWith("BUSYGROUP")) throw error;
    }
    const saved = (await redis.send(keys.state, ["GET", keys.state], true)) as Buffer | null;
    const committedReply = (await redis.send(keys.committed, ["GET", keys.committed])) as string | null;
    let committed = committedReply ?? "0-0";
    // A shard someone worked before: what is read from its checkpoint on is judged again.
    const resuming = saved !== null || committedReply !== null;
    const checkpoint = saved === null ? undefined : decodeCheckpoint(new Uint8Array(saved));
    if (checkpoint !== undefined && !checkpoint.ok)
      log({
        level: "error",
        message: `The checkpoint of shard ${shard} cannot be read; starting from the first sample kept. ${checkpoint.issues[0]?.message}`,
        shard,
      });
    const start = checkpoint?.ok ? checkpoint.value : undefined;
    const monitors = new Map<string, Monitor>();
    for (const [name, profile] of fleet.profiles) {
      const bytes = start?.monitors.get(name);
      const made =
        bytes === undefined ? createMonitor(profile, monitorOptions) : restoreMonitor(profile, monitorOptions, bytes);
      if (made.ok) monitors.set(name, made.value);
      else {
        log({
          level: "warn",
          message: `Shard ${shard}: the state of ${name} does not fit its profile now; it starts anew. ${made.issues[0]?.message}`,
          shard,
        });
        const fresh = createMonitor(profile, monitorOptions);
        if (fresh.ok) monitors.set(name, fresh.value);
      }
    }
    let position = start?.position ?? "0-0";
    let clock = start?.clock ?? Number.NEGATIVE_INFINITY;
    let tick = start?.tick ?? Number.NEGATIVE_INFINITY;
    let checkpointed = position;
    let lastCheckpoint = Date.now();

    const judge = (entries: readonly Entry[], acks: string[], replaying: boolean): FleetEvent[] => {
      const out: FleetEvent[] = [];
      const emit = (entryId: string, profile: string, list: readonly MonitorEvent[], why?: string) => {
        if (compareIds(entryId, committed) <= 0) return;
        for (const e of list) {
          if (e.kind === "rejected") reject(why ?? rejectionReason(e));
          out.push({ ...e, id: idOf(e.device, e.metric, e.at, e.kind), profile });
        }
      };
      for (const [entryId, fields] of entries) {
        acks.push(entryId);
        if (compareIds(entryId, position) <= 0) continue;
        position = entryId;
        counts.samples++;
        if (replaying) counts.replayed++;
        const sample = sampleOf(fields);
        if (sample === undefined) {
          if (compareIds(entryId, committed) > 0) reject("malformed");
          continue;
        }
        const profile = fleet.devices.get(sample.device) ?? fleet.otherDevices;
        const monitor = profile === undefined ? undefined : monitors.get(profile);
        if (profile === undefined || monitor === undefined) {
          emit(entryId, "", [unknownDevice(sample)], "unknown-device");
          continue;
        }
        emit(entryId, profile, monitor.update(sample));
        if (sample.at > clock && Math.abs(sample.at) <= 8.64e15) clock = sample.at;
        const due = Math.floor(clock / tickMs) * tickMs;
        if (due > tick) {
          tick = due;
          for (const [name, m] of monitors) emit(entryId, name, m.tick(due));
        }
      }
      return out;
    };

    const commit = async (out: readonly FleetEvent[], acks: readonly string[]) => {
      if (out.length === 0 && acks.length === 0 && compareIds(position, committed) <= 0) return;
      const args: string[] = [owner, consumerGroup, position, eventsKept, String(out.length)];
      for (const e of out) args.push(e.id, JSON.stringify(e));
      args.push(...acks);
      await redis.script(commitBatch, [keys.lease, keys.samples, keys.events, keys.committed], args);
      if (compareIds(position, committed) > 0) committed = position;
      counts.events += out.length;
      if (events !== undefined)
        for (const e of out) events.publish(`miotsec/${e.device}/events`, JSON.stringify(e), { qos: 1 });
    };

    const saveCheckpoint = async () => {
      if (position === checkpointed) return;
      const bytes = encodeCheckpoint({
        position,
        clock,
        tick,
        monitors: new Map([...monitors].map(([name, m]) => [name, m.snapshot()])),
      });
      await redis.script(writeCheckpoint, [keys.lease, keys.state, keys.samples], [owner, bytes, position]);
      checkpointed = position;
      lastCheckpoint = Date.now();
    };

    // 1. What the checkpoint does not hold yet: every sample after its position, judged again;
    //    only events after the last committed sample are written.
    let replayed = 0;
    for (;;) {
      const entries = (await redis.send(keys.samples, [
        "XRANGE",
        keys.samples,
        `(${position}`,
        "+",
        "COUNT",
        String(batch),
      ])) as Entry[];
      if (entries.length === 0) break;
      replayed += entries.length;
      await commit(judge(entries, [], resuming), []);
      if (lost.aborted) return;
    }
    if (resuming && replayed > 0)
      log({
        level: "info",
        message: `Shard ${shard}: judged ${replayed} samples again from its checkpoint.`,
        shard,
        replayed,
      });
    // 2. Samples the last owner was given and did not acknowledge: held already, or judged now.
    for (let cursor = "0-0"; ; ) {
      const reply = (await redis.send(keys.samples, [
        "XAUTOCLAIM",
        keys.samples,
        consumerGroup,
        consumer,
        "0",
        cursor,
        "COUNT",
        String(batch),
      ])) as [string, Entry[], string[]?];
      const acks: string[] = [];
      await commit(judge(reply[1] ?? [], acks, false), acks);
      cursor = reply[0];
      if (cursor === "0-0" || lost.aborted) break;
    }
    // 3. New samples, as the group's consumer.
    while (!lost.aborted && !stopping.signal.aborted) {
      const reply = (await redis.send(keys.samples, [
        "XREADGROUP",
        "GROUP",
        consumerGroup,
        consumer,
        "COUNT",
        String(batch),
        "BLOCK",
        "500",
        "STREAMS",
        keys.samples,
        ">",
      ])) as [string, Entry[]][] | null;
      const entries = reply?.[0]?.[1] ?? [];
      if (entries.length > 0) {
        const acks: string[] = [];
        await commit(judge(entries, acks, false), acks);
      }
      if (Date.now() - lastCheckpoint >= checkpointMs) await saveCheckpoint();
    }
    if (!lost.aborted) await saveCheckpoint();
  }

  /** Takes shard `shard` whenever its lease is free, and works it while the lease holds. */
  async function runShard(shard: number): Promise<void> {
    const keys = keysOf(prefix, shard);
    let redis: Connection | undefined;
    while (!stopping.signal.aborted) {
      try {
        redis ??= await base.duplicate();
        const taken = (await redis.script(takeLease, [keys.lease], [owner, String(leaseMs)])) === 1;
        if (!taken) {
          await sleep(leaseMs / 4, stopping.signal);
          continue;
        }
        owned.add(shard);
        log({ level: "info", message: `Took shard ${shard}.`, shard });
        const lost = new AbortController();
        const renew = setInterval(() => {
          (base.script(takeLease, [keys.lease], [owner, String(leaseMs)]) as Promise<Reply>).then(
            (held) => {
              if (held !== 1) lost.abort();
            },
            () => {},
          );
        }, leaseMs / 3);
        try {
          await work(shard, keys, redis, lost.signal);
        } finally {
          clearInterval(renew);
          owned.delete(shard);
        }
        if (lost.signal.aborted)
          log({ level: "warn", message: `Lost shard ${shard}: another worker holds it.`, shard });
      } catch (error) {
        owned.delete(shard);
        if (stopping.signal.aborted) break;
        log({ level: "warn", message: `Shard ${shard}: ${reason(error)}; taking it up again.`, shard });
        await sleep(250, stopping.signal);
      }
    }
    if (redis !== undefined) {
      await redis.script(dropLease, [keys.lease], [owner]).catch(() => {});
      await redis.close().catch(() => {});
    }
  }

  const mine: number[] = [];
  for (let s = worker; s < o.shards; s += workers) mine.push(s);
  log({ level: "info", message: `Worker ${worker} of ${workers}: shards ${mine.join(", ")}.`, shards: mine });
  const running = Promise.all(mine.map(runShard));

  return ok({
    stats: () => ({ shards: [...owned].sort((a, b) => a - b), ...counts, rejected: { ...rejected } }),
    async stop() {
      stopping.abort();
      await running;
      await events?.endAsync();
      await base.close();
    },
  });
}

/** A sample from a stream entry's fields (`d`, `m`, `v`, `u`, `t`), or undefined. */
function sampleOf(fields: readonly string[] | null) {
  if (!Array.isArray(fields)) return undefined;
  const f: Record<string, string> = Object.create(null);
  for (let i = 0; i + 1 < fields.length; i += 2) f[fields[i] as string] = fields[i + 1] as string;
  const { d, m, v, u, t } = f;
  if (d === undefined || m === undefined || v === undefined || u === undefined || t === undefined) return undefined;
  const value = Number(v);
  const at = Number(t);
  if (v.trim() === "" || t.trim() === "" || !Number.isFinite(at)) return undefined;
  return { device: d, metric: m, value, unit: u, at };
}

/** The reason a rejected event of the monitor is counted under. */
function rejectionReason(e: MonitorEvent): string {
  // The monitor's sentence for a sample older than the last (`older: "reject"`).
  if (e.explanation.includes("is older than the last one")) return "older";
  if (e.verdict === "missing") return "malformed";
  return e.verdict;
}

/** The event of a sample from a device no profile names. */
function unknownDevice(sample: { device: string; metric: string; value: number; at: number }): MonitorEvent {
  const explanation = `${sample.device} is not a device of this fleet: no profile names it.`;
  return {
    kind: "rejected",
    device: sample.device,
    metric: sample.metric,
    verdict: "missing",
    tier: "warning",
    value: sample.value,
    at: sample.at,
    actions: [
      { kind: "alert", reason: explanation },
      { kind: "schedule-re-evaluation", reason: explanation },
    ],
    explanation,
  };
}
