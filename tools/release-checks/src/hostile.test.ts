// Hand-made hostile inputs for every entry point, its options and its typed arguments, as the
// whole input and in place of each top-level field of a valid one: prototype keys, a 10 MB
// string, a 100,000-element array, 10,000-deep nesting, NaN, infinities, -0, impossible dates,
// lone surrogates, BOMs, cycles, shared structures, holes, objects that are not plain data,
// throwing getters and Proxy traps, line terminators and terminal escapes. And every command on
// hostile files: the same as JSON and YAML, bytes that are not UTF-8, UTF-16, a symbolic link
// loop, a named pipe and a device.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { computeBestBefore } from "@miotsec/best-before";
import { run } from "@miotsec/cli";
import { applyProfile, miotCatalog, parseCatalog } from "@miotsec/criteria";
import { migrateLabel, parseLabel, qrPayload, toCyberTrustMark, toCycloneDx, toMud } from "@miotsec/label";
import { assess, assessMany } from "@miotsec/maturity";
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
import { describe, expect, it } from "vitest";
import { certification } from "./entries.mjs";
import { answered, deepFreeze, flowsDoc, harDoc, hospitalDoc, labelDocs } from "./fuzz.test-support.js";

function nested(depth: number, array: boolean): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = array ? [v] : { a: v };
  return v;
}

/** The hostile values, by name. Built once; each is frozen, so a mutation would throw. */
const hostileValues: Record<string, unknown> = {
  "__proto__ / constructor / prototype keys": JSON.parse(
    '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"prototype":{"polluted":true}}',
  ),
  "a 10 MB string": "a".repeat(10 * 2 ** 20),
  "a 100,000-element array": Array.from({ length: 100_000 }, (_, i) => ({ i })),
  "10,000-deep objects": nested(10_000, false),
  "10,000-deep arrays": nested(10_000, true),
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  "-Infinity": Number.NEGATIVE_INFINITY,
  "-0": -0,
  "an impossible date": "2023-02-29",
  "a date with month 13": "2026-13-01",
  "a lone surrogate": "\uD800x\uDC00",
  "a BOM": "\uFEFF",
  "a BOM before JSON": '\uFEFF{"schemaVersion":1}',
  "an object that contains itself": (() => {
    const o: Record<string, unknown> = { a: 1 };
    o.self = o;
    return o;
  })(),
  "[x, x] nested 40 deep (2^40 values written out)": (() => {
    let shared: unknown = { a: 1 };
    for (let i = 0; i < 40; i++) shared = [shared, shared];
    return shared;
  })(),
  "an array with one element at index 10^9": (() => {
    const a: unknown[] = [];
    a[1e9] = 1;
    return a;
  })(),
  "a Map with a __proto__ key": new Map([["__proto__", { polluted: true }]]),
  "a class instance": new (class Device {
    name = "x";
  })(),
  "a Proxy whose traps throw": new Proxy(
    {},
    {
      ownKeys: () => {
        throw new Error("boom");
      },
      get: () => {
        throw new Error("boom");
      },
    },
  ),
  "a throwing getter": Object.defineProperty({}, "schemaVersion", {
    enumerable: true,
    get: () => {
      throw new Error("boom");
    },
  }),
  "a line of CR, NEL and Unicode separators": "a\rb\u0085c\u2028d\u2029e",
  "terminal escapes": "\u001b[2J\u001b]0;owned\u0007\u009b31m\u202e",
  toString: "toString",
};
for (const v of Object.values(hostileValues)) deepFreeze(v);

const wifi = labelDocs[0] as Record<string, unknown>;
const pump = labelDocs[2] as Record<string, unknown>;
const profile = wifi.runtime as RuntimeProfile;

