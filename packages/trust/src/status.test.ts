import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { fc, test } from "@fast-check/vitest";
import { type DeviceLabel, labelDigest, qrPayload } from "@miotsec/label";
import { describe, expect, it } from "vitest";
import type { Jwk, Jwks } from "./keys.js";
import { pinKeys } from "./pin.js";
import { signLabel } from "./sign.js";
import {
  type LabelStatus,
  labelStatuses,
  labelStatusJsonSchema,
  labelStatusSchema,
  parseLabelStatus,
  signLabelStatus,
} from "./status.js";
import { verifyLabel } from "./verify.js";

const label = JSON.parse(
  readFileSync(new URL("../../../examples/labels/ultrasound-wifi.label.json", import.meta.url), "utf8"),
) as DeviceLabel;
const other = JSON.parse(
  readFileSync(new URL("../../../examples/labels/ultrasound-usbc.label.json", import.meta.url), "utf8"),
) as DeviceLabel;

function pair(kid: string) {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  return {
    kid,
    privateKey: privateKey.export({ format: "jwk" }) as Jwk,
    publicKey: { ...(publicKey.export({ format: "jwk" }) as Jwk), kid },
  };
}
const vendor = pair("vendor");
const stranger = pair("stranger");
const keys: Jwks = { keys: [vendor.publicKey] };
const by = (key = vendor) =>
  ({ privateKey: key.privateKey, kid: key.kid, role: "manufacturer", signer: "Vendor" }) as const;
const digest = (l: DeviceLabel) => {
  const d = labelDigest(l);
  if (!d.ok) throw new Error("fixture");
  return d.value;
};
const signedLabel = await signLabel(label, by()).then((r) => (r.ok ? r.value : Promise.reject(r.issues)));

function statusOf(status: LabelStatus["status"], extra: Partial<LabelStatus> = {}): LabelStatus {
  return {
    schemaVersion: 1,
    label: { id: label.id, digest: digest(label) },
    status,
    issued: "2026-11-01",
    nextUpdate: "2026-12-31",
    ...extra,
  } as LabelStatus;
}
async function signedStatus(status: LabelStatus, key = vendor): Promise<LabelStatus> {
  const r = await signLabelStatus(status, by(key));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}
