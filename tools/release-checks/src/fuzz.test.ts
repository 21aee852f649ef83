// Fuzzing of every public parser and entry point: random hostile values, and valid documents
// with one place changed. Every call must answer: no exception, a Result with located issues,
// the input left as it was, Object.prototype untouched. `pnpm fuzz` runs the full counts (over
// a million calls in all); the test suite runs a five-hundredth of them.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fc, test } from "@fast-check/vitest";
import { computeBestBefore } from "@miotsec/best-before";
import { parseVex } from "@miotsec/best-before/vex";
import { run } from "@miotsec/cli";
import { applyProfile, miotCatalog, parseCatalog } from "@miotsec/criteria";
import { migrateLabel, parseLabel, qrPayload, toCyberTrustMark, toCycloneDx, toMud } from "@miotsec/label";
import { assess, assessLevels, assessMany, toMarkdown, toOscalAssessmentResults } from "@miotsec/maturity";
import { renderLabelHtml, renderLabelSvg } from "@miotsec/render";
import {
  compareRuntimeFacts,
  createMonitor,
  parseHar,
  parseMitmproxyFlows,
  parseRuntimeProfile,
  type RuntimeProfile,
} from "@miotsec/runtime-facts";
import { compareEndpoints } from "@miotsec/runtime-facts/endpoints";
import {
  type Jwks,
  type LabelStatus,
  parseLabelStatus,
  pinKeys,
  signLabel,
  signLabelStatus,
  verifyLabel,
} from "@miotsec/trust";
import { afterAll, describe, expect } from "vitest";
import { certification } from "./entries.mjs";
import {
  answered,
  answeredAsync,
  answeredOnce,
  calls,
  deepFreeze,
  exotic,
  flowsDoc,
  full,
  harDoc,
  hospitalDoc,
  hostile,
  hostileJson,
  labelDocs,
  mutation,
  nasty,
  runs,
  slowest,
} from "./fuzz.test-support.js";

const wifi = labelDocs[0] as Record<string, unknown>;
const pump = labelDocs[2] as Record<string, unknown>;
const profile = (wifi.runtime ?? {}) as RuntimeProfile;
const asOfArb = fc.oneof(fc.constant("2026-11-28"), nasty);
const anyLabel = fc.oneof(hostile, ...labelDocs.map((d) => mutation(d)));

/** The property runs of this run: the sum of every property's numRuns. */
let propertyRuns = 0;
const planned = (n: number) => {
  const k = runs(n);
  propertyRuns += k;
  return k;
};

afterAll(() => {
  if (!full) return;
  const rows = [...calls].sort(([a], [b]) => (a < b ? -1 : 1));
  const total = rows.reduce((sum, [, n]) => sum + n, 0);
  const lines = rows.map(
    ([t, n]) => `| \`${t}\` | ${n.toLocaleString("en")} | ${(slowest.get(t) ?? 0).toFixed(1)} ms |`,
  );
  writeFileSync(
    new URL("../.reports/fuzz.md", import.meta.url),
    `${propertyRuns.toLocaleString("en")} property runs, ${total.toLocaleString("en")} calls.\n\n| target | calls | slowest call |\n| --- | ---: | ---: |\n${lines.join("\n")}\n| all | ${total.toLocaleString("en")} | |\n`,
  );
  console.log(
    `fuzz: ${propertyRuns.toLocaleString("en")} property runs, ${total.toLocaleString("en")} calls over ${rows.length} targets`,
  );
});