/** Entry points, each with the valid document whose fields get replaced. */
const targets: { name: string; doc: Record<string, unknown>; call: (input: unknown) => unknown }[] = [
  { name: "parseCatalog", doc: miotCatalog as never, call: (x) => parseCatalog(x) },
  {
    name: "applyProfile",
    doc: { schemaVersion: 1, id: "p", title: "P", remove: ["threats"] },
    call: (x) => applyProfile(miotCatalog, x),
  },
  { name: "assess", doc: hospitalDoc, call: (x) => assess(miotCatalog, x) },
  {
    name: "assess (policy)",
    doc: { partial: "met" },
    call: (x) => assess(miotCatalog, hospitalDoc, { policy: x as never }),
  },
  {
    name: "computeBestBefore",
    doc: pump.lifecycle as never,
    call: (x) => computeBestBefore(x, { asOf: "2026-11-28" }),
  },
  {
    name: "computeBestBefore (asOf)",
    doc: { asOf: "2026-11-28" },
    // The hostile value as the date itself (and, for each field, the object around it).
    call: (x) => computeBestBefore(pump.lifecycle, { asOf: x as string }),
  },
  { name: "parseRuntimeProfile", doc: profile as never, call: (x) => parseRuntimeProfile(x) },
  {
    name: "compareRuntimeFacts",
    doc: { metrics: { cpuPercent: { value: 50, unit: "%" } }, facts: { bootLoaderVerified: true } },
    call: (x) => compareRuntimeFacts(profile, x, { stage: "operating" }),
  },
  { name: "parseHar", doc: harDoc, call: (x) => parseHar(x) },
  {
    name: "parseMitmproxyFlows",
    doc: flowsDoc[0] as Record<string, unknown>,
    call: (x) => parseMitmproxyFlows([x]),
  },
  {
    name: "compareEndpoints",
    doc: { host: "a.example", port: 443, tls: "1.2" },
    call: (x) => compareEndpoints(profile.endpoints, [x]),
  },
  { name: "parseLabel", doc: wifi, call: (x) => parseLabel(x) },
  { name: "migrateLabel", doc: wifi, call: (x) => migrateLabel(x) },
  { name: "renderLabelSvg", doc: wifi, call: (x) => renderLabelSvg(x, { asOf: "2026-11-28" }) },
  { name: "renderLabelHtml", doc: pump, call: (x) => renderLabelHtml(x, { asOf: "2026-11-28" }) },
  {
    name: "renderLabelSvg (options)",
    doc: { asOf: "2026-11-28", qrBaseUrl: "https://labels.example" },
    call: (x) => renderLabelSvg(wifi, x as never),
  },
  {
    name: "computeBestBefore (options)",
    doc: { asOf: "2026-11-28" },
    call: (x) => computeBestBefore(pump.lifecycle, x as never),
  },
  {
    name: "assess (options)",
    doc: { policy: { partial: "met" } },
    call: (x) => assess(miotCatalog, hospitalDoc, x as never),
  },
  { name: "assess (catalog)", doc: miotCatalog as never, call: (x) => assess(x as never, hospitalDoc) },
  {
    name: "applyProfile (catalog)",
    doc: miotCatalog as never,
    call: (x) => applyProfile(x as never, { schemaVersion: 1, id: "p", title: "P", remove: ["threats"] }),
  },
  { name: "assessMany", doc: { detail: "levels" }, call: (x) => assessMany(miotCatalog, x as never).next().value },
  {
    name: "createMonitor",
    doc: { stage: "operating", holdSeconds: 60 },
    call: (x) => createMonitor(profile, x as never),
  },
  {
    name: "createMonitor (profile)",
    doc: profile as never,
    call: (x) => createMonitor(x as never, { stage: "operating" }),
  },
  {
    name: "compareRuntimeFacts (profile)",
    doc: profile as never,
    call: (x) => compareRuntimeFacts(x as never, {}, { stage: "operating" }),
  },
  {
    name: "compareEndpoints (declared)",
    doc: { declared: profile.endpoints },
    call: (x) => compareEndpoints(x as never, []),
  },
  { name: "parseHar (options)", doc: { countries: { "a.example": "US" } }, call: (x) => parseHar(harDoc, x as never) },
  {
    name: "parseMitmproxyFlows (options)",
    doc: { countries: { "a.example": "US" }, tls: { "a.example": "1.2" } },
    call: (x) => parseMitmproxyFlows(flowsDoc, x as never),
  },
  {
    name: "compareEndpoints (options)",
    doc: { organisations: { "segment.com": "Segment" } },
    call: (x) => compareEndpoints(profile.endpoints, [], x as never),
  },
  { name: "toMud", doc: { mudUrl: "https://labels.example/mud.json" }, call: (x) => toMud(wifi as never, x as never) },
  { name: "toCycloneDx", doc: wifi, call: (x) => toCycloneDx(x as never) },
  { name: "toCyberTrustMark", doc: certification, call: (x) => toCyberTrustMark(pump as never, x as never) },
  { name: "qrPayload", doc: wifi, call: (x) => qrPayload(x as never, "https://labels.example") },
  {
    name: "monitor.update",
    doc: { device: "d", metric: "cpuPercent", value: 1, unit: "%", at: 0 },
    call: (x) => {
      const m = createMonitor(profile, { stage: "operating" });
      return m.ok ? { ok: true, value: [m.value.update(x as never), m.value.updateDevice("d", 0, x as never)] } : m;
    },
  },
];

