import type { Action, MonitorEvent, Tier } from "@miotsec/runtime-facts";
import type { Context } from "../context.js";
import { choice, holdSeconds, positional } from "../context.js";
import { issueLine, UsageError } from "../io.js";
import { readSamples } from "../samples.js";
import { tierStyle } from "../style.js";
import { oneLine } from "../terminal.js";
import { jsonPieces, readLabel } from "./shared.js";

/** What `compare` found for one device. */
export interface DeviceSummary {
  readonly device: string;
  readonly samples: number;
  readonly status: Tier;
  /** Events that fired, resolved or were rejected, in order; at most {@link eventsKept} per device. */
  readonly events: MonitorEvent[];
  /** Events beyond {@link eventsKept}, counted only. */
  readonly eventsDropped: number;
  /** The distinct actions called for, in the order they were first called for. */
  readonly actions: Action["kind"][];
}

/** What `compare` found in a sample file. */
export interface CompareSummary {
  readonly samples: number;
  readonly stage: "integration" | "operating";
  readonly status: Tier;
  readonly devices: DeviceSummary[];
}

const eventsKept = 50;
const tierRank: Readonly<Record<Tier, number>> = { none: 0, affirming: 1, warning: 2, contraindicated: 3 };

/** Streams a sample file through a monitor of the label's runtime profile and sums up per device. */
export async function compareSamples(
  label: Awaited<ReturnType<typeof readLabel>>,
  file: string,
  options: {
    stage: "integration" | "operating";
    holdSeconds: number;
    onProgress?: (bytes: number, total: number) => void;
  },
  labelFile: string,
): Promise<CompareSummary> {
  if (typeof label.runtime !== "object")
    throw new UsageError(`${labelFile}: $.runtime: the label does not disclose its runtime reference values`);
  const { createMonitor } = await import("@miotsec/runtime-facts");
  const made = createMonitor(label.runtime, { stage: options.stage, holdSeconds: options.holdSeconds });
  if (!made.ok) throw new UsageError(await issueLine(labelFile, made.issues));
  const monitor = made.value;
  const devices = new Map<
    string,
    { samples: number; status: Tier; events: MonitorEvent[]; dropped: number; actions: Set<Action["kind"]> }
  >();
  let samples = 0;
  for await (const sample of readSamples(file, options.onProgress && ((p) => options.onProgress?.(p.bytes, p.total)))) {
    samples++;
    let device = devices.get(sample.device);
    if (device === undefined) {
      device = { samples: 0, status: "affirming", events: [], dropped: 0, actions: new Set() };
      devices.set(sample.device, device);
    }
    device.samples++;
    for (const event of monitor.update(sample)) {
      if (device.events.length < eventsKept) device.events.push(event);
      else device.dropped++;
      if (event.kind !== "resolved" && tierRank[event.tier] > tierRank[device.status]) device.status = event.tier;
      for (const action of event.actions) device.actions.add(action.kind);
    }
  }
  const summaries = [...devices]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, d]) => ({
      device: id,
      samples: d.samples,
      status: d.status,
      events: d.events,
      eventsDropped: d.dropped,
      actions: [...d.actions],
    }));
  const status = summaries.reduce<Tier>(
    (worst, d) => (tierRank[d.status] > tierRank[worst] ? d.status : worst),
    "none",
  );
  return { samples, stage: options.stage, status, devices: summaries };
}

/** A progress bar on standard error, redrawn when the percentage changes. */
function progressBar(err: (text: string) => void): {
  update: (bytes: number, total: number) => void;
  done: () => void;
} {
  let shown = -1;
  return {
    update(bytes, total) {
      const percent = Math.min(100, Math.floor((bytes / total) * 100));
      if (percent === shown) return;
      shown = percent;
      const filled = Math.round(percent / 4);
      const mib = (n: number) => (n / 2 ** 20).toFixed(1);
      err(
        `\r[${"#".repeat(filled)}${"-".repeat(25 - filled)}] ${String(percent).padStart(3)} %  ${mib(bytes)} of ${mib(total)} MiB`,
      );
    },
    done() {
      if (shown >= 0) err("\r\u001b[2K");
    },
  };
}

/** `miotsec compare <label> <samples>`. */
export async function compareCommand(context: Context): Promise<number> {
  const [labelFile, samplesFile] = positional(context, "a label file", "a samples file") as [string, string];
  const { io, options, style: s } = context;
  const stage = choice("stage", options.stage, ["operating", "integration"], "operating");
  const hold = holdSeconds(options.hold);
  const label = await readLabel(labelFile);
  const bar = io.progress === true ? progressBar(io.err) : undefined;
  let summary: CompareSummary;
  try {
    summary = await compareSamples(
      label,
      samplesFile,
      { stage, holdSeconds: hold, ...(bar && { onProgress: bar.update }) },
      labelFile,
    );
  } finally {
    bar?.done();
  }
  const findings = summary.devices.some((d) => d.events.length + d.eventsDropped > 0);
  if (options.json) {
    // In pieces, a device at a time: the summary of a large fleet is more text than one string holds.
    const { devices, ...totals } = summary;
    let block = "";
    for (const piece of jsonPieces({ label: label.id, file: samplesFile, ...totals }, "devices", devices)) {
      block += piece;
      if (block.length >= 1 << 16) {
        io.out(block);
        block = "";
      }
    }
    io.out(block);
    return findings ? 1 : 0;
  }
  io.out(
    `${oneLine(samplesFile)}: ${summary.samples} samples from ${summary.devices.length} devices, ${stage} stage, against ${oneLine(label.id)}\n`,
  );
  for (const d of summary.devices) {
    // Device ids, metric names and the sentences quoting them come from the sample file: their
    // control characters are escaped, so a hostile file cannot drive the terminal.
    io.out(`${oneLine(d.device)}  ${tierStyle(s, d.status)(d.status)}  ${d.samples} samples\n`);
    const findingEvents = d.events.filter((e) => e.kind !== "resolved");
    for (const e of findingEvents.slice(0, 3)) {
      const at = Number.isFinite(e.at) ? new Date(e.at).toISOString() : "(no time)";
      io.out(`  ${s.dim(at)}  ${e.kind} ${oneLine(e.metric)}: ${oneLine(e.explanation)}\n`);
    }
    const more = findingEvents.length - 3 + d.eventsDropped;
    if (more > 0) io.out(s.dim(`  and ${more} more events (--json lists up to ${eventsKept} per device)\n`));
    if (d.actions.length > 0) io.out(`  actions: ${d.actions.join(" -> ")}\n`);
  }
  return findings ? 1 : 0;
}
