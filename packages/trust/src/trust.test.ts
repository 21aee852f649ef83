import { createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from "node:crypto";
import { readFileSync } from "node:fs";
import { fc, test } from "@fast-check/vitest";
import { type DeviceLabel, disclosedFieldPaths, labelPayload } from "@miotsec/label";
import { describe, expect, it } from "vitest";
import type { Jwk, Jwks, SignerRole } from "./keys.js";
import { signLabel } from "./sign.js";
import { verifyLabel } from "./verify.js";

const examples = ["ultrasound-wifi", "ultrasound-usbc", "infusion-pump-full", "table-1"].map(
  (name) =>
    JSON.parse(
      readFileSync(new URL(`../../../examples/labels/${name}.label.json`, import.meta.url), "utf8"),
    ) as DeviceLabel,
);
const asOf = "2026-12-02";
const b64u = (bytes: Uint8Array | string) => Buffer.from(bytes).toString("base64url");

/** A key pair made with node:crypto alone, as JWKs. */
function pair(kind: "ec" | "ed25519", kid: string) {
  const { privateKey, publicKey } =
    kind === "ec" ? generateKeyPairSync("ec", { namedCurve: "P-256" }) : generateKeyPairSync("ed25519");
  return {
    kid,
    privateKey,
    publicKey,
    privateJwk: privateKey.export({ format: "jwk" }) as Jwk,
    publicJwk: { ...(publicKey.export({ format: "jwk" }) as Jwk), kid },
    alg: kind === "ec" ? "ES256" : "EdDSA",
  } as const;
}
const es = pair("ec", "vendor-es256");
const ed = pair("ed25519", "lab-ed25519");
const jwks: Jwks = { keys: [es.publicJwk, ed.publicJwk] };

async function signed(label: DeviceLabel, key = es, role: SignerRole = "manufacturer"): Promise<DeviceLabel> {
  const r = await signLabel(label, { privateKey: key.privateJwk, kid: key.kid, role, signer: "Example Medical GmbH" });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}
async function verified(label: unknown, keys: Jwks = jwks) {
  const r = await verifyLabel(label as DeviceLabel, { keys, asOf });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}
/** A signature made with node:crypto alone, over the label's payload, with any header. */
function handMade(label: DeviceLabel, header: Record<string, unknown>, key: KeyObject = es.privateKey) {
  const payload = labelPayload(label);
  if (!payload.ok) throw new Error("fixture");
  const protectedHeader = b64u(JSON.stringify(header));
  const input = Buffer.from(`${protectedHeader}.${b64u(payload.value)}`);
  const signature =
    key.asymmetricKeyType === "ec" ? sign("sha256", input, { key, dsaEncoding: "ieee-p1363" }) : sign(null, input, key);
  return {
    ...label,
    signatures: [...(label.signatures ?? []), { protected: protectedHeader, signature: b64u(signature) }],
  };
}
const header = (alg: string, kid: string, extra: Record<string, unknown> = {}) => ({
  alg,
  kid,
  typ: "miotsec-label+jws",
  miotsec: { role: "manufacturer", signer: "Example Medical GmbH" },
  ...extra,
});

describe("signLabel and verifyLabel", () => {
  test.prop([fc.constantFrom(...examples), fc.constantFrom(es, ed)], { numRuns: 16 })(
    "a label signed is valid, with ES256 and with Ed25519, and says who signed",
    async (label, key) => {
      const v = await verified(await signed(label, key));
      expect(v).toMatchObject({
        valid: true,
        signatures: [{ kid: key.kid, alg: key.alg, role: "manufacturer", signer: "Example Medical GmbH", valid: true }],
      });
      expect(v.digest).toMatch(/^[0-9a-f]{64}$/u);
    },
  );

  test.prop([fc.constantFrom(...examples), fc.constantFrom(...disclosedFieldPaths)], { numRuns: 40 })(
    "changing any one field of a signed label makes it invalid",
    async (label, path) => {
      const s = structuredClone(await signed(label));
      const keys = path.split(".");
      let at = s as unknown as Record<string, unknown>;
      for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
      const last = keys.at(-1) as string;
      const before = JSON.stringify(at[last]);
      at[last] = before === '"not-disclosed"' ? "not-applicable" : "not-disclosed";
      expect(await verified(s)).toMatchObject({
        valid: false,
        signatures: [{ valid: false, reason: "bad-signature" }],
      });
    },
  );

  test.prop([fc.constantFrom(...examples)], { numRuns: 8 })(
    "reordering keys and re-indenting the file keeps it valid: the payload is canonical",
    async (label) => {
      const s = await signed(label);
      const reordered = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(s).reverse()), null, 3));
      expect((await verified(reordered)).valid).toBe(true);
    },
  );

  it("keeps a manufacturer's and a test lab's signatures side by side", async () => {
    const both = await signed(await signed(examples[0] as DeviceLabel, es), ed, "test-lab");
    const v = await verified(both);
    expect(v.valid).toBe(true);
    expect(v.signatures.map((s) => s.role)).toEqual(["manufacturer", "test-lab"]);
    // A signer the verifier has not pinned is not evidence against the label.
    expect(await verified(both, { keys: [es.publicJwk] })).toMatchObject({
      valid: true,
      signatures: [{ valid: true }, { valid: false, reason: "unknown-kid" }],
    });
    expect((await verified(both, { keys: [] })).valid).toBe(false);
  });
});

