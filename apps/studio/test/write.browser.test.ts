// The Write journey in Chromium, as a vendor's product manager walks it: from an empty form to
// a valid label, with the issues beside the fields and the label drawn once valid; then every
// export saved and checked by the packages in Node.js.
import { readFileSync } from "node:fs";
import { parseLabel } from "@miotsec/label";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  chromiumPath,
  downloadOf,
  example,
  openStudio,
  reloadStudio,
  sayWhyIfNoChromium,
  useChromium,
} from "./studio.test-support.js";

sayWhyIfNoChromium("the studio's Write test");

/** Chooses "Not disclosed" in every disclosed field that has no choice yet. */
async function withholdTheRest(page: Page): Promise<number> {
  let n = 0;
  for (;;) {
    const open = page.locator('fieldset.disclosed:not(:has(input[type="radio"]:checked))').first();
    if ((await open.count()) === 0) return n;
    await open.getByLabel("Not disclosed", { exact: true }).first().check();
    n++;
  }
}

describe.skipIf(chromiumPath === undefined)("the Write journey", () => {
  const browser = useChromium();

  it("takes an empty label to a valid one, with each issue beside its field", async () => {
    const { page, requests, errors } = await openStudio(browser(), "write");
    const state = page.getByTestId("write-state");
    await expect.poll(() => state.innerText()).toMatch(/^\d+ fields need attention$/);
    // The issue is shown next to the field it concerns, and the field says it is invalid.
    expect(await page.locator("#f-id").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#f-id-issue").innerText()).toBe("Id is required but missing.");
    // Above the form, each issue names its field by the way to it, in the form's words: no JSON
    // path, no quoted value where the form offers "Not disclosed".
    const summary = await page.locator(".issue-links").innerText();
    expect(summary).toContain("Identity › Versions › Hardware must be a value, “Not disclosed” or “Not applicable”.");
    expect(summary).not.toMatch(/\$[.[]|"not-(disclosed|applicable)"/);
    expect(await page.getByText("The label appears here once every field is valid.").count()).toBe(1);

    await page.locator("#f-id").fill("example-pump.ip-1.2026-1");
    expect(await page.locator("#f-id").getAttribute("aria-invalid")).toBeNull();
    await page.locator("#f-identity-manufacturer-name").fill("Example Medical GmbH");
    await page.locator("#f-identity-manufacturer-country").selectOption("DE");
    // Countries read as names.
    expect(await page.locator("#f-identity-manufacturer-country option:checked").innerText()).toBe("Germany (DE)");
    await page.locator("#f-identity-product").fill("Infusion pump");
    await page.locator("#f-identity-model").fill("IP-1");
    await page.locator("#f-qrTarget").fill("https://labels.example-medical.example/ip-1");
    // The lifecycle facts are disclosed: a manufacturing date gives a best-before date.
    await page.locator("#f-lifecycle").getByLabel("Disclosed", { exact: true }).check();
    await page.locator("#f-lifecycle-manufacturingDate").fill("2026-01-15");
    expect(await withholdTheRest(page)).toBeGreaterThan(20);
    // Every field has help from the label's JSON Schema.
    expect(await page.locator("#f-identity-product-help").innerText()).toContain("The product's name");

    await expect.poll(() => state.innerText()).toBe("The label is valid.");
    const svg = page.getByTestId("label-svg");
    expect(await svg.innerText()).toContain("Infusion pump");
    // The label follows as the vendor types.
    await page.locator("#f-identity-product").fill("Infusion pump, ward edition");
    await expect.poll(() => svg.innerText()).toContain("Infusion pump, ward edition");
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("saves the label and its SVG, HTML, CycloneDX, MUD and Cyber Trust Mark files", async () => {
    const { page, requests, errors } = await openStudio(browser(), "write");
    await page.getByTestId("write-open").setInputFiles(example("labels/ultrasound-wifi.label.json"));
    await expect.poll(() => page.getByTestId("write-state").innerText()).toBe("The label is valid.");
    const original = JSON.parse(readFileSync(example("labels/ultrasound-wifi.label.json"), "utf8"));

    const json = await downloadOf(page, () => page.getByRole("button", { name: "Label (JSON)" }).click());
    const saved = parseLabel(JSON.parse(json.text));
    expect(saved.ok).toBe(true);
    expect(JSON.parse(json.text)).toEqual(original);
    expect(json.name).toBe(`${original.id}.label.json`);

    const svg = await downloadOf(page, () => page.getByRole("button", { name: "Label (SVG)" }).click());
    expect(svg.text).toMatch(/^<svg /);
    const html = await downloadOf(page, () => page.getByRole("button", { name: "Label (HTML)" }).click());
    expect(html.text).toMatch(/^<!doctype html>/);
    const bom = await downloadOf(page, () => page.getByRole("button", { name: "CycloneDX" }).click());
    expect(JSON.parse(bom.text)).toMatchObject({ bomFormat: "CycloneDX" });
    const mud = await downloadOf(page, () => page.getByRole("button", { name: "MUD" }).click());
    expect(JSON.parse(mud.text)).toHaveProperty(["ietf-mud:mud"]);

    // The Cyber Trust Mark needs its certification: without it, the studio says what is missing.
    await page.getByText("US Cyber Trust Mark certification").click();
    await page.getByRole("button", { name: "Cyber Trust Mark" }).click();
    await expect.poll(() => page.locator(".notice.error").innerText()).toContain("authorizedBy");
    await page.locator("#ctm-date").fill("2026-11-20");
    await page.locator("#ctm-authorizedBy-name").fill("Example CLA");
    await page.locator("#ctm-authorizedBy-contact").fill("cla@example.org");
    await page.locator("#ctm-testedBy-name").fill("Example test lab");
    await page.locator("#ctm-testedBy-contact").fill("lab@example.org");
    const mark = await downloadOf(page, () => page.getByRole("button", { name: "Cyber Trust Mark" }).click());
    expect(mark.text).toContain('"Example CLA"');
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("writes the runtime reference values, metric by metric, into the label", async () => {
    const { page, errors } = await openStudio(browser(), "write");
    await page.getByTestId("write-open").setInputFiles(example("labels/table-1.label.json"));
    await expect.poll(() => page.getByTestId("write-state").innerText()).toBe("The label is valid.");
    await page.locator("#f-runtime").getByLabel("Disclosed", { exact: true }).check();
    await page.locator("#f-runtime-identity-name").fill("Scanner firmware");
    const metrics = page.locator("#f-runtime-metrics");
    await metrics.getByRole("button", { name: "Add an entry" }).click();
    await page.locator("#f-runtime-metrics-key-0").fill("cpuPercent");
    await page.locator("#f-runtime-metrics-key-0").blur();
    await page.locator("#f-runtime-metrics-cpuPercent-unit").fill("%");
    await page.locator("#f-runtime-metrics-cpuPercent-operating-max").fill("40");
    await page.locator("#f-runtime-metrics-cpuPercent-failSafe-max").fill("95");
    await expect.poll(() => page.getByTestId("write-state").innerText()).toBe("The label is valid.");
    const json = await downloadOf(page, () => page.getByRole("button", { name: "Label (JSON)" }).click());
    expect(JSON.parse(json.text).runtime.metrics).toEqual({
      cpuPercent: { unit: "%", operating: { max: 40 }, failSafe: { max: 95 } },
    });
    // An operating range outside its fail-safe envelope is an issue beside the field.
    await page.locator("#f-runtime-metrics-cpuPercent-operating-max").fill("99");
    await expect.poll(() => page.getByTestId("write-state").innerText()).toBe("1 field needs attention");
    expect(await page.locator("#f-runtime-metrics-cpuPercent-operating-issue").innerText()).toContain("fail-safe");
    expect(errors).toEqual([]);
  });

  it("keeps the draft in the browser across a reload", async () => {
    const { page } = await openStudio(browser(), "write");
    await page.locator("#f-id").fill("draft-kept");
    await reloadStudio(page);
    await expect.poll(() => page.locator("#f-id").inputValue()).toBe("draft-kept");
  });
});
