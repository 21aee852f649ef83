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

  it("puts the intended use in the general information, the mark's closest field, and a deletion range in words", () => {
    const r = toCyberTrustMark(labelOf(examples[0]), options);
    expect(r.ok && r.value.general_user_information).toMatchObject({ text: expect.stringMatching(/^Intended use: /u) });
    const ranged = setPath(examples[0] as Record<string, unknown>, "components.dataDeletion", {
      from: "easy",
      to: "not-possible",
    });
    const out = toCyberTrustMark(labelOf(ranged), options);
    expect(out.ok && out.value.delete_data).toMatchObject({ text: "Deleting data is easy to not possible." });
    expect(out.ok && valid(out.value)).toBe(true);
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
        { code: "invalid-date", path: ["created"] },
      ],
    });
  });
});

describe("toCyberTrustMark's options", () => {
  it.each([
    ["an impossible created date-time", { created: "2026-02-30T00:00:00Z" }, "invalid-date@created"],
    ["a modified time of 24:00", { modified: "2026-11-28T24:00:00Z" }, "invalid-date@modified"],
    ["an authorization date of yesterday", { authorizationDate: "yesterday" }, "invalid-date@authorizationDate"],
    ["a blank lab name", { testedBy: { name: " ", contact: "lab@example.org" } }, "invalid-format@testedBy/name"],
    ["an unknown option", { created2: "x" }, "unknown-key@created2"],
  ])("answers %s with an issue", (_, change, expected) => {
    const r = toCyberTrustMark(labelOf(examples[0]), { ...options, ...change } as never);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => `${i.code}@${i.path.join("/")}`)).toContain(expected);
  });

  it("accepts what RFC 3339 allows: a leap second, lowercase t and z, an offset", () => {
    for (const created of ["2016-12-31T23:59:60Z", "2026-10-01t00:00:00z", "2026-10-01T02:00:00+02:00"]) {
      const r = toCyberTrustMark(labelOf(examples[0]), { ...options, created });
      expect(r.ok && valid(r.value)).toBe(true);
    }
  });

  it("answers null options and a value that is not a label with issues", () => {
    expect(toCyberTrustMark(labelOf(examples[0]), null as never).ok).toBe(false);
    expect(toCyberTrustMark(null as never, options).ok).toBe(false);
  });
});