describe("interoperability with node:crypto alone", () => {
  it("verifies miotsec's signatures by rebuilding the signing input by hand", async () => {
    for (const key of [es, ed]) {
      const s = await signed(examples[1] as DeviceLabel, key);
      const jws = s.signatures?.[0];
      const payload = labelPayload(examples[1] as DeviceLabel);
      if (jws === undefined || !payload.ok) throw new Error("fixture");
      const input = Buffer.from(`${jws.protected}.${b64u(payload.value)}`);
      const signature = Buffer.from(jws.signature, "base64url");
      const ok =
        key === es
          ? verify("sha256", input, { key: key.publicKey, dsaEncoding: "ieee-p1363" }, signature)
          : verify(null, input, key.publicKey, signature);
      expect(ok).toBe(true);
      expect(JSON.parse(Buffer.from(jws.protected, "base64url").toString())).toEqual(header(key.alg, key.kid));
    }
  });

  it("verifies signatures made by node:crypto alone", async () => {
    const label = examples[2] as DeviceLabel;
    expect((await verified(handMade(label, header("ES256", es.kid)))).valid).toBe(true);
    expect((await verified(handMade(label, header("EdDSA", ed.kid), ed.privateKey))).valid).toBe(true);
  });
});

describe("every way a signature fails has a reason, never a throw", () => {
  const label = examples[0] as DeviceLabel;
  const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
  it.each([
    ["an unknown kid", header("ES256", "nobody"), "unknown-kid", jwks],
    ["a duplicated kid in the JWKS", header("ES256", es.kid), "duplicate-kid", { keys: [es.publicJwk, es.publicJwk] }],
    ["alg none", header("none", es.kid), "alg-not-allowed", jwks],
    ["an HMAC algorithm", header("HS256", es.kid), "alg-not-allowed", jwks],
    ["RS256", header("RS256", es.kid), "alg-not-allowed", jwks],
    ["a key of another type than its alg", header("EdDSA", es.kid), "key-mismatch", jwks],
    [
      "an RSA key",
      header("ES256", "rsa"),
      "key-not-allowed",
      { keys: [{ ...(rsa.publicKey.export({ format: "jwk" }) as Jwk), kid: "rsa" }] },
    ],
    ["another typ", header("ES256", es.kid, { typ: "JWT" }), "header-not-allowed", jwks],
    ["a crit that is not empty", header("ES256", es.kid, { crit: ["exp"] }), "header-not-allowed", jwks],
    ["an empty crit, which RFC 7515 forbids", header("ES256", es.kid, { crit: [] }), "header-not-allowed", jwks],
    ["no miotsec claim", { alg: "ES256", kid: es.kid, typ: "miotsec-label+jws" }, "header-not-allowed", jwks],
  ] as const)("%s", async (_, h, reason, keys) => {
    const v = await verified(handMade(label, h as Record<string, unknown>), keys as Jwks);
    expect(v).toMatchObject({ valid: false, signatures: [{ valid: false, reason }] });
  });

  it("a signature over another label", async () => {
    const other = await signed(examples[1] as DeviceLabel);
    const moved = { ...label, signatures: other.signatures };
    expect(await verified(moved)).toMatchObject({ valid: false, signatures: [{ reason: "bad-signature" }] });
  });

  it("a label without signatures is not valid", async () => {
    expect(await verified(label)).toMatchObject({ valid: false, signatures: [] });
  });
});

