// The demo report in a real browser: Debian's Chromium through playwright-core, with no network.
// Both scanner labels on demo-report/index.html must show QR codes that scan as their qrPayload.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { qrPayload } from "@miotsec/label";
import type { Browser } from "playwright-core";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The Chromium of the render package's browser test: one launch configuration for both.
import { chromiumPath, jsQR, launchChromium, sayWhyIfNoChromium } from "../../render/src/chromium.test-support.js";
import { examplesDir, labelFile, miotsec, scratch } from "./fixtures.test-support.js";

sayWhyIfNoChromium("the demo browser test");

describe.skipIf(chromiumPath === undefined)("the demo report in Chromium", () => {
  let browser: Browser;
  const out = scratch();

  beforeAll(async () => {
    const r = await miotsec("demo", "--examples", examplesDir, "--out", out, "--as-of", "2026-11-28");
    expect(r.code).toBe(0);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows both scanner labels with QR codes that scan as their qrPayload, and loads nothing", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 2 });
    const requests: string[] = [];
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("file:")) return route.continue();
      requests.push(url);
      return route.abort();
    });
    await page.goto(pathToFileURL(join(out, "index.html")).href, { waitUntil: "load" });
    for (const name of ["ultrasound-wifi", "ultrasound-usbc"]) {
      const doc = JSON.parse(readFileSync(labelFile(name), "utf8"));
      const expected = qrPayload(doc, doc.qrTarget);
      if (!expected.ok) throw new Error("qrPayload failed");
      const figure = page.locator(`#label-${name} > svg`);
      expect(await figure.isVisible()).toBe(true);
      const png = PNG.sync.read(await figure.screenshot());
      const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
      expect(decoded?.data, name).toBe(expected.value);
    }
    expect(requests).toEqual([]);
    await page.close();
  });
});
