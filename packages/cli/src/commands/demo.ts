import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { BestBefore } from "@miotsec/best-before";
import type { DeviceLabel } from "@miotsec/label";
import type { Jwk, Jwks, LabelStatus, LabelVerification } from "@miotsec/trust";
import type { Context } from "../context.js";
import { issueLine, readDocument, UsageError } from "../io.js";
import { type DemoLabel, type DemoResults, demoPage } from "../report-page.js";
import { tierStyle } from "../style.js";
import { oneLine } from "../terminal.js";
import {
  inspectionWords,
  inWords,
  serverCountries,
  signatureFailureWords,
  statusWords,
  thirdParties,
} from "../words.js";
import { catalogOf } from "./assess.js";
import { vulnerabilitiesOf } from "./best-before.js";
import { checkTraffic } from "./check-traffic.js";
import { compareSamples } from "./compare.js";
import { json, readLabel } from "./shared.js";

/** The sample runtime files and the label whose declared values they are compared with. */
const runtimeFiles = [
  { file: "runtime/ward-3.samples.ndjson", label: "labels/ultrasound-wifi.label.json" },
  { file: "runtime/radiology.samples.csv", label: "labels/ultrasound-usbc.label.json" },
] as const;
const trafficOf: Readonly<Record<string, string>> = {
  "ultrasound-wifi.label.json": "traffic/ultrasound-wifi.har",
  "ultrasound-usbc.label.json": "traffic/ultrasound-usbc.har",
};

/** The manufacturers' vulnerability statements (VEX) the demo reads, by label. */
const vexOf: Readonly<Record<string, string>> = {
  "ultrasound-wifi.label.json": "vex/ultrasound-wifi.openvex.json",
};

const isExamples = (dir: string) => existsSync(join(dir, "labels")) && existsSync(join(dir, "assessments"));

/**
 * The examples to run on: `--examples`, else `examples/` in the working directory (a checkout
 * of the repository), else the copy the package ships in `dist/examples/`.
 */
function examplesDir(given: string | undefined): string {
  if (given !== undefined) {
    if (!isExamples(given))
      throw new UsageError(`${given}: not the examples directory (no labels/ and assessments/ in it)`);
    return given;
  }
  if (isExamples("examples")) return "examples";
  const shipped = fileURLToPath(new URL("./examples/", import.meta.url));
  if (isExamples(shipped)) return shipped;
  throw new UsageError("no examples directory here and none shipped with the command; pass --examples DIR");
}

/**
 * A directory beside `out` to build the report in, so that a demo that fails leaves no report
 * half written: `out` is either as it was or the whole new report.
 */
