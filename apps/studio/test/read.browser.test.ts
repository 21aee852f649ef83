// The Read journey in Chromium: each example label opened as a hospital would open it, with
// the date the best-before calculator gives for the chosen day; the signed label verified
// against the demo keys, and revoked by its status; the wireless scanner's traffic compared
// with what its label declares.
import { readdirSync, readFileSync } from "node:fs";
import { computeBestBefore } from "@miotsec/best-before";
import { parseLabel } from "@miotsec/label";
import { describe, expect, it } from "vitest";
import { chromiumPath, example, openStudio, sayWhyIfNoChromium, setDate, useChromium } from "./studio.test-support.js";

sayWhyIfNoChromium("the studio's Read test");

const asOf = "2026-12-02";
const labels = readdirSync(example("labels")).filter((f) => f.endsWith(".label.json"));

/** The date and status words the calculator gives for a label file. */
function expectedOf(file: string) {
  const label = parseLabel(JSON.parse(readFileSync(file, "utf8")));
  if (!label.ok) throw new Error(`${file}: not a label`);
  if (typeof label.value.lifecycle !== "object") return undefined;
  const r = computeBestBefore(label.value.lifecycle, { asOf });
  if (!r.ok) throw new Error(`${file}: no best-before date`);
  return r.value;
}