describe("fuzz: parsers", () => {
  test.prop([hostile], { numRuns: planned(60_000) })("parseCatalog", (x) => {
    answeredOnce("parseCatalog", () => parseCatalog(deepFreeze(x)));
  });
  test.prop([fc.oneof(hostile, mutation(miotCatalog as never))], { numRuns: planned(20_000) })(
    "parseCatalog, a changed catalog",
    (x) => {
      answeredOnce("parseCatalog", () => parseCatalog(deepFreeze(x)));
    },
  );
  test.prop(
    [
      fc.oneof(
        hostile,
        mutation({
          schemaVersion: 1,
          id: "p",
          title: "P",
          remove: ["threats"],
          setParameters: { "threats.1.1.threshold": 30 },
        }),
      ),
    ],
    {
      numRuns: planned(60_000),
    },
  )("applyProfile", (x) => {
    answeredOnce("applyProfile", () => applyProfile(miotCatalog, deepFreeze(x)));
  });
  test.prop([fc.oneof(hostile, mutation(hospitalDoc))], { numRuns: planned(120_000) })(
    "assess, and its exports",
    (x) => {
      const r = answeredOnce("assess", () => assess(miotCatalog, deepFreeze(x)));
      if (r.ok) {
        answeredOnce("toMarkdown", () => toMarkdown(r.value));
        answeredOnce("toOscalAssessmentResults", () => toOscalAssessmentResults(r.value));
      }
    },
  );
  test.prop([hostile], { numRuns: planned(30_000) })("assess, a hostile policy", (x) => {
    answeredOnce("assess", () => assess(miotCatalog, hospitalDoc, { policy: deepFreeze(x) as never }));
  });
  test.prop([fc.oneof(hostile, mutation(pump.lifecycle as never)), asOfArb], { numRuns: planned(100_000) })(
    "computeBestBefore",
    (x, asOf) => {
      answeredOnce("computeBestBefore", () => computeBestBefore(deepFreeze(x), { asOf: asOf as string }));
    },
  );
  test.prop([fc.oneof(hostile, mutation(profile as never))], { numRuns: planned(60_000) })(
    "parseRuntimeProfile",
    (x) => {
      answeredOnce("parseRuntimeProfile", () => parseRuntimeProfile(deepFreeze(x)));
    },
  );
  const observation = {
    metrics: { cpuPercent: { value: 50, unit: "%" } },
    facts: { bootLoaderVerified: true },
    activeServices: ["imaging"],
  };
  test.prop(
    [
      fc.oneof(hostile, mutation(observation)),
      fc.oneof(fc.constantFrom("integration", "operating", "failSafe"), nasty),
    ],
    {
      numRuns: planned(100_000),
    },
  )("compareRuntimeFacts", (x, stage) => {
    answeredOnce("compareRuntimeFacts", () => compareRuntimeFacts(profile, deepFreeze(x), { stage: stage as never }));
  });
  const sample = { device: "d1", metric: "cpuPercent", value: 50, unit: "%", at: 1_000 };
  test.prop([fc.array(fc.oneof(hostile, mutation(sample)), { minLength: 1, maxLength: 8 })], {
    numRuns: planned(60_000),
  })("createMonitor: update, updateDevice and tick", (xs) => {
    const made = answeredOnce("createMonitor", () => createMonitor(profile, { stage: "operating", holdSeconds: 10 }));
    if (!made.ok) throw new Error("createMonitor refused the example profile");
    const monitor = made.value;
    for (const x of xs) {
      answeredOnce("createMonitor", () => monitor.update(deepFreeze(x) as never));
      // The sample's time and value, where they can be read, go into a reading of their own.
      let at: unknown;
      let value: unknown;
      try {
        ({ at, value } = x as { at?: unknown; value?: unknown });
      } catch {
        // An exotic sample: it went to update above as it is.
      }
      answeredOnce("createMonitor", () => monitor.updateDevice("d2", at as number, [value as number, Number.NaN]));
      // A hostile value where a device handle goes.
      answeredOnce("createMonitor", () => monitor.updateDevice(value as number, 1_000, [50]));
    }
    answeredOnce("createMonitor", () => monitor.tick(Number.MAX_SAFE_INTEGER));
  });
  test.prop(
    [fc.oneof(hostile, mutation(harDoc)), fc.oneof(fc.constant({ "cdn-settings.segment.com": "US" }), hostile)],
    {
      numRuns: planned(60_000),
    },
  )("parseHar", (x, countries) => {
    answeredOnce("parseHar", () => parseHar(deepFreeze(x), { countries: deepFreeze(countries) as never }));
  });
  test.prop(
    [fc.oneof(hostile, mutation(flowsDoc)), fc.oneof(fc.constant({ "cdn-settings.segment.com": "1.2" }), hostile)],
    {
      numRuns: planned(60_000),
    },
  )("parseMitmproxyFlows", (x, tls) => {
    answeredOnce("parseMitmproxyFlows", () => parseMitmproxyFlows(deepFreeze(x), { tls: deepFreeze(tls) as never }));
  });
  const observed = [{ host: "cloud.wired-scanner.example", port: 443, tls: "1.2", country: "US" }];
  test.prop([fc.oneof(hostile, mutation(observed as never))], { numRuns: planned(60_000) })("compareEndpoints", (x) => {
    answeredOnce("compareEndpoints", () => compareEndpoints(profile.endpoints ?? [], deepFreeze(x)));
  });
  test.prop([anyLabel], { numRuns: planned(150_000) })("parseLabel and migrateLabel", (x) => {
    deepFreeze(x);
    answeredOnce("parseLabel", () => parseLabel(x));
    answeredOnce("migrateLabel", () => migrateLabel(x));
  });
});

