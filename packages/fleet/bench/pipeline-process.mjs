// One process of the end-to-end benchmark: `node pipeline-process.mjs <role> '<options as JSON>'`.
// Roles: `ingest` (the fleet's ingest), `worker` (the fleet's worker), `floor-worker` (the same Redis commands on the same
// bytes, nothing judged: XREADGROUP, then one script that acknowledges), `floor-ingest` (MQTT to
// the same script the ingest uses, one message at a time, acknowledged after the write, without
// checking what the message holds). Prints "started" once it runs; stops on SIGTERM.

import { createClient } from "@redis/client";
import mqtt from "mqtt";
import { fleetProfiles, shardOf, startIngest, startWorker } from "../dist/index.js";

const [role, json] = process.argv.slice(2);
const options = JSON.parse(json ?? "{}");
let stop;

if (role === "ingest") {
  const ingest = await startIngest({
    mqtt: options.mqtt,
    redis: { url: options.redis },
    shards: options.shards,
    clientId: "ingest",
  });
  if (!ingest.ok) throw new Error(JSON.stringify(ingest.issues));
  stop = () => ingest.value.stop();
} else if (role === "worker") {
  const fleet = fleetProfiles(options.profiles, { "*": "bench" });
  if (!fleet.ok) throw new Error(JSON.stringify(fleet.issues));
  const worker = await startWorker({
    redis: { url: options.redis },
    shards: options.shards,
    worker: options.worker,
    workers: options.workers,
    profiles: fleet.value,
  });
  if (!worker.ok) throw new Error(JSON.stringify(worker.issues));
  stop = () => worker.value.stop();
} else if (role === "floor-worker") {
  const redis = await createClient({ url: options.redis }).connect();
  let running = true;
  const ack = `if #ARGV > 1 then redis.call('XACK', KEYS[1], ARGV[1], unpack(ARGV, 2)) end return 1`;
  const ackSha = await redis.sendCommand(["SCRIPT", "LOAD", ack]);
  const loops = [];
  for (let s = options.worker; s < options.shards; s += options.workers) {
    const key = `miotsec:{${s}}:samples`;
    const conn = await redis.duplicate().connect();
    await conn.sendCommand(["XGROUP", "CREATE", key, "miotsec-workers", "0", "MKSTREAM"]).catch(() => {});
    loops.push(
      (async () => {
        while (running) {
          const reply = await conn.sendCommand([
            "XREADGROUP",
            "GROUP",
            "miotsec-workers",
            "floor",
            "COUNT",
            "500",
            "BLOCK",
            "200",
            "STREAMS",
            key,
            ">",
          ]);
          const entries = reply?.[0]?.[1] ?? [];
          if (entries.length > 0)
            await conn.sendCommand(["EVALSHA", ackSha, "1", key, "miotsec-workers", ...entries.map((e) => e[0])]);
        }
        await conn.close();
      })(),
    );
  }
  stop = async () => {
    running = false;
    await Promise.all(loops);
    await redis.close();
  };
} else if (role === "floor-ingest") {
  const redis = await createClient({ url: options.redis }).connect();
  const append =
    "for i = 1, #ARGV, 5 do redis.call('XADD', KEYS[1], '*', 'd', ARGV[i], 'm', ARGV[i + 1], 'v', ARGV[i + 2], 'u', ARGV[i + 3], 't', ARGV[i + 4]) end return #ARGV / 5";
  const appendSha = await redis.sendCommand(["SCRIPT", "LOAD", append]);
  const client = mqtt.connect(options.mqtt, {
    protocolVersion: 5,
    clientId: "floor-ingest",
    clean: false,
    // The ingest's own flow control (src/ingest.ts), so that the floor moves messages as it does.
    properties: { sessionExpiryInterval: 3600, receiveMaximum: 64 },
    keepalive: 10,
  });
  client.handleMessage = (packet, done) => {
    const device = packet.topic.split("/")[1];
    const samples = JSON.parse(packet.payload.toString());
    const args = [];
    for (const s of samples) args.push(device, s.metric, String(s.value), s.unit, String(s.at));
    const shard = shardOf(device, options.shards);
    redis.sendCommand(["EVALSHA", appendSha, "1", `miotsec:{${shard.value}}:samples`, ...args]).then(() => done());
  };
  await new Promise((resolve) => client.once("connect", resolve));
  await client.subscribeAsync("miotsec/+/samples", { qos: 1 });
  stop = async () => {
    await client.endAsync(true);
    await redis.close();
  };
}
process.stdout.write("started\n");
process.once("SIGTERM", () => stop().then(() => process.exit(0)));
