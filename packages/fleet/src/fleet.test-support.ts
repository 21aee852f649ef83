// The fleet of the end-to-end tests: a profile, devices that publish readings over MQTT, and the
// events one in-process monitor gives for the same samples (what the fleet must write).
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createMonitor, type Sample } from "@miotsec/runtime-facts";
import { createClient, createCluster } from "@redis/client";
import mqtt from "mqtt";
import { idOf } from "./event-id.js";
import { keysOf } from "./shard.js";

export const profile = {
  schemaVersion: 1,
  identity: { name: "Infusion pump", softwareVersions: [], activeServices: [] },
  metrics: {
    cpuPercent: { unit: "%", operating: { max: 40 }, failSafe: { max: 95 } },
    temperatureC: { unit: "Cel", operating: { min: 10, max: 40 }, failSafe: { min: 0, max: 60 } },
  },
  endpoints: [],
};

/** Device `d`'s readings at step `t`: breaches now and then, some fail-safe, each metric on its own rhythm. */
export function readingOf(device: number, step: number): Sample[] {
  const at = 1_764_662_400_000 + step * 10_000;
  const phase = (device * 7 + step) % 11;
  const cpu = phase === 0 ? 97 : phase < 3 ? 55 : 20 + (device % 13);
  const temperature = (device + step) % 9 === 0 ? 45 : (device + step) % 17 === 0 ? -2 : 22;
  const id = deviceId(device);
  return [
    { device: id, metric: "cpuPercent", value: cpu, unit: "%", at },
    { device: id, metric: "temperatureC", value: temperature, unit: "Cel", at },
  ];
}

export const deviceId = (d: number) => `pump-${String(d).padStart(4, "0")}`;

/** The events one monitor gives for every device's readings of steps 0 to `steps - 1`, by id. */
export function expectedEvents(devices: number, steps: number): Map<string, unknown> {
  const made = createMonitor(profile as never, { stage: "operating", holdSeconds: 0, recovery: 0, older: "reject" });
  if (!made.ok) throw new Error(JSON.stringify(made.issues));
  const out = new Map<string, unknown>();
  for (let d = 0; d < devices; d++)
    for (let t = 0; t < steps; t++)
      for (const sample of readingOf(d, t))
        for (const e of made.value.update(sample))
          out.set(idOf(e.device, e.metric, e.at, e.kind), { ...e, profile: "pump" });
  return out;
}

/** Publishes steps `from` to `to - 1` of every device, one message per reading, QoS 1. */
export async function publish(url: string, devices: number, from: number, to: number): Promise<void> {
  const client = await mqtt.connectAsync(url, { protocolVersion: 5, clientId: `devices-${from}` });
  client.on("offline", () => process.stderr.write(`devices-${from}: lost the broker\n`));
  client.on("disconnect", (p) =>
    process.stderr.write(`devices-${from}: the broker ended the session (${p.reasonCode})\n`),
  );
  const sent: Promise<unknown>[] = [];
  for (let t = from; t < to; t++)
    for (let d = 0; d < devices; d++) {
      const payload = JSON.stringify(readingOf(d, t).map(({ device: _, ...s }) => s));
      sent.push(client.publishAsync(`miotsec/${deviceId(d)}/samples`, payload, { qos: 1 }));
    }
  await Promise.all(sent);
  await client.endAsync();
}

/** Every event in the shards' events streams: each id with how often it was written, and the events by id. */
export async function readEvents(
  url: string | readonly string[],
  shards: number,
): Promise<{ times: Map<string, number>; byId: Map<string, unknown> }> {
  let send: (key: string, args: string[]) => Promise<unknown>;
  let client: { close(): Promise<void> };
  if (typeof url === "string") {
    const one = await createClient({ url }).connect();
    send = (_key, args) => one.sendCommand(args);
    client = one;
  } else {
    const cluster = await createCluster({ rootNodes: url.map((u) => ({ url: u })) }).connect();
    send = (key, args) => cluster.sendCommand(key, true, args);
    client = cluster;
  }
  const times = new Map<string, number>();
  const byId = new Map<string, unknown>();
  try {
    for (let s = 0; s < shards; s++) {
      const key = keysOf("miotsec", s).events;
      const entries = (await send(key, ["XRANGE", key, "-", "+"])) as [string, string[]][];
      for (const [, fields] of entries) {
        const id = fields[1] as string;
        times.set(id, (times.get(id) ?? 0) + 1);
        const { id: _, ...event } = JSON.parse(fields[3] as string);
        byId.set(id, event);
      }
    }
  } finally {
    await client.close();
  }
  return { times, byId };
}

const workerScript = fileURLToPath(new URL("./worker-process.test-support.mjs", import.meta.url));

/** A worker in a process of its own, once it has started. */
export async function spawnWorker(options: Record<string, unknown>): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [workerScript, JSON.stringify({ profiles: { pump: profile }, devices: { "*": "pump" }, ...options })],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`the worker ended (${code}) before it started`)));
  });
  return child;
}

/** Waits until `check` holds, polling, or throws after `ms` with what `describe` says. */
export async function until(
  check: () => Promise<boolean>,
  ms: number,
  describe: () => string | Promise<string>,
): Promise<void> {
  const end = Date.now() + ms;
  // A server restarting answers with errors for a while (LOADING): those are "not yet".
  while (!(await check().catch(() => false))) {
    if (Date.now() > end) throw new Error(`timed out: ${await describe()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** What each shard holds, for a test that timed out: samples kept and pending, position committed, lease. */
export async function shardState(url: string, shards: number): Promise<string> {
  const client = await createClient({ url }).connect();
  try {
    const lines: string[] = [];
    for (let s = 0; s < shards; s++) {
      const keys = keysOf("miotsec", s);
      const length = await client.sendCommand(["XLEN", keys.samples]);
      const pending = (await client.sendCommand(["XPENDING", keys.samples, "miotsec-workers"]).catch(() => [0])) as [
        number,
      ];
      const events = await client.sendCommand(["XLEN", keys.events]);
      const committed = await client.sendCommand(["GET", keys.committed]);
      const lease = await client.sendCommand(["GET", keys.lease]);
      lines.push(
        `shard ${s}: ${length} samples kept, ${pending[0]} pending, ${events} events, committed ${committed}, lease ${lease}`,
      );
    }
    return lines.join("\n");
  } finally {
    await client.close();
  }
}
