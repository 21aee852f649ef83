import { fc, test } from "@fast-check/vitest";
import { lifecycleFactsSchema } from "@miotsec/best-before";
import { canonicalJson } from "@miotsec/core";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { toCycloneDx } from "./cyclonedx.js";
import { fieldHelp } from "./field-help.js";
import { examples, labelOf, setPath } from "./fixtures.test-support.js";
import { labelIssueCodes } from "./issue-codes.js";
import { disclosedFieldPaths } from "./label.js";
import {
  fieldAt,
  labelDigest,
  labelJsonSchema,
  labelPayload,
  migrateLabel,
  parseLabel,
  qrPayload,
} from "./parse-label.js";
import { qrBaseUrlMaxLength, qrPayloadMaxBytes } from "./url.js";

const example = fc.constantFrom(...examples);

/** Every object inside a document, with its path. */
function objects(
  value: unknown,
  path: (string | number)[] = [],
): Array<{ path: (string | number)[]; object: Record<string, unknown> }> {
  if (value === null || typeof value !== "object") return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => objects(v, [...path, i]));
  return [
    { path, object: value as Record<string, unknown> },
    ...Object.entries(value).flatMap(([k, v]) => objects(v, [...path, k])),
  ];
}

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(labelJsonSchema());

describe("parseLabel", () => {
  it("accepts the example labels: the two ultrasound scanners of §VI and a device that declares everything", () => {
    for (const doc of examples) expect(parseLabel(doc).ok, JSON.stringify(parseLabel(doc))).toBe(true);
  });

  test.prop([example, fc.constantFrom(...disclosedFieldPaths), fc.constantFrom("not-disclosed", "not-applicable")])(
    "every disclosed field accepts not-disclosed and not-applicable, and the label still round-trips through JSON",
    (doc, path, withheld) => {
      const changed = setPath(doc, path, withheld);
      const r = parseLabel(changed);
      expect(r.ok).toBe(true);
      if (r.ok) expect(parseLabel(JSON.parse(JSON.stringify(r.value)))).toEqual(r);
    },
  );

  test.prop([example, fc.nat(), fc.stringMatching(/^[a-z][a-zA-Z]{2,12}$/)])(
    "an unknown key is rejected with the key's path",
    (doc, pick, key) => {
      // Records (runtime metrics, facts per stage) take any key by design; every other object is closed.
      const isRecord = (path: (string | number)[]) =>
        path[path.length - 1] === "metrics" || path[path.length - 2] === "facts";
      const places = objects(doc).filter(({ path, object }) => !(key in object) && !isRecord(path));
      const place = places[pick % places.length];
      fc.pre(place !== undefined);
      const changed = structuredClone(doc);
      let at: unknown = changed;
      for (const k of place?.path ?? []) at = (at as Record<string | number, unknown>)[k];
      (at as Record<string, unknown>)[key] = 1;
      const r = parseLabel(changed);
      expect(r.ok).toBe(false);
      if (!r.ok)
        expect(
          r.issues.some(
            (i) => i.code === "unknown-key" && i.path.join("/") === [...(place?.path ?? []), key].join("/"),
          ),
        ).toBe(true);
    },
  );

  it.each([
    ["security.securityContact.email", "psirt@example-medical.example", true],
    ["security.securityContact.email", "a@b..example", false],
    ["security.securityContact.email", "a@.example", false],
    ["security.securityContact.email", "a@localhost", false],
    ["security.disclosurePolicy", "https://example.org", true],
    ["security.disclosurePolicy", "https://example.org:8443/psirt?x=1#y", true],
    ["security.disclosurePolicy", "https:///psirt", false],
    ["security.disclosurePolicy", "https://example.org/a b", false],
  ])("checks %s = %j (valid: %s)", (path, value, valid) => {
    const doc = examples[2] as Record<string, unknown>;
    expect(parseLabel(setPath(doc, path, value)).ok).toBe(valid);
  });

  it("takes §V's product category, intended use and criticality, each optional, criticality as Table IV's", () => {
    const wifi = labelOf(examples[0]);
    expect(wifi.identity).toMatchObject({ category: expect.any(String), criticality: "medium" });
    const { category, intendedUse, criticality, ...older } = (examples[0] as { identity: Record<string, unknown> })
      .identity;
    expect(parseLabel({ ...examples[0], identity: older }).ok).toBe(true);
    expect(parseLabel(setPath(examples[0] as Record<string, unknown>, "identity.criticality", "severe"))).toMatchObject(
      {
        ok: false,
        issues: [{ path: ["identity", "criticality"] }],
      },
    );
    expect(parseLabel(setPath(examples[0] as Record<string, unknown>, "identity.intendedUse", " "))).toMatchObject({
      ok: false,
      issues: [{ path: ["identity", "intendedUse"] }],
    });
    expect([category, intendedUse].every((t) => typeof t === "string")).toBe(true);
  });

  it("takes a third party without a country, where the vendor does not know it", () => {
    const usbc = labelOf(examples[1]);
    expect(Array.isArray(usbc.dataPractices.thirdParties) && usbc.dataPractices.thirdParties[0]).toEqual({
      name: "Google (Firebase)",
      purpose: "crash reports and app installation identifiers",
    });
    const bad = setPath(examples[1] as Record<string, unknown>, "dataPractices.thirdParties", [
      { name: "Google", country: "USA", purpose: "crash reports" },
    ]);
    const r = parseLabel(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.path.slice(0, 2)).toEqual(["dataPractices", "thirdParties"]);
  });

  it("takes where personal data may reside: countries, EU and EEA, optional", () => {
    expect(labelOf(examples[0]).dataPractices.dataResidency).toEqual(["EU"]);
    expect(labelOf(examples[1]).dataPractices.dataResidency).toBeUndefined();
    const at = (value: unknown) =>
      parseLabel(setPath(examples[0] as Record<string, unknown>, "dataPractices.dataResidency", value));
    for (const good of [["EEA", "CH"], ["DE"], "not-disclosed"]) expect(at(good).ok).toBe(true);
    for (const bad of [[], ["Europe"], ["eu"], "EU"]) expect(at(bad).ok).toBe(false);
  });

  it("takes data deletion as a level or as a range from the easier level to the harder one", () => {
    const at = (value: unknown) =>
      parseLabel(setPath(examples[0] as Record<string, unknown>, "components.dataDeletion", value));
    expect(at({ from: "easy", to: "complex" }).ok).toBe(true);
    expect(at({ from: "moderate", to: "not-possible" }).ok).toBe(true);
    // A range in the wrong order is wrong as a whole; a missing or unknown end is named.
    for (const [bad, path] of [
      [{ from: "complex", to: "easy" }, ["components", "dataDeletion"]],
      [{ from: "easy", to: "easy" }, ["components", "dataDeletion"]],
      [{ from: "easy" }, ["components", "dataDeletion", "to"]],
      [{ from: "easy", to: "hard" }, ["components", "dataDeletion", "to"]],
      ["hard", ["components", "dataDeletion"]],
    ] as const)
      expect(at(bad)).toMatchObject({ ok: false, issues: [{ path }] });
  });

  it("checks the runtime profile's fail-safe envelope", () => {
    const doc = setPath(examples[2] as Record<string, unknown>, "runtime.metrics.cpuPercent.operating", { max: 99 });
    expect(parseLabel(doc)).toMatchObject({
      ok: false,
      issues: [{ code: "outside-envelope", path: ["runtime", "metrics", "cpuPercent", "operating"] }],
    });
  });

  it("answers hostile labels with issues", () => {
    const doc = examples[0] as Record<string, unknown>;
    expect(
      parseLabel(JSON.parse(JSON.stringify(doc).replace('"model":', '"__proto__":{"x":1},"model":'))),
    ).toMatchObject({ ok: false, issues: [{ code: "forbidden-key" }] });
    expect(parseLabel(setPath(doc, "identity.product", "x".repeat(10_000_000)))).toMatchObject({
      ok: false,
      issues: [{ code: "too-big" }],
    });
    const sensors = Array.from({ length: 100_000 }, () => ({ name: "s", measures: "m", processing: "real-time" }));
    // A list of sensors fits only the "disclosed" option, so its length is the issue.
    expect(parseLabel(setPath(doc, "components.sensors", sensors))).toMatchObject({
      ok: false,
      issues: [
        {
          code: "too-big",
          path: ["components", "sensors"],
          message: "$.components.sensors must be at most 1000 items.",
        },
      ],
    });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  test.prop([fc.anything()])("answers any value with issues of its own codes, never a throw", (input) => {
    const r = parseLabel(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.filter((i) => !labelIssueCodes.includes(i.code as never))).toEqual([]);
  });
});

describe("labelPayload, labelDigest and signatures", () => {
  const signature = { protected: "eyJhbGciOiJFUzI1NiJ9", signature: "c2lnbmF0dXJl" };

  test.prop([example, fc.array(fc.constant(signature), { minLength: 1, maxLength: 16 })])(
    "signatures change neither the payload, nor the digest, nor the QR code, nor an export",
    (doc, signatures) => {
      const signed = { ...doc, signatures };
      expect(parseLabel(signed).ok).toBe(true);
      expect(labelPayload(signed as never)).toEqual(labelPayload(doc as never));
      expect(labelDigest(signed as never)).toEqual(labelDigest(doc as never));
      expect(qrPayload(signed as never, "https://labels.example")).toEqual(
        qrPayload(doc as never, "https://labels.example"),
      );
      expect(toCycloneDx(signed as never)).toEqual(toCycloneDx(doc as never));
    },
  );

  test.prop([example, fc.constantFrom(...disclosedFieldPaths)])(
    "any other change changes the digest; the QR code carries its first 16 digits",
    (doc, path) => {
      const changed = setPath(doc, path, "not-disclosed");
      const [a, b] = [labelDigest(doc as never), labelDigest(changed as never)];
      if (!a.ok || !b.ok) throw new Error("fixture");
      expect(a.value).toMatch(/^[0-9a-f]{64}$/u);
      if (JSON.stringify(doc) !== JSON.stringify(changed)) expect(b.value).not.toBe(a.value);
      const qr = qrPayload(doc as never, "https://labels.example");
      expect(qr.ok && qr.value.endsWith(`?d=${a.value.slice(0, 16)}`)).toBe(true);
    },
  );

  test.prop([example])("the payload is canonical: key order and indentation do not matter", (doc) => {
    const reordered = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(doc).reverse()), null, 7));
    expect(labelPayload(reordered)).toEqual(labelPayload(doc as never));
  });

  it.each([
    ["padding", [{ ...signature, signature: "c2ln==" }]],
    ["a payload inside", [{ ...signature, payload: "e30" }]],
    ["seventeen of them", Array.from({ length: 17 }, () => signature)],
    ["an empty protected header", [{ ...signature, protected: "" }]],
  ])("refuses signatures with %s", (_, signatures) => {
    const r = parseLabel({ ...(examples[0] as object), signatures });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.path[0]).toBe("signatures");
    expect(labelDigest({ ...(examples[0] as object), signatures } as never).ok).toBe(false);
  });
});