describe("fuzz: exporters and renderers", () => {
  test.prop([fc.oneof(...labelDocs.map((d) => mutation(d))), fc.oneof(fc.constant("https://labels.example"), nasty)], {
    numRuns: planned(60_000),
  })("qrPayload, toCycloneDx, toCyberTrustMark, toMud on changed labels, parsed or not", (x, base) => {
    deepFreeze(x);
    const r = parseLabel(x);
    for (const label of r.ok ? [r.value, x] : [x]) {
      answeredOnce("qrPayload", () => qrPayload(label as never, base as string));
      answeredOnce("toCycloneDx", () => toCycloneDx(label as never));
      answeredOnce("toCyberTrustMark", () => toCyberTrustMark(label as never, certification));
      answeredOnce("toCyberTrustMark", () =>
        toCyberTrustMark(label as never, deepFreeze({ ...certification, created: base }) as never),
      );
      answeredOnce("toMud", () => toMud(label as never));
    }
  });
  test.prop([anyLabel, asOfArb], { numRuns: planned(25_000) })("renderLabelSvg and renderLabelHtml", (x, asOf) => {
    deepFreeze(x);
    const svg = answeredOnce("renderLabelSvg", () => renderLabelSvg(x, { asOf: asOf as string }));
    const html = answeredOnce("renderLabelHtml", () => renderLabelHtml(x, { asOf: asOf as string }));
    expect(svg.ok).toBe(html.ok);
  });
});

describe("fuzz: vulnerability documents", () => {
  const purl = "pkg:generic/wireless-scanner.example/us-w1@4.2.1";
  const openvex = {
    "@context": "https://openvex.dev/ns/v0.2.0",
    "@id": "https://wireless-scanner.example/vex/1",
    statements: [
      {
        vulnerability: { name: "CVE-2026-1" },
        products: [{ "@id": purl }],
        status: "affected",
        timestamp: "2026-11-02T00:00:00Z",
      },
    ],
  };
  const cyclonedx = {
    bomFormat: "CycloneDX",
    specVersion: "1.6",
    components: [{ "bom-ref": "d", purl }],
    vulnerabilities: [{ id: "CVE-2026-1", analysis: { state: "exploitable" }, affects: [{ ref: "d" }] }],
  };
  const csaf = {
    document: {
      category: "csaf_vex",
      csaf_version: "2.0",
      tracking: {
        id: "X-1",
        initial_release_date: "2026-11-02T00:00:00Z",
        current_release_date: "2026-11-02T00:00:00Z",
      },
    },
    product_tree: {
      branches: [
        {
          category: "product_version",
          name: "4.2.1",
          product: { product_id: "P1", product_identification_helper: { purl } },
        },
      ],
    },
    vulnerabilities: [{ cve: "CVE-2026-1", product_status: { known_affected: ["P1"] } }],
  };
  test.prop([fc.oneof(mutation(openvex), mutation(cyclonedx), mutation(csaf), hostile)], { numRuns: planned(50_000) })(
    "parseVex, and the date it moves",
    (x) => {
      deepFreeze(x);
      const r = answeredOnce("parseVex", () => parseVex(x, { purl }));
      if (r.ok)
        answered("computeBestBefore (vulnerabilities)", () =>
          computeBestBefore(
            { manufacturingDate: "2025-03-10" },
            { asOf: "2026-12-02", vulnerabilities: r.value, knownExploited: ["CVE-2026-1"] },
          ),
        );
    },
  );
  test("a product tree whose relationships name each other, and a CSAF document of 10,000 vulnerabilities", () => {
    const loop = {
      ...csaf,
      product_tree: {
        ...csaf.product_tree,
        relationships: [
          {
            category: "installed_on",
            product_reference: "P1",
            relates_to_product_reference: "P2",
            full_product_name: { product_id: "P2", name: "a" },
          },
          {
            category: "installed_on",
            product_reference: "P2",
            relates_to_product_reference: "P1",
            full_product_name: { product_id: "P1", name: "b" },
          },
        ],
      },
    };
    const r = answered("parseVex", () => parseVex(loop, { purl }));
    expect(r.ok && r.value.map((s) => s.id)).toEqual(["CVE-2026-1"]);
    const huge = {
      ...csaf,
      vulnerabilities: Array.from({ length: 10_000 }, (_, i) => ({
        cve: `CVE-2026-${i}`,
        product_status: { known_affected: ["P1"] },
      })),
    };
    const h = answered("parseVex", () => parseVex(huge, { purl }));
    expect(h.ok && h.value.length).toBe(10_000);
  });
  test("10,000 statements in one document", () => {
    const many = {
      ...openvex,
      statements: Array.from({ length: 10_000 }, (_, i) => ({
        ...openvex.statements[0],
        vulnerability: { name: `CVE-2026-${i}` },
      })),
    };
    const r = answered("parseVex", () => parseVex(many, { purl }));
    expect(r.ok && r.value.length).toBe(10_000);
  });
});

