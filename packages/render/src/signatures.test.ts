import { fc, test } from "@fast-check/vitest";
import { type DeviceLabel, labelDigest } from "@miotsec/label";
import { describe, expect, it } from "vitest";
import { examples, unwrap } from "./fixtures.test-support.js";
import { renderLabelHtml, renderLabelSvg, type SignatureCheck } from "./index.js";

const label = examples[0] as DeviceLabel;
const signedLabel = { ...label, signatures: [{ protected: "eyJhbGciOiJFUzI1NiJ9", signature: "c2ln" }] };
const digest = unwrap(labelDigest(label));
const check = (valid: boolean, extra: Partial<SignatureCheck> = {}): SignatureCheck => ({
  valid,
  digest,
  signatures: [{ kid: "vendor-2026", valid, role: "manufacturer", signer: "Example Medical GmbH" }],
  ...extra,
});
const asOf = "2026-12-02";

describe("signatures on the rendered label", () => {
  it("shows who signed and that it verified, only from a verification passed in", () => {
    const html = unwrap(renderLabelHtml(signedLabel, { asOf, verification: check(true) }));
    expect(html).toContain("Example Medical GmbH (manufacturer): verified");
    expect(html).toContain(`Valid as of ${asOf}`);
    const unverified = unwrap(renderLabelHtml(signedLabel, { asOf }));
    expect(unverified).toContain("1, not verified here");
    expect(unverified).not.toContain("Example Medical GmbH");
  });

  it("says when it did not verify, and a revoked or stale status", () => {
    const svg = unwrap(
      renderLabelSvg(signedLabel, { asOf, verification: check(false, { status: { status: "revoked", stale: true } }) }),
    );
    expect(svg.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ")).toContain(
      "Example Medical GmbH (manufacturer): not verified",
    );
    // The SVG wraps long values over lines: the words are there, in order.
    expect(svg.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ")).toContain(
      `Not valid as of ${asOf} (revoked, stale status)`,
    );
  });

  it("leaves a label without signatures and without a verification as it was", () => {
    expect(unwrap(renderLabelHtml(label, { asOf }))).not.toContain("Signatures");
  });

  it("refuses a verification of another label", () => {
    const r = renderLabelHtml(signedLabel, { asOf, verification: check(true, { digest: "0".repeat(64) }) });
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual([["verification", "digest"]]);
  });

  test.prop([fc.anything()], { numRuns: 100 })("answers any verification that is not one with issues", (v) => {
    const r = renderLabelSvg(signedLabel, { asOf, verification: v as never });
    if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
    else expect(v).toBeUndefined();
  });
});
