import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { countryCodeSchema } from "./country.js";
import { forbiddenKeys, inspectInput } from "./guard.js";
import { isoDateSchema } from "./iso-date.js";
import { coreIssueCodes } from "./issue.js";
import { parseWith } from "./parse.js";

const device = z.strictObject({
  name: z.string().check(z.maxLength(200)),
  country: countryCodeSchema,
  made: isoDateSchema,
  share: z.number().check(z.gte(0), z.lte(1)),
  ports: z.array(z.strictObject({ port: z.int().check(z.gte(1), z.lte(65535)), tls: z.optional(z.boolean()) })),
  kind: z.enum(["scanner", "pump"]),
});

const validDevice = fc.record({
  name: fc.string({ maxLength: 200 }),
  country: fc.constantFrom("DE", "IT", "US"),
  made: fc.constantFrom("2024-02-29", "2021-06-01"),
  share: fc.double({ min: 0, max: 1, noNaN: true }),
  ports: fc.array(fc.record({ port: fc.integer({ min: 1, max: 65535 }) }), { maxLength: 5 }),
  kind: fc.constantFrom("scanner", "pump"),
});

describe("parseWith", () => {
  test.prop([
    fc.oneof(
      validDevice,
      fc.anything(),
      fc.tuple(validDevice, fc.anything()).map(([d, kind]) => ({ ...d, kind })),
    ),
  ])("the compiled fast path answers as zod's ordinary parser does (z.config({ jitless: true }))", (input) => {
    const compiled = parseWith(device, input);
    z.config({ jitless: true });
    try {
      expect(parseWith(device, input)).toEqual(compiled);
    } finally {
      z.config({ jitless: false });
    }
  });

  test.prop([validDevice])("accepts every valid document and returns an equal value", (doc) => {
    expect(parseWith(device, doc)).toEqual({ ok: true, value: doc });
  });

  test.prop([validDevice, fc.constantFrom("name", "country", "made", "share", "ports", "kind"), fc.anything()])(
    "an issue's path points at the offending key",
    (doc, key, bad) => {
      const broken = { ...doc, [key]: bad };
      const r = parseWith(device, broken);
      if (r.ok) return; // `bad` happened to be valid for that key
      for (const i of r.issues) expect(i.path[0]).toBe(key);
    },
  );

  test.prop([
    validDevice,
    fc
      .string({ minLength: 1 })
      .filter(
        (k) =>
          !["name", "country", "made", "share", "ports", "kind", "__proto__", "constructor", "prototype"].includes(k),
      ),
  ])("an unknown key is reported at the key's own path", (doc, key) => {
    const r = parseWith(device, { ...doc, [key]: 1 });
    expect(r).toMatchObject({ ok: false, issues: [{ code: "unknown-key", path: [key] }] });
  });

  test.prop([fc.jsonValue()])("never throws and never mutates its input", (input) => {
    const before = JSON.stringify(input);
    const r = parseWith(device, input);
    expect(JSON.stringify(input)).toBe(before);
    if (!r.ok) {
      for (const i of r.issues) {
        expect(typeof i.code).toBe("string");
        expect(i.message.length).toBeGreaterThan(0);
      }
    }
  });

  test.prop([
    fc.anything({
      withNullPrototype: true,
      withMap: true,
      withSet: true,
      withBigInt: true,
      withDate: true,
      withTypedArray: true,
      withSparseArray: true,
      withBoxedValues: true,
    }),
  ])("answers any JavaScript value with a result", (input) => {
    const r = parseWith(device, input);
    if (!r.ok) expect(r.issues.filter((i) => !coreIssueCodes.includes(i.code as never))).toEqual([]);
  });

  it("gives precise codes for the usual mistakes", () => {
    const r = parseWith(device, {
      name: "x",
      country: "Italy",
      made: "2023-02-29",
      share: Number.NaN,
      ports: [{ port: 0 }],
      kind: "robot",
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byKey = Object.fromEntries(r.issues.map((i) => [i.path.join("/"), i.code]));
    expect(byKey).toEqual({
      country: "invalid-value",
      made: "invalid-date",
      share: "not-finite",
      "ports/0/port": "too-small",
      kind: "invalid-value",
    });
    const country = r.issues.find((i) => i.path[0] === "country");
    expect(country?.message).toBe(
      "$.country must be an ISO 3166-1 alpha-2 country code in capitals, such as DE or US.",
    );
  });

  it("reports a missing field as missing", () => {
    const r = parseWith(device, { name: "x" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.code)).toContain("missing");
  });
});

describe("hostile input", () => {
  it.each(["__proto__", "constructor", "prototype"])("rejects a %s key at any depth, with its path", (key) => {
    const input = JSON.parse(`{"ports": [{"port": 1, "${key}": {"polluted": true}}]}`);
    const r = parseWith(device, input);
    expect(r).toMatchObject({ ok: false, issues: [{ code: "forbidden-key", path: ["ports", 0, key] }] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("answers 10,000-deep nesting with one too-deep issue", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    const r = parseWith(device, deep);
    expect(r).toMatchObject({ ok: false, issues: [{ code: "too-deep" }] });
  });

  it("answers a 10 MB string with a too-big issue", () => {
    const r = parseWith(device, {
      ...{ country: "DE", made: "2024-02-29", share: 0, ports: [], kind: "pump" },
      name: "x".repeat(10_000_000),
    });
    expect(r).toMatchObject({ ok: false, issues: [{ code: "too-big", path: ["name"] }] });
  });

  it("answers a 100,000-element array with a result", () => {
    const ports = Array.from({ length: 100_000 }, (_, i) => ({ port: (i % 65535) + 1 }));
    const r = parseWith(device, { name: "x", country: "DE", made: "2024-02-29", share: 0, ports, kind: "pump" });
    expect(r.ok).toBe(true);
  });

  it("turns a throwing getter into an unreadable-input issue", () => {
    const trap = new Proxy(
      {},
      {
        ownKeys() {
          throw new TypeError("boom");
        },
      },
    );
    expect(parseWith(device, trap)).toMatchObject({ ok: false, issues: [{ code: "unreadable-input" }] });
  });

  it("reads a structure shared along many paths once, and refuses it when written out it is huge", () => {
    const port = { port: 443 };
    let ports: unknown = [port, port];
    for (let i = 0; i < 40; i++) ports = [ports, ports];
    const r = parseWith(device, { name: "x", country: "DE", made: "2024-02-29", share: 0, ports, kind: "pump" });
    expect(r).toMatchObject({ ok: false, issues: [{ code: "too-big" }] });
  });

  it("answers a cycle with a circular-reference issue", () => {
    const doc: Record<string, unknown> = { name: "x", country: "DE", made: "2024-02-29", share: 0, kind: "pump" };
    doc.ports = [doc];
    expect(parseWith(device, doc)).toMatchObject({
      ok: false,
      issues: [{ code: "circular-reference", path: ["ports", 0] }],
    });
  });

  it("checks a sparse array's length before its elements", () => {
    const ports: unknown[] = [];
    ports[1e9] = { port: 1 };
    const r = parseWith(device, { name: "x", country: "DE", made: "2024-02-29", share: 0, ports, kind: "pump" });
    expect(r).toMatchObject({ ok: false, issues: [{ code: "too-big", path: ["ports"] }] });
  });

  it("refuses a Map, and the __proto__ key inside it, instead of reading it as an empty object", () => {
    const odd = new Map([["__proto__", { polluted: true }]]);
    const r = parseWith(z.strictObject({ a: z.optional(z.strictObject({})) }), { a: odd });
    expect(r).toMatchObject({ ok: false, issues: [{ code: "not-plain-data", path: ["a"] }] });
    if (!r.ok)
      expect(r.issues[0]?.message).toBe(
        "$.a is a Map, not plain data (an object, array, string, number, boolean or null).",
      );
  });

  it("judges a getter's value as it was read once, and returns that value", () => {
    let reads = 0;
    const doc = { country: "DE", made: "2024-02-29", share: 0, ports: [], kind: "pump" };
    Object.defineProperty(doc, "name", { enumerable: true, get: () => (reads++ === 0 ? "x" : "<script>") });
    const r = parseWith(device, doc);
    expect(reads).toBe(1);
    expect(r).toEqual({
      ok: true,
      value: { country: "DE", made: "2024-02-29", share: 0, ports: [], kind: "pump", name: "x" },
    });
  });

  it("accepts -0 and rejects ±Infinity as not finite", () => {
    const base = { name: "x", country: "DE", made: "2024-02-29", ports: [], kind: "pump" };
    expect(parseWith(device, { ...base, share: -0 }).ok).toBe(true);
    for (const share of [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(parseWith(device, { ...base, share })).toMatchObject({ ok: false, issues: [{ code: "not-finite" }] });
    }
  });
});

describe("inspectInput", () => {
  test.prop([fc.jsonValue({ maxDepth: 5 })])("finds nothing to object to in JSON without forbidden keys", (v) => {
    const text = JSON.stringify(v);
    fc.pre(!/"(__proto__|constructor|prototype)"/.test(text));
    expect(inspectInput(v)).toEqual([]);
  });

  test.prop([fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 100 })])(
    "reports nesting exactly when it is deeper than the limit",
    (depth, maxDepth) => {
      let v: unknown = 0;
      for (let i = 0; i < depth; i++) v = [v];
      const found = inspectInput(v, { maxDepth });
      expect(found.length > 0).toBe(depth - 1 > maxDepth);
    },
  );
});

describe("parseWith inside a larger document", () => {
  it("puts the given path in front of every issue's path and message", () => {
    const r = parseWith(device, { name: 1 }, { path: ["devices", 2] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    for (const i of r.issues) {
      expect(i.path.slice(0, 2)).toEqual(["devices", 2]);
      expect(i.message).toMatch(/^\$\.devices\[2\]/);
    }
  });

  it("prefixes the guard's issues too", () => {
    const r = parseWith(device, JSON.parse('{"__proto__": 1}'), { path: ["x"] });
    expect(r).toMatchObject({ ok: false, issues: [{ code: "forbidden-key", path: ["x", "__proto__"] }] });
    if (!r.ok) expect(r.issues[0]?.message).toContain("$.x.__proto__");
  });
});

describe("parseWith's messages", () => {
  it("stay its own when the application loads one of zod's locales", () => {
    const input = { name: 1, country: "Italy", made: "x", share: "y", ports: [{ port: 0 }], kind: "robot", extra: 1 };
    const before = parseWith(device, input);
    z.config(z.locales.en());
    try {
      expect(parseWith(device, input)).toEqual(before);
    } finally {
      z.config({ localeError: undefined });
    }
  });
});

describe("parseWith on a union", () => {
  // A value, or a word that says it is withheld: the shape of the label's disclosed fields.
  const disclosed = z.union([z.strictObject({ name: z.string(), ports: z.array(z.int()) }), z.enum(["withheld"])], {
    error: 'must be a value or "withheld"',
  });

  it("names the field inside the one option whose shape the value fits", () => {
    expect(parseWith(disclosed, { name: "x" })).toEqual({
      ok: false,
      issues: [{ path: ["ports"], code: "missing", message: "$.ports is required but missing." }],
    });
    expect(parseWith(disclosed, { name: "x", ports: [1, "2"] })).toMatchObject({
      ok: false,
      issues: [{ path: ["ports", 1], code: "invalid-type" }],
    });
  });

  it("keeps its own message where the value fits no option at all", () => {
    for (const value of ["withheldd", 5, null, [], true])
      expect(parseWith(disclosed, value)).toEqual({
        ok: false,
        issues: [{ path: [], code: "invalid-value", message: '$ must be a value or "withheld".' }],
      });
  });

  // Own keys of any value, the ones the guard refuses among them, so that arrays and objects holding them come up.
  const anyKey = fc.oneof(fc.string(), fc.constantFrom(...forbiddenKeys));
  // Whether `path` leads through own properties of `value` to an own property.
  const ownAt = (value: unknown, path: readonly PropertyKey[]): boolean => {
    let at: unknown = value;
    for (const key of path) {
      if (at === null || typeof at !== "object" || !Object.hasOwn(at, key)) return false;
      at = (at as Record<PropertyKey, unknown>)[key];
    }
    return true;
  };

  test.prop([fc.anything({ key: anyKey })])(
    "every issue of an object that fails stands under the object's own fields",
    (value) => {
      const r = parseWith(disclosed, value);
      if (r.ok) return;
      for (const i of r.issues) {
        if (i.path.length === 0) continue;
        if (i.code === "forbidden-key") {
          // The guard's issues stand where the key is, at any depth and inside arrays too.
          expect(forbiddenKeys.has(String(i.path.at(-1)))).toBe(true);
          expect(ownAt(value, i.path)).toBe(true);
          continue;
        }
        expect(value !== null && typeof value === "object" && !Array.isArray(value)).toBe(true);
        expect(["name", "ports", ...Object.getOwnPropertyNames(value)]).toContain(i.path[0]);
      }
    },
  );

  it("names a forbidden key inside an array where it stands", () => {
    expect(parseWith(disclosed, [{ prototype: [] }])).toMatchObject({
      ok: false,
      issues: [{ path: [0, "prototype"], code: "forbidden-key" }],
    });
  });

  it("says one character and one item in the singular", () => {
    expect(parseWith(z.string().check(z.minLength(1)), "")).toMatchObject({
      issues: [{ message: "$ must be at least 1 character." }],
    });
    expect(parseWith(z.array(z.int()).check(z.minLength(1)), [])).toMatchObject({
      issues: [{ message: "$ must be at least 1 item." }],
    });
  });
});
