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

  const pages = [
    "index.html",
    "labels/ultrasound-wifi.html",
    "labels/ultrasound-usbc.html",
    "labels/infusion-pump-full.html",
  ];

  it.each(pages)("%s fits a 390 px wide phone without scrolling sideways", async (file) => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(pathToFileURL(join(out, file)).href, { waitUntil: "load" });
    // Expressions run in the page, written as text: this package's types have no DOM.
    const widths = (await page.evaluate(`({
      page: document.documentElement.scrollWidth,
      chart: document.querySelector(".chart svg")?.getBoundingClientRect().width ?? 0,
    })`)) as { page: number; chart: number };
    expect(widths.page).toBeLessThanOrEqual(390);
    expect(widths.chart).toBeLessThanOrEqual(390);
    await page.close();
  });

  // A PDF's pages are its objects of type /Page (not /Pages, the tree above them).
  const pageCount = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

  it.each(["Letter", "A4"])("prints a label on one %s page", async (format) => {
    const page = await browser.newPage();
    for (const file of pages.slice(1)) {
      await page.goto(pathToFileURL(join(out, file)).href, { waitUntil: "load" });
      expect(pageCount(await page.pdf({ format })), file).toBe(1);
    }
    await page.close();
  });

  it.each(["Letter", "A4"])("prints the report on %s with no blank page and no label split", async (format) => {
    const page = await browser.newPage({ viewport: { width: 718, height: 900 } });
    await page.goto(pathToFileURL(join(out, "index.html")).href, { waitUntil: "load" });
    await page.emulateMedia({ media: "print" });
    // Letter is the shorter page: 11 in less 2 x 12 mm of margin, at 96 px to the inch.
    const usable = format === "Letter" ? 11 * 96 - (2 * 12 * 96) / 25.4 : ((297 - 24) * 96) / 25.4;
    const layout = (await page.evaluate(`({
      height: document.documentElement.scrollHeight,
      figures: [...document.querySelectorAll("figure.label")].map((f) => f.getBoundingClientRect().height),
      link: getComputedStyle(document.querySelector('a[href$=".json"]'), "::after").content,
    })`)) as { height: number; figures: number[]; link: string };
    expect(layout.figures.length).toBe(4);
    // Each label fits a page, so avoiding a break inside it keeps it whole.
    for (const h of layout.figures) expect(h).toBeLessThan(usable);
    expect(layout.link).toContain(".json");
    const count = pageCount(await page.pdf({ format, margin: { top: "12mm", bottom: "12mm" } }));
    // No blank pages: at most the pages the content fills, plus one for each label moved whole
    // to the next page. At least the pages it fills less one: the page box is a few pixels
    // wider than the viewport measured, so content a hair over a page boundary on screen can
    // end within it in print.
    expect(count).toBeGreaterThanOrEqual(Math.ceil(layout.height / usable) - 1);
    expect(count).toBeLessThanOrEqual(Math.ceil(layout.height / usable) + layout.figures.length);
    await page.close();
  });
});
