import type { Ingest, LogRecord, Worker } from "@miotsec/fleet";
import type { Context } from "../context.js";
import { choice, holdSeconds, positional } from "../context.js";
import { issueLine, UsageError } from "../io.js";
import { oneLine } from "../terminal.js";

/** A whole number option in a range, or a {@link UsageError}. */
function wholeNumber(option: string, value: string | undefined, min: number, max: number, fallback?: number): number {
  if (value === undefined) {
    if (fallback === undefined) throw new UsageError(`monitor needs --${option} (miotsec monitor --help)`);
    return fallback;
  }
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw new UsageError(`--${option} must be a whole number from ${min} to ${max}, not "${value}"`);
  return n;
}

/** @miotsec/fleet, an optional peer of the command: installed by those who run fleets. */
async function fleetPackage(): Promise<typeof import("@miotsec/fleet")> {
  try {
    return await import("@miotsec/fleet");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code;
    if (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND")
      throw new UsageError("monitor runs on @miotsec/fleet, which is not installed: npm install @miotsec/fleet");
    throw error;
  }
}

const count = new Intl.NumberFormat("en-US");

/** `miotsec monitor`: the MQTT ingest, a worker, or both, until SIGINT or SIGTERM. */
export async function monitorCommand(context: Context): Promise<number> {
  positional(context);
  const { io, options, style: s } = context;
  const urls = options.redis ?? [];
  if (urls.length === 0) throw new UsageError("monitor needs --redis URL (miotsec monitor --help)");
  if (urls.length > 1 && !options.cluster)
    throw new UsageError("--redis is given more than once: add --cluster for the nodes of a Redis Cluster");
  const redis = options.cluster ? { cluster: urls } : { url: urls[0] as string };
  const shards = wholeNumber("shards", options.shards, 1, 16_384);
  if (options.mqtt === undefined && options.profiles === undefined)
    throw new UsageError("monitor needs --mqtt URL (to read samples), --profiles DIR (to judge them), or both");
  const workers = wholeNumber("workers", options.workers, 1, 16_384, 1);
  const worker = wholeNumber("worker", options.worker, 0, workers - 1, 0);
  const stage = choice("stage", options.stage, ["operating", "integration"], "operating");
  const hold = holdSeconds(options.hold);
  if (options["publish-events"] && (options.mqtt === undefined || options.profiles === undefined))
    throw new UsageError("--publish-events needs both --mqtt and --profiles");

  const fleet = await fleetPackage();
  const terminal = io.progress === true;
  let line = "";
  const log = (record: LogRecord) => {
    if (!terminal) {
      io.err(`${JSON.stringify({ time: new Date().toISOString(), ...record })}\n`);
      return;
    }
    const mark = record.level === "error" ? s.bad("error") : record.level === "warn" ? s.warn("warn") : s.dim("info");
    io.err(`\r\u001b[2K${mark}  ${oneLine(record.message)}\n${line}`);
  };

  let ingest: Ingest | undefined;
  let judge: Worker | undefined;
  const stopAll = async () => {
    await judge?.stop();
    await ingest?.stop();
  };
  try {
    if (options.mqtt !== undefined) {
      const started = await fleet.startIngest({
        mqtt: options.mqtt,
        redis,
        shards,
        ...(options.prefix !== undefined && { prefix: options.prefix }),
        log,
      });
      if (!started.ok) throw new UsageError(await issueLine("monitor", started.issues));
      ingest = started.value;
    }
    if (options.profiles !== undefined) {
      const profiles = await fleet.readFleetProfiles(options.profiles);
      if (!profiles.ok) throw new UsageError(await issueLine(options.profiles, profiles.issues));
      const started = await fleet.startWorker({
        redis,
        shards,
        worker,
        workers,
        profiles: profiles.value,
        stage,
        holdSeconds: hold,
        ...(options.prefix !== undefined && { prefix: options.prefix }),
        ...(options["publish-events"] && options.mqtt !== undefined && { mqtt: options.mqtt }),
        log,
      });
      if (!started.ok) throw new UsageError(await issueLine("monitor", started.issues));
      judge = started.value;
    }
  } catch (error) {
    await stopAll();
    throw error;
  }

  const summary = () => {
    const parts: string[] = [];
    if (ingest !== undefined) {
      const i = ingest.stats();
      const rejected = Object.values(i.rejected).reduce((a, b) => a + b, 0);
      parts.push(
        `read ${count.format(i.messages)} messages, ${count.format(i.samples)} samples, ${count.format(rejected)} rejected`,
      );
    }
    if (judge !== undefined) {
      const w = judge.stats();
      const rejected = Object.values(w.rejected).reduce((a, b) => a + b, 0);
      parts.push(
        `worker ${worker} of ${workers}: ${w.shards.length} shards, ${count.format(w.samples)} samples judged, ${count.format(w.events)} events, ${count.format(rejected)} rejected`,
      );
    }
    return parts.join("; ");
  };
  const stats = () => ({ ingest: ingest?.stats(), worker: judge?.stats() });
  const timer = setInterval(
    () => {
      if (terminal) {
        line = summary();
        io.err(`\r\u001b[2K${line}`);
      } else log({ level: "info", message: summary(), ...stats() });
    },
    terminal ? 1000 : 10_000,
  );
  await io.stop?.();
  clearInterval(timer);
  await stopAll();
  if (terminal) io.err("\r\u001b[2K");
  const finalLine = `Stopped: ${summary()}.`;
  if (options.json) io.out(`${JSON.stringify(stats())}\n`);
  else if (terminal) io.err(`${finalLine}\n`);
  else log({ level: "info", message: finalLine, ...stats() });
  return 0;
}
