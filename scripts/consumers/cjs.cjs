// Node CommonJS: every package through require, with the same exports as through import.
const assert = require("node:assert/strict");
const { readFileSync } = require("node:fs");

const names = [
  "core",
  "criteria",
  "maturity",
  "best-before",
  "runtime-facts",
  "label",
  "render",
  "fleet",
  "trust",
  "cli",
];
(async () => {
  for (const name of names) {
    const required = require(`@miotsec/${name}`);
    const imported = await import(`@miotsec/${name}`);
    const esmNames = Object.keys(imported)
      .filter((k) => k !== "default" && k !== "module.exports")
      .sort();
    assert.deepEqual(
      Object.keys(required).sort(),
      esmNames,
      `@miotsec/${name}: require and import export the same names`,
    );
    for (const key of esmNames) assert.notEqual(required[key], undefined, `@miotsec/${name}: ${key} is defined`);
  }
  const { parseLabel } = require("@miotsec/label");
  const { renderLabelHtml } = require("@miotsec/render");
  const label = parseLabel(JSON.parse(readFileSync(process.argv[2], "utf8")));
  assert.ok(label.ok);
  const html = renderLabelHtml(label.value, { asOf: "2026-11-28" });
  assert.ok(html.ok && html.value.startsWith("<!doctype html>"));
  const { assess } = require("@miotsec/maturity");
  const { miotCatalog } = require("@miotsec/criteria");
  assert.ok(assess(miotCatalog, { schemaVersion: 1, asOf: "2026-11-28", answers: {} }).ok);
  // @miotsec/trust requires jose, which npm ships as ES modules only: Node.js 20.19 and later
  // load it through require, as the package's engines field asks.
  const { verifyLabel } = require("@miotsec/trust");
  const [jwks, signedLabel] = process.argv.slice(3, 5).map((f) => JSON.parse(readFileSync(f, "utf8")));
  const verified = await verifyLabel(signedLabel, { keys: jwks, asOf: "2026-11-28" });
  assert.ok(verified.ok && verified.value.valid);
  console.log("cjs: ok");
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
