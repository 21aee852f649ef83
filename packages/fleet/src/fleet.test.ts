// The ingest and a worker in this process, with real servers: what the wire brings that is not
// samples a fleet can judge becomes a counted rejection or a rejected event with its reason,
// never a crash; and the same fleet runs on a Redis Cluster of three masters.
import { execFileSync } from "node:child_process";
import mqtt from "mqtt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectedEvents, profile, publish, readEvents, until } from "./fleet.test-support.js";
import { startIngest } from "./ingest.js";
import { fleetProfiles } from "./profiles.js";
import {
  makeCluster,
  redisCliPath,
  removeDir,
  type Server,
  serversMissing,
  startMosquitto,
  startRedis,
  startServers,
} from "./servers.test-support.mjs";
import { startWorker } from "./worker.js";

const fleet = fleetProfiles({ pump: profile }, { "pump-0000": "pump", "pump-0001": "pump" });
if (!fleet.ok) throw new Error(JSON.stringify(fleet.issues));

describe.skipIf(serversMissing)("bad input on the wire", () => {
  let redis: Server;
  let broker: Server;
  let stop = async () => {};
  beforeAll(async () => {
    ({ redis, broker, stop } = await startServers());
  }, 60_000);
  afterAll(() => stop(), 60_000);

  it("is counted by reason, or becomes a rejected event, and the fleet goes on", async () => {
    const shards = 2;
    const ingest = await startIngest({ mqtt: broker.url, redis: { url: redis.url }, shards });
    const worker = await startWorker({
      redis: { url: redis.url },
      shards,
      profiles: fleet.value,
      checkpointSeconds: 0.1,
    });
    if (!ingest.ok || !worker.ok) throw new Error("not started");
    const client = await mqtt.connectAsync(broker.url, { protocolVersion: 5 });
    const send = (topic: string, payload: string) => client.publishAsync(topic, payload, { qos: 1 });
    const sample = (value: number, at: number, metric = "cpuPercent", unit = "%") =>
      JSON.stringify({ metric, value, unit, at });
    await send("miotsec/pump-0000/samples", "not JSON");
    await send("miotsec/pump-0000/samples", '{"metric":"cpuPercent","value":"high","unit":"%","at":0}');
    await send("miotsec/pump-0000/samples", '{"device":"pump-0001","metric":"cpuPercent","value":1,"unit":"%","at":0}');
    await send("miotsec/pump-0000/samples", sample(99, 2_000));
    await send("miotsec/pump-0000/samples", sample(10, 1_000));
    await send("miotsec/pump-0000/samples", sample(10, 3_000, "fanRpm", "1/min"));
    await send("miotsec/pump-0000/samples", sample(10, 4_000, "cpuPercent", "permille"));
    await send("miotsec/pump-9999/samples", sample(10, 5_000));
    await send("miotsec/pump-0000/samples", sample(10, 6_000));
    await until(
      async () => worker.value.stats().samples === 6,
      30_000,
      () => JSON.stringify(worker.value.stats()),
    );
    expect(ingest.value.stats()).toEqual({
      messages: 9,
      samples: 6,
      rejected: { "invalid-format": 1, "invalid-type": 1, "invalid-value": 1 },
    });
    expect(worker.value.stats().rejected).toEqual({
      older: 1,
      "unknown-metric": 1,
      "unit-mismatch": 1,
      "unknown-device": 1,
    });
    const { byId } = await readEvents(redis.url, shards);
    const events = [...byId.values()] as { kind: string; device: string; explanation: string }[];
    expect(events.map((e) => [e.kind, e.device])).toEqual(
      expect.arrayContaining([
        ["fired", "pump-0000"],
        ["rejected", "pump-0000"],
        ["rejected", "pump-9999"],
        ["resolved", "pump-0000"],
      ]),
    );
    expect(events.find((e) => e.device === "pump-9999")?.explanation).toBe(
      "pump-9999 is not a device of this fleet: no profile names it.",
    );
    await client.endAsync();
    await worker.value.stop();
    await ingest.value.stop();
  }, 60_000);
});

const clusterReady =
  !serversMissing &&
  (() => {
    try {
      execFileSync(redisCliPath, ["--version"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  })();

describe.skipIf(!clusterReady)("on a Redis Cluster of three masters", () => {
  const nodes: Server[] = [];
  let broker: Server;
  beforeAll(async () => {
    for (let i = 0; i < 3; i++) nodes.push(await startRedis({ cluster: true }));
    makeCluster(nodes);
    broker = await startMosquitto();
  }, 60_000);
  afterAll(async () => {
    await broker?.stop();
    for (const node of nodes) {
      await node.stop();
      removeDir(node.dir);
    }
  }, 60_000);

  it("writes every expected event once, each shard's keys in one hash slot", async () => {
    const shards = 6;
    const devices = 200;
    const steps = 6;
    const redis = { cluster: nodes.map((n) => n.url) };
    const all = fleetProfiles({ pump: profile }, { "*": "pump" });
    if (!all.ok) throw new Error("profiles");
    const ingest = await startIngest({ mqtt: broker.url, redis, shards });
    const workers = await Promise.all(
      [0, 1].map((worker) =>
        startWorker({ redis, shards, worker, workers: 2, profiles: all.value, checkpointSeconds: 0.2 }),
      ),
    );
    if (!ingest.ok || workers.some((w) => !w.ok)) throw new Error("not started");
    await publish(broker.url, devices, 0, steps);
    const expected = expectedEvents(devices, steps);
    const read = async () => (await readEvents(redis.cluster, shards)).times;
    await until(
      async () => (await read()).size >= expected.size,
      60_000,
      () => `fewer than ${expected.size} events`,
    );
    const times = await read();
    expect([...expected.keys()].filter((id) => !times.has(id))).toEqual([]);
    expect([...times.keys()].filter((id) => !expected.has(id))).toEqual([]);
    for (const w of workers) if (w.ok) await w.value.stop();
    await ingest.value.stop();
  }, 120_000);
});
