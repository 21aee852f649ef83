// A document may carry a `$schema` key, the usual way to point an editor at its JSON Schema:
// every parser accepts and ignores it, and every JSON Schema allows it.
import { readFileSync } from "node:fs";
import { fc, test } from "@fast-check/vitest";
import { applyProfile, miotCatalog, parseCatalog } from "@miotsec/criteria";
import { parseLabel } from "@miotsec/label";
import { assess } from "@miotsec/maturity";
import { parseRuntimeProfile } from "@miotsec/runtime-facts";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { example, file, labelFile, miotsec } from "./fixtures.test-support.js";

const label = JSON.parse(readFileSync(labelFile("ultrasound-wifi"), "utf8"));
const hospital = parse(readFileSync(example("assessments/hospital.assessment.yaml"), "utf8"));
const profile = { schemaVersion: 1, id: "clinic-a", title: "Clinic A", setParameters: { "threats.1.1.threshold": 30 } };
const schemaUri = fc.oneof(fc.constant("./label.schema.json"), fc.webUrl(), fc.string({ maxLength: 300 }));

describe("the $schema key", () => {
  test.prop([schemaUri])("is accepted and left out by every parser", (uri) => {
    expect(parseLabel({ $schema: uri, ...label })).toEqual(parseLabel(label));
    expect(parseCatalog({ $schema: uri, ...miotCatalog })).toEqual(parseCatalog(miotCatalog));
    expect(parseRuntimeProfile({ $schema: uri, ...label.runtime })).toEqual(parseRuntimeProfile(label.runtime));
    expect(applyProfile(miotCatalog, { $schema: uri, ...profile })).toEqual(applyProfile(miotCatalog, profile));
    expect(assess(miotCatalog, { $schema: uri, ...hospital })).toEqual(assess(miotCatalog, hospital));
  });

  it("must be a string, in every document", () => {
    for (const r of [
      parseLabel({ $schema: 5, ...label }),
      parseCatalog({ $schema: null, ...miotCatalog }),
      applyProfile(miotCatalog, { $schema: {}, ...profile }),
      assess(miotCatalog, { $schema: [], ...hospital }),
    ]) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues[0]?.path).toEqual(["$schema"]);
    }
  });

  it.each(["label", "catalog", "assessment", "profile", "runtime-profile"])(
    "is allowed by the JSON Schema of %s",
    async (name) => {
      const schema = JSON.parse((await miotsec("schema", name)).out);
      expect(schema.additionalProperties).toBe(false);
      expect(schema.properties.$schema).toMatchObject({ type: "string" });
      expect(schema.required).not.toContain("$schema");
    },
  );

  it("is read by the command like any document's", async () => {
    const withKey = file("keyed.label.json", JSON.stringify({ $schema: "./label.schema.json", ...label }));
    expect(await miotsec("label", "validate", withKey)).toMatchObject({ code: 0, err: "" });
  });
});
