import { fail, issue, ok, type Result } from "@miotsec/core";
import type { Sample } from "@miotsec/runtime-facts";
import mqtt from "mqtt";
import * as z from "zod/mini";
import { type Log, quiet, reason, sleep } from "./log.js";
import { checkedOptions, mqttUrlSchema, prefixSchema, redisTargetSchema, shardsSchema } from "./options.js";
import { type Connection, connect, type RedisTarget, script } from "./redis.js";
import { keysOf, shardIndex } from "./shard.js";
import { parseSamplePayload, sampleTopicFilter } from "./wire.js";

/**
 * Options of {@link startIngest}.
 *
 * @since 0.2.0
 */
export interface IngestOptions {
  /** The MQTT broker (`mqtt://host:1883`). */
  readonly mqtt: string;
  /** Redis: `{ url }`, or `{ cluster: [urls] }` of some nodes of a Redis Cluster. */
  readonly redis: RedisTarget;
  /** How many shards the fleet has; the same in every process of the fleet. */
  readonly shards: number;
  /** The prefix of the fleet's Redis keys. Default `miotsec`. */
  readonly prefix?: string;
  /** The MQTT client id, which keeps the session (and the messages queued for it) across restarts. Default `miotsec-ingest`. */
  readonly clientId?: string;
  /** Where to report. Default: nowhere. */
  readonly log?: Log;
}

const ingestOptionsSchema = z.strictObject({
  mqtt: mqttUrlSchema,
  redis: redisTargetSchema,
  shards: shardsSchema,
  prefix: z.optional(prefixSchema),
  clientId: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
});

/**
 * What an ingest has done since it started.
 *
 * @since 0.2.0
 */
export interface IngestStats {
  /** Messages taken (written, or rejected). */
  readonly messages: number;
  /** Samples written to the shards' streams. */
  readonly samples: number;
  /** Messages rejected, by the code of their issue (`invalid-format` for bytes that are not JSON, ...). */
  readonly rejected: Readonly<Record<string, number>>;
}

/**
 * A running ingest.
 *
 * @since 0.2.0
 */
export interface Ingest {
  /** What it has done so far. */
  stats(): IngestStats;
  /** Stops taking messages, waits for the one being written, and disconnects. */
  stop(): Promise<void>;
}

/** Appends samples to one shard's stream at once: KEYS[1] the stream; ARGV: 5 fields per sample. */
const appendSamples = script(`
for i = 1, #ARGV, 5 do
  redis.call('XADD', KEYS[1], '*', 'd', ARGV[i], 'm', ARGV[i + 1], 'v', ARGV[i + 2], 'u', ARGV[i + 3], 't', ARGV[i + 4])
end
return #ARGV / 5
`);

/**
 * Reads samples from MQTT (`miotsec/<device>/samples`, QoS 1, MQTT 5, a persistent session)
 * and appends each to its device's shard stream in Redis. A message is acknowledged to the
 * broker only after its samples are written, so a crash loses none (the broker delivers it
 * again); messages are taken one at a time, so that the samples of a device stay in order.
 * A message that is not samples ({@link parseSamplePayload}) is counted by the code of its
 * issue, reported, and acknowledged. Redis going away is waited out: the write is tried again
 * until it succeeds or the ingest is stopped.
 *
 * @example
 * ```ts
 * import { startIngest } from "@miotsec/fleet";
 * const ingest = await startIngest({ mqtt: "mqtt://127.0.0.1:1883", redis: { url: "redis://127.0.0.1:6379" }, shards: 8 });
 * if (ingest.ok) await ingest.value.stop();
 * ```
 * @since 0.2.0
 */
