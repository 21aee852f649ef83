// `miotsec monitor` with real servers (Debian's redis-server and mosquitto, which `.ci/run`
// installs): ward 3's samples published over MQTT give the events `miotsec compare` gives for
// the same file; and every way of calling it wrongly is one line and exit 2.
import { readFileSync } from "node:fs";
import { createClient } from "@redis/client";
import mqtt from "mqtt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Server, serversMissing, startServers } from "../../fleet/src/servers.test-support.mjs";
import { example, labelFile, miotsec, miotsecWith } from "./fixtures.test-support.js";

describe("miotsec monitor, called wrongly", () => {
  it.each([
    [
      ["monitor", "--shards", "8", "--mqtt", "mqtt://127.0.0.1:1"],
      "monitor needs --redis URL (miotsec monitor --help)",
    ],
    [
      ["monitor", "--redis", "redis://a", "--redis", "redis://b", "--shards", "2", "--mqtt", "mqtt://x"],
      "--redis is given more than once: add --cluster for the nodes of a Redis Cluster",
    ],
    [
      ["monitor", "--redis", "redis://127.0.0.1:1", "--mqtt", "mqtt://x"],
      "monitor needs --shards (miotsec monitor --help)",
    ],
    [
      ["monitor", "--redis", "redis://127.0.0.1:1", "--shards", "0", "--mqtt", "mqtt://x"],
      '--shards must be a whole number from 1 to 16384, not "0"',
    ],
    [
      ["monitor", "--redis", "redis://127.0.0.1:1", "--shards", "4"],
      "monitor needs --mqtt URL (to read samples), --profiles DIR (to judge them), or both",
    ],
    [
      [
        "monitor",
        "--redis",
        "redis://127.0.0.1:1",
        "--shards",
        "4",
        "--profiles",
        "x",
        "--worker",
        "2",
        "--workers",
        "2",
      ],
      '--worker must be a whole number from 0 to 1, not "2"',
    ],
    [
      ["monitor", "--redis", "redis://127.0.0.1:1", "--shards", "4", "--profiles", "x", "--publish-events"],
      "--publish-events needs both --mqtt and --profiles",
    ],
    [
      ["monitor", "--redis", "ftp://127.0.0.1:1", "--shards", "4", "--mqtt", "mqtt://127.0.0.1:1"],
      "monitor: $.redis.url must be a URL (redis://, rediss://).",
    ],
    [
      ["monitor", "--redis", "redis://127.0.0.1:1", "--shards", "4", "--profiles", example("nowhere")],
      "cannot be read as a folder (ENOENT)",
    ],
  ])("%j: one line, exit 2", async (argv, message) => {
    const { code, err } = await miotsec(...argv);
    expect(code).toBe(2);
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).toContain(message);
  });

  it("says when Redis cannot be reached", async () => {
    const { code, err } = await miotsec(
      "monitor",
      "--redis",
      "redis://127.0.0.1:1",
      "--shards",
      "2",
      "--profiles",
      example("fleet"),
    );
    expect(code).toBe(2);
    expect(err).toMatch(/^miotsec: monitor: \$\.redis: Redis cannot be reached: .*ECONNREFUSED.*\.\n$/);
  });
});

describe.skipIf(serversMissing)("miotsec monitor with Redis and Mosquitto", () => {
  let redis: Server;
  let broker: Server;
  let stop = async () => {};
  beforeAll(async () => {
    ({ redis, broker, stop } = await startServers());
  }, 60_000);
  afterAll(() => stop(), 60_000);

  it("gives for ward 3's samples, published over MQTT, the events compare gives for the file", async () => {
    const samples = readFileSync(example("runtime/ward-3.samples.ndjson"), "utf8").trim().split("\n");
    const shards = 4;
    const client = createClient({ url: redis.url });
    await client.connect();
    // Every sample read by the workers' group and acknowledged: [read, pending] over the shards.
    const judged = async () => {
      let read = 0;
      let pending = 0;
      for (let s = 0; s < shards; s++) {
        const groups = (await client
          .sendCommand(["XINFO", "GROUPS", `miotsec:{${s}}:samples`])
          .catch(() => [])) as unknown[][];
        for (const g of groups) {
          const info = Object.fromEntries(Array.from({ length: g.length / 2 }, (_, i) => [g[2 * i], g[2 * i + 1]]));
          read += Number(info["entries-read"] ?? 0);
          pending += Number(info.pending ?? 0);
        }
      }
      return read === samples.length && pending === 0;
    };
    const compared = JSON.parse(
      (await miotsec("compare", labelFile("ultrasound-wifi"), example("runtime/ward-3.samples.ndjson"), "--json")).out,
    ) as { devices: { events: unknown[]; eventsDropped: number }[] };
    const expected = compared.devices.reduce((n, d) => n + d.events.length + d.eventsDropped, 0);
    expect(expected).toBeGreaterThan(0);

    let stop = () => {};
    const stopped = new Promise<void>((resolve) => {
      stop = resolve;
    });
    let err = "";
    let subscribed = () => {};
    const ready = new Promise<void>((resolve) => {
      subscribed = resolve;
    });
    const running = miotsecWith(
      {
        stop: () => stopped,
        err: (text) => {
          err += text;
          if (text.includes("Reading samples from")) subscribed();
        },
      },
      "monitor",
      "--redis",
      redis.url,
      "--shards",
      String(shards),
      "--mqtt",
      broker.url,
      "--profiles",
      example("fleet"),
      "--json",
    );
    // Published once the command's ingest has subscribed (its log line says so).
    await ready;
    const devices = await mqtt.connectAsync(broker.url, { protocolVersion: 5 });
    for (const line of samples) {
      const sample = JSON.parse(line) as { device: string };
      await devices.publishAsync(`miotsec/${sample.device}/samples`, line, { qos: 1 });
    }
    await devices.endAsync();
    for (let i = 0; i < 150 && !(await judged()); i++) await new Promise((r) => setTimeout(r, 200));
    stop();
    const { code, out } = await running;
    await client.close();
    expect(code).toBe(0);
    const stats = JSON.parse(out);
    expect(stats.ingest).toEqual({ messages: samples.length, samples: samples.length, rejected: {} });
    expect(stats.worker).toMatchObject({ samples: samples.length, events: expected, rejected: {} });
    // Not a terminal: every log line is JSON.
    for (const line of err.trim().split("\n")) expect(JSON.parse(line)).toHaveProperty("level");
  }, 60_000);
});
