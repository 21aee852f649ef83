// verifyLabel of one signature on the full example label (the fully disclosed infusion pump),
// against the floor: node:crypto's `verify` over the precomputed signing input with a key
// object made beforehand. Web Crypto's `subtle.verify` on the same input, with the key imported
// beforehand, shows what the Web Crypto that `jose` runs on costs by itself. verifyLabel runs
// with the keys pinned once (`pinKeys`), as a verifier of many labels pins them, and with the
// JWK Set as it is, imported on every call. labelDigest shows the part of a verification that is
// not the signature: reading the label, its canonical JSON and its SHA-256.
import { createPublicKey, verify, webcrypto } from "node:crypto";
import { readFileSync } from "node:fs";
import { labelDigest, labelPayload } from "@miotsec/label";
import { pinKeys, signLabel, verifyLabel } from "@miotsec/trust";
import { compare } from "../../../scripts/bench.mjs";

const read = (path) => JSON.parse(readFileSync(new URL(`../../../examples/${path}`, import.meta.url), "utf8"));
const label = read("labels/infusion-pump-full.label.json");
const jwks = read("keys/demo-only.jwks.json");
const pinned = (await pinKeys(jwks)).value;
const asOf = "2026-12-02";

for (const [name, file] of [
  ["ES256", "keys/demo-only-manufacturer-es256.private.jwk.json"],
  ["Ed25519", "keys/demo-only-test-lab-ed25519.private.jwk.json"],
]) {
  const privateKey = read(file);
  const signed = (await signLabel(label, { privateKey, kid: privateKey.kid, role: "manufacturer", signer: "Bench" }))
    .value;
  const [signature] = signed.signatures;
  const payload = Buffer.from(labelPayload(signed).value).toString("base64url");
  const input = Buffer.from(`${signature.protected}.${payload}`);
  const bytes = Buffer.from(signature.signature, "base64url");
  const jwk = jwks.keys.find((k) => k.kid === privateKey.kid);
  const keyObject = createPublicKey({ key: jwk, format: "jwk" });
  const es256 = name === "ES256";
  const algorithm = es256 ? { name: "ECDSA", hash: "SHA-256" } : { name: "Ed25519" };
  const cryptoKey = await webcrypto.subtle.importKey(
    "jwk",
    jwk,
    es256 ? { name: "ECDSA", namedCurve: "P-256" } : algorithm,
    false,
    ["verify"],
  );
  const check = (r) => {
    if (!r.ok || !r.value.valid) throw new Error("the label did not verify");
    return r;
  };
  await compare(`@miotsec/trust: verifyLabel, one ${name} signature on the full example label`, [
    {
      name: "baseline: node:crypto verify over the precomputed signing input",
      fn: () =>
        verify(
          es256 ? "sha256" : null,
          input,
          es256 ? { key: keyObject, dsaEncoding: "ieee-p1363" } : keyObject,
          bytes,
        ),
    },
    {
      name: "Web Crypto subtle.verify over the same input",
      async: true,
      fn: () => webcrypto.subtle.verify(algorithm, cryptoKey, bytes, input),
    },
    { name: "labelDigest: parse, canonical JSON and SHA-256, without the signature", fn: () => labelDigest(signed) },
    {
      name: "verifyLabel, keys pinned once",
      async: true,
      fn: async () => check(await verifyLabel(signed, { keys: pinned, asOf })),
    },
    {
      name: "verifyLabel, the JWK Set imported on every call",
      async: true,
      fn: async () => check(await verifyLabel(signed, { keys: jwks, asOf })),
    },
  ]);
}
