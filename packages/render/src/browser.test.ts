// The rendered labels in a real browser: Debian's Chromium, driven by playwright-core, with no
// network. The QR code is read back from a screenshot and must equal the label's qrPayload.
import { qrPayload } from "@miotsec/label";
import type { Browser } from "playwright-core";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath, launchChromium, sayWhyIfNoChromium } from "./chromium.test-support.js";
import { examples, jsQR, unwrap } from "./fixtures.test-support.js";
import { renderLabelHtml, renderLabelSvg } from "./index.js";

sayWhyIfNoChromium("the browser test");

const scanners = examples.slice(0, 2);

describe.skipIf(chromiumPath === undefined)("the labels in Chromium", () => {
  let browser: Browser;
  const requests: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A screenshot of the markup as a page, with every request the page tries recorded and refused. */
  async function screenshot(markup: string): Promise<PNG> {
    const page = await browser.newPage({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
    await page.route("**/*", (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    await page.setContent(markup, { waitUntil: "load" });
    const png = PNG.sync.read(await page.screenshot({ fullPage: true }));
    await page.close();
    return png;
  }

  const decode = (png: PNG) => jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;

  it.each(scanners.map((doc) => [doc.id as string, doc] as const))(
    "the label of %s scans as its qrPayload, as SVG and as HTML",
    async (_, doc) => {
      const payload = unwrap(qrPayload(doc as never, doc.qrTarget as string));
      const svg = unwrap(renderLabelSvg(doc, { asOf: "2026-11-28" }));
      const html = unwrap(renderLabelHtml(doc, { asOf: "2026-11-28" }));
      expect(decode(await screenshot(`<!doctype html><body style="margin:0">${svg}</body>`))).toBe(payload);
      expect(decode(await screenshot(html))).toBe(payload);
      expect(requests).toEqual([]);
    },
  );
});
