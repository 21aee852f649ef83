import { readFileSync } from "node:fs";
import { fc, test } from "@fast-check/vitest";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { toCyberTrustMark } from "./cyber-trust-mark.js";
import { examples, labelOf, setPath } from "./fixtures.test-support.js";
import { disclosedFieldPaths } from "./label.js";

// The published USCTM schema 1.0.0 (CTA-2120), kept as a test fixture.
const schema = JSON.parse(readFileSync(new URL("../test-fixtures/usctm-schema-1-0-0.json", import.meta.url), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);
const valid = (doc: unknown) => (validate(doc) ? true : JSON.stringify(validate.errors?.slice(0, 3)));

const options = {
  authorizationDate: "2026-10-01",
  authorizedBy: { name: "Example label administrator", contact: "cla@example.org" },
  testedBy: { name: "Example test lab", contact: "lab@example.org" },
  created: "2026-10-01T00:00:00Z",
  modified: "2026-11-28T00:00:00Z",
};

describe("toCyberTrustMark", () => {
  it("exports the labels that declare a support date as valid USCTM 1.0.0 documents", () => {
    for (const doc of [examples[0], examples[2]]) {
      const r = toCyberTrustMark(labelOf(doc), options);
      expect(r.ok && valid(r.value)).toBe(true);
    }
    const r = toCyberTrustMark(labelOf(examples[0]), options);
    // The validator is strict where the schema is: a missing required field fails.
    if (r.ok) expect(valid({ ...r.value, support_date: undefined })).not.toBe(true);
    expect(r.ok && r.value).toMatchObject({
      support_date: "2030-03-10",
      sensor_data_collection: [
        { sensing: "audio", has: false },
        { sensing: "images", has: true },
        { sensing: "position", has: false },
      ],
    });
  });

  test.prop([
    fc.constantFrom(examples[0] as Record<string, unknown>, examples[2] as Record<string, unknown>),
    fc.subarray(disclosedFieldPaths.filter((p) => p !== "lifecycle")),
    fc.constantFrom("not-disclosed", "not-applicable"),
  ])("stays valid whatever else the vendor withholds", (doc, paths, value) => {
    let changed = doc;
    for (const path of paths) changed = setPath(changed, path, value);
    const r = toCyberTrustMark(labelOf(changed), options);
    if (!r.ok) {
      for (const i of r.issues) expect(["missing-security-contact"]).toContain(i.code);
      return;
    }
    expect(valid(r.value)).toBe(true);
  });

  it("needs a support date and valid options", () => {
    expect(toCyberTrustMark(labelOf(examples[1]), options)).toMatchObject({
      ok: false,
      issues: [{ code: "missing-support-date" }],
    });
    expect(
      toCyberTrustMark(labelOf(examples[0]), { ...options, created: "yesterday", authorizationDate: "2026-02-30" }),
    ).toMatchObject({
      ok: false,
      issues: [
        { code: "invalid-date", path: ["authorizationDate"] },
        { code: "invalid-format", path: ["created"] },
      ],
    });
  });
});
