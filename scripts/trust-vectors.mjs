// Writes new demo keys (examples/keys) and the test vectors of label signatures
// (examples/signatures), from the wireless scanner's label: `node scripts/trust-vectors.mjs` after
// `pnpm build`. Run it again when that label changes; the keys are for tests and demos only.
import { generateKeyPairSync } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { labelDigest, labelPayload } from "../packages/label/dist/index.js";
import { signLabel, verifyLabel } from "../packages/trust/dist/index.js";

const dir = new URL("../examples", import.meta.url).pathname;
const jwk = (k) => k.export({ format: "jwk" });
const es = generateKeyPairSync("ec", { namedCurve: "P-256" });
const ed = generateKeyPairSync("ed25519");
const esPrivate = { ...jwk(es.privateKey), kid: "demo-only-manufacturer-es256" };
const edPrivate = { ...jwk(ed.privateKey), kid: "demo-only-test-lab-ed25519" };
const jwks = {
  keys: [
    { ...jwk(es.publicKey), kid: esPrivate.kid },
    { ...jwk(ed.publicKey), kid: edPrivate.kid },
  ],
};
writeFileSync(`${dir}/keys/demo-only-manufacturer-es256.private.jwk.json`, `${JSON.stringify(esPrivate, null, 2)}\n`);
writeFileSync(`${dir}/keys/demo-only-test-lab-ed25519.private.jwk.json`, `${JSON.stringify(edPrivate, null, 2)}\n`);
writeFileSync(`${dir}/keys/demo-only.jwks.json`, `${JSON.stringify(jwks, null, 2)}\n`);
const label = JSON.parse(readFileSync(`${dir}/labels/ultrasound-wifi.label.json`, "utf8"));
const one = await signLabel(label, {
  privateKey: esPrivate,
  kid: esPrivate.kid,
  role: "manufacturer",
  signer: "Wireless Scanner Manufacturer (example)",
});
const both = await signLabel(one.value, {
  privateKey: edPrivate,
  kid: edPrivate.kid,
  role: "test-lab",
  signer: "Example test lab",
});
const signed = both.value;
const payload = labelPayload(signed).value;
const vectors = {
  description:
    "Test vectors for miotsec label signatures: a label signed by two demo keys (examples/keys), its signing payload and digest, and what verifying it against examples/keys/demo-only.jwks.json gives. The keys are for tests and demos only.",
  format:
    "JWS, flattened JSON serialisation (RFC 7515 7.2.2), detached payload (RFC 7515 Appendix F); payload = RFC 8785 canonical JSON of the label without signatures, UTF-8; signing input = protected + '.' + base64url(payload)",
  label: "examples/labels/ultrasound-wifi.label.json",
  keys: "examples/keys/demo-only.jwks.json",
  payload,
  digest: labelDigest(signed).value,
  signatures: signed.signatures,
  verification: (await verifyLabel(signed, { keys: jwks, asOf: "2026-12-02" })).value,
};
writeFileSync(`${dir}/signatures/ultrasound-wifi.vectors.json`, `${JSON.stringify(vectors, null, 2)}\n`);
console.log(`wrote ${dir}/keys and ${dir}/signatures/ultrasound-wifi.vectors.json`);
