// TypeScript, strict: the public types as a consumer uses them. Checked with moduleResolution
// node16 (as ESM, .mts, and as CommonJS, .cts) and bundler.
import type { BestBefore } from "@miotsec/best-before";
import { computeBestBefore } from "@miotsec/best-before";
import { type Io, run } from "@miotsec/cli";
import { type Issue, levelNames, type Result } from "@miotsec/core";
import { type Catalog, miotCatalog } from "@miotsec/criteria";
import { type DeviceLabel, parseLabel } from "@miotsec/label";
import { assess, type MaturityReport } from "@miotsec/maturity";
import { renderLabelSvg } from "@miotsec/render";
import { createMonitor, type Monitor, type MonitorEvent } from "@miotsec/runtime-facts";
import { type Jwks, type LabelVerification, type SignatureFailure, verifyLabel } from "@miotsec/trust";

declare const input: unknown;
declare const keys: Jwks;
const label: Result<DeviceLabel> = parseLabel(input);
if (label.ok) {
  const lifecycle = label.value.lifecycle;
  if (typeof lifecycle === "object") {
    const b: Result<BestBefore> = computeBestBefore(lifecycle, { asOf: "2026-11-28" });
    if (b.ok) b.value.status satisfies "valid" | "due-soon" | "expired";
  }
  const runtime = label.value.runtime;
  if (typeof runtime === "object") {
    const monitor: Result<Monitor> = createMonitor(runtime, { stage: "operating" });
    if (monitor.ok) {
      const events: readonly MonitorEvent[] = monitor.value.update({
        device: "d",
        metric: "cpuPercent",
        value: 1,
        unit: "%",
        at: 0,
      });
      void events;
    }
  }
  const svg: Result<string> = renderLabelSvg(label.value, { asOf: "2026-11-28" });
  void svg;
  const verified: Promise<Result<LabelVerification>> = verifyLabel(label.value, { keys, asOf: "2026-11-28" });
  void verified.then((v) => v.ok && v.value.signatures.map((s) => s.reason satisfies SignatureFailure | undefined));
} else {
  const issues: readonly Issue[] = label.issues;
  void issues;
}
const catalog: Catalog = miotCatalog;
const report: Result<MaturityReport> = assess(catalog, input);
if (report.ok) void levelNames[report.value.level];
const io: Io = { out: () => {}, err: () => {}, today: () => "2026-11-28", version: "1.0.0" };
void run(["--version"], io);
