// What holds on every journey: the page's Content Security Policy (no eval, no connection)
// and that no request leaves it, even when its own code tries; that it opens from file://;
// no serious or critical accessibility violation (axe-core) in light and dark schemes, and every
// shown control and heading in the browser's accessibility tree;
// keyboard-only use; and a layout without horizontal scrolling from 390 px up.
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  chromiumPath,
  example,
  missingFromAccessibilityTree,
  openStudio,
  sayWhyIfNoChromium,
  seriousViolations,
  setDate,
  studioHtml,
  studioReady,
  useChromium,
} from "./studio.test-support.js";

sayWhyIfNoChromium("the studio's quality test");

const journeys = ["assess", "read", "write"] as const;

/** Fills a journey with content, so that checks see more than an empty page. */
async function fill(page: Page, journey: (typeof journeys)[number]): Promise<void> {
  if (journey === "assess") {
    await page.getByTestId("assess-open").setInputFiles(example("assessments/hospital.assessment.yaml"));
    await page.getByTestId("assess-baseline").setInputFiles(example("assessments/hospital.assessment.yaml"));
    await page.locator(".comparison").waitFor();
  } else if (journey === "read") {
    await setDate(page, "read-as-of", "2026-12-02");
    await page.getByTestId("read-label").setInputFiles(example("signatures/ultrasound-wifi.signed.label.json"));
    await page.getByTestId("read-keys").setInputFiles(example("keys/demo-only.jwks.json"));
    await page.getByTestId("read-capture").setInputFiles(example("traffic/ultrasound-wifi.har"));
    await page.getByText("The label's signatures verify.").waitFor();
  } else {
    await page.getByTestId("write-state").waitFor();
  }
}

