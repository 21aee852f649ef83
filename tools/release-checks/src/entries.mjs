// Every library entry point on fixed inputs (the examples, and bad input), as JSON text: the
// determinism test compares these across runs, time zones and locales. Plain JavaScript, so
// that a child process with another TZ and LANG can run it on the built packages.
import { readFileSync } from "node:fs";
import { computeBestBefore } from "@miotsec/best-before";
import { addMonths, canonicalJson, parseIsoDate, sha256Hex, uuidV5 } from "@miotsec/core";
import {
  applyProfile,
  catalogJsonSchema,
  diffCatalogs,
  miotCatalog,
  parseCatalog,
  toOscalCatalog,
} from "@miotsec/criteria";
import {
  labelJsonSchema,
  migrateLabel,
  parseLabel,
  qrPayload,
  toCyberTrustMark,
  toCycloneDx,
  toMud,
} from "@miotsec/label";
import {
  assess,
  assessMany,
  assessmentFromLabel,
  compareReports,
  summarize,
  toMarkdown,
  toOscalAssessmentResults,
} from "@miotsec/maturity";
import { renderLabelHtml, renderLabelSvg } from "@miotsec/render";
import { compareRuntimeFacts, createMonitor, parseHar, parseMitmproxyFlows } from "@miotsec/runtime-facts";
import { compareEndpoints } from "@miotsec/runtime-facts/endpoints";
import { parse } from "yaml";

const examples = new URL("../../../examples/", import.meta.url);
const read = (path) => readFileSync(new URL(path, examples), "utf8");
/** The example labels: the two scanners of §VI, then the infusion pump, then Table I's. */
export const labels = ["ultrasound-wifi", "ultrasound-usbc", "infusion-pump-full", "table-1"].map((n) =>
  JSON.parse(read(`labels/${n}.label.json`)),
);
/** The sample hospital's assessment. */
export const hospital = parse(read("assessments/hospital.assessment.yaml"));
const samples = read("runtime/ward-3.samples.ndjson")
  .trim()
  .split("\n")
  .map((line) => {
    const s = JSON.parse(line);
    return { ...s, at: Date.parse(s.at) };
  });
/** A HAR capture of the wired scanner's app. */
export const har = JSON.parse(read("traffic/ultrasound-usbc.har"));
const countries = JSON.parse(read("traffic/countries.json"));
export const flows = JSON.parse(read("traffic/ultrasound-usbc.flows.json"));
const organisations = JSON.parse(read("traffic/organisations.json"));
/** What only certification knows, for `toCyberTrustMark`. */
export const certification = {
  authorizationDate: "2026-10-01",
  authorizedBy: { name: "Example CLA", contact: "cla@example.org" },
  testedBy: { name: "Example Lab", contact: "lab@example.org" },
  created: "2026-10-01T00:00:00Z",
  modified: "2026-11-28T00:00:00Z",
};
const asOf = "2026-11-28";
const value = (r) => (r.ok ? r.value : r);