describe("hostile input", () => {
  it.each(targets.map((t) => [t.name, t] as const))(
    "%s answers every hostile value, whole and in every field",
    (_, t) => {
      for (const [what, value] of Object.entries(hostileValues)) {
        answered(t.name, () => t.call(value));
        for (const key of Object.keys(t.doc)) {
          const doc = { ...t.doc };
          Object.defineProperty(doc, key, { value, enumerable: true });
          deepFreeze(doc);
          const r = answered(t.name, () => t.call(doc)) as { ok?: boolean };
          expect(typeof r, `${t.name} with ${what} at ${key}`).toBe("object");
        }
      }
    },
  );

  it("refuses prototype keys in a label at any depth, and leaves Object.prototype alone", () => {
    const text = JSON.stringify(wifi).replace('"identity":{', '"identity":{"__proto__":{"polluted":true},');
    const r = answered("parseLabel", () => parseLabel(deepFreeze(JSON.parse(text))));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.path).toEqual(["identity", "__proto__"]);
  });

  it("every command of the CLI answers hostile files with exit 2 and one line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "miotsec-hostile-"));
    const labelFile = join(dir, "wifi.label.json");
    writeFileSync(labelFile, JSON.stringify(wifi));
    const texts: Record<string, string> = {
      "prototype keys": '{"__proto__":{"polluted":true}}',
      "a 10 MB string": JSON.stringify("a".repeat(10 * 2 ** 20)),
      "10,000-deep nesting": `${"[".repeat(10_000)}${"]".repeat(10_000)}`,
      "NaN in YAML": "schemaVersion: .nan\n",
      "a lone surrogate": '{"id":"\\ud800"}',
      "a BOM only": "\uFEFF",
    };
    const special: Record<string, (file: string) => void> = {
      "bytes that are not UTF-8": (f) => writeFileSync(f, Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d])),
      "UTF-16 with a byte-order mark": (f) => writeFileSync(f, Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00])),
      "a symbolic link to itself": (f) => symlinkSync(basename(f), f),
      "a named pipe": (f) => execFileSync("mkfifo", [f]),
    };
    const cases: [string, (file: string) => void][] = [
      ...Object.entries(texts).map(([what, text]): [string, (file: string) => void] => [
        what,
        (f) => writeFileSync(f, text),
      ]),
      ...Object.entries(special),
    ];
    for (const [what, make] of cases)
      for (const ext of [".json", ".yaml"]) {
        const file = join(dir, `hostile${ext}`);
        rmSync(file, { force: true });
        make(file);
        for (const argv of [
          ["label", "validate", file],
          ["label", "render", file],
          ["best-before", file],
          ["assess", file],
          ["compare", labelFile, file],
          ["check-traffic", labelFile, file],
        ]) {
          let err = "";
          const code = await run(argv, {
            out: () => {},
            err: (s) => (err += s),
            today: () => "2026-11-28",
            version: "0",
          });
          expect(code, `${what} (${ext}): ${argv.join(" ")}: ${err}`).toBe(2);
          expect(err.split("\n"), `${what}: ${argv.join(" ")}`).toHaveLength(2);
          expect(err).not.toContain("internal error");
        }
      }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
