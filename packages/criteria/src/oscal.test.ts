import { readFileSync } from "node:fs";
import { fc, test } from "@fast-check/vitest";
import { unwrap } from "@miotsec/core";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { catalogArbitrary } from "./arbitraries.test-support.js";
import { miotCatalog } from "./miot-catalog.js";
import { toOscalCatalog } from "./oscal.js";
import { applyProfile } from "./profile.js";

// NIST's published OSCAL catalog JSON schema (OSCAL 1.2.1, draft-07), kept as a test fixture.
const schema = JSON.parse(readFileSync(new URL("../test-fixtures/oscal_catalog_schema.json", import.meta.url), "utf8"));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);
const valid = (doc: unknown) => {
  const ok = validate(JSON.parse(JSON.stringify(doc)));
  return ok ? true : JSON.stringify(validate.errors?.slice(0, 3));
};

describe("toOscalCatalog", () => {
  it("exports the paper's catalog valid against NIST's OSCAL catalog schema", () => {
    expect(valid(unwrap(toOscalCatalog(miotCatalog)))).toBe(true);
  });

  it("exports a tailored catalog, with its provenance as remarks", () => {
    const r = applyProfile(miotCatalog, {
      schemaVersion: 1,
      id: "p",
      title: "P",
      remove: ["usability"],
      setParameters: { "threats.1.1.threshold": 30 },
    });
    if (!r.ok) throw new Error("fixture");
    const doc = unwrap(toOscalCatalog(r.value));
    expect(valid(doc)).toBe(true);
    expect(JSON.stringify(doc)).toContain("set-parameter");
  });

  test.prop([catalogArbitrary])("is total over valid catalogs: every export is valid OSCAL", (catalog) => {
    expect(valid(unwrap(toOscalCatalog(catalog)))).toBe(true);
  });

  // Every object of the catalog with its keys in the reverse order: the same catalog.
  const reversed = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(reversed)
      : v !== null && typeof v === "object"
        ? Object.fromEntries(
            Object.entries(v)
              .reverse()
              .map(([k, x]) => [k, reversed(x)]),
          )
        : v;
  test.prop([catalogArbitrary])("has the same uuids whatever the order of the catalog's keys", (catalog) => {
    expect(JSON.stringify(unwrap(toOscalCatalog(reversed(catalog) as typeof catalog)))).toBe(
      JSON.stringify(unwrap(toOscalCatalog(catalog))),
    );
  });
  it("has the same uuid for the paper's catalog with its keys in another order", () => {
    const uuid = (c: typeof miotCatalog) => unwrap(toOscalCatalog(c)).catalog.uuid;
    expect(uuid(reversed(miotCatalog) as typeof miotCatalog)).toBe(uuid(miotCatalog));
  });

  test.prop([catalogArbitrary])("is deterministic, byte for byte", (catalog) => {
    expect(JSON.stringify(unwrap(toOscalCatalog(catalog)))).toBe(JSON.stringify(unwrap(toOscalCatalog(catalog))));
  });

  it("maps dimensions and criteria to groups, requirements to controls with level and kind", () => {
    const doc = unwrap(toOscalCatalog(miotCatalog)).catalog as {
      groups: Array<{
        id: string;
        groups: Array<{
          id: string;
          controls: Array<{
            id: string;
            props: Array<{ name: string; value: string }>;
            params?: Array<{ id: string; values: string[] }>;
          }>;
        }>;
      }>;
    };
    expect(doc.groups.map((g) => g.id)).toEqual(["structure", "process", "outcome"]);
    const threats = doc.groups[2]?.groups.find((g) => g.id === "threats");
    const first = threats?.controls[0];
    expect(first?.id).toBe("threats.1.1");
    expect(first?.props).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "level", value: "1" }),
        expect.objectContaining({ name: "kind", value: "measured" }),
      ]),
    );
    expect(first?.params).toMatchObject([{ id: "threats.1.1.threshold", values: ["25"] }]);
  });
});

describe("toOscalCatalog: bad input", () => {
  test.prop([fc.anything()])("answers anything that is not a catalog with issues", (x) => {
    const r = toOscalCatalog(x as never);
    expect(r.ok).toBe(false);
  });
});