async function verdict(status: LabelStatus | undefined, asOf = "2026-12-02", l: DeviceLabel = signedLabel) {
  const r = await verifyLabel(l, { keys, asOf, ...(status === undefined ? {} : { status }) });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe("label status documents", () => {
  it.each([
    ["valid", true],
    ["superseded", true],
    ["withdrawn", false],
    ["revoked", false],
  ] as const)("a signed status saying %s leaves the label valid: %s", async (status, valid) => {
    const successor = status === "superseded" ? { successor: { url: "https://labels.example/us-wifi-2" } } : {};
    const v = await verdict(await signedStatus(statusOf(status, successor)));
    expect(v.valid).toBe(valid);
    expect(v.status).toMatchObject({ status, appliesTo: true, verified: true, stale: false });
  });

  it("a status past its nextUpdate is stale, and the verdict still follows what it says", async () => {
    const status = await signedStatus(statusOf("valid"));
    expect((await verdict(status, "2026-12-31")).status?.stale).toBe(false);
    const late = await verdict(status, "2027-01-01");
    expect(late).toMatchObject({ valid: true, status: { stale: true } });
  });

  it("an unsigned status, one signed by a key not pinned, or a changed one, is not taken as said", async () => {
    const unsigned = await verdict(statusOf("valid"));
    expect(unsigned).toMatchObject({ valid: false, status: { verified: false, signatures: [] } });
    const foreign = await verdict(await signedStatus(statusOf("valid"), stranger));
    expect(foreign).toMatchObject({ valid: false, status: { verified: false } });
    const changed = { ...(await signedStatus(statusOf("revoked"))), status: "valid" } as LabelStatus;
    expect(await verdict(changed)).toMatchObject({
      valid: false,
      status: { status: "valid", verified: false, signatures: [{ reason: "bad-signature" }] },
    });
  });

  it("a status about another label, or another version of this one, does not apply", async () => {
    const otherLabel = await verdict(
      await signedStatus({ ...statusOf("valid"), label: { id: other.id, digest: digest(other) } }),
    );
    expect(otherLabel).toMatchObject({ valid: false, status: { appliesTo: false, verified: true } });
    const changedLabel = { ...label, id: label.id, identity: { ...label.identity, model: "changed" } } as DeviceLabel;
    const signedChanged = await signLabel(changedLabel, by());
    if (!signedChanged.ok) throw new Error("fixture");
    const v = await verdict(await signedStatus(statusOf("valid")), "2026-12-02", signedChanged.value);
    expect(v).toMatchObject({ valid: false, status: { appliesTo: false } });
  });

  it("a label's signature does not pass for a status's, nor the other way round", async () => {
    const status = { ...statusOf("valid"), signatures: signedLabel.signatures } as LabelStatus;
    expect((await verdict(status)).status?.signatures[0]?.reason).toBe("header-not-allowed");
  });

  test.prop([fc.constantFrom(...labelStatuses), fc.boolean(), fc.boolean()], { numRuns: 24 })(
    "the label stands exactly when its signatures do, and a status applies, verifies and neither withdraws nor revokes it",
    async (status, applies, signedByVendor) => {
      const base = statusOf(status, status === "superseded" ? { successor: { digest: "a".repeat(64) } } : {});
      const doc = applies ? base : { ...base, label: { id: other.id, digest: digest(other) } };
      const v = await verdict(await signedStatus(doc, signedByVendor ? vendor : stranger));
      expect(v.valid).toBe(applies && signedByVendor && status !== "withdrawn" && status !== "revoked");
    },
  );

  it("checks the document: dates in order, a successor only for a superseded label", () => {
    const codes = (x: unknown) => {
      const r = parseLabelStatus(x);
      return r.ok ? [] : r.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    };
    expect(codes(statusOf("valid", { nextUpdate: "2026-10-01" as never }))).toEqual([
      expect.stringMatching(/^nextUpdate: /),
    ]);
    expect(codes(statusOf("revoked", { successor: { url: "https://x.example/" } }))).toEqual([
      expect.stringMatching(/^successor: .*superseded/),
    ]);
    expect(codes(statusOf("superseded", { successor: {} }))).toEqual([expect.stringMatching(/^successor: /)]);
    expect(codes({ ...statusOf("valid"), status: "expired" })).toEqual([expect.stringMatching(/^status: /)]);
    expect(codes({ ...statusOf("valid"), label: { id: "x", digest: "ABC" } })).toEqual([
      expect.stringMatching(/^label\.digest: /),
    ]);
    expect(parseLabelStatus({ $schema: "./label-status.schema.json", ...statusOf("valid") })).toEqual({
      ok: true,
      value: statusOf("valid"),
    });
  });

  it("has a JSON Schema that says what the zod schema says", () => {
    const schema = labelStatusJsonSchema();
    expect(schema).toMatchObject({ title: "miotsec label status", type: "object", additionalProperties: false });
    expect(Object.keys(schema.properties as object)).toEqual(Object.keys(labelStatusSchema.shape));
  });

  it("a status with a header that is not JSON is an issue at its path", async () => {
    const status = { ...statusOf("valid"), signatures: [{ protected: "bm90IGpzb24", signature: "c2ln" }] };
    const r = await verifyLabel(signedLabel, { keys, asOf: "2026-12-02", status });
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual([["options", "status", "signatures", 0, "protected"]]);
  });
});

describe("QR payloads", () => {
  const qr = (l: DeviceLabel) => {
    const r = qrPayload(l, "https://labels.example/scan");
    if (!r.ok) throw new Error("fixture");
    return r.value;
  };
  it.each([
    ["its own code", () => qr(label), { matches: true }],
    ["another label's code", () => qr(other), { matches: false, reason: "other-label" }],
    [
      "the code of another version of it",
      () => qr({ ...label, identity: { ...label.identity, model: "changed" } } as DeviceLabel),
      { matches: false, reason: "other-digest" },
    ],
    [
      "its code under another schema version",
      () => qr(label).replace("/v1?", "/v2?"),
      { matches: false, reason: "other-version" },
    ],
    ["a web page", () => "https://example.com/", { matches: false, reason: "not-a-label-code" }],
    [
      "broken percent-encoding",
      () => qr(label).replace(label.id, "%E0%A4%A"),
      { matches: false, reason: "not-a-label-code" },
    ],
  ])("%s", async (_, code, expected) => {
    const r = await verifyLabel(signedLabel, { keys, asOf: "2026-12-02", qr: code() });
    expect(r.ok && r.value.qr).toEqual(expected);
  });

  test.prop([fc.string({ maxLength: 300 })])("any text gets an answer, never a throw", async (text) => {
    const r = await verifyLabel(signedLabel, { keys, asOf: "2026-12-02", qr: text });
    expect(r.ok && r.value.qr?.matches).toBe(false);
  });
});

describe("pinKeys", () => {
  it("gives the same verdicts as the JWK Set it was made from", async () => {
    const pinned = await pinKeys({ keys: [vendor.publicKey, stranger.publicKey] });
    if (!pinned.ok) throw new Error("fixture");
    expect(pinned.value).toMatchObject({ size: 2, kids: ["vendor", "stranger"] });
    const a = await verifyLabel(signedLabel, { keys: pinned.value, asOf: "2026-12-02" });
    const b = await verifyLabel(signedLabel, {
      keys: { keys: [vendor.publicKey, stranger.publicKey] },
      asOf: "2026-12-02",
    });
    expect(a).toEqual(b);
  });

  it("refuses what only looks like a pinned set, and a JWKS that is not one", async () => {
    const pinned = await pinKeys(keys);
    if (!pinned.ok) throw new Error("fixture");
    const lookalike = { ...pinned.value };
    const r = await verifyLabel(signedLabel, { keys: lookalike as never, asOf: "2026-12-02" });
    expect(r.ok).toBe(false);
    const proxied = await verifyLabel(signedLabel, { keys: new Proxy(pinned.value, {}), asOf: "2026-12-02" });
    expect(proxied.ok).toBe(false);
    const bad = await pinKeys({ keys: [{ kty: "EC", crv: "P-256", x: "AAAA", y: "AAAA", kid: "k" }] });
    expect(bad.ok ? [] : bad.issues.map((i) => i.path)).toEqual([["jwks", "keys", 0]]);
    expect((await pinKeys(null as never)).ok).toBe(false);
  });

  it("pins every key at once, while verifyLabel imports only the keys a signature names", async () => {
    const broken = { kty: "EC", crv: "P-256", x: "AAAA", y: "AAAA", kid: "broken" };
    const set = { keys: [vendor.publicKey, broken] };
    expect(await verifyLabel(signedLabel, { keys: set, asOf: "2026-12-02" })).toMatchObject({
      ok: true,
      value: { valid: true },
    });
    const pinned = await pinKeys(set);
    expect(pinned.ok ? [] : pinned.issues.map((i) => i.path)).toEqual([["jwks", "keys", 1]]);
    const named = { ...signedLabel, signatures: [...(signedLabel.signatures ?? [])] };
    const byBroken = await signLabel(label, { ...by(), kid: "broken" });
    if (!byBroken.ok) throw new Error("fixture");
    named.signatures.push(...(byBroken.value.signatures ?? []));
    const r = await verifyLabel(named, { keys: set, asOf: "2026-12-02" });
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual([["options", "keys", "keys", 1]]);
  });

  it("answers options whose getter throws with an issue", async () => {
    const options = Object.defineProperty({ asOf: "2026-12-02" }, "keys", {
      enumerable: true,
      get() {
        throw new Error("no");
      },
    });
    const r = await verifyLabel(signedLabel, options as never);
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(["unreadable-input"]);
  });
});