describe("bad input is answered with issues", () => {
  const label = examples[0] as DeviceLabel;
  it.each([
    [
      "a protected header that is not JSON",
      { ...label, signatures: [{ protected: "bm90IGpzb24", signature: "c2ln" }] },
    ],
    ["a header without kid", handMade(label, { alg: "ES256" })],
    ["a __proto__ in the header", handMade(label, JSON.parse('{"alg":"ES256","kid":"k","__proto__":{"x":1}}'))],
  ])("verifyLabel: %s", async (_, doc) => {
    const r = await verifyLabel(doc as DeviceLabel, { keys: jwks, asOf });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.path[0]).toBe("signatures");
  });

  it.each([
    ["no keys", { asOf }],
    ["a key without kid", { keys: { keys: [{ kty: "EC" }] }, asOf }],
    ["an impossible date", { keys: jwks, asOf: "2026-02-30" }],
    ["keys that are not a JWKS", { keys: [es.publicJwk], asOf }],
  ])("verifyLabel: options with %s", async (_, options) => {
    const r = await verifyLabel(await signed(label), options as never);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.path[0]).toBe("options");
  });

  it("verifyLabel: a pinned key whose members make no key", async () => {
    const broken = { keys: [{ ...es.publicJwk, x: "AAAA" }] };
    const r = await verifyLabel(await signed(label), { keys: broken, asOf });
    expect(r).toMatchObject({ ok: false, issues: [{ path: ["options", "keys", "keys", 0] }] });
  });

  it.each([
    ["a public key", { privateKey: es.publicJwk, kid: "k", role: "manufacturer", signer: "S" }],
    [
      "an RSA key",
      {
        privateKey: generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" }),
        kid: "k",
        role: "manufacturer",
        signer: "S",
      },
    ],
    ["another role", { privateKey: es.privateJwk, kid: "k", role: "auditor", signer: "S" }],
    ["a blank signer", { privateKey: es.privateJwk, kid: "k", role: "manufacturer", signer: " " }],
    [
      "members that make no key",
      { privateKey: { ...es.privateJwk, d: "AAAA" }, kid: "k", role: "manufacturer", signer: "S" },
    ],
  ])("signLabel: %s", async (_, options) => {
    const r = await signLabel(label, options as never);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.path[0]).toBe("options");
  });

  test.prop([fc.anything()], { numRuns: 50 })("answers anything that is not a label with issues", async (x) => {
    expect((await verifyLabel(x as DeviceLabel, { keys: jwks, asOf })).ok).toBe(false);
    expect(
      (await signLabel(x as DeviceLabel, { privateKey: es.privateJwk, kid: "k", role: "hospital", signer: "S" })).ok,
    ).toBe(false);
  });

  it("does not change the label it signs", async () => {
    const copy = structuredClone(label);
    await signed(label);
    expect(label).toEqual(copy);
  });
});

