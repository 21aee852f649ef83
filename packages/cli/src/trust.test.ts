import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { example, file, labelFile, miotsec, scratch } from "./fixtures.test-support.js";

const demoKeys = example("keys/demo-only.jwks.json");
/** Signs a document with the manufacturer's demo key, as a vendor named "Vendor", into `out`. */
const signAsVendor = (input: string, out: string) =>
  miotsec(
    "label",
    "sign",
    input,
    "--key",
    example("keys/demo-only-manufacturer-es256.private.jwk.json"),
    "--role",
    "manufacturer",
    "--signer",
    "Vendor",
    "--out",
    out,
  );

describe("keys generate, label sign and label verify", () => {
  it("make a key pair, sign a label with it and verify it: exit 0, each signer named", async () => {
    const dir = scratch();
    const made = await miotsec("keys", "generate", "--alg", "EdDSA", "--kid", "vendor-2026", "--out", dir);
    expect(made).toMatchObject({ code: 0, err: "" });
    const privateFile = join(dir, "vendor-2026.private.jwk.json");
    expect(statSync(privateFile).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(join(dir, "vendor-2026.jwks.json"), "utf8")).keys[0]).not.toHaveProperty("d");
    const out = join(dir, "signed.json");
    const signed = await miotsec(
      "label",
      "sign",
      labelFile("ultrasound-wifi"),
      "--key",
      privateFile,
      "--role",
      "manufacturer",
      "--signer",
      "Example Medical GmbH",
      "--out",
      out,
    );
    expect(signed).toMatchObject({ code: 0, err: "" });
    const v = await miotsec("label", "verify", out, "--keys", join(dir, "vendor-2026.jwks.json"));
    expect(v.code).toBe(0);
    expect(v.out).toBe(
      `${out}: valid\n  signature 1: manufacturer Example Medical GmbH, key vendor-2026, EdDSA: verified\n`,
    );
    // A key is never overwritten.
    const again = await miotsec("keys", "generate", "--kid", "vendor-2026", "--out", dir);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/exists already/);
  });

  it("exit 1 with the reason for a changed label, an unsigned one and a QR code of another label", async () => {
    const signed = JSON.parse(readFileSync(example("signatures/ultrasound-wifi.vectors.json"), "utf8"));
    const label = { ...JSON.parse(readFileSync(labelFile("ultrasound-wifi"), "utf8")), signatures: signed.signatures };
    const good = file("vectors-label.json", JSON.stringify(label));
    expect((await miotsec("label", "verify", good, "--keys", demoKeys)).code).toBe(0);
    const changed = file("changed.json", JSON.stringify({ ...label, id: "another-id" }));
    const v = await miotsec("label", "verify", changed, "--keys", demoKeys);
    expect(v.code).toBe(1);
    expect(v.out).toContain(
      "not verified: the document was changed after it was signed, or another one was signed (bad-signature)",
    );
    expect((await miotsec("label", "verify", labelFile("ultrasound-wifi"), "--keys", demoKeys)).out).toContain(
      "no signatures",
    );
    const qr = await miotsec(
      "label",
      "verify",
      good,
      "--keys",
      demoKeys,
      "--qr",
      "https://labels.example/other/v1?d=0123456789abcdef",
    );
    expect(qr).toMatchObject({ code: 1 });
    expect(qr.out).toContain("QR code: names another label");
  });

  it("fold in a revoked status signed by a pinned key: exit 1", async () => {
    const dir = scratch();
    const label = join(dir, "label.json");
    await signAsVendor(labelFile("table-1"), label);
    const digest = JSON.parse((await miotsec("label", "verify", label, "--keys", demoKeys, "--json")).out).digest;
    const status = join(dir, "status.json");
    writeFileSync(
      status,
      JSON.stringify({
        schemaVersion: 1,
        label: { id: JSON.parse(readFileSync(label, "utf8")).id, digest },
        status: "revoked",
        reason: "The claims were found to be false.",
        issued: "2026-11-01",
        nextUpdate: "2026-11-15",
      }),
    );
    const unsigned = await miotsec("label", "verify", label, "--keys", demoKeys, "--status", status);
    expect(unsigned.code).toBe(1);
    expect(unsigned.out).toContain("its signatures do not stand");
    const signedStatus = join(dir, "status.signed.json");
    expect((await signAsVendor(status, signedStatus)).code).toBe(0);
    const v = await miotsec("label", "verify", label, "--keys", demoKeys, "--status", signedStatus);
    expect(v.code).toBe(1);
    expect(v.out).toContain(
      "status revoked, issued 2026-11-01, next update 2026-11-15; stale: a newer status was due on 2026-11-15; reason: The claims were found to be false.",
    );
  });

  it.each([
    [["keys", "generate", "--kid", "a/b", "--out", "x"], /--kid/],
    [["keys", "generate", "--alg", "RS256", "--kid", "k", "--out", "x"], /--alg must be ES256, EdDSA/],
    [["label", "sign", labelFile("table-1"), "--role", "manufacturer", "--signer", "x"], /needs --key/],
    [["label", "sign", labelFile("table-1"), "--key", demoKeys, "--role", "boss", "--signer", "x"], /--role must be/],
    [
      [
        "label",
        "sign",
        labelFile("table-1"),
        "--key",
        example("keys/demo-only-manufacturer-es256.private.jwk.json"),
        "--role",
        "hospital",
        "--signer",
        " ",
      ],
      /^miotsec: --signer must be/,
    ],
    [
      ["label", "sign", labelFile("table-1"), "--key", demoKeys, "--role", "hospital", "--signer", "x"],
      /the key has no kid|privateKey/,
    ],
    [["label", "verify", labelFile("table-1")], /needs --keys/],
    [["label", "verify", labelFile("table-1"), "--keys", labelFile("table-1")], /^miotsec: \S+table-1.label.json: /],
    [
      ["label", "verify", labelFile("table-1"), "--keys", demoKeys, "--status", demoKeys],
      /^miotsec: \S+demo-only.jwks.json: \$/,
    ],
  ])("bad input %j: exit 2 and one line", async (argv, message) => {
    const r = await miotsec(...(argv as string[]));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split("\n")).toHaveLength(1);
  });

  it("label render --keys shows the signer and that it verified", async () => {
    const signed = JSON.parse(readFileSync(example("signatures/ultrasound-wifi.vectors.json"), "utf8"));
    const label = { ...JSON.parse(readFileSync(labelFile("ultrasound-wifi"), "utf8")), signatures: signed.signatures };
    const r = await miotsec(
      "label",
      "render",
      file("r.json", JSON.stringify(label)),
      "--format",
      "html",
      "--keys",
      demoKeys,
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain("Wireless Scanner Manufacturer (example) (manufacturer): verified");
    expect(r.out).toContain("Valid as of 2026-11-28");
  });

  it("schema label-status prints the status document's JSON Schema", async () => {
    const r = await miotsec("schema", "label-status");
    expect(JSON.parse(r.out)).toMatchObject({ title: "miotsec label status" });
  });
});