describe("fuzz: signatures and label statuses", () => {
  const examples = new URL("../../../examples/", import.meta.url);
  const read = (path: string) => JSON.parse(readFileSync(new URL(path, examples), "utf8"));
  const signedLabel = read("signatures/ultrasound-wifi.signed.label.json");
  const keys = read("keys/demo-only.jwks.json") as Jwks;
  const revoked = read("signatures/ultrasound-wifi.revoked.status.json") as LabelStatus;
  const privateKey = read("keys/demo-only-test-lab-ed25519.private.jwk.json");
  // A signature's protected header as any JSON, or as text that is not JSON.
  const header = fc.oneof(
    hostileJson.map((v) => Buffer.from(JSON.stringify(v) ?? "").toString("base64url")),
    fc
      .record({ alg: nasty, kid: nasty, typ: nasty, crit: hostileJson, miotsec: hostileJson }, { requiredKeys: [] })
      .map((h) => Buffer.from(JSON.stringify(h) ?? "").toString("base64url")),
    fc.string({ maxLength: 100 }),
  );
  const signatures = fc.array(fc.record({ protected: header, signature: fc.oneof(fc.base64String(), nasty) }), {
    maxLength: 3,
  });
  const label = fc.oneof(
    mutation(signedLabel),
    signatures.map((sigs) => ({ ...signedLabel, signatures: sigs })),
    hostile,
  );
  test.prop(
    [
      label,
      fc.oneof(fc.constant(keys), mutation(keys), hostile),
      fc.option(fc.oneof(fc.constant(revoked), mutation(revoked)), { nil: undefined }),
      fc.option(fc.oneof(nasty, fc.webUrl()), { nil: undefined }),
    ],
    { numRuns: planned(10_000) },
  )("verifyLabel", async (x, k, status, qr) => {
    deepFreeze(x);
    deepFreeze(k);
    await answeredAsync("verifyLabel", () =>
      verifyLabel(x as never, {
        keys: k as never,
        asOf: "2026-12-02",
        ...(status === undefined ? {} : { status: deepFreeze(status) as never }),
        ...(qr === undefined ? {} : { qr: qr as never }),
      }),
    );
  });
  test.prop(
    [fc.oneof(mutation(signedLabel), hostile), fc.oneof(fc.constant(privateKey), mutation(privateKey), hostile)],
    {
      numRuns: planned(5_000),
    },
  )("signLabel", async (x, key) => {
    deepFreeze(x);
    await answeredAsync("signLabel", () =>
      signLabel(x as never, { privateKey: deepFreeze(key) as never, kid: "k", role: "test-lab", signer: "Lab" }),
    );
  });
  test.prop([fc.oneof(mutation(revoked), hostile)], { numRuns: planned(20_000) })(
    "parseLabelStatus and signLabelStatus",
    async (x) => {
      deepFreeze(x);
      const parsed = answeredOnce("parseLabelStatus", () => parseLabelStatus(x));
      const signed = await answeredAsync("signLabelStatus", () =>
        signLabelStatus(x as never, { privateKey, kid: "k", role: "manufacturer", signer: "Vendor" }),
      );
      expect(signed.ok).toBe(parsed.ok);
    },
  );
  test.prop([fc.oneof(mutation(keys), hostile)], { numRuns: planned(10_000) })("pinKeys", async (x) => {
    await answeredAsync("pinKeys", () => pinKeys(deepFreeze(x) as never));
  });
});

