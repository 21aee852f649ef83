// End to end, with real servers: 1,000 devices publish over MQTT, the ingest writes their
// samples to Redis, two workers in processes of their own judge them, one is killed with
// SIGKILL in the middle and a third takes its place; then Redis itself is killed and started
// again from its append-only file. Every event one in-process monitor gives for the same
// samples must be in the events streams exactly once after de-duplication by id, and no other.
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deviceId, expectedEvents, publish, readEvents, shardState, spawnWorker, until } from "./fleet.test-support.js";
import { type Ingest, startIngest } from "./ingest.js";
import { type Server, serversMissing, startServers } from "./servers.test-support.mjs";

const devices = 1000;
const steps = 12;
const shards = 8;
const workerOptions = (redis: string, worker: number) => ({
  redis: { url: redis },
  shards,
  worker,
  workers: 2,
  leaseSeconds: 1,
  checkpointSeconds: 0.2,
  batch: 200,
});

/** Checks the events streams against the expected events: each id once after de-duplication, none missing, none other. */
async function checkEvents(redis: string, expected: Map<string, unknown>) {
  const { times, byId } = await readEvents(redis, shards);
  const missing = [...expected.keys()].filter((id) => !times.has(id));
  const other = [...times.keys()].filter((id) => !expected.has(id));
  expect(missing.length, `missing, e.g. ${JSON.stringify(expected.get(missing[0] ?? ""))}`).toBe(0);
  expect(other.length, `unexpected, e.g. ${JSON.stringify(byId.get(other[0] ?? ""))}`).toBe(0);
  for (const [id, event] of expected) expect(byId.get(id)).toEqual(event);
  const duplicates = [...times.values()].reduce((n, k) => n + k - 1, 0);
  return { unique: times.size, duplicates };
}

describe.skipIf(serversMissing)("a fleet that loses a worker, and then Redis", () => {
  let redis: Server;
  let broker: Server;
  let ingest: Ingest;
  let stop = async () => {};
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    ({ redis, broker, stop } = await startServers({ aof: true }));
    const started = await startIngest({
      mqtt: broker.url,
      redis: { url: redis.url },
      shards,
      log: (r) => {
        if (r.level !== "info") process.stderr.write(`ingest: ${r.message}\n`);
      },
    });
    if (!started.ok) throw new Error(JSON.stringify(started.issues));
    ingest = started.value;
  }, 60_000);

  afterAll(async () => {
    for (const child of children) child.kill("SIGKILL");
    await ingest?.stop();
    await stop();
  }, 60_000);

  it("writes every expected event once after a worker is killed with SIGKILL and another takes its place", async () => {
    const t0 = Date.now();
    const phases: string[] = [];
    const phase = (name: string) => phases.push(`${name} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const a = await spawnWorker(workerOptions(redis.url, 0));
    const b = await spawnWorker(workerOptions(redis.url, 1));
    children.push(a, b);
    phase("started");
    await publish(broker.url, devices, 0, steps / 2);
    phase("published");
    const expectedHalf = expectedEvents(devices, steps / 2);
    // Killed in the middle: once some of the first half's events are written, not all.
    await until(
      async () => (await readEvents(redis.url, shards)).times.size > expectedHalf.size / 4,
      60_000,
      () => "no events",
    );
    a.kill("SIGKILL");
    phase("killed");
    await publish(broker.url, devices, steps / 2, steps);
    phase("published");
    const c = await spawnWorker(workerOptions(redis.url, 0));
    children.push(c);
    phase("replaced");
    const expected = expectedEvents(devices, steps);
    await until(
      async () => (await readEvents(redis.url, shards)).times.size >= expected.size,
      120_000,
      async () =>
        `${(await readEvents(redis.url, shards)).times.size} of ${expected.size} events; ingest ${JSON.stringify(ingest.stats())}; ${phases.join(", ")}\n${await shardState(redis.url, shards)}`,
    );
    phase("all written");
    // At least once on the wire: a message is delivered again after the ingest loses the broker
    // (under a loaded machine, a keepalive timeout), and its samples are judged again; the
    // events below must still be each expected one, once, and no other.
    const read = ingest.stats();
    expect(read.messages).toBeGreaterThanOrEqual(devices * steps);
    expect(read).toMatchObject({ samples: 2 * read.messages, rejected: {} });
    const { unique, duplicates } = await checkEvents(redis.url, expected);
    expect(unique).toBe(expected.size);
    console.log(
      `takeover: ${unique} events, ${duplicates} written twice, ${read.messages - devices * steps} messages delivered again; ${phases.join(", ")}`,
    );
  }, 300_000);

  it("loses nothing when Redis is killed and started again from its append-only file", async () => {
    // The workers of the test before go on; their samples are all judged.
    await publish(broker.url, devices, steps, steps + 3);
    await redis.stop("SIGKILL");
    const publishing = publish(broker.url, devices, steps + 3, steps + 6);
    await new Promise((r) => setTimeout(r, 500));
    await redis.restart();
    await publishing;
    const expected = expectedEvents(devices, steps + 6);
    await until(
      async () => (await readEvents(redis.url, shards)).times.size >= expected.size,
      120_000,
      async () =>
        `${(await readEvents(redis.url, shards)).times.size} of ${expected.size} events; ingest ${JSON.stringify(ingest.stats())}\n${await shardState(redis.url, shards)}`,
    );
    const { unique, duplicates } = await checkEvents(redis.url, expected);
    expect(unique).toBe(expected.size);
    expect(ingest.stats().rejected).toEqual({});
    console.log(
      `Redis restart: ${unique} events, ${duplicates} written twice; ${deviceId(0)} to ${deviceId(devices - 1)}`,
    );
  }, 300_000);
});