describe("migrateLabel", () => {
  test.prop([example])("is the identity on the newest version", (doc) => {
    expect(migrateLabel(structuredClone(doc))).toEqual({ ok: true, value: doc });
  });

  it("names versions it cannot migrate", () => {
    expect(migrateLabel({ ...examples[0], schemaVersion: 2 })).toMatchObject({
      ok: false,
      issues: [{ code: "unsupported-schema-version", path: ["schemaVersion"] }],
    });
    expect(migrateLabel("label")).toMatchObject({ ok: false, issues: [{ code: "unsupported-schema-version" }] });
  });

  it("describes a hostile version in a short message", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    const messages = [{ deep }, "v".repeat(1_000_000), [1], "2", null].map((schemaVersion) => {
      const r = migrateLabel({ schemaVersion });
      return r.ok ? "" : (r.issues[0]?.message ?? "");
    });
    expect(messages.map((m) => m.split(":")[0])).toEqual([
      "Input nests deeper than 64 levels at $.schemaVersion.deep.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.",
      "$.schemaVersion is a long string",
      "$.schemaVersion is an array",
      '$.schemaVersion "2"',
      "$.schemaVersion null",
    ]);
    expect(migrateLabel({ schemaVersion: { a: 1 } })).toMatchObject({
      ok: false,
      issues: [{ message: expect.stringMatching(/^\$\.schemaVersion is an object:/u) }],
    });
  });

  it("reads the label once: the version checked is the version parsed", () => {
    let reads = 0;
    const doc = { ...examples[0] };
    Object.defineProperty(doc, "schemaVersion", { enumerable: true, get: () => (reads++ === 0 ? 1 : 2) });
    expect(migrateLabel(doc).ok).toBe(true);
    expect(reads).toBe(1);
    const throwing = Object.defineProperty({}, "schemaVersion", {
      enumerable: true,
      get: () => {
        throw new Error("boom");
      },
    });
    expect(migrateLabel(throwing)).toMatchObject({ ok: false, issues: [{ code: "unreadable-input" }] });
  });
});

