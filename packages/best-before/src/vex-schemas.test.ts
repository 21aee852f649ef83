// The VEX examples against the JSON Schemas their formats publish (copies in test-schemas/, and
// CycloneDX's from @cyclonedx/cyclonedx-library), so that what miotsec reads is what a
// manufacturer's tools write.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Ajv } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { parseVex } from "./vex.js";

const read = (url: URL | string) => JSON.parse(readFileSync(url, "utf8"));
const schemas = new URL("../test-schemas/", import.meta.url);
const example = (name: string) => read(new URL(`../../../examples/vex/${name}`, import.meta.url));
const errors = (validate: { (doc: unknown): boolean; errors?: unknown }, doc: unknown) =>
  validate(doc) ? true : JSON.stringify(validate.errors).slice(0, 500);

// OpenVEX 0.2.0 and CSAF 2.0: JSON Schema 2020-12; CSAF refers to FIRST's CVSS schemas (draft-07).
const modern = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(modern);
modern.addFormat("iri", /^\S+$/u);
modern.addFormat("iri-reference", /^\S+$/u);
for (const cvss of ["cvss-v2.0.json", "cvss-v3.0.json", "cvss-v3.1.json"]) {
  const schema = read(new URL(cvss, schemas));
  // FIRST's schemas are draft-07: their $schema would ask for a meta-schema this instance does not load.
  const { $schema: _, id: __, ...body } = schema;
  modern.addSchema(body, `https://www.first.org/cvss/${cvss}`);
}
const openvex = modern.compile(read(new URL("openvex_json_schema_0.2.0.json", schemas)));
const csaf = modern.compile(read(new URL("csaf_json_schema.json", schemas)));

// CycloneDX 1.6: draft-07, as the library ships it.
const library = dirname(createRequire(import.meta.url).resolve("@cyclonedx/cyclonedx-library/package.json"));
const cdxSchema = (name: string) => read(join(library, "res", "schema", name));
const classic = new Ajv({ allErrors: true, strict: false });
addFormats.default(classic);
classic.addFormat("iri-reference", /^\S+$/u);
classic.addFormat("idn-email", /^[^\s@]+@[^\s@]+$/u);
for (const name of [
  "spdx.SNAPSHOT.schema.json",
  "jsf-0.82.SNAPSHOT.schema.json",
  "cryptography-defs.SNAPSHOT.schema.json",
])
  classic.addSchema({ ...cdxSchema(name), $id: `http://cyclonedx.org/schema/${name}` });
const cyclonedx = classic.compile(cdxSchema("bom-1.6.SNAPSHOT.schema.json"));

describe("the VEX examples follow their formats' published schemas", () => {
  it.each([
    ["ultrasound-wifi.openvex.json", openvex, ['"status": "affected"', '"status": "maybe"']],
    ["ultrasound-wifi.csaf.json", csaf, ['"csaf_version": "2.0"', '"csaf_version": "2.9"']],
    ["ultrasound-wifi.cdx.json", cyclonedx, ['"state": "exploitable"', '"state": "maybe"']],
  ] as const)("%s", (name, validate, [from, to]) => {
    const doc = example(name);
    expect(errors(validate, doc)).toBe(true);
    // And a validator that can fail: the same document with a value its format does not have.
    const text = JSON.stringify(doc, null, 2);
    expect(text).toContain(from);
    const broken = JSON.parse(text.replace(from, to));
    expect(errors(validate, broken)).not.toBe(true);
    expect(parseVex(broken, { purl: "pkg:generic/wireless-scanner.example/us-w1@4.2.1" }).ok).toBe(false);
  });
});