describe("fuzz: every command of the CLI on generated files", () => {
  const dir = mkdtempSync(join(tmpdir(), "miotsec-fuzz-"));
  const commands = [
    (f: string) => ["label", "validate", f],
    (f: string) => ["label", "render", f, "--as-of", "2026-11-28"],
    (f: string) => ["label", "export", f, "--format", "mud"],
    (f: string) => ["best-before", f, "--as-of", "2026-11-28"],
    (f: string) => ["assess", f],
    (f: string) => ["compare", join(dir, "wifi.label.json"), f],
    (f: string) => ["check-traffic", join(dir, "wifi.label.json"), f],
    (f: string) => ["check-traffic", f, join(dir, "capture.har")],
    (f: string) => ["label", "verify", f, "--keys", join(dir, "keys.json")],
    (f: string) => ["label", "verify", join(dir, "wifi.label.json"), "--keys", f],
    (f: string) => ["label", "verify", join(dir, "wifi.label.json"), "--keys", join(dir, "keys.json"), "--status", f],
    (f: string) => ["label", "sign", f, "--key", join(dir, "key.json"), "--role", "test-lab", "--signer", "Lab"],
    (f: string) => ["label", "sign", join(dir, "wifi.label.json"), "--key", f, "--role", "test-lab", "--signer", "Lab"],
  ];
  writeFileSync(join(dir, "wifi.label.json"), JSON.stringify(wifi));
  writeFileSync(join(dir, "capture.har"), JSON.stringify(harDoc));
  const examplesDir = new URL("../../../examples/", import.meta.url);
  writeFileSync(join(dir, "keys.json"), readFileSync(new URL("keys/demo-only.jwks.json", examplesDir)));
  writeFileSync(
    join(dir, "key.json"),
    readFileSync(new URL("keys/demo-only-test-lab-ed25519.private.jwk.json", examplesDir)),
  );
  const content = fc.oneof(
    fc.string({ unit: "binary", maxLength: 200 }),
    hostileJson.map((v) => JSON.stringify(v) ?? ""),
    fc.oneof(...labelDocs.map((d) => mutation(d, hostileJson))).map((v) => JSON.stringify(v) ?? ""),
    mutation(hospitalDoc, hostileJson).map((v) => JSON.stringify(v) ?? ""),
    fc.array(hostileJson, { maxLength: 5 }).map((vs) => vs.map((v) => JSON.stringify(v)).join("\n")),
  );
  test.prop(
    [
      content,
      fc.constantFrom(".json", ".yaml", ".ndjson", ".csv", ".har"),
      fc.integer({ min: 0, max: commands.length - 1 }),
    ],
    {
      numRuns: planned(40_000),
    },
  )("answers 0, 1 or 2 with at most one line of error", async (text, ext, which) => {
    const file = join(dir, `input${ext}`);
    writeFileSync(file, text);
    const argv = (commands[which] as (f: string) => string[])(file);
    let err = "";
    const target = `miotsec ${argv[0] === "label" ? `label ${argv[1]}` : argv[0]}`;
    calls.set(target, (calls.get(target) ?? 0) + 1);
    // The call is asynchronous: its time runs until its answer, not until its first await.
    const start = performance.now();
    const code = await run(argv, { out: () => {}, err: (s) => (err += s), today: () => "2026-11-28", version: "0" });
    const ms = performance.now() - start;
    if (ms > (slowest.get(target) ?? 0)) slowest.set(target, ms);
    expect([0, 1, 2]).toContain(code);
    expect(err.split("\n").length, `${argv.join(" ")}: ${err}`).toBeLessThanOrEqual(2);
    expect(err).not.toContain("internal error");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("fuzz: options and typed arguments", () => {
  // Options as documents: the valid ones changed in one place, hostile values, exotic objects.
  const options = (valid: Record<string, unknown>) => fc.oneof(mutation(valid), hostile, exotic);
  const label = labelDocs[2] as Record<string, unknown>;
  test.prop(
    [fc.oneof(hostile, mutation(flowsDoc)), fc.oneof(fc.constant({ "cdn-settings.segment.com": "1.2" }), hostile)],
    {
      numRuns: planned(60_000),
    },
  )("parseMitmproxyFlows", (x, tls) => {
    answeredOnce("parseMitmproxyFlows", () => parseMitmproxyFlows(deepFreeze(x), { tls: deepFreeze(tls) as never }));
  });
  const observed = [{ host: "cloud.wired-scanner.example", port: 443, tls: "1.2", country: "US" }];

  test.prop([options({ asOf: "2026-11-28", policy: { warningDays: 90 } })], { numRuns: planned(30_000) })(
    "computeBestBefore's options and policy",
    (o) => {
      answeredOnce("computeBestBefore (options)", () => computeBestBefore(pump.lifecycle, deepFreeze(o) as never));
    },
  );
  test.prop([options({ policy: { partial: "met" } }), options({ policy: { na: "unmet" }, detail: "levels" })], {
    numRuns: planned(30_000),
  })("assess's, assessLevels' and assessMany's options", (o, many) => {
    answeredOnce("assess (options)", () => assess(miotCatalog, hospitalDoc, deepFreeze(o) as never));
    answeredOnce("assessLevels (options)", () => assessLevels(miotCatalog, hospitalDoc, deepFreeze(o) as never));
    for (const r of assessMany(miotCatalog, [hospitalDoc], deepFreeze(many) as never))
      answeredOnce("assessMany (options)", () => r);
  });
  test.prop([fc.oneof(hostile, exotic, mutation(miotCatalog))], { numRuns: planned(3_000) })(
    "a catalog argument that is anything",
    (c) => {
      deepFreeze(c);
      answeredOnce("assess (catalog)", () => assess(c as never, hospitalDoc));
      answeredOnce("applyProfile (catalog)", () =>
        applyProfile(c as never, { schemaVersion: 1, id: "p", title: "P", remove: ["threats"] }),
      );
    },
  );
  test.prop([fc.oneof(hostile, exotic)], { numRuns: planned(10_000) })("assessments that are not an iterable", (xs) => {
    // The first result only: an array of 2^32 - 1 places is a stream of as many assessments.
    answeredOnce("assessMany (iterable)", () => assessMany(miotCatalog, xs as never).next().value);
  });
  test.prop([options({ asOf: "2026-11-28", qrBaseUrl: "https://labels.example" })], { numRuns: planned(10_000) })(
    "the renderers' options",
    (o) => {
      deepFreeze(o);
      answeredOnce("renderLabelSvg (options)", () => renderLabelSvg(label, o as never));
      answeredOnce("renderLabelHtml (options)", () => renderLabelHtml(label, o as never));
    },
  );
  test.prop(
    [options({ mudUrl: "https://labels.example/mud.json", lastUpdate: "2026-11-28" }), options(certification)],
    {
      numRuns: planned(20_000),
    },
  )("the exporters' options", (mud, cert) => {
    answeredOnce("toMud (options)", () => toMud(label as never, deepFreeze(mud) as never));
    answeredOnce("toCyberTrustMark (options)", () => toCyberTrustMark(label as never, deepFreeze(cert) as never));
  });
  test.prop(
    [
      options({ stage: "operating", holdSeconds: { cpuPercent: 60 }, recovery: 1, staleAfterSeconds: 30 }),
      fc.oneof(fc.constant(profile), hostile, exotic, mutation(profile)),
    ],
    { numRuns: planned(30_000) },
  )("createMonitor's options and profile", (o, p) => {
    answered("createMonitor (options)", () => createMonitor(deepFreeze(p) as never, deepFreeze(o) as never));
  });
  test.prop(
    [options({ stage: "operating", asOf: 1_000 }), fc.oneof(fc.constant(profile), hostile, exotic, mutation(profile))],
    { numRuns: planned(30_000) },
  )("compareRuntimeFacts' options and profile", (o, p) => {
    answeredOnce("compareRuntimeFacts (options)", () =>
      compareRuntimeFacts(deepFreeze(p) as never, { metrics: {} }, deepFreeze(o) as never),
    );
  });
  test.prop([fc.oneof(mutation(profile.endpoints ?? []), hostile, exotic)], { numRuns: planned(20_000) })(
    "compareEndpoints' declarations",
    (declared) => {
      answeredOnce("compareEndpoints (declared)", () => compareEndpoints(deepFreeze(declared) as never, observed));
    },
  );
  test.prop([options({ countries: { "cdn-settings.segment.com": "US" } })], { numRuns: planned(20_000) })(
    "parseHar's options",
    (o) => {
      answeredOnce("parseHar (options)", () => parseHar(harDoc, deepFreeze(o) as never));
    },
  );
  test.prop([fc.oneof(hostile, exotic), fc.oneof(hostile, exotic)], { numRuns: planned(20_000) })(
    "the monitor's samples and readings of any kind",
    (sample, values) => {
      const made = createMonitor(profile, { stage: "operating" });
      if (!made.ok) throw new Error("createMonitor refused the example profile");
      answered("createMonitor", () => made.value.update(sample as never));
      answered("createMonitor", () => made.value.updateDevice("d", 1_000, values as never));
      answered("createMonitor", () => made.value.updateDevice(made.value.deviceHandle("e"), 1_000, values as never));
    },
  );
});