describe("labelJsonSchema", () => {
  it("is JSON Schema 2020-12, closes every object and tags every field with its layer", () => {
    const schema = labelJsonSchema();
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    const text = JSON.stringify(schema);
    expect(text).toContain('"x-miotsec-layer":"box"');
    expect(text).toContain('"x-miotsec-layer":"procurement"');
    for (const { object } of objects(schema)) {
      if (object.type === "object" && object.properties)
        expect(object.additionalProperties, JSON.stringify(Object.keys(object.properties))).toBe(false);
    }
  });

  it("describes every field it tags with a layer, the lifecycle facts and the runtime's parts, for the people who fill them in", () => {
    const schema = labelJsonSchema();
    const tagged = objects(schema).filter(({ object }) => "x-miotsec-layer" in object);
    expect(tagged.length).toBeGreaterThan(30);
    for (const { object, path } of tagged) expect(typeof object.description, path.join(".")).toBe("string");
    // Every described path names a field: a field renamed without its help fails here.
    for (const [path, text] of Object.entries(fieldHelp())) {
      expect(fieldAt(schema, path)?.description, path).toBe(text);
      expect(text, path).toMatch(/^[A-Z].*\.$/);
    }
    for (const field of Object.keys(lifecycleFactsSchema.def.shape))
      expect(fieldAt(schema, `lifecycle.${field}`)?.description, field).toBeDefined();
    // Descriptions are words for people: a label that did not validate before does not now.
    expect(validate({ ...(examples[0] as object), lifecycle: { manufacturingDate: "2026-02-30" } })).toBe(false);
  });

  test.prop([example, fc.constantFrom(...disclosedFieldPaths)])("accepts what parseLabel accepts", (doc, path) => {
    const changed = setPath(doc, path, "not-disclosed");
    expect(validate(changed), JSON.stringify(validate.errors?.slice(0, 2))).toBe(true);
  });
});

