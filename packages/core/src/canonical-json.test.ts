import { readdirSync, readFileSync } from "node:fs";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json.js";
import { forbiddenKeys } from "./guard.js";
import { coreIssueCodes } from "./issue.js";

const vectors = new URL("../test-vectors/rfc8785/", import.meta.url);

describe("canonicalJson against RFC 8785", () => {
  const names = readdirSync(new URL("input/", vectors)).filter((f) => f.endsWith(".json"));
  it("has the reference test data", () => {
    expect(names.sort()).toEqual([
      "arrays.json",
      "french.json",
      "structures.json",
      "unicode.json",
      "values.json",
      "weird.json",
    ]);
  });
  for (const name of names) {
    it(`writes testdata/${name} as the RFC's reference output`, () => {
      const input: unknown = JSON.parse(readFileSync(new URL(`input/${name}`, vectors), "utf8"));
      const expected = readFileSync(new URL(`output/${name}`, vectors), "utf8");
      expect(canonicalJson(input)).toEqual({ ok: true, value: expected });
    });
  }

  // Appendix B: IEEE-754 doubles (as hex) and their serialisation.
  const numbers: readonly (readonly [string, string])[] = [
    ["0000000000000000", "0"],
    ["8000000000000000", "0"],
    ["0000000000000001", "5e-324"],
    ["8000000000000001", "-5e-324"],
    ["7fefffffffffffff", "1.7976931348623157e+308"],
    ["ffefffffffffffff", "-1.7976931348623157e+308"],
    ["4340000000000000", "9007199254740992"],
    ["c340000000000000", "-9007199254740992"],
    ["4430000000000000", "295147905179352830000"],
    ["44b52d02c7e14af5", "9.999999999999997e+22"],
    ["44b52d02c7e14af6", "1e+23"],
    ["44b52d02c7e14af7", "1.0000000000000001e+23"],
    ["444b1ae4d6e2ef4e", "999999999999999700000"],
    ["444b1ae4d6e2ef4f", "999999999999999900000"],
    ["444b1ae4d6e2ef50", "1e+21"],
    ["3eb0c6f7a0b5ed8c", "9.999999999999997e-7"],
    ["3eb0c6f7a0b5ed8d", "0.000001"],
    ["41b3de4355555553", "333333333.3333332"],
    ["41b3de4355555554", "333333333.33333325"],
    ["41b3de4355555555", "333333333.3333333"],
    ["41b3de4355555556", "333333333.3333334"],
    ["41b3de4355555557", "333333333.33333343"],
    ["becbf647612f3696", "-0.0000033333333333333333"],
    ["43143ff3c1cb0959", "1424953923781206.2"],
  ];
  const double = (hex: string) => new DataView(BigUint64Array.of(BigInt(`0x${hex}`)).buffer).getFloat64(0, true);
  for (const [hex, text] of numbers) {
    it(`writes the double ${hex} as ${text}`, () => {
      expect(canonicalJson(double(hex))).toEqual({ ok: true, value: text });
    });
  }
  it("refuses NaN and the infinities (Appendix B: 7fffffffffffffff, 7ff0000000000000)", () => {
    for (const hex of ["7fffffffffffffff", "7ff0000000000000", "fff0000000000000"]) {
      const r = canonicalJson({ n: [double(hex)] });
      expect(r.ok || r.issues).toEqual([expect.objectContaining({ code: "not-finite", path: ["n", 0] })]);
    }
  });
});

describe("canonicalJson on any value", () => {
  // Keys that could change a prototype are refused, as by every reader of miotsec.
  const forbidden = (v: unknown): boolean =>
    v !== null && typeof v === "object" && Object.entries(v).some(([k, x]) => forbiddenKeys.has(k) || forbidden(x));
  it("refuses keys that could change a prototype", () => {
    expect(canonicalJson(JSON.parse('{"a":{"__proto__":1}}'))).toMatchObject({
      ok: false,
      issues: [{ code: "forbidden-key", path: ["a", "__proto__"] }],
    });
  });

  test.prop([fc.jsonValue()])("is JSON that reads back as the value, and canonical again the same", (value) => {
    fc.pre(!forbidden(value));
    const r = canonicalJson(value);
    if (!r.ok) throw new Error(r.issues[0]?.message);
    const back: unknown = JSON.parse(r.value);
    expect(back).toEqual(JSON.parse(JSON.stringify(value)));
    expect(canonicalJson(back)).toEqual(r);
  });

  // The same object with its keys inserted in another order has the same text.
  const shuffled = (v: unknown, seed: number): unknown => {
    if (Array.isArray(v)) return v.map((x) => shuffled(x, seed));
    if (v === null || typeof v !== "object") return v;
    const keys = Object.keys(v);
    const order = keys.map((k, i) => [k, (i * 7919 + seed) % (keys.length + 1)] as const).sort((a, b) => a[1] - b[1]);
    return Object.fromEntries(order.map(([k]) => [k, shuffled((v as Record<string, unknown>)[k], seed)]));
  };
  test.prop([fc.jsonValue(), fc.nat()])("does not depend on the order of keys", (value, seed) => {
    fc.pre(!forbidden(value));
    expect(canonicalJson(shuffled(value, seed))).toEqual(canonicalJson(value));
  });

  test.prop([fc.dictionary(fc.string({ unit: "binary" }), fc.constant(0), { maxKeys: 8 })])(
    "orders keys by UTF-16 code units",
    (record) => {
      fc.pre(!forbidden(record));
      const r = canonicalJson(record);
      if (!r.ok) throw new Error(r.issues[0]?.message);
      const keys = Object.keys(JSON.parse(r.value) as object);
      const units = (s: string) => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));
      for (let i = 1; i < keys.length; i++) {
        const [a, b] = [units(keys[i - 1] as string), units(keys[i] as string)];
        const first = a.findIndex((x, j) => x !== b[j]);
        expect(first === -1 ? a.length <= b.length : (a[first] as number) < (b[first] as number)).toBe(true);
      }
    },
  );

  test.prop([
    fc.oneof(
      fc.constant(undefined),
      fc.constant(Number.NaN),
      fc.constant(Number.POSITIVE_INFINITY),
      fc.bigInt(),
      fc.constant(Symbol("s")),
      fc.constant(() => 1),
      fc.constant(new Map()),
    ),
    fc.constantFrom("root", "array", "member"),
  ])("answers what JSON cannot hold with core issue codes, never a throw", (bad, where) => {
    const value = where === "root" ? bad : where === "array" ? [1, bad] : { a: { b: bad } };
    if (where === "member" && bad === undefined) {
      expect(canonicalJson(value)).toEqual({ ok: true, value: '{"a":{}}' });
      return;
    }
    const r = canonicalJson(value);
    expect(r.ok).toBe(false);
    if (!r.ok) for (const i of r.issues) expect(coreIssueCodes).toContain(i.code);
  });

  it("writes a lone surrogate as its escape, as JSON.stringify does", () => {
    expect(canonicalJson({ a: "x\ud800" })).toEqual({ ok: true, value: '{"a":"x\\ud800"}' });
  });
});
