/**
 * Fleet monitoring for "Improving IT Security of Medical IoT Devices: A Maturity Evaluation and a
 * Labeling Approach": the runtime-facts monitor of `@miotsec/runtime-facts` run over a fleet's
 * telemetry, with samples read from MQTT ({@link startIngest}), kept in Redis Streams sharded by
 * device, and judged by workers that survive a crash ({@link startWorker}). Node.js only; the
 * libraries it runs stay pure.
 *
 * @packageDocumentation
 */
export { eventId, type FleetEvent } from "./event-id.js";
export { type Ingest, type IngestOptions, type IngestStats, startIngest } from "./ingest.js";
export type { Log, LogRecord } from "./log.js";
export { type FleetProfiles, fleetProfiles, readFleetProfiles } from "./profiles.js";
export type { RedisTarget } from "./redis.js";
export { consumerGroup, maxShards, type ShardKeys, shardKeys, shardOf } from "./shard.js";
export {
  deviceOfTopic,
  maxPayloadBytes,
  maxSamplesPerMessage,
  parseSamplePayload,
  sampleTopic,
  sampleTopicFilter,
} from "./wire.js";
export { startWorker, type Worker, type WorkerOptions, type WorkerStats } from "./worker.js";
