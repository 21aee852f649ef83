// The Read journey's verdict on a signed label, from real verifications of the examples: "does
// not verify" only where the signatures do not; a revoked label, and a status document that
// does not count, each said as such.
import { readFileSync } from "node:fs";
import type { DeviceLabel } from "@miotsec/label";
import { type LabelStatus, type LabelVerification, signLabel, signLabelStatus, verifyLabel } from "@miotsec/trust";
import { describe, expect, it } from "vitest";
import { statusLine, verdictOf } from "../src/read/verdict.js";

const example = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../../examples/${path}`, import.meta.url), "utf8"));
const keys = example("keys/demo-only.jwks.json");
const privateKey = example("keys/demo-only-manufacturer-es256.private.jwk.json");
const signed: DeviceLabel = example("signatures/ultrasound-wifi.signed.label.json");
const revoked: LabelStatus = example("signatures/ultrasound-wifi.revoked.status.json");
const asOf = "2026-12-03";

/** The verdict and the status line the page shows for a label and, where given, a status document. */
async function shown(label: DeviceLabel, status?: LabelStatus) {
  const alone = await verifyLabel(label, { keys, asOf });
  const folded = status === undefined ? alone : await verifyLabel(label, { keys, asOf, status });
  if (!alone.ok || !folded.ok) throw new Error("the examples verify without issues");
  const v: LabelVerification = folded.value;
  return { verdict: verdictOf(v, alone.value.valid), status: v.status && statusLine(v.status) };
}
const signedStatus = async (status: LabelStatus) => {
  const r = await signLabelStatus(
    { ...status, signatures: [] },
    { privateKey, kid: privateKey.kid, role: "manufacturer", signer: "Example" },
  );
  if (!r.ok) throw new Error("the status signs");
  return r.value;
};

describe("verdictOf and statusLine", () => {
  it("say that the signatures verify, with a status that says the label stands", async () => {
    expect(await shown(signed)).toEqual({ verdict: "The label's signatures verify.", status: undefined });
    expect(await shown(signed, await signedStatus({ ...revoked, status: "valid" }))).toEqual({
      verdict: "The label's signatures verify, and its status document says it stands.",
      status: "Status document: the label stands",
    });
  });

  it("say that a label whose signatures verify is revoked, not that it does not verify", async () => {
    expect(await shown(signed, revoked)).toEqual({
      verdict: "The label's signatures verify, but its status document says it is revoked: the label no longer stands.",
      status: "Status document: revoked",
    });
    const withdrawn = await shown(signed, await signedStatus({ ...revoked, status: "withdrawn" }));
    expect(withdrawn.verdict).toContain("says it is withdrawn by its issuer: the label no longer stands");
  });

  it("say that the signatures do not verify where a changed label is also revoked", async () => {
    const changed = { ...signed, identity: { ...signed.identity, model: "US-W2" } };
    expect((await shown(changed, revoked)).verdict).toBe("The label's signatures do not verify.");
    expect((await shown(changed)).verdict).toBe("The label's signatures do not verify.");
  });

  it("say why a status document does not count: not verified, or about another label", async () => {
    const unverified = await shown(signed, { ...revoked, reason: "changed after it was signed" });
    expect(unverified).toEqual({
      verdict:
        "The label's signatures verify, but the status document does not verify against the keys opened, so the label is not taken to stand.",
      status: "Status document: not verified against the keys opened; it says “revoked”, which is not taken as said",
    });
    const other = await signLabel(
      { ...signed, signatures: [], identity: { ...signed.identity, model: "US-W9" } },
      { privateKey, kid: privateKey.kid, role: "manufacturer", signer: "Example" },
    );
    if (!other.ok) throw new Error("the label signs");
    const elsewhere = await shown(other.value, revoked);
    expect(elsewhere.verdict).toBe(
      "The label's signatures verify, but the status document is about another label, or another version of this one, so the label is not taken to stand.",
    );
    expect(elsewhere.status).toBe(
      "Status document: about another label, or another version of this one; it says “revoked”",
    );
  });
});
