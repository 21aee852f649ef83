import { fail, issue, ok, type Result } from "@miotsec/core";
import { sha256OfText } from "@miotsec/core/internal";

/** The most shards a fleet may have: one per Redis Cluster hash slot. */
export const maxShards = 16_384;

/**
 * The shard of a device among `shards`: the first four bytes of the SHA-256 of its id in UTF-8,
 * as an unsigned big-endian number, modulo `shards`. The same in every process, language and
 * release, so that all samples of a device reach the same stream, in order. A device id that is
 * not text, or a number of shards that is not a whole number from 1 to 16384, is an issue.
 *
 * @example
 * ```ts
 * import { shardOf } from "@miotsec/fleet";
 * shardOf("us-17", 8); // { ok: true, value: 7 }
 * ```
 * @since 0.2.0
 */
export function shardOf(device: string, shards: number): Result<number> {
  if (typeof device !== "string") return fail([issue("invalid-type", "A device id is text.", ["device"])]);
  if (!(typeof shards === "number" && Number.isInteger(shards) && shards >= 1 && shards <= maxShards))
    return fail([issue("invalid-value", `The number of shards is a whole number from 1 to ${maxShards}.`, ["shards"])]);
  return ok(shardIndex(device, shards));
}

/** {@link shardOf} of arguments already checked. */
export function shardIndex(device: string, shards: number): number {
  return Number.parseInt(sha256OfText(device).slice(0, 8), 16) % shards;
}

/**
 * The Redis keys of one shard. Each carries the shard's number as a hash tag (`{3}`), so that in
 * Redis Cluster all of a shard's keys live in one hash slot, and one script can write its
 * events, acknowledge its samples and move its checkpoint at once.
 *
 * @example
 * ```ts
 * import { shardKeys } from "@miotsec/fleet";
 * shardKeys("miotsec", 3); // { ok: true, value: { samples: "miotsec:{3}:samples", ... } }
 * ```
 * @since 0.2.0
 */
export function shardKeys(prefix: string, shard: number): Result<ShardKeys> {
  if (typeof prefix !== "string" || !/^[^{}\s]{1,100}$/.test(prefix))
    return fail([issue("invalid-value", "A key prefix is 1 to 100 characters without braces or spaces.", ["prefix"])]);
  if (!(typeof shard === "number" && Number.isInteger(shard) && shard >= 0 && shard < maxShards))
    return fail([issue("invalid-value", `A shard is a whole number from 0 to ${maxShards - 1}.`, ["shard"])]);
  return ok(keysOf(prefix, shard));
}

/** {@link shardKeys} of arguments already checked. */
export function keysOf(prefix: string, shard: number): ShardKeys {
  const base = `${prefix}:{${shard}}`;
  return {
    samples: `${base}:samples`,
    events: `${base}:events`,
    state: `${base}:state`,
    committed: `${base}:committed`,
    lease: `${base}:lease`,
  };
}

/**
 * The keys of one shard (see {@link shardKeys}).
 *
 * @since 0.2.0
 */
export interface ShardKeys {
  /** The stream of samples (fields `d`, `m`, `v`, `u`, `t`). */
  readonly samples: string;
  /** The stream of events (fields `id`, the event's id, and `event`, its JSON). */
  readonly events: string;
  /** The checkpoint: the monitors' state and the stream position it holds. */
  readonly state: string;
  /** The id of the last sample whose events are written. */
  readonly committed: string;
  /** The worker that owns the shard now, with an expiry. */
  readonly lease: string;
}

/** The consumer group of every shard's stream of samples. */
export const consumerGroup = "miotsec-workers";
