// Node ESM: every package by its name, as a consumer's project imports it.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { computeBestBefore } from "@miotsec/best-before";
import { run } from "@miotsec/cli";
import { isIsoDate, parseWith } from "@miotsec/core";
import { miotCatalog, parseCatalog, toOscalCatalog } from "@miotsec/criteria";
import { parseSamplePayload, shardOf } from "@miotsec/fleet";
import { parseLabel, qrPayload, toCycloneDx } from "@miotsec/label";
import { assess } from "@miotsec/maturity";
import { renderLabelSvg } from "@miotsec/render";
import { compareRuntimeFacts, createMonitor } from "@miotsec/runtime-facts";
import { pinKeys, signLabel, verifyLabel } from "@miotsec/trust";

const label = parseLabel(JSON.parse(readFileSync(process.argv[2], "utf8")));
assert.ok(label.ok);
assert.equal(isIsoDate("2024-02-29"), true);
assert.equal(typeof parseWith, "function");
assert.ok(parseCatalog(miotCatalog).ok);
assert.ok(toOscalCatalog(miotCatalog).value.catalog);
const report = assess(miotCatalog, { schemaVersion: 1, asOf: "2026-11-28", answers: {} });
assert.ok(report.ok);
assert.equal(report.value.level, 0);
assert.ok(computeBestBefore(label.value.lifecycle, { asOf: "2026-11-28" }).ok);
assert.ok(qrPayload(label.value, label.value.qrTarget).ok);
assert.equal(toCycloneDx(label.value).value.bomFormat, "CycloneDX");
const svg = renderLabelSvg(label.value, { asOf: "2026-11-28" });
assert.ok(svg.ok && svg.value.startsWith("<svg"));
assert.equal(compareRuntimeFacts(label.value.runtime, { metrics: {} }, { stage: "operating" }).ok, true);
const monitor = createMonitor(label.value.runtime, { stage: "operating" });
assert.ok(monitor.ok);
assert.equal(typeof monitor.value.update, "function");
assert.deepEqual(shardOf("us-17", 8), { ok: true, value: 7 });
assert.ok(parseSamplePayload("miotsec/us-17/samples", '{"metric":"cpuPercent","value":1,"unit":"%","at":0}').ok);
// A signature made and checked through the packed @miotsec/trust (and jose, as npm installed it),
// with the demo keys of examples/keys; and the signed example label verified against them.
const [privateKey, jwks, signedLabel] = process.argv.slice(3, 6).map((f) => JSON.parse(readFileSync(f, "utf8")));
const signed = await signLabel(label.value, {
  privateKey,
  kid: privateKey.kid,
  role: "manufacturer",
  signer: "Example Medical GmbH",
});
assert.ok(signed.ok);
const pinned = await pinKeys(jwks);
assert.ok(pinned.ok);
const verified = await verifyLabel(signed.value, { keys: pinned.value, asOf: "2026-11-28" });
assert.ok(verified.ok && verified.value.valid);
const example = await verifyLabel(signedLabel, { keys: jwks, asOf: "2026-11-28" });
assert.ok(example.ok && example.value.valid && example.value.signatures.length === 2);
let out = "";
assert.equal(
  await run(["--version"], { out: (s) => (out += s), err: () => {}, today: () => "2026-11-28", version: "1.2.3" }),
  0,
);
assert.equal(out, "1.2.3\n");
console.log("esm: ok");