function stagingFor(out: string): string {
  const parent = dirname(resolve(out));
  try {
    const existing = statSync(out, { throwIfNoEntry: false });
    if (existing !== undefined && !existing.isDirectory()) throw new UsageError(`${out}: is not a directory`);
    mkdirSync(parent, { recursive: true });
    const staging = mkdtempSync(join(parent, `.${basename(resolve(out))}.`));
    mkdirSync(join(staging, "labels"));
    mkdirSync(join(staging, "signatures"));
    return staging;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${out}: cannot create the directory (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

/** Moves the finished report from its staging directory into `out`: the whole directory when `out` is new. */
function publish(staging: string, out: string): void {
  try {
    if (statSync(out, { throwIfNoEntry: false }) === undefined) {
      renameSync(staging, out);
      return;
    }
    for (const entry of readdirSync(staging, { recursive: true, withFileTypes: true })) {
      const from = join(entry.parentPath, entry.name);
      const to = join(out, relative(staging, from));
      if (entry.isDirectory()) mkdirSync(to, { recursive: true });
      else renameSync(from, to);
    }
    rmSync(staging, { recursive: true, force: true });
  } catch (error) {
    throw new UsageError(`${out}: cannot write the report (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

/** `miotsec demo [--out DIR]`: everything on the examples, and an HTML report. */
export async function demoCommand(context: Context): Promise<number> {
  if (context.args.length > 0)
    throw new UsageError(`demo takes no arguments, got ${context.args.length} (miotsec demo --help)`);
  const { options, asOf } = context;
  const examples = examplesDir(options.examples);
  const out = options.out ?? "demo-report";
  const { isIsoDate } = await import("@miotsec/core");
  if (!isIsoDate(asOf)) throw new UsageError(`--as-of: $: "${asOf}" is not a date (YYYY-MM-DD)`);
  const staging = stagingFor(out);
  try {
    const code = await report(context, examples, staging, out);
    publish(staging, out);
    return code;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** What the demo signs with: the demo key of `examples/keys/`, and the demo key set to verify against. */
interface DemoSigning {
  readonly sign: (label: DeviceLabel) => Promise<{ label: DeviceLabel; verification: LabelVerification }>;
  readonly verify: (label: DeviceLabel, status?: LabelStatus) => Promise<LabelVerification>;
  readonly signStatus: (status: LabelStatus, signer: string) => Promise<LabelStatus>;
  readonly signer: (label: DeviceLabel) => string;
}

/** The demo's signing as of a date, or undefined when the examples have no demo keys (`--examples` of one's own). */
async function demoSigning(examples: string, asOf: string): Promise<DemoSigning | undefined> {
  // Ed25519 signatures are deterministic (RFC 8032), so the demo writes the same bytes every time.
  const keyFile = join(examples, "keys", "demo-only-test-lab-ed25519.private.jwk.json");
  const setFile = join(examples, "keys", "demo-only.jwks.json");
  if (!existsSync(keyFile) || !existsSync(setFile)) return undefined;
  const trust = await import("@miotsec/trust");
  const { unwrap } = await import("@miotsec/core");
  const privateKey = (await readDocument(keyFile)) as Jwk;
  const pinned = await trust.pinKeys((await readDocument(setFile)) as Jwks);
  if (!pinned.ok) throw new UsageError(await issueLine(setFile, pinned.issues));
  const signer = (_: DeviceLabel) => "Example test lab (demo key)";
  const by = (name: string) =>
    ({ privateKey, kid: "demo-only-test-lab-ed25519", role: "test-lab", signer: name }) as const;
  const verify = async (label: DeviceLabel, status?: LabelStatus) =>
    unwrap(await trust.verifyLabel(label, { keys: pinned.value, asOf, ...(status === undefined ? {} : { status }) }));
  return {
    sign: async (label) => {
      const signed = await trust.signLabel(label, by(signer(label)));
      if (!signed.ok) throw new UsageError(await issueLine(keyFile, signed.issues));
      return { label: signed.value, verification: await verify(signed.value) };
    },
    verify,
    signStatus: async (status, name) => unwrap(await trust.signLabelStatus(status, by(name))),
    signer,
  };
}

/**
 * The demo's two failures: a signed label changed after signing (its signature no longer
 * verifies), and a signed label revoked in a signed status document.
 */
async function signingDemo(
  context: Context,
  signing: DemoSigning,
  signed: readonly { base: string; label: DeviceLabel }[],
  write: (name: string, content: string) => void,
  line: (what: string, text: string) => void,
): Promise<SigningResults | undefined> {
  const { style: s, asOf } = context;
  const first = signed[0];
  const last = signed.at(-1);
  if (first === undefined || last === undefined) return undefined;
  const tampered = {
    ...first.label,
    identity: { ...first.label.identity, model: `${first.label.identity.model} (changed after signing)` },
  };
  const t = await signing.verify(tampered);
  write(`signatures/${first.base}.tampered.label.json`, json(tampered));
  // Each way its signatures fail, in words, once: both fail alike when the label was changed.
  const failures = new Set(
    t.signatures.flatMap((x) => (x.reason === undefined ? [] : [signatureFailureWords(x.reason)])),
  );
  line(
    "tamper",
    `${oneLine(first.base)}, its model changed after signing: ${t.valid ? s.good("valid") : `${s.bad("not valid")}: ${[...failures].join("; ")}`}`,
  );
  const { epochDay, fromEpochDay } = await import("@miotsec/core/internal");
  const { parseIsoDate, unwrap } = await import("@miotsec/core");
  const verified = await signing.verify(last.label);
  const status = await signing.signStatus(
    {
      schemaVersion: 1,
      label: { id: last.label.id, digest: verified.digest },
      status: "revoked",
      reason: "Demo: the label's claims were found to be false.",
      issued: unwrap(parseIsoDate(asOf)),
      nextUpdate: fromEpochDay(epochDay(unwrap(parseIsoDate(asOf))) + 30),
    },
    signing.signer(last.label),
  );
  const r = await signing.verify(last.label, status);
  write(`signatures/${last.base}.revoked.status.json`, json(status));
  line(
    "revoke",
    `${oneLine(last.base)}, revoked in a signed label status: ${r.valid ? s.good("valid") : s.bad("not valid")}`,
  );
  return {
    tampered: { label: first.label.id, valid: t.valid, reasons: t.signatures.map((x) => x.reason ?? "verified") },
    revoked: { label: last.label.id, valid: r.valid, status: r.status?.status ?? null },
  };
}

/** What the demo's signing showed, for `--json`. */
interface SigningResults {
  readonly tampered: { readonly label: string; readonly valid: boolean; readonly reasons: readonly string[] };
  readonly revoked: { readonly label: string; readonly valid: boolean; readonly status: string | null };
}

/** Runs the demo into `staging`; `out` is only named in what is printed. */
async function report(context: Context, examples: string, staging: string, out: string): Promise<number> {
  const { io, options, style: s, asOf } = context;
  const { issuesOf } = await import("@miotsec/core");
  const write = (name: string, content: string) => writeFileSync(join(staging, name), content);
  // With --json the progress lines give way to one JSON summary at the end.
  const line = (what: string, text: string) => {
    if (!options.json) io.out(`  ${s.dim(what.padEnd(8))}  ${text}\n`);
  };
  if (!options.json) io.out(`${s.bold("miotsec demo")}, as of ${asOf}, on ${oneLine(examples)}\n`);

  // 1. The sample hospital on the paper's maturity model.
  const assessmentFile = join(examples, "assessments", "hospital.assessment.yaml");
  const maturity = await import("@miotsec/maturity");
  const assessed = maturity.assess(await catalogOf(undefined, undefined), await readDocument(assessmentFile));
  if (!assessed.ok) throw new UsageError(await issueLine(assessmentFile, assessed.issues));
  const report = assessed.value;
  write("assessment.json", json(report));
  // The report is assess's own: these cannot fail, and unwrap would say so if they did.
  const { unwrap } = await import("@miotsec/core");
  write("assessment.md", unwrap(maturity.toMarkdown(report)));
  write("assessment.oscal.json", json(unwrap(maturity.toOscalAssessmentResults(report))));
  const next = report.roadmap[0];
  line(
    "assess",
    `${oneLine(report.assessment.subject?.name ?? assessmentFile)}: level ${report.level} (${report.levelName})${next ? `; ${next.steps.length} step${next.steps.length === 1 ? "" : "s"} to level ${next.level}` : ""}`,
  );

  // 2. The labels: rendered, exported, best-before dates, and the scanners' traffic.
  const labelFiles = readdirSync(join(examples, "labels"))
    .filter((f) => f.endsWith(".label.json"))
    .sort();
  const render = await import("@miotsec/render");
  const labels = await import("@miotsec/label");
  const { computeBestBefore } = await import("@miotsec/best-before");
  const demoLabels: DemoLabel[] = [];
  const signing = await demoSigning(examples, asOf);
  const signedLabels: { base: string; label: DeviceLabel }[] = [];
  for (const name of labelFiles) {
    const file = join(examples, "labels", name);
    const read = await readLabel(file);
    const base = name.replace(/\.label\.json$/, "");
    // Signed with the demo key and verified against the demo key set, the label shows its signer.
    const signed = signing === undefined ? undefined : await signing.sign(read);
    const label = signed?.label ?? read;
    if (signed !== undefined) {
      signedLabels.push({ base, label });
      write(`signatures/${base}.signed.label.json`, json(label));
      line(
        "sign",
        `${oneLine(base)}: signed by ${oneLine(signing?.signer(label) ?? "")}, ${signed.verification.valid ? s.good("verified") : s.bad("not verified")}`,
      );
    }
    const shown = { asOf, ...(signed === undefined ? {} : { verification: signed.verification }) };
    const svg = render.renderLabelSvg(label, shown);
    const html = render.renderLabelHtml(label, shown);
    if (!svg.ok || !html.ok)
      throw new UsageError(await issueLine(file, svg.ok ? (html.ok ? [] : html.issues) : svg.issues));
    write(`labels/${base}.svg`, svg.value);
    write(`labels/${base}.html`, html.value);
    const bom = labels.toCycloneDx(label);
    const mud = labels.toMud(label);
    if (!bom.ok || !mud.ok) throw new UsageError(await issueLine(file, [...issuesOf(bom), ...issuesOf(mud)]));
    write(`labels/${base}.cdx.json`, json(bom.value));
    write(`labels/${base}.mud.json`, json(mud.value.mud));
    let bestBefore: BestBefore | undefined;
    let withoutVex: BestBefore | undefined;
    const vex = vexOf[name];
    if (typeof label.lifecycle === "object") {
      const b = computeBestBefore(label.lifecycle, { asOf });
      if (b.ok) bestBefore = b.value;
      // The manufacturer's VEX moves the date: the label's date is the one with it, and the line says from where.
      if (vex !== undefined && existsSync(join(examples, vex))) {
        const known = await vulnerabilitiesOf(
          { ...context, options: { ...context.options, vex: [join(examples, vex)] } },
          label,
        );
        const v = computeBestBefore(label.lifecycle, { asOf, ...known });
        if (v.ok) {
          withoutVex = bestBefore;
          bestBefore = v.value;
          write(`labels/${base}.vex.json`, json(known.vulnerabilities ?? []));
        }
      }
    }
    const capture = trafficOf[name];
    const traffic =
      capture === undefined
        ? undefined
        : await checkTraffic(label, file, join(examples, capture), {
            countries: join(examples, "traffic", "countries.json"),
            organisations: join(examples, "traffic", "organisations.json"),
          });
    demoLabels.push({ file, label, svg: svg.value, ...(bestBefore && { bestBefore }), ...(traffic && { traffic }) });
    const date = bestBefore
      ? `best before inspection ${bestBefore.bestBefore}, ${tierStyle(s, bestBefore.status)(inWords(statusWords, bestBefore.status))}`
      : "no lifecycle facts";
    line("label", `${oneLine(base)}: ${date}`);
    const open = bestBefore?.vulnerabilities?.open ?? [];
    if (withoutVex !== undefined && bestBefore !== undefined)
      line(
        "vex",
        `${oneLine(base)}: ${open.length} open ${open.length === 1 ? "vulnerability" : "vulnerabilities"}${open.length > 0 ? ` (${oneLine(open.join(", "))})` : ""}; best before inspection ${withoutVex.bestBefore} without them, ${bestBefore.bestBefore} with them`,
      );
    if (bestBefore && bestBefore.status !== "valid")
      line(
        "inspect",
        `${oneLine(base)}: ${bestBefore.inspection.map((step) => inWords(inspectionWords, step.id)).join(", ")}`,
      );
    if (traffic)
      line(
        "traffic",
        `${oneLine(base)}: ${tierStyle(s, traffic.status)(traffic.status)}, ${traffic.hosts.length} hosts; third parties: ${oneLine(thirdParties(traffic))}; server countries: ${serverCountries(traffic)}`,
      );
  }
  const signingResults =
    signing === undefined ? undefined : await signingDemo(context, signing, signedLabels, write, line);
  write("best-before.json", json(demoLabels.map((l) => ({ label: l.label.id, bestBefore: l.bestBefore ?? null }))));
  write("traffic.json", json(demoLabels.filter((l) => l.traffic).map((l) => ({ label: l.label.id, ...l.traffic }))));

  // 3. Runtime samples against the declared reference values.
  const runtime: DemoResults["runtime"][number][] = [];
  for (const r of runtimeFiles) {
    const labelFile = join(examples, r.label);
    // The labels were read and checked above; a runtime file's label is one of them.
    const label = demoLabels.find((l) => l.file === labelFile)?.label ?? (await readLabel(labelFile));
    const summary = await compareSamples(
      label,
      join(examples, r.file),
      { stage: "operating", holdSeconds: 120 },
      labelFile,
    );
    runtime.push({ file: r.file, label: label.id, summary });
    const worst = summary.devices.filter((d) => d.status === summary.status);
    line(
      "compare",
      `${oneLine(r.file)}: ${summary.samples} samples from ${summary.devices.length} devices, ${tierStyle(s, summary.status)(summary.status)}${summary.status === "affirming" ? "" : ` (${worst.map((d) => `${oneLine(d.device)}: ${d.actions.join(" -> ")}`).join("; ")})`}`,
    );
  }
  write("runtime.json", json(runtime));

  const words = { catalog: maturity.describeCatalog(report.catalog), policy: maturity.describePolicy(report.policy) };
  write("index.html", demoPage({ asOf, report, words, labels: demoLabels, runtime }));
  if (options.json)
    io.out(
      json({
        asOf,
        examples,
        report: join(out, "index.html"),
        assessment: {
          level: report.level,
          levelIfUnknownsMet: report.levelIfUnknownsMet,
          roadmap: report.roadmap.length,
        },
        labels: demoLabels.map((l) => ({
          id: l.label.id,
          bestBefore: l.bestBefore?.bestBefore ?? null,
          status: l.bestBefore?.status ?? null,
          traffic: l.traffic?.status ?? null,
          signed: l.label.signatures !== undefined,
        })),
        ...(signingResults === undefined ? {} : signingResults),
        runtime: runtime.map((r) => ({
          file: r.file,
          status: r.summary.status,
          devices: r.summary.devices.map((d) => ({ device: d.device, status: d.status, actions: d.actions })),
        })),
      }),
    );
  else io.out(`Report: ${s.bold(oneLine(join(out, "index.html")))}\n`);
  return 0;
}
