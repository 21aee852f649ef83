// Writes the test vectors of label signatures (examples/signatures) from the wireless scanner's
// label: the vectors, the signed label, and a signed status document that revokes it. Run
// `node scripts/trust-vectors.mjs` after `pnpm build` when that label changes; add `--new-keys`
// to make new demo keys (examples/keys) too. The keys are for tests and demos only.
import { generateKeyPairSync } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { labelDigest, labelPayload } from "../packages/label/dist/index.js";
import { signLabel, signLabelStatus, verifyLabel } from "../packages/trust/dist/index.js";

const dir = new URL("../examples", import.meta.url).pathname;
const jwk = (k) => k.export({ format: "jwk" });
const esFile = `${dir}/keys/demo-only-manufacturer-es256.private.jwk.json`;
const edFile = `${dir}/keys/demo-only-test-lab-ed25519.private.jwk.json`;
const setFile = `${dir}/keys/demo-only.jwks.json`;
const read = (file) => JSON.parse(readFileSync(file, "utf8"));
const write = (file, value) => writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
if (process.argv.includes("--new-keys") || !existsSync(setFile)) {
  const es = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const ed = generateKeyPairSync("ed25519");
  const esKid = "demo-only-manufacturer-es256";
  const edKid = "demo-only-test-lab-ed25519";
  write(esFile, { ...jwk(es.privateKey), kid: esKid });
  write(edFile, { ...jwk(ed.privateKey), kid: edKid });
  write(setFile, {
    keys: [
      { ...jwk(es.publicKey), kid: esKid },
      { ...jwk(ed.publicKey), kid: edKid },
    ],
  });
}
const esPrivate = read(esFile);
const edPrivate = read(edFile);
const jwks = read(setFile);
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
write(`${dir}/signatures/ultrasound-wifi.vectors.json`, vectors);
write(`${dir}/signatures/ultrasound-wifi.signed.label.json`, signed);
const revoked = await signLabelStatus(
  {
    schemaVersion: 1,
    label: { id: signed.id, digest: vectors.digest },
    status: "revoked",
    reason: "Example: the label's claims about data residency were found to be false.",
    issued: "2026-11-20",
    nextUpdate: "2027-11-20",
  },
  {
    privateKey: esPrivate,
    kid: esPrivate.kid,
    role: "manufacturer",
    signer: "Wireless Scanner Manufacturer (example)",
  },
);
write(`${dir}/signatures/ultrasound-wifi.revoked.status.json`, revoked.value);
console.log(`wrote ${dir}/signatures`);