describe.skipIf(chromiumPath === undefined)("the studio on every journey", () => {
  const browser = useChromium();

  it("has a Content Security Policy without eval and with no connection of any kind", () => {
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(studioHtml())?.[1] ?? "";
    const directives = new Map(policy.split(/;\s*/).map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]));
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toContain("unsafe-inline");
    expect(directives.get("default-src")).toBe("'none'");
    expect(directives.get("connect-src")).toBe("'none'");
    // Inline, the page holds its stylesheet and its first script, and the policy allows exactly
    // those two by their hashes: no other inline code, no handler attributes, and nothing loaded
    // from elsewhere. The first script starts the studio's, a file of the page's own.
    const html = studioHtml();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    const styles = [...html.matchAll(/<style\b([^>]*)>([\s\S]*?)<\/style>/g)];
    expect(scripts.map((m) => m[1])).toEqual([""]);
    expect(styles.map((m) => m[1])).toEqual([""]);
    const hashOf = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
    const boot = scripts[0]?.[2] ?? "";
    expect(directives.get("script-src")).toBe(`'self' ${hashOf(boot)}`);
    expect(directives.get("style-src")).toBe(`'self' ${hashOf(styles[0]?.[2] ?? "")}`);
    expect(html).not.toMatch(/\son\w+=/);
    const references = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(references.filter((r) => !r?.startsWith("data:"))).toEqual([]);
    expect([...boot.matchAll(/"(\.\/[^"]*)"/g)].map((m) => m[1])).toEqual([
      expect.stringMatching(/^\.\/assets\/studio-[\w-]+\.js$/),
    ]);
  });

  it("makes no request, and the browser refuses one its own code would try", async () => {
    const { page, requests, errors } = await openStudio(browser(), "read");
    for (const journey of journeys) {
      await page.evaluate((j) => {
        location.hash = j;
      }, journey);
      await fill(page, journey);
    }
    // Code run through the DevTools protocol is not held to the page's policy, so the tries are
    // made the way the page's own code would make them: a script element, a string timer, an
    // image and a fetch.
    const tried = await page.evaluate(async () => {
      const w = globalThis as never as Record<string, unknown>;
      const script = document.createElement("script");
      script.textContent = "globalThis.inlineRan = true";
      document.body.append(script);
      (setTimeout as (code: string, ms: number) => number)("globalThis.stringTimerRan = true", 0);
      const image = new Image();
      const loaded = new Promise<string>((resolve) => {
        image.onload = () => resolve("image loaded");
        image.onerror = () => resolve("image refused");
      });
      image.src = "https://example.org/pixel.png";
      let fetched = "fetch went out";
      try {
        await fetch("https://example.org/");
      } catch {
        fetched = "fetch refused";
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      return [
        w.inlineRan === true ? "inline script ran" : "inline script refused",
        w.stringTimerRan === true ? "string timer ran" : "string timer refused",
        await loaded,
        fetched,
      ];
    });
    expect(tried).toEqual(["inline script refused", "string timer refused", "image refused", "fetch refused"]);
    expect(requests).toEqual([]);
    // The refusals are the only errors the browser reported, and each names the policy.
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(e).toMatch(/Content Security Policy/);
  });

  it("opens from file:// and works there", async () => {
    const page = await browser().newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto(`file://${fileURLToPath(new URL("../dist/index.html", import.meta.url))}#read`);
    await studioReady(page);
    await page.getByTestId("read-label").setInputFiles(example("labels/ultrasound-wifi.label.json"));
    await expect
      .poll(() => page.getByTestId("best-before").locator("h3").innerText())
      .toMatch(/^Best before inspection: \d{4}-\d{2}-\d{2}$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const colorScheme of ["light", "dark"] as const)
    it.each(journeys)(`has no serious or critical accessibility violation on %s (${colorScheme})`, async (journey) => {
      const { page, context } = await openStudio(browser(), journey, { colorScheme });
      await fill(page, journey);
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    });

  it.each(journeys)(
    "puts every shown control and heading of %s in the browser's accessibility tree",
    async (journey) => {
      const { page, context } = await openStudio(browser(), journey);
      await fill(page, journey);
      expect(await missingFromAccessibilityTree(page)).toEqual([]);
      await context.close();
    },
  );

  it.each(journeys)("gives every element of %s an id of its own", async (journey) => {
    const { page, context } = await openStudio(browser(), journey);
    await fill(page, journey);
    if (journey === "write") await page.locator("#f-runtime").getByLabel("Disclosed", { exact: true }).check();
    const repeated = await page.evaluate(() => {
      const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
      return ids.filter((x, i) => ids.indexOf(x) !== i);
    });
    expect(repeated).toEqual([]);
    await context.close();
  });

  it("follows the user's colour scheme", async () => {
    const background = async (colorScheme: "light" | "dark") => {
      const { page, context } = await openStudio(browser(), "assess", { colorScheme });
      const value = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      await context.close();
      return value;
    };
    expect(await background("light")).toBe("rgb(255, 255, 255)");
    expect(await background("dark")).toBe("rgb(18, 20, 23)");
  });

  it.each(journeys)("fits 390 px without horizontal scrolling on %s", async (journey) => {
    const { page, context } = await openStudio(browser(), journey, { viewport: { width: 390, height: 844 } });
    await fill(page, journey);
    const { scroll, client } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(scroll).toBeLessThanOrEqual(client);
    await context.close();
  });

  it("works with the keyboard alone: journeys, a file, an answer", async () => {
    const { page, context } = await openStudio(browser(), "assess");
    // The first Tab reaches the skip link, which leads to the content.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to the content");
    // Tab to the journey links and open "Write a label" with Enter.
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press("Tab");
      if ((await page.evaluate(() => document.activeElement?.textContent)) === "Write a label") break;
    }
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => location.hash)).toBe("#write");
    await page.getByRole("heading", { name: "Write a label", level: 2 }).waitFor();
    // Back on Assess, answer the first requirement with the keyboard: Tab to its radio group,
    // arrows to choose.
    await page.evaluate(() => {
      location.hash = "assess";
    });
    await page.locator("#q-organisation-1-1 input[value=met]").focus();
    await page.keyboard.press("Space");
    await expect.poll(() => page.getByTestId("answered").innerText()).toBe("1 of 81 requirements answered");
    await page.keyboard.press("ArrowRight");
    expect(await page.locator("#q-organisation-1-1 input[value=partial]").isChecked()).toBe(true);
    // The file buttons are reachable: a file input can take focus by Tab.
    const focusable = await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('[data-testid="assess-open"]');
      input?.focus();
      return document.activeElement === input;
    });
    expect(focusable).toBe(true);
    await context.close();
  });
});