/** Entry point name to a function that returns its output. */
export const entries = {
  parseIsoDate: () => [parseIsoDate("2024-02-29"), parseIsoDate("2023-02-29")],
  addMonths: () => addMonths("2024-01-31", 1),
  uuidV5: () => uuidV5("miotsec"),
  sha256Hex: () => sha256Hex("miotsec ü"),
  parseCatalog: () => [parseCatalog(miotCatalog), parseCatalog({ schemaVersion: 1 })],
  toOscalCatalog: () => toOscalCatalog(miotCatalog),
  catalogJsonSchema: () => catalogJsonSchema(),
  applyProfile: () =>
    applyProfile(miotCatalog, {
      schemaVersion: 1,
      id: "p",
      title: "P",
      remove: ["security-costs"],
      setParameters: { "threats.1.1.threshold": 30 },
    }),
  diffCatalogs: () => {
    const tailored = applyProfile(miotCatalog, { schemaVersion: 1, id: "p", title: "P", remove: ["threats"] });
    return diffCatalogs(miotCatalog, value(tailored));
  },
  assess: () => [assess(miotCatalog, hospital), assess(miotCatalog, { ...hospital, asOf: "2026-02-30" })],
  toMarkdown: () => [toMarkdown(value(assess(miotCatalog, hospital))), toMarkdown(null)],
  toOscalAssessmentResults: () => [
    toOscalAssessmentResults(value(assess(miotCatalog, hospital))),
    toOscalAssessmentResults(null),
  ],
  compareReports: () => [
    compareReports(value(assess(miotCatalog, { ...hospital, answers: {} })), value(assess(miotCatalog, hospital))),
    compareReports(null, null),
  ],
  assessMany: () => [...assessMany(miotCatalog, [hospital, { ...hospital, answers: {} }], { detail: "levels" })],
  summarize: () =>
    summarize([value(assess(miotCatalog, hospital)), value(assess(miotCatalog, { ...hospital, answers: {} }))]),
  computeBestBefore: () => labels.map((l) => computeBestBefore(l.lifecycle, { asOf })),
  compareRuntimeFacts: () =>
    compareRuntimeFacts(
      value(parseLabel(labels[0])).runtime,
      {
        metrics: { cpuPercent: { value: 99.5, unit: "%" }, bootSeconds: { value: 2, unit: "s" } },
        facts: { bootLoaderVerified: false },
      },
      { stage: "integration" },
    ),
  createMonitor: () => {
    const monitor = value(
      createMonitor(value(parseLabel(labels[0])).runtime, { stage: "operating", holdSeconds: 120 }),
    );
    return [...samples.flatMap((s) => monitor.update(s)), ...monitor.tick(samples.at(-1).at + 3_600_000)];
  },
  parseHar: () => [parseHar(har, { countries }), parseHar({ log: { entries: [{ request: { url: "not a url" } }] } })],
  assessmentFromLabel: () => labels.map((l) => assessmentFromLabel(l, miotCatalog, { asOf: "2026-11-28" })),
  parseMitmproxyFlows: () => [parseMitmproxyFlows(flows, { countries }), parseMitmproxyFlows([{ request: {} }])],
  compareEndpoints: () =>
    compareEndpoints(value(parseLabel(labels[1])).runtime.endpoints, value(parseHar(har, { countries })), {
      organisations,
    }),
  parseLabel: () => [...labels.map((l) => parseLabel(l)), parseLabel({ schemaVersion: 1, id: 7 })],
  migrateLabel: () => [migrateLabel(labels[0]), migrateLabel({ schemaVersion: 99 })],
  qrPayload: () => labels.map((l) => qrPayload(value(parseLabel(l)), l.qrTarget)),
  canonicalJson: () => labels.map((l) => canonicalJson(l)),
  toCycloneDx: () => labels.map((l) => value(toCycloneDx(value(parseLabel(l))))),
  toCyberTrustMark: () => labels.map((l) => toCyberTrustMark(value(parseLabel(l)), certification)),
  toMud: () => labels.map((l) => value(toMud(value(parseLabel(l))))),
  labelJsonSchema: () => labelJsonSchema(),
  renderLabelSvg: () => labels.map((l) => renderLabelSvg(l, { asOf })),
  renderLabelHtml: () => labels.map((l) => renderLabelHtml(l, { asOf })),
};

/** Every entry point's output as JSON text. */
export function outputs() {
  return Object.fromEntries(Object.entries(entries).map(([name, fn]) => [name, JSON.stringify(fn())]));
}

// As a child process: print the SHA-256 of each output, and the locale and time zone it ran in.
if (process.argv[1] === new URL(import.meta.url).pathname) {
  const { createHash } = await import("node:crypto");
  const hashes = Object.fromEntries(
    Object.entries(outputs()).map(([name, json]) => [name, createHash("sha256").update(json).digest("hex")]),
  );
  const { locale, timeZone } = Intl.DateTimeFormat().resolvedOptions();
  console.log(
    JSON.stringify({ locale, timeZone, offset: new Date("2026-11-28T00:00:00Z").getTimezoneOffset(), hashes }),
  );
}
