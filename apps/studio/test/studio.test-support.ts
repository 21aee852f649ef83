// The built studio in Debian's Chromium (playwright-core), as a user meets it: its files served
// as http://localhost/ by the test itself, so that its Content Security Policy applies. Every
// request other than the page is recorded and refused, and so is every message the browser
// writes to its console as an error (a CSP violation is one), so a test can say none happened.
import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Download, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import {
  chromiumPath,
  launchChromium,
  sayWhyIfNoChromium,
} from "../../../packages/render/src/chromium.test-support.js";
import { storageKey } from "../src/store.js";

export { chromiumPath, launchChromium, sayWhyIfNoChromium };

/** Launches Chromium before the tests of a describe block and closes it after them. */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (browser === undefined) throw new Error("Chromium did not start");
    return browser;
  };
}

/** The built page. */
export const studioHtml = () => readFileSync(new URL("../dist/index.html", import.meta.url), "utf8");

/** A file of the built studio (`index.html`, `assets/...`), or undefined. */
function builtFile(path: string): { body: Buffer; contentType: string } | undefined {
  const name = path === "/" ? "index.html" : path.replace(/^\//, "");
  if (!/^(index\.html|assets\/[\w.-]+\.(js|css))$/.test(name)) return undefined;
  const types: Record<string, string> = { html: "text/html; charset=utf-8", js: "text/javascript", css: "text/css" };
  return {
    body: readFileSync(new URL(`../dist/${name}`, import.meta.url)),
    contentType: types[name.split(".").pop() ?? "html"] ?? "text/plain",
  };
}

/** A file of `examples/`, by its path there. */
export const example = (path: string) => new URL(`../../../examples/${path}`, import.meta.url).pathname;

/** A page of the studio and what it did. */
export interface Studio {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Requests the page made, other than for itself. */
  readonly requests: string[];
  /** Console errors and uncaught exceptions. */
  readonly errors: string[];
}

/** Opens the studio at `#journey` in a new context (its own storage). */
export async function openStudio(
  browser: Browser,
  journey: "assess" | "read" | "write",
  options: {
    viewport?: { width: number; height: number };
    colorScheme?: "light" | "dark";
    /** The studio's own script is served only once this settles; openStudio then returns as soon as the page is in. */
    holdScript?: Promise<void>;
    /** Work kept in the browser before the page opens (store.ts's names, JSON text). */
    kept?: Readonly<Record<string, string>>;
  } = {},
): Promise<Studio> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 900 },
    colorScheme: options.colorScheme ?? "light",
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  // The studio's own files (the page, which holds its stylesheet, and the studio's script) are
  // served; anything else is a request that leaves the page, recorded and refused.
  await page.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    const file = url.origin === "http://localhost" ? builtFile(url.pathname) : undefined;
    if (file !== undefined && options.holdScript !== undefined && /\/studio-[\w-]+\.js$/.test(url.pathname))
      await options.holdScript;
    if (file !== undefined) return route.fulfill({ status: 200, ...file });
    requests.push(url.href);
    return route.abort();
  });
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  if (options.kept !== undefined)
    await page.addInitScript(
      (kept) => {
        if (sessionStorage.getItem("kept") !== null) return;
        sessionStorage.setItem("kept", "1");
        for (const [key, text] of kept) localStorage.setItem(key, text);
      },
      Object.entries(options.kept).map(([name, text]) => [storageKey(name), text] as const),
    );
  // A held script holds the page's load event too: the page is in once its HTML is read.
  await page.goto(`http://localhost/#${journey}`, { waitUntil: options.holdScript ? "domcontentloaded" : "load" });
  if (options.holdScript === undefined) await studioReady(page);
  return { page, context, requests, errors };
}

/** A hold on the studio's script for openStudio's `holdScript`, and the release that serves it. */
export function heldScript(): { holdScript: Promise<void>; release: () => void } {
  let release = () => {};
  const holdScript = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { holdScript, release };
}

