import { fc, test } from "@fast-check/vitest";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { catalogArbitrary } from "./arbitraries.test-support.js";
import { criteriaIssueCodes } from "./issue-codes.js";
import { miotCatalog } from "./miot-catalog.js";
import type { Catalog } from "./model.js";
import { catalogJsonSchema, parseCatalog } from "./parse-catalog.js";

const clone = (c: Catalog): Catalog => JSON.parse(JSON.stringify(c));

function codesOf(input: unknown): string[] {
  const r = parseCatalog(input);
  return r.ok ? [] : r.issues.map((i) => i.code);
}

describe("parseCatalog", () => {
  test.prop([catalogArbitrary])("round-trips every valid catalog through JSON", (catalog) => {
    expect(parseCatalog(JSON.parse(JSON.stringify(catalog)))).toEqual({ ok: true, value: catalog });
  });

  test.prop([catalogArbitrary])("never changes its input", (catalog) => {
    const before = JSON.stringify(catalog);
    parseCatalog(catalog);
    expect(JSON.stringify(catalog)).toBe(before);
  });

  it("reports a duplicate id at the second place", () => {
    const c = clone(miotCatalog);
    (c.requirements[1] as { id: string }).id = "organisation.1.1";
    expect(parseCatalog(c)).toMatchObject({
      ok: false,
      issues: [{ code: "duplicate-id", path: ["requirements", 1, "id"] }],
    });
  });

  it("reports references to nothing", () => {
    const c = clone(miotCatalog);
    (c.requirements[0] as { criterion: string }).criterion = "nowhere";
    (c.criteria[0] as { dimension: string }).dimension = "nowhere";
    const codes = codesOf(c);
    expect(codes).toContain("unknown-criterion");
    expect(codes).toContain("unknown-dimension");
  });

  it("reports a criterion left without a level-1 requirement", () => {
    const c = clone(miotCatalog);
    c.requirements = c.requirements.filter((r) => r.id !== "organisation.1.1");
    expect(parseCatalog(c)).toMatchObject({ ok: false, issues: [{ code: "missing-level-1", path: ["criteria", 0] }] });
  });

  it("reports rules that do not fit their facts and parameters", () => {
    const c = clone(miotCatalog);
    const measured = c.requirements.find((r) => r.id === "threats.1.1");
    if (!measured?.rule) throw new Error("fixture");
    measured.rule.comparator = "at-least";
    expect(codesOf(c)).toContain("invalid-rule");
    measured.rule.comparator = "lt";
    measured.rule.fact = "nothing";
    expect(codesOf(c)).toContain("unknown-fact");
    measured.rule.fact = "securityEventsLastYear";
    measured.rule.parameter = "nothing";
    expect(codesOf(c)).toContain("unknown-parameter");
    const failsafe = c.parameters.find((p) => p.id === "failsafe.2.1.threshold");
    if (failsafe) failsafe.value = 3;
    expect(codesOf(c)).toContain("invalid-parameter");
  });

  it("reports a measured requirement without a rule, and an attested one with a rule", () => {
    const c = clone(miotCatalog);
    const measured = c.requirements.find((r) => r.id === "threats.1.1");
    if (measured) delete measured.rule;
    const attested = c.requirements.find((r) => r.id === "updates.1.1");
    if (attested)
      attested.rule = { fact: "securityEventsLastYear", comparator: "lt", parameter: "threats.1.1.threshold" };
    expect(codesOf(c)).toEqual(expect.arrayContaining(["missing-rule", "unexpected-rule"]));
  });

  it("reports a requirement that demands a justification for na but does not allow na", () => {
    const c = clone(miotCatalog);
    const r = c.requirements[0];
    if (r) r.naJustificationRequired = true;
    expect(codesOf(c)).toEqual(["invalid-na"]);
  });

  it("reports a level outside 1-5 with its path", () => {
    const c = clone(miotCatalog) as unknown as { requirements: Array<{ level: number }> };
    (c.requirements[3] as { level: number }).level = 6;
    expect(parseCatalog(c)).toMatchObject({
      ok: false,
      issues: [{ code: "invalid-value", path: ["requirements", 3, "level"] }],
    });
  });

  it("rejects an unknown key with the key's path", () => {
    const c = { ...clone(miotCatalog), extra: true };
    expect(parseCatalog(c)).toMatchObject({ ok: false, issues: [{ code: "unknown-key", path: ["extra"] }] });
  });
});

describe("hostile catalogs", () => {
  it("answers __proto__ keys and a __proto__ id with issues, without polluting Object.prototype", () => {
    const text = JSON.stringify(miotCatalog).replace(
      '"id":"organisation.1.1"',
      '"id":"organisation.1.1","__proto__":{"polluted":true}',
    );
    expect(codesOf(JSON.parse(text))).toEqual(["forbidden-key"]);
    const c = clone(miotCatalog);
    (c.criteria[0] as { id: string }).id = "__proto__";
    expect(codesOf(c)).toContain("invalid-format");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("answers a 10 MB text with a too-big issue", () => {
    const c = clone(miotCatalog);
    (c.requirements[0] as { text: string }).text = "x".repeat(10_000_000);
    expect(parseCatalog(c)).toMatchObject({
      ok: false,
      issues: [{ code: "too-big", path: ["requirements", 0, "text"] }],
    });
  });

  it("parses a catalog of 100,000 requirements", () => {
    const c = clone(miotCatalog);
    const template = c.requirements[0];
    if (!template) throw new Error("fixture");
    const extra = Array.from({ length: 100_000 - c.requirements.length }, (_, i) => ({
      ...template,
      id: `organisation.1.${i + 2}`,
    }));
    c.requirements = [...c.requirements, ...extra];
    const r = parseCatalog(c);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.requirements).toHaveLength(100_000);
  });

  test.prop([fc.anything()])("answers any value with issues of its own codes, never a throw", (input) => {
    const r = parseCatalog(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.filter((i) => !criteriaIssueCodes.includes(i.code as never))).toEqual([]);
  });
});

describe("catalogJsonSchema", () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const validate = ajv.compile(catalogJsonSchema());

  it("is JSON Schema 2020-12 and accepts the paper's catalog", () => {
    expect(catalogJsonSchema().$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(validate(JSON.parse(JSON.stringify(miotCatalog))), JSON.stringify(validate.errors)).toBe(true);
  });

  test.prop([catalogArbitrary])("accepts every catalog parseCatalog accepts", (catalog) => {
    expect(validate(JSON.parse(JSON.stringify(catalog))), JSON.stringify(validate.errors)).toBe(true);
  });

  it("rejects unknown keys, as parseCatalog does", () => {
    expect(validate({ ...JSON.parse(JSON.stringify(miotCatalog)), extra: 1 })).toBe(false);
  });
});