export async function startIngest(options: IngestOptions): Promise<Result<Ingest>> {
  const read = checkedOptions(ingestOptionsSchema, options, ["log"]);
  if (!read.ok) return read;
  const checked = read.value.checked;
  const { shards } = checked;
  const prefix = checked.prefix ?? "miotsec";
  const log = (read.value.apart.log as Log | undefined) ?? quiet;
  let redis: Connection;
  try {
    redis = await connect(checked.redis as RedisTarget);
  } catch (error) {
    return fail([issue("unreachable", `Redis cannot be reached: ${reason(error)}.`, ["redis"])]);
  }
  const stopping = new AbortController();
  // The write of the message in hand, which stop() waits for.
  let inFlight: Promise<void> = Promise.resolve();
  const counts = { messages: 0, samples: 0 };
  const rejected: Record<string, number> = Object.create(null);

  // The samples of one message are of one device (parseSamplePayload holds them to the topic's),
  // so of one shard: one script call writes them all.
  const write = async (samples: readonly Sample[]) => {
    const first = samples[0];
    if (first === undefined) return true;
    const stream = keysOf(prefix, shardIndex(first.device, shards)).samples;
    const args: string[] = [];
    for (const s of samples) args.push(s.device, s.metric, String(s.value), s.unit, String(s.at));
    for (let attempt = 0; ; attempt++) {
      try {
        await redis.script(appendSamples, [stream], args);
        return true;
      } catch (error) {
        if (stopping.signal.aborted) return false;
        if (attempt === 0)
          log({ level: "warn", message: `Samples could not be written to Redis; trying again: ${reason(error)}.` });
        await sleep(Math.min(100 * 2 ** attempt, 2000), stopping.signal);
      }
    }
  };

  const receiveMaximum = 64;
  const client = mqtt.connect(checked.mqtt, {
    protocolVersion: 5,
    clientId: checked.clientId ?? "miotsec-ingest",
    clean: false,
    // At most this many messages unacknowledged at a time (MQTT 5's Receive Maximum; brokers
    // send up to 65,535 otherwise): the client reads its packets in order, so the broker's
    // answer to a keepalive ping waits behind every message sent before it.
    properties: { sessionExpiryInterval: 24 * 3600, receiveMaximum },
    // On a loaded machine the client was seen to stop taking messages while the broker held
    // thousands, until its keepalive gave the connection up (90 s at the default 60 s) and the
    // broker delivered the unacknowledged ones again. A short keepalive ends such a stall
    // within about 15 s; a message delivered twice is at least once, as documented.
    keepalive: 10,
    reconnectPeriod: 500,
    connectTimeout: 10_000,
  });
  // The broker's PUBACK is sent when the callback is called: after the samples are written.
  client.handleMessage = (packet, done) => {
    const parsed = parseSamplePayload(packet.topic, packet.payload as Uint8Array);
    counts.messages++;
    if (!parsed.ok) {
      const first = parsed.issues[0];
      const code = first?.code ?? "invalid-value";
      rejected[code] = (rejected[code] ?? 0) + 1;
      log({ level: "warn", message: `A message on ${packet.topic} was rejected: ${first?.message}`, reason: code });
      done();
      return;
    }
    inFlight = write(parsed.value).then((written) => {
      if (!written) return;
      counts.samples += parsed.value.length;
      done();
    });
  };
  const connected = await new Promise<Error | undefined>((resolve) => {
    client.once("connect", () => resolve(undefined));
    client.once("error", (error) => resolve(error));
    setTimeout(() => resolve(new Error("no answer within 10 s")), 10_000).unref();
  });
  if (connected !== undefined) {
    client.end(true);
    await redis.close();
    return fail([issue("unreachable", `The MQTT broker cannot be reached: ${reason(connected)}.`, ["mqtt"])]);
  }
  client.on("error", (error) => log({ level: "warn", message: `MQTT: ${reason(error)}.` }));
  client.on("offline", () => log({ level: "warn", message: "Lost the MQTT broker; connecting again." }));
  client.on("disconnect", (packet) =>
    log({ level: "warn", message: `The MQTT broker ended the session (reason ${packet.reasonCode ?? 0}).` }),
  );
  client.on("connect", () => log({ level: "info", message: "Connected to the MQTT broker." }));
  await client.subscribeAsync(sampleTopicFilter, { qos: 1 });
  log({ level: "info", message: `Reading samples from ${sampleTopicFilter} into ${shards} shards.`, shards });

  return ok({
    stats: () => ({ ...counts, rejected: { ...rejected } }),
    async stop() {
      // A write that succeeds now is acknowledged; one given up (Redis is away) is not, and the
      // broker delivers its message again to the next ingest of this client id.
      stopping.abort();
      await inFlight;
      await client.endAsync(true);
      await redis.close();
    },
  });
}
