// Real Redis and Mosquitto servers for the fleet's tests and benchmarks, from Debian's packages
// (`.ci/run` installs them): each started on a free loopback port in a folder of its own, and
// stopped. JavaScript, so that the benchmarks (plain Node.js) use it too; its types are in
// servers.test-support.d.mts.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const find = (name) =>
  ["/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin"].map((d) => join(d, name)).find((p) => existsSync(p));

// MIOTSEC_REDIS_SERVER and MIOTSEC_REDIS_CLI run the tests against another build (Valkey's
// valkey-server and valkey-cli, say) than the one on the PATH.
export const redisServerPath = process.env.MIOTSEC_REDIS_SERVER || (find("redis-server") ?? find("valkey-server"));
export const redisCliPath = process.env.MIOTSEC_REDIS_CLI || (find("redis-cli") ?? find("valkey-cli") ?? "redis-cli");
export const mosquittoPath = find("mosquitto");
export const serversMissing = redisServerPath === undefined || mosquittoPath === undefined;
if (serversMissing)
  console.warn(
    "redis-server or mosquitto is not installed (apt-get install redis-server mosquitto); the fleet's server tests are skipped.",
  );

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address !== null ? address.port : 0));
    });
  });
}

/** Resolves once something listens on `port`, or rejects after `ms`. */
async function listening(port, ms = 10_000) {
  const until = Date.now() + ms;
  for (;;) {
    const up = await new Promise((resolve) => {
      const socket = createConnection({ port, host: "127.0.0.1" }, () => {
        socket.end();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (up) return;
    if (Date.now() > until) throw new Error(`nothing listens on port ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function serve(command, args, port, url, dir) {
  let child;
  const start = async () => {
    child = spawn(command, args, { cwd: dir, stdio: "ignore" });
    await listening(port);
  };
  const stop = async (signal = "SIGTERM") => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const ended = new Promise((resolve) => child.once("exit", resolve));
    child.kill(signal);
    await ended;
  };
  await start();
  return { url, port, dir, stop, restart: start };
}

// Redis keeps its files in memory (tmpfs) where the machine has it: the tests kill processes,
// not disks, and on a disk another job keeps busy, every write's fsync (appendfsync always)
// made the ingest wait tens of milliseconds a message.
const redisFolder = existsSync("/dev/shm") ? "/dev/shm" : tmpdir();

export async function startRedis(options = {}) {
  const port = options.port ?? (await freePort());
  const dir = mkdtempSync(join(redisFolder, "miotsec-redis-"));
  const config = [
    `port ${port}`,
    "bind 127.0.0.1",
    "save ''",
    `appendonly ${options.aof ? "yes" : "no"}`,
    "appendfsync always",
    `dir ${dir}`,
    ...(options.cluster
      ? ["cluster-enabled yes", `cluster-config-file ${join(dir, "nodes.conf")}`, "cluster-node-timeout 2000"]
      : []),
  ];
  writeFileSync(join(dir, "redis.conf"), `${config.join("\n")}\n`);
  return serve(redisServerPath, [join(dir, "redis.conf")], port, `redis://127.0.0.1:${port}`, dir);
}

export async function startMosquitto() {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "miotsec-mosquitto-"));
  // Unlimited queues: Mosquitto drops a client's messages beyond 1000 by default.
  writeFileSync(
    join(dir, "mosquitto.conf"),
    `listener ${port} 127.0.0.1\nallow_anonymous true\npersistence false\nmax_queued_messages 0\n`,
  );
  return serve(mosquittoPath, ["-c", join(dir, "mosquitto.conf")], port, `mqtt://127.0.0.1:${port}`, dir);
}

/** A Redis server and a Mosquitto broker, and one `stop` for both that removes Redis's folder. */
export async function startServers(options = {}) {
  const redis = await startRedis(options);
  const broker = await startMosquitto();
  return {
    redis,
    broker,
    async stop() {
      await broker.stop();
      await redis.stop();
      removeDir(redis.dir);
    },
  };
}

export function makeCluster(servers) {
  execFileSync(redisCliPath, ["--cluster", "create", ...servers.map((s) => `127.0.0.1:${s.port}`), "--cluster-yes"], {
    stdio: "ignore",
  });
}

export function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}