describe("qrPayload", () => {
  it("is a short versioned https URL with a digest of the label", () => {
    const r = parseLabel(examples[0]);
    if (!r.ok) throw new Error("fixture");
    const url = qrPayload(r.value, "https://labels.example/");
    expect(url).toMatchObject({ ok: true });
    if (url.ok) {
      expect(url.value).toMatch(
        /^https:\/\/labels\.example\/wireless-scanner-example\.us-w1\.2026-1\/v1\?d=[0-9a-f]{16}$/,
      );
      expect(url.value.length).toBeLessThan(100);
    }
    expect(qrPayload(r.value, "http://labels.example")).toMatchObject({
      ok: false,
      issues: [{ code: "invalid-format" }],
    });
  });

  test.prop([example, fc.constantFrom(...disclosedFieldPaths)])(
    "changes whenever the label changes, and only then",
    (doc, path) => {
      const a = parseLabel(doc);
      const b = parseLabel(setPath(doc, path, "not-disclosed"));
      if (!a.ok || !b.ok) throw new Error("fixture");
      const same = JSON.stringify(canonicalJson(a.value)) === JSON.stringify(canonicalJson(b.value));
      expect(qrPayload(a.value, "https://x.example").ok && qrPayload(b.value, "https://x.example")).toBeTruthy();
      const qa = qrPayload(a.value, "https://x.example");
      const qb = qrPayload(b.value, "https://x.example");
      expect(qa.ok && qb.ok && qa.value === qb.value).toBe(same);
      expect(qrPayload(structuredClone(a.value), "https://x.example")).toEqual(qa);
    },
  );

  it("writes characters outside ASCII percent-encoded, as the QR code carries them", () => {
    const r = parseLabel(examples[0]);
    if (!r.ok) throw new Error("fixture");
    const url = qrPayload(r.value, "https://labels.example/geräte/😀");
    expect(url.ok && url.value.startsWith("https://labels.example/ger%C3%A4te/%F0%9F%98%80/")).toBe(true);
  });

  it("leaves room for the longest id, the version and the digest inside a QR code", () => {
    expect(qrBaseUrlMaxLength + "/".length + 200 + "/v1?d=".length + 16).toBeLessThanOrEqual(qrPayloadMaxBytes);
  });

  test.prop([example, fc.string({ unit: "binary", maxLength: 2500, size: "max" })])(
    "refuses every base URL whose payload would not fit a QR code, and the label schema refuses it as a qrTarget",
    (doc, tail) => {
      const base = `https://labels.example/${tail.replace(/[\s?#]/gu, "")}`;
      const label = parseLabel(doc);
      if (!label.ok) throw new Error("fixture");
      const payload = qrPayload(label.value, base);
      if (payload.ok) expect(payload.value.length).toBeLessThanOrEqual(qrPayloadMaxBytes);
      else expect(payload.issues[0]?.path).toEqual(["baseUrl"]);
      expect(parseLabel({ ...doc, qrTarget: base }).ok).toBe(payload.ok);
    },
  );

  it.each([
    ["a query", "https://labels.example/a?x=1", "invalid-format"],
    ["a fragment", "https://labels.example/a#x", "invalid-format"],
    ["a lone surrogate", "https://labels.example/\uD800", "invalid-format"],
    ["2,001 characters", `https://labels.example/${"a".repeat(1978)}`, "too-big"],
    ["700 characters outside ASCII", `https://labels.example/${"ü".repeat(700)}`, "too-big"],
  ])("a qrTarget with %s is refused by the schema and by qrPayload", (_, qrTarget, code) => {
    expect(parseLabel({ ...examples[0], qrTarget })).toMatchObject({
      ok: false,
      issues: [{ code, path: ["qrTarget"] }],
    });
    const r = parseLabel(examples[0]);
    if (!r.ok) throw new Error("fixture");
    expect(qrPayload(r.value, qrTarget).ok).toBe(false);
  });
});