describe.skipIf(chromiumPath === undefined)("the Read journey", () => {
  const browser = useChromium();

  it.each(labels)("opens %s and shows the date the calculator gives, its factors and the checklist", async (name) => {
    const { page, requests, errors } = await openStudio(browser(), "read");
    await setDate(page, "read-as-of", asOf);
    await page.getByTestId("read-label").setInputFiles(example(`labels/${name}`));
    const expected = expectedOf(example(`labels/${name}`));
    const section = page.getByTestId("best-before");
    if (expected === undefined) {
      // Table I's label withholds its lifecycle facts: the page says so.
      await expect.poll(() => section.innerText()).toContain("does not disclose its lifecycle facts");
      return;
    }
    await expect.poll(() => section.locator("h3").innerText()).toBe(`Best before inspection: ${expected.bestBefore}`);
    const text = await section.innerText();
    for (const c of expected.contributions) expect(text).toContain(c.explanation);
    for (const s of expected.inspection) expect(text).toContain(s.action);
    // The label as printed, with the same date.
    expect(await page.getByTestId("label-svg").innerText()).toContain(expected.bestBefore);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("moves the date's status with the chosen day", async () => {
    const { page } = await openStudio(browser(), "read");
    const file = example("labels/ultrasound-wifi.label.json");
    const expected = expectedOf(file);
    expect(expected).toBeDefined();
    await setDate(page, "read-as-of", asOf);
    await page.getByTestId("read-label").setInputFiles(file);
    await expect.poll(() => page.getByTestId("best-before").innerText()).toContain("Status: due soon");
    expect(expected?.status).toBe("due-soon");
    await setDate(page, "read-as-of", "2027-06-01");
    await expect.poll(() => page.getByTestId("best-before").innerText()).toContain("Status: past: inspect now");
  });

  it("verifies the signed label against the keys opened, and folds in the status that revokes it", async () => {
    const { page, requests, errors } = await openStudio(browser(), "read");
    await setDate(page, "read-as-of", asOf);
    await page.getByTestId("read-label").setInputFiles(example("signatures/ultrasound-wifi.signed.label.json"));
    const signatures = page.getByTestId("signatures");
    await expect.poll(() => signatures.innerText()).toContain("Open a key set (JWKS)");
    await page.getByTestId("read-keys").setInputFiles(example("keys/demo-only.jwks.json"));
    await expect.poll(() => signatures.innerText()).toContain("The label's signatures verify.");
    expect(await signatures.innerText()).toContain(
      "Example test lab (test lab), key demo-only-test-lab-ed25519: verified",
    );
    expect(await page.getByTestId("label-svg").innerText()).toContain("verified");
    await page.getByTestId("read-status").setInputFiles(example("signatures/ultrasound-wifi.revoked.status.json"));
    // The signatures still verify: the label no longer stands because its status says it is revoked.
    await expect
      .poll(() => signatures.innerText())
      .toContain(
        "The label's signatures verify, but its status document says it is revoked: the label no longer stands.",
      );
    expect(await signatures.innerText()).toContain("Status document: revoked");
    expect(await signatures.innerText()).not.toMatch(/\(test-lab\)|bad-signature/);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("says a changed copy of a signed label does not verify", async () => {
    const { page } = await openStudio(browser(), "read");
    const signed = JSON.parse(readFileSync(example("signatures/ultrasound-wifi.signed.label.json"), "utf8"));
    const changed = { ...signed, identity: { ...signed.identity, model: "US-W2" } };
    await page.getByTestId("read-label").setInputFiles({
      name: "changed.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(changed)),
    });
    await page.getByTestId("read-keys").setInputFiles(example("keys/demo-only.jwks.json"));
    await expect
      .poll(() => page.getByTestId("signatures").innerText())
      .toContain("The label's signatures do not verify.");
    expect(await page.getByTestId("signatures").innerText()).toContain(
      "not verified (the label was changed after it was signed, or another label was signed)",
    );
  });

  it("compares the wireless scanner's traffic with its label (§VI): its Canadian cloud is outside the declared residency", async () => {
    const { page, requests, errors } = await openStudio(browser(), "read");
    await page.getByTestId("read-label").setInputFiles(example("labels/ultrasound-wifi.label.json"));
    await page.getByTestId("read-capture").setInputFiles(example("traffic/ultrasound-wifi.har"));
    const traffic = page.getByTestId("traffic");
    await expect.poll(() => traffic.innerText()).toMatch(/\d+ hosts, overall: /);
    expect(await traffic.innerText()).not.toContain("contraindicated");
    // With the servers' countries, as `check-traffic --countries` takes them, the Canadian
    // cloud is outside the EU residency the label declares.
    await page.getByTestId("read-countries").setInputFiles(example("traffic/countries.json"));
    await expect.poll(() => traffic.innerText()).toContain("overall: contraindicated");
    expect(await traffic.innerText()).toMatch(
      /contraindicated: cloud\.wireless-scanner\.example answered from CA, outside /,
    );
    // Each finding names its host once.
    expect(await traffic.innerText()).not.toMatch(/(\S+\.example): \1 /);
    // The wired scanner's capture, as mitmproxy's flows, against its own label, with the organisations.
    await page.getByTestId("read-label").setInputFiles(example("labels/ultrasound-usbc.label.json"));
    await page.getByTestId("read-capture").setInputFiles(example("traffic/ultrasound-usbc.flows.json"));
    await page.getByTestId("read-organisations").setInputFiles(example("traffic/organisations.json"));
    await expect.poll(() => traffic.innerText()).toContain("7 hosts, overall: as declared");
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("takes a runtime profile of its own for the traffic check, and a file dropped on its zone", async () => {
    const { page, errors } = await openStudio(browser(), "read");
    const wifi = JSON.parse(readFileSync(example("labels/ultrasound-wifi.label.json"), "utf8"));
    // Table I's label withholds its runtime profile: the wireless scanner's, opened on its own, is compared.
    await page.getByTestId("read-label").setInputFiles(example("labels/table-1.label.json"));
    await page.getByTestId("read-capture").setInputFiles(example("traffic/ultrasound-wifi.har"));
    const traffic = page.getByTestId("traffic");
    await expect.poll(() => traffic.innerText()).toContain("does not declare its network endpoints");
    await page.getByTestId("read-profile").setInputFiles({
      name: "wifi.runtime.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(wifi.runtime)),
    });
    await expect.poll(() => traffic.innerText()).toMatch(/\d+ hosts, overall: as declared/);
    // A file dropped on the label's zone opens as the label.
    const text = readFileSync(example("labels/ultrasound-usbc.label.json"), "utf8");
    const dataTransfer = await page.evaluateHandle((json) => {
      const dt = new DataTransfer();
      dt.items.add(new File([json], "dropped.label.json", { type: "application/json" }));
      return dt;
    }, text);
    await page.locator("fieldset.drop").first().dispatchEvent("drop", { dataTransfer });
    await expect.poll(() => page.getByTestId("label-svg").innerText()).toContain("US-C2");
    expect(errors).toEqual([]);
  });

  it("lists a label's issues instead of drawing it", async () => {
    const { page } = await openStudio(browser(), "read");
    await page.getByTestId("read-label").setInputFiles({
      name: "bad.json",
      mimeType: "application/json",
      buffer: Buffer.from('{"schemaVersion":1,"id":"x"}'),
    });
    await expect.poll(() => page.locator(".issues").innerText()).toContain("$.identity is required but missing.");
    expect(await page.getByTestId("label-svg").count()).toBe(0);
  });
});
