import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fc, test } from "@fast-check/vitest";
import { unwrap } from "@miotsec/core";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { toCycloneDx } from "./cyclonedx.js";
import { examples, labelOf, setPath } from "./fixtures.test-support.js";
import { disclosedFieldPaths } from "./label.js";

// The official CycloneDX 1.6 JSON schema, as shipped in @cyclonedx/cyclonedx-library.
const library = dirname(createRequire(import.meta.url).resolve("@cyclonedx/cyclonedx-library/package.json"));
const schemaFile = (name: string) => JSON.parse(readFileSync(join(library, "res", "schema", name), "utf8"));
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: true });
addFormats.default(ajv);
// ajv-formats has no IRI formats; accept what has no white space, as an IRI cannot.
ajv.addFormat("iri-reference", /^\S+$/u);
ajv.addFormat("idn-email", /^[^\s@]+@[^\s@]+$/u);
for (const name of [
  "spdx.SNAPSHOT.schema.json",
  "jsf-0.82.SNAPSHOT.schema.json",
  "cryptography-defs.SNAPSHOT.schema.json",
]) {
  ajv.addSchema({ ...schemaFile(name), $id: `http://cyclonedx.org/schema/${name}` });
}
const validate = ajv.compile(schemaFile("bom-1.6.SNAPSHOT.schema.json"));
const valid = (doc: unknown) =>
  validate(JSON.parse(JSON.stringify(doc))) ? true : JSON.stringify(validate.errors?.slice(0, 3));

describe("toCycloneDx", () => {
  it("exports the example labels as valid CycloneDX 1.6", () => {
    for (const doc of examples) expect(valid(unwrap(toCycloneDx(labelOf(doc))))).toBe(true);
    // The validator is strict: a stray key or another format fails.
    const bom = unwrap(toCycloneDx(labelOf(examples[0])));
    expect(valid({ ...bom, extra: 1 })).not.toBe(true);
    expect(valid({ ...bom, bomFormat: "SPDX" })).not.toBe(true);
  });

  test.prop([
    fc.constantFrom(...examples),
    fc.subarray([...disclosedFieldPaths]),
    fc.constantFrom("not-disclosed", "not-applicable"),
  ])("stays valid whatever the vendor withholds", (doc, paths, value) => {
    let changed = doc;
    for (const path of paths) changed = setPath(changed, path, value);
    expect(valid(unwrap(toCycloneDx(labelOf(changed))))).toBe(true);
  });

  it("carries the device, its firmware, the lifecycle milestones and the endpoints as services", () => {
    const bom = unwrap(toCycloneDx(labelOf(examples[2]))) as {
      metadata: { component: { name: string; properties: Array<{ name: string; value: string }> } };
      components: Array<{ type: string }>;
      services: Array<{ trustZone: string; endpoints: string[] }>;
      serialNumber: string;
    };
    expect(bom.metadata.component.name).toBe("Networked volumetric infusion pump");
    expect(bom.metadata.component.properties).toEqual(
      expect.arrayContaining([{ name: "cdx:lifecycle:milestone:endOfSupport", value: "2036-02-02" }]),
    );
    expect(bom.components.map((c) => c.type)).toEqual(["firmware", "application", "device", "device", "device"]);
    expect(bom.services.map((s) => s.endpoints[0])).toEqual([
      "mqtts://pumps.hospital-network.example:8883",
      "https://updates.example-medical.example:443",
    ]);
    expect(bom.serialNumber).toBe((unwrap(toCycloneDx(labelOf(examples[2]))) as { serialNumber: string }).serialNumber);
  });

  it("carries §V's product category, intended use and criticality where the label gives them", () => {
    const component = (doc: unknown) =>
      (unwrap(toCycloneDx(labelOf(doc))) as { metadata: { component: Record<string, unknown> } }).metadata.component;
    const wifi = component(examples[0]);
    expect(wifi.description).toMatch(/^Intended use: Point-of-care ultrasound imaging/u);
    expect(wifi.properties).toEqual(
      expect.arrayContaining([
        { name: "miotsec:product:category", value: "Ultrasound scanner, handheld and wireless" },
        { name: "miotsec:product:criticality", value: "medium" },
      ]),
    );
    const table1 = component(examples[3]);
    expect(table1.description).toBeUndefined();
    expect(JSON.stringify(table1.properties)).not.toContain("miotsec:product:");
  });
});