/**
 * Waits until the studio has rendered and takes input. The page may show a first visit's
 * questionnaire before that (boot.ts), inert: what a test typed or opened there would be lost
 * as it would for a person, who cannot.
 */
export async function studioReady(page: Page): Promise<void> {
  await page.getByRole("heading", { level: 1, name: "miotsec studio" }).waitFor();
  await page.locator("#app:not([inert])").waitFor({ state: "attached" });
}

/** Reloads the page and waits until the studio takes input again. */
export async function reloadStudio(page: Page): Promise<void> {
  await page.reload();
  await studioReady(page);
}

/** Runs `click` and returns the download it starts, with its text. */
export async function downloadOf(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const waiting = page.waitForEvent("download");
  await click();
  const download: Download = await waiting;
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, "utf8") };
}

/** Runs axe-core in the page and returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<{ id: string; impact: string; targets: string[] }[]> {
  const axe = readFileSync(new URL("../node_modules/axe-core/axe.min.js", import.meta.url), "utf8");
  // page.evaluate runs through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(axe);
  return page.evaluate(async () => {
    const result = await (
      globalThis as never as {
        axe: {
          run: (
            c: unknown,
            o: unknown,
          ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe.run(document, {
      resultTypes: ["violations"],
    });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) }));
  });
}

/**
 * The controls and headings of the page that are shown (`checkVisibility`: not `display: none`,
 * not `visibility: hidden`, not in a closed `<details>`; content the browser skips rendering off
 * screen counts as shown)
 * but missing from Chromium's accessibility tree, which is what assistive technology reads.
 * axe-core reads the document instead, so it does not see what this does: the browser leaves
 * out of the tree what `content-visibility: auto` skips off screen.
 */
export async function missingFromAccessibilityTree(page: Page): Promise<string[]> {
  const probe = "data-accessibility-probe";
  const shown = await page.evaluate((probe) => {
    const selector = "input:not([type=hidden]), select, textarea, button, a[href], h1, h2, h3, h4, h5, h6";
    return [...document.querySelectorAll(selector)]
      .filter((e) => e.checkVisibility({ visibilityProperty: true }))
      .map((e, i) => {
        e.setAttribute(probe, String(i));
        const value = e.getAttribute("value");
        return `${e.localName}${e.id ? `#${e.id}` : ""}${value === null ? "" : `[value=${value}]`} "${e.textContent?.trim().slice(0, 40) ?? ""}"`;
      });
  }, probe);
  const cdp = await page.context().newCDPSession(page);
  try {
    type DomNode = { backendNodeId: number; attributes?: string[]; children?: DomNode[] };
    const { root } = (await cdp.send("DOM.getDocument", { depth: -1 })) as { root: DomNode };
    const probed = new Map<number, number>();
    const walk = (node: DomNode): void => {
      const at = node.attributes?.indexOf(probe) ?? -1;
      if (at >= 0 && at % 2 === 0) probed.set(node.backendNodeId, Number(node.attributes?.[at + 1]));
      for (const child of node.children ?? []) walk(child);
    };
    walk(root);
    const { nodes } = await cdp.send("Accessibility.getFullAXTree");
    const inTree = new Set(
      nodes
        .filter((n) => !n.ignored && n.backendDOMNodeId !== undefined)
        .map((n) => probed.get(n.backendDOMNodeId ?? -1)),
    );
    return shown.filter((_, i) => !inTree.has(i));
  } finally {
    await cdp.detach();
    await page.evaluate((probe) => {
      for (const e of document.querySelectorAll(`[${probe}]`)) e.removeAttribute(probe);
    }, probe);
  }
}

/** Sets a date input (the studio's "as of") to `date`. */
export async function setDate(page: Page, id: string, date: string): Promise<void> {
  await page.locator(`#${id}`).fill(date);
}
