// @miotsec/trust in a real browser: Debian's Chromium through playwright-core, with no network.
// The package's bundle (esbuild, for browsers) verifies the signed example label with Web Crypto
// in the page, refuses a changed copy and folds in the revoking status; a label signed in the
// page verifies in Node.js.
import { readFileSync } from "node:fs";
import type { DeviceLabel } from "@miotsec/label";
import { build } from "esbuild";
import type { Browser, Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The Chromium of the render package's browser test: one launch configuration for all.
import { chromiumPath, launchChromium, sayWhyIfNoChromium } from "../../render/src/chromium.test-support.js";
import type { Jwks } from "./keys.js";
import { verifyLabel } from "./verify.js";

sayWhyIfNoChromium("the trust browser test");

const read = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../../examples/${path}`, import.meta.url), "utf8")) as never;
const signed: DeviceLabel = read("signatures/ultrasound-wifi.signed.label.json");
const keys: Jwks = read("keys/demo-only.jwks.json");
const revoked = read("signatures/ultrasound-wifi.revoked.status.json");
const testLabKey = read("keys/demo-only-test-lab-ed25519.private.jwk.json");

describe.skipIf(chromiumPath === undefined)("@miotsec/trust in Chromium", () => {
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    // The built package, bundled for browsers as an application would bundle it.
    const bundle = await build({
      entryPoints: [new URL("../dist/index.js", import.meta.url).pathname],
      bundle: true,
      format: "iife",
      globalName: "miotsecTrust",
      platform: "browser",
      write: false,
      logLevel: "silent",
    });
    browser = await launchChromium();
    page = await browser.newPage();
    // Web Crypto is there in a secure context only: the page is served as http://localhost/ by
    // the test itself; any other request is recorded and refused.
    await page.route("**/*", (route: Route) => {
      const url = route.request().url();
      if (url === "http://localhost/")
        return route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>trust</title>" });
      requests.push(url);
      return route.abort();
    });
    await page.goto("http://localhost/");
    await page.addScriptTag({ content: new TextDecoder().decode(bundle.outputFiles[0]?.contents) });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** verifyLabel run in the page. */
  const inPage = (label: unknown, options: Record<string, unknown>) =>
    page.evaluate(
      ([l, o]: readonly [unknown, unknown]) =>
        (globalThis as never as { miotsecTrust: typeof import("./index.js") }).miotsecTrust.verifyLabel(
          l as never,
          o as never,
        ),
      [label, options] as const,
    );

  it("verifies the signed example label with the browser's Web Crypto, as Node.js does", async () => {
    const options = { keys, asOf: "2026-12-02" };
    const there = await inPage(signed, options);
    expect(there).toMatchObject({ ok: true, value: { valid: true } });
    expect(there).toEqual(await verifyLabel(signed, options));
    expect(requests).toEqual([]);
  });

  it("refuses a changed copy, and folds in the status that revokes the label", async () => {
    const changed = await inPage({ ...signed, id: "changed" }, { keys, asOf: "2026-12-02" });
    expect(changed).toMatchObject({
      ok: true,
      value: { valid: false, signatures: [{ reason: "bad-signature" }, { reason: "bad-signature" }] },
    });
    const withStatus = await inPage(signed, { keys, asOf: "2026-12-02", status: revoked });
    expect(withStatus).toMatchObject({
      ok: true,
      value: { valid: false, status: { status: "revoked", verified: true } },
    });
  });

  it("signs a label in the page that Node.js verifies", async () => {
    const { signatures: _, ...unsigned } = signed;
    const made = await page.evaluate(
      ([l, k]: readonly [unknown, unknown]) =>
        (globalThis as never as { miotsecTrust: typeof import("./index.js") }).miotsecTrust.signLabel(l as never, {
          privateKey: k as never,
          kid: "demo-only-test-lab-ed25519",
          role: "test-lab",
          signer: "Example test lab",
        }),
      [unsigned, testLabKey] as const,
    );
    if (!made.ok) throw new Error(JSON.stringify(made.issues));
    expect(await verifyLabel(made.value, { keys, asOf: "2026-12-02" })).toMatchObject({
      ok: true,
      value: { valid: true, signatures: [{ signer: "Example test lab", valid: true }] },
    });
  });
});
