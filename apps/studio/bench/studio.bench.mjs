// The studio's speed in Chromium (Debian's, through playwright-core), as the issue sets it:
// the first render of the questionnaire of 81 requirements (goal: under 300 ms), cold and warm,
// with the moments around it (first contentful paint as presented, and the moment the studio
// takes input), and the update after one answer (goal: under 16 ms, one frame). Each is set beside a baseline
// measured in the same run: an empty page's load for the first render, and the bare `assess` of
// the same answers, in the same browser, for an answer's update.
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { chromium } from "playwright-core";

const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
if (executablePath === undefined) {
  console.log("Skipping the studio benchmark: no Chromium at /usr/bin/chromium (apt-get install -y chromium).");
  process.exit(0);
}
// Another build of the studio can be measured the same way: MIOTSEC_STUDIO_DIST=path/to/dist.
const dist = process.env.MIOTSEC_STUDIO_DIST
  ? pathToFileURL(`${process.env.MIOTSEC_STUDIO_DIST.replace(/\/$/, "")}/`)
  : new URL("../dist/", import.meta.url);
const hospital = new URL("../../../examples/assessments/hospital.assessment.yaml", import.meta.url).pathname;
const browser = await chromium.launch({
  executablePath,
  args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

/**
 * A static host on loopback, as the studio is served: its page, its script and stylesheet (with
 * a cache lifetime), and an empty page for the baseline. A real server, not Playwright's
 * routing, which turns the browser's cache off.
 */
const server = createServer((request, response) => {
  const path = (request.url ?? "/").split(/[?#]/)[0];
  if (path === "/" || path === "/empty") {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    return response.end(
      path === "/"
        ? readFileSync(new URL("index.html", dist))
        : "<!doctype html><html lang=en><title>empty</title><p>empty</p>",
    );
  }
  if (!/^\/assets\/[\w.-]+\.(js|css)$/.test(path)) {
    response.writeHead(404);
    return response.end();
  }
  response.writeHead(200, {
    "content-type": path.endsWith(".js") ? "text/javascript" : "text/css",
    "cache-control": "max-age=3600",
  });
  response.end(readFileSync(new URL(`.${path}`, dist)));
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

/** A new page with its own storage and cache. */
async function newPage(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  return { page: await context.newPage(), context };
}

/**
 * Notes three moments of a page's opening, from the start of navigation: the frame after the
 * 81 questions and the level are in the page and visible (`shownAt`); the first contentful
 * paint as the browser presented it (`fcp`, from the Paint Timing API); and the frame after
 * the studio has rendered and takes input (`readyAt`). The page's HTML may hold the
 * questionnaire before the studio's script has run (boot.ts); hidden or inert, it does not count
 * as shown or ready.
 */
const watchOpening = () => {
  const app = () => document.getElementById("app");
  const shown = () =>
    document.querySelectorAll(".question").length === 81 &&
    document.querySelector("[data-testid=overall-level]") !== null &&
    app()?.classList.contains("booting") === false;
  const afterFrame = (name) => requestAnimationFrame(() => setTimeout(() => (globalThis[name] = performance.now())));
  let seen = false;
  new MutationObserver((_, observer) => {
    if (!seen && shown()) {
      seen = true;
      afterFrame("shownAt");
    }
    if (seen && !app()?.hasAttribute("inert")) {
      observer.disconnect();
      afterFrame("readyAt");
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["class", "inert"] });
};
const opening = async (page) => {
  await page.waitForFunction(() => globalThis.readyAt !== undefined);
  return page.evaluate(async () => ({
    shown: globalThis.shownAt,
    fcp: await new Promise((resolve) =>
      new PerformanceObserver((list, observer) => {
        const entry = list.getEntriesByName("first-contentful-paint")[0];
        if (entry === undefined) return;
        observer.disconnect();
        resolve(entry.startTime);
      }).observe({ type: "paint", buffered: true }),
    ),
    ready: globalThis.readyAt,
  }));
};
const loadedAt = (page) => page.evaluate(() => performance.getEntriesByType("navigation")[0].loadEventEnd);

// The opening in a fresh browser profile (cold: nothing cached, nothing kept), and reopened in
// the same tab (warm: the script from the cache, with the compiled code V8 keeps for it). The
// baselines are an empty page loaded the same ways.
const rounds = 12;
const moments = ["shown", "fcp", "ready"];
const cold = { shown: [], fcp: [], ready: [], empty: [] };
const warm = { shown: [], fcp: [], ready: [], empty: [] };
for (let round = 0; round < rounds; round++) {
  const studio = await newPage();
  await studio.page.addInitScript(watchOpening);
  await studio.page.goto(`${origin}/#assess`);
  const o = await opening(studio.page);
  for (const m of moments) cold[m].push(o[m]);
  const blank = await newPage();
  await blank.page.goto(`${origin}/empty`);
  cold.empty.push(await loadedAt(blank.page));
  await blank.context.close();
  await studio.context.close();
}
{
  const studio = await newPage();
  await studio.page.addInitScript(watchOpening);
  const blank = await newPage();
  for (let round = 0; round < rounds + 2; round++) {
    await studio.page.goto(`${origin}/?visit=${round}#assess`);
    const o = await opening(studio.page);
    await blank.page.goto(`${origin}/empty?visit=${round}`);
    const e = await loadedAt(blank.page);
    // The first two visits fill the cache and the code cache.
    if (round >= 2) {
      for (const m of moments) warm[m].push(o[m]);
      warm.empty.push(e);
    }
  }
  await studio.context.close();
  await blank.context.close();
}

// An answer's update: from the click to the new level laid out, on the sample hospital, where
// updates.2.3 moves the facility between level 1 (partly met) and level 2 (met).
const studio = await newPage();
await studio.page.goto(`${origin}/#assess`);
// The page may show the questionnaire before the studio takes input (inert until then).
await studio.page.locator("#app:not([inert])").waitFor({ state: "attached" });
await studio.page.getByTestId("assess-open").setInputFiles(hospital);
await studio.page.waitForFunction(
  () => document.querySelector("[data-testid=overall-level]")?.textContent === "Level 1: beginnings",
);
const updates = await studio.page.evaluate(async () => {
  const times = [];
  const level = () => document.querySelector("[data-testid=overall-level]")?.textContent;
  for (let i = 0; i < 60; i++) {
    const status = i % 2 === 0 ? "met" : "partial";
    const input = document.querySelector(`#q-updates-2-3 input[value=${status}]`);
    const t0 = performance.now();
    input.click();
    // Preact renders in a microtask after the click; the await runs after it, and reading the
    // layout makes the browser lay the new page out, as the next frame would.
    await Promise.resolve();
    document.body.getBoundingClientRect();
    const t1 = performance.now();
    const expected = status === "met" ? "Level 2: first steps" : "Level 1: beginnings";
    if (level() !== expected) throw new Error(`after ${status}: ${level()}`);
    times.push(t1 - t0);
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  }
  return times;
});
await studio.context.close();

// The baseline of an update: `assess` alone on the same answers, in the same browser.
const bundle = await build({
  stdin: {
    contents: `import { miotCatalog } from "@miotsec/criteria"; import { assess } from "@miotsec/maturity"; import { parse } from "yaml";
      globalThis.bench = { miotCatalog, assess, parse };`,
    resolveDir: new URL("..", import.meta.url).pathname,
  },
  bundle: true,
  format: "iife",
  platform: "browser",
  write: false,
  logLevel: "silent",
});
const bare = await newPage();
await bare.page.goto(`${origin}/empty`);
await bare.page.addScriptTag({ content: new TextDecoder().decode(bundle.outputFiles[0].contents) });
const assessTimes = await bare.page.evaluate(
  (yaml) => {
    const { miotCatalog, assess, parse } = globalThis.bench;
    const draft = parse(yaml);
    const times = [];
    for (let i = 0; i < 60; i++) {
      draft.answers["updates.2.3"] = i % 2 === 0 ? "met" : "partial";
      const t0 = performance.now();
      const r = assess(miotCatalog, { ...draft, answers: { ...draft.answers } });
      times.push(performance.now() - t0);
      if (!r.ok) throw new Error("the sample hospital does not assess");
    }
    return times;
  },
  readFileSync(hospital, "utf8"),
);
await bare.context.close();
const version = browser.version();
await browser.close();
server.close();

const ms = (x) => `${x.toFixed(1)} ms`;
console.log(`\n@miotsec/studio in Chromium ${version}`);
console.log("\n| measure | median | 95th percentile | baseline (median) | ratio | goal |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
const row = (measure, xs, baseline, goal) =>
  console.log(
    `| ${measure} | ${ms(median(xs))} | ${ms(p95(xs))} | ${baseline[0]}: ${ms(median(baseline[1]))} | ${(median(xs) / median(baseline[1])).toFixed(1)} x | ${goal} |`,
  );
for (const [when, m] of [
  [`fresh browser profile (${rounds} pages)`, cold],
  [`reopened in the same tab (${rounds} visits)`, warm],
]) {
  const empty = ["empty page loaded", m.empty];
  row(`first render, ${when}: the 81 questions and the level on screen (frame)`, m.shown, empty, "under 300 ms");
  row(`first render, ${when}: first contentful paint, as presented`, m.fcp, empty, "");
  row(`first render, ${when}: the studio takes input (frame)`, m.ready, empty, "");
}
row(
  "an answer's update: click to the new level laid out (60 answers)",
  updates,
  ["assess alone", assessTimes],
  "under 16 ms",
);