describe("the test vectors of examples/signatures", () => {
  const read = (path: string) => JSON.parse(readFileSync(new URL(`../../../${path}`, import.meta.url), "utf8"));
  const vectors = read("examples/signatures/ultrasound-wifi.vectors.json");
  const keys = read(vectors.keys) as Jwks;
  const label = { ...read(vectors.label), signatures: vectors.signatures } as DeviceLabel;

  it("give the payload, the digest and the verification they state", async () => {
    expect(labelPayload(label)).toEqual({ ok: true, value: vectors.payload });
    expect(await verified(label, keys)).toEqual(vectors.verification);
    expect(vectors.verification.digest).toBe(vectors.digest);
  });

  it("verify with node:crypto alone, from the file's payload and keys", () => {
    for (const [i, jws] of (vectors.signatures as { protected: string; signature: string }[]).entries()) {
      const key = keys.keys[i] as Jwk;
      const input = Buffer.from(`${jws.protected}.${b64u(vectors.payload)}`);
      const signature = Buffer.from(jws.signature, "base64url");
      const publicKey = createPublicKey({ key: key as never, format: "jwk" });
      const ok =
        key.kty === "EC"
          ? verify("sha256", input, { key: publicKey, dsaEncoding: "ieee-p1363" }, signature)
          : verify(null, input, publicKey, signature);
      expect(ok).toBe(true);
    }
  });

  it("fail once the label is changed", async () => {
    const changed = { ...label, qrTarget: "https://labels.example/elsewhere" };
    expect(await verified(changed, keys)).toMatchObject({
      valid: false,
      signatures: [{ reason: "bad-signature" }, { reason: "bad-signature" }],
    });
  });
});

describe("hostile signatures and key sets", () => {
  const label = examples[3] as DeviceLabel;

  test.prop(
    [
      fc.record({
        alg: fc.constantFrom("ES256", "EdDSA", "none", "HS256", "RS256", "ES384", ""),
        typ: fc.constantFrom("miotsec-label+jws", "JWT", undefined),
        crit: fc.constantFrom(undefined, [], ["exp"], ["miotsec"]),
        miotsec: fc.constantFrom(
          { role: "manufacturer", signer: "S" },
          { role: "auditor", signer: "S" },
          { role: "manufacturer" },
          "manufacturer",
          undefined,
        ),
        kid: fc.constantFrom(es.kid, ed.kid, "nobody"),
      }),
      fc.constantFrom(es.privateKey, ed.privateKey),
    ],
    { numRuns: 60 },
  )("every combination of header members gives a verdict with a reason, never a throw", async (h, key) => {
    const headerObject = Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined));
    const v = await verified(handMade(label, headerObject, key), jwks);
    const signature = v.signatures[0];
    const right =
      ((h.alg === "ES256" && h.kid === es.kid && key === es.privateKey) ||
        (h.alg === "EdDSA" && h.kid === ed.kid && key === ed.privateKey)) &&
      h.typ === "miotsec-label+jws" &&
      h.crit === undefined &&
      typeof h.miotsec === "object" &&
      h.miotsec.role === "manufacturer" &&
      "signer" in h.miotsec;
    expect(signature?.valid).toBe(right);
    if (!right) expect(signature?.reason).toMatch(/^[a-z-]+$/u);
  });

  it("finds its key among 10,000 pinned keys, and refuses more", async () => {
    const many = {
      keys: [...Array.from({ length: 9_999 }, (_, i) => ({ ...ed.publicJwk, kid: `k${i}` })), es.publicJwk],
    };
    expect((await verified(await signed(label), many)).valid).toBe(true);
    const r = await verifyLabel(await signed(label), { keys: { keys: [...many.keys, es.publicJwk] }, asOf });
    expect(r).toMatchObject({ ok: false, issues: [{ path: ["options", "keys", "keys"] }] });
  });

  it("refuses an oversized signature, and a truncated one is a bad signature", async () => {
    const s = await signed(label);
    const jws = s.signatures?.[0];
    if (jws === undefined) throw new Error("fixture");
    const oversized = { ...s, signatures: [{ ...jws, signature: "A".repeat(1025) }] };
    expect((await verifyLabel(oversized, { keys: jwks, asOf })).ok).toBe(false);
    const truncated = { ...s, signatures: [{ ...jws, signature: jws.signature.slice(0, 40) }] };
    expect(await verified(truncated)).toMatchObject({ valid: false, signatures: [{ reason: "bad-signature" }] });
  });
});
