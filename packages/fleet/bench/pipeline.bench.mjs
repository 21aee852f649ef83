// End to end on loopback, with Debian's redis-server and mosquitto: samples a second through
// MQTT -> ingest -> Redis -> worker -> events, against a floor that moves the same bytes through
// the same Redis commands without checking or judging them; then how the workers' throughput
// grows from one to four workers, each a process, draining the same samples already in Redis.
// `node --expose-gc bench/pipeline.bench.mjs`
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createClient } from "@redis/client";
import mqtt from "mqtt";
import { startIngest } from "../dist/index.js";
import { serversMissing, startServers } from "../src/servers.test-support.mjs";

if (serversMissing) {
  console.log("\n(redis-server or mosquitto is not installed: the end-to-end benchmark is skipped)");
  process.exit(0);
}

const DEVICES = 2000;
const STEPS = 10;
const METRICS = 20;
const SHARDS = 8;
const total = DEVICES * STEPS * METRICS;
const metrics = Object.fromEntries(
  Array.from({ length: METRICS }, (_, i) => [
    `m${i}`,
    { unit: "u", operating: { min: 0, max: 80 }, failSafe: { min: -10, max: 95 } },
  ]),
);
const profiles = {
  bench: {
    schemaVersion: 1,
    identity: { name: "bench", softwareVersions: [], activeServices: [] },
    metrics,
    endpoints: [],
  },
};
const script = fileURLToPath(new URL("./pipeline-process.mjs", import.meta.url));

function processOf(role, options) {
  const child = spawn(process.execPath, [script, role, JSON.stringify(options)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.stdout.once("data", () => resolve(child));
    child.once("exit", (code) => reject(new Error(`${role} ended (${code})`)));
  });
}
const stopped = (child) =>
  new Promise((resolve) => {
    child.once("exit", resolve);
    child.kill("SIGTERM");
  });

/** Whether every sample was read by the group and acknowledged. */
async function drained(redis, expected) {
  let read = 0;
  let pending = 0;
  for (let s = 0; s < SHARDS; s++) {
    const groups = await redis.sendCommand(["XINFO", "GROUPS", `miotsec:{${s}}:samples`]).catch(() => []);
    for (const g of groups) {
      const info = Object.fromEntries(Array.from({ length: g.length / 2 }, (_, i) => [g[2 * i], g[2 * i + 1]]));
      read += Number(info["entries-read"] ?? 0);
      pending += Number(info.pending ?? 0);
    }
  }
  return read >= expected && pending === 0;
}

async function waitDrained(redis, expected) {
  while (!(await drained(redis, expected))) await new Promise((r) => setTimeout(r, 20));
}

/** Every device's readings (20 samples a message), mostly quiet, now and then a breach. */
async function publish(url) {
  const client = await mqtt.connectAsync(url, { protocolVersion: 5 });
  const sent = [];
  for (let t = 0; t < STEPS; t++)
    for (let d = 0; d < DEVICES; d++) {
      const reading = Array.from({ length: METRICS }, (_, m) => ({
        metric: `m${m}`,
        value: (d * 7 + m * 13 + t) % 97 === 0 ? 90 : 40,
        unit: "u",
        at: t * 10_000,
      }));
      sent.push(client.publishAsync(`miotsec/d${d}/samples`, JSON.stringify(reading), { qos: 1 }));
    }
  await Promise.all(sent);
  await client.endAsync();
}

/** One end-to-end run: fresh servers, the ingest and one worker, all samples from publish to acknowledged. */
async function endToEnd(floor) {
  const { redis, broker, stop } = await startServers();
  const client = await createClient({ url: redis.url }).connect();
  const options = { redis: redis.url, mqtt: broker.url, shards: SHARDS, worker: 0, workers: 1, profiles };
  // Each in a process of its own, as the publishing devices are in this one.
  const children = [await processOf(floor ? "floor-ingest" : "ingest", options)];
  children.push(await processOf(floor ? "floor-worker" : "worker", options));
  const start = performance.now();
  await publish(broker.url);
  await waitDrained(client, total);
  const seconds = (performance.now() - start) / 1000;
  for (const c of children) await stopped(c);
  await client.close();
  await stop();
  return total / seconds;
}

/** Samples a second `workers` worker processes judge, from samples already in the shards. */
async function draining(workers) {
  const { redis, broker, stop } = await startServers();
  const client = await createClient({ url: redis.url }).connect();
  const started = await startIngest({ mqtt: broker.url, redis: { url: redis.url }, shards: SHARDS, clientId: "bench" });
  await publish(broker.url);
  while (started.value.stats().samples < total) await new Promise((r) => setTimeout(r, 20));
  await started.value.stop();
  const options = { redis: redis.url, shards: SHARDS, workers, profiles };
  const start = performance.now();
  const children = await Promise.all(
    Array.from({ length: workers }, (_, worker) => processOf("worker", { ...options, worker })),
  );
  await waitDrained(client, total);
  const seconds = (performance.now() - start) / 1000;
  for (const c of children) await stopped(c);
  await client.close();
  await stop();
  return total / seconds;
}

const rate = (r) => `${Math.round(r).toLocaleString("en-US")}`;
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
// In turns, three rounds, the ratio per round.
const ratios = [];
const real = [];
const floors = [];
for (let round = 0; round < 3; round++) {
  const f = await endToEnd(true);
  const r = await endToEnd(false);
  floors.push(f);
  real.push(r);
  ratios.push(f / r);
}
console.log(
  `\n### @miotsec/fleet: end to end on loopback, ${total.toLocaleString("en-US")} samples (${DEVICES} devices x ${STEPS} readings of ${METRICS} metrics, one message a reading), ${SHARDS} shards, one worker\n`,
);
console.log("| case | samples/s (median of 3) | time to the floor's (per round) |");
console.log("| --- | ---: | ---: |");
console.log(
  `| floor: MQTT -> the same script -> XREADGROUP -> XACK, nothing checked or judged | ${rate(median(floors))} | 1.00 x |`,
);
console.log(
  `| the fleet: startIngest -> startWorker -> events | ${rate(median(real))} | ${median(ratios).toFixed(2)} x (${Math.min(...ratios).toFixed(2)} to ${Math.max(...ratios).toFixed(2)}) |`,
);

console.log(
  `\n### @miotsec/fleet: workers draining ${total.toLocaleString("en-US")} samples already in ${SHARDS} shards\n`,
);
console.log("| workers | samples/s | to one worker |");
console.log("| ---: | ---: | ---: |");
let one;
for (const workers of [1, 2, 4]) {
  const r = await draining(workers);
  one ??= r;
  console.log(`| ${workers} | ${rate(r)} | ${(r / one).toFixed(2)} x |`);
}
