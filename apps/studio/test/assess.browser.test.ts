// The Assess journey in Chromium, as a hospital's IT lead walks it: open the example
// assessment, answer questions and watch the level and the roadmap change, save, reopen,
// export, and compare with the earlier assessment.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyProfile, miotCatalog } from "@miotsec/criteria";
import { assess } from "@miotsec/maturity";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { emptyDraft } from "../src/assess/assessment.js";
import { storageKey } from "../src/store.js";
import {
  chromiumPath,
  downloadOf,
  example,
  heldScript,
  openStudio,
  reloadStudio,
  sayWhyIfNoChromium,
  studioReady,
  useChromium,
} from "./studio.test-support.js";

sayWhyIfNoChromium("the studio's Assess test");

const hospital = example("assessments/hospital.assessment.yaml");
const cli = new URL("../../../packages/cli/dist/bin.js", import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), "miotsec-studio-"));
/** Runs the miotsec command (built) and returns its exit code and standard output. */
const miotsec = (...args: string[]) => {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8" });
  return { code: r.status, out: r.stdout };
};
const expected = assess(miotCatalog, parse(readFileSync(hospital, "utf8")));

/**
 * The questions, blockers and roadmap entries the browser renders: on screen (in the window,
 * and in the report's own scrolling column where it has one), the ones it skips as
 * `content-visibility: auto` lets it (named by their text), and how many it skips off screen.
 */
const renderedHere = (page: Page) =>
  page.evaluate(() => {
    const found = { onScreen: 0, skippedOnScreen: [] as string[], skippedOffScreen: 0 };
    for (const e of document.querySelectorAll(".question, .blockers li, .roadmap li")) {
      const box = e.getBoundingClientRect();
      const column = e.closest(".side-column")?.getBoundingClientRect();
      const top = Math.max(0, column?.top ?? 0);
      const bottom = Math.min(innerHeight, column?.bottom ?? innerHeight);
      const onScreen = box.height > 0 && box.bottom > top && box.top < bottom;
      const rendered = e.checkVisibility({ contentVisibilityAuto: true });
      if (onScreen) found.onScreen++;
      if (!rendered && onScreen) found.skippedOnScreen.push(e.textContent?.slice(0, 60) ?? "");
      if (!rendered && !onScreen) found.skippedOffScreen++;
    }
    return found;
  });

describe.skipIf(chromiumPath === undefined)("the Assess journey", () => {
  const browser = useChromium();

  it("starts with the paper's 81 requirements unanswered, at level 0", async () => {
    const { page, requests, errors } = await openStudio(browser(), "assess");
    await expect.poll(() => page.getByTestId("answered").innerText()).toBe("0 of 81 requirements answered");
    expect(await page.getByTestId("overall-level").innerText()).toBe("Level 0: not reached");
    expect(await page.locator(".question").count()).toBe(81);
    // Every requirement is asked with its text and where the paper says it.
    const first = page.locator("#q-organisation-1-1");
    expect(await first.innerText()).toContain(miotCatalog.requirements[0]?.text);
    expect(await first.innerText()).toContain("Source: Table II");
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("shows the questionnaire before its script has started, dated today, and takes answers once it has", async () => {
    const { holdScript, release } = heldScript();
    const { page, context, requests, errors } = await openStudio(browser(), "assess", { holdScript });
    // The page's first script has shown what the page holds: every question and the level, on
    // screen, with today's date; nothing there takes input yet.
    await expect.poll(() => page.locator("#app").getAttribute("class")).toBe("");
    expect(await page.locator(".question").count()).toBe(81);
    expect(await page.getByTestId("overall-level").innerText()).toBe("Level 0: not reached");
    expect(await page.locator("#q-organisation-1-1").isVisible()).toBe(true);
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    });
    expect(await page.locator("#assess-as-of").inputValue()).toBe(today);
    expect(await page.locator("#app").getAttribute("inert")).toBe("");
    expect(await page.evaluate(() => document.querySelectorAll("script[src*='/studio-']").length)).toBe(1);
    // While inert, the browser renders what is on screen and skips the rest (styles.css).
    const inert = await renderedHere(page);
    expect(inert.onScreen).toBeGreaterThan(0);
    expect(inert.skippedOnScreen).toEqual([]);
    expect(inert.skippedOffScreen).toBeGreaterThan(0);
    // The studio's script arrives: the page takes input, and an answer moves the count.
    release();
    await studioReady(page);
    // Taken over, the page skips nothing, on screen or off it.
    const ready = await renderedHere(page);
    expect(ready.skippedOnScreen).toEqual([]);
    expect(ready.skippedOffScreen).toBe(0);
    await page.locator("#q-organisation-1-1").getByLabel("Met", { exact: true }).check();
    await expect.poll(() => page.getByTestId("answered").innerText()).toBe("1 of 81 requirements answered");
    expect(await page.locator("#assess-as-of").inputValue()).toBe(today);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  const keptAnswer = JSON.stringify({ ...emptyDraft("2026-11-30"), answers: { "organisation.1.1": "met" } });
  const blankKept = (asOf: string) => JSON.stringify(emptyDraft(asOf));
  const opensElsewhere: { journey: "assess" | "read"; kept: Record<string, string>; what: string }[] = [
    { journey: "assess", kept: { assessment: keptAnswer }, what: "answers kept in the browser" },
    {
      journey: "assess",
      kept: { "catalog-source": JSON.stringify({ profile: { file: "p.yaml", document: {} } }) },
      what: "a profile kept in the browser",
    },
    { journey: "assess", kept: { assessment: blankKept("2024-02-29") }, what: "a blank assessment of another day" },
    {
      journey: "assess",
      kept: { assessment: blankKept("2023-02-29") },
      what: "a blank assessment of a day that does not exist",
    },
    { journey: "read", kept: {}, what: "another journey" },
  ];
  it.each(opensElsewhere)(
    "keeps the page hidden until the studio has drawn it when it opens on $what",
    async ({ journey, kept }) => {
      const { holdScript, release } = heldScript();
      const { page, context, errors } = await openStudio(browser(), journey, { holdScript, kept });
      await expect
        .poll(() => page.evaluate(() => document.querySelector("script[src*='/studio-']") !== null))
        .toBe(true);
      expect(await page.locator("#app").getAttribute("class")).toBe("booting");
      expect(await page.locator("#app h1").isVisible()).toBe(false);
      release();
      await studioReady(page);
      expect(await page.locator("#app").getAttribute("class")).toBe("");
      if (kept.assessment === keptAnswer) {
        expect(await page.getByTestId("answered").innerText()).toBe("1 of 81 requirements answered");
        expect(await page.locator("#assess-as-of").inputValue()).toBe("2026-11-30");
      }
      if (kept.assessment === blankKept("2024-02-29"))
        expect(await page.locator("#assess-as-of").inputValue()).toBe("2024-02-29");
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it("draws the page afresh when work was kept (in another tab) after the questionnaire was shown", async () => {
    const { holdScript, release } = heldScript();
    const { page, context, errors } = await openStudio(browser(), "assess", { holdScript });
    await expect.poll(() => page.locator("#app").getAttribute("class")).toBe("");
    await page.evaluate(([key, text]) => localStorage.setItem(key, text), [
      storageKey("assessment"),
      keptAnswer,
    ] as const);
    release();
    await studioReady(page);
    expect(await page.getByTestId("answered").innerText()).toBe("1 of 81 requirements answered");
    expect(await page.locator("#q-organisation-1-1").getByLabel("Met", { exact: true }).isChecked()).toBe(true);
    expect(await page.locator("#assess-as-of").inputValue()).toBe("2026-11-30");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("keeps nothing in the browser for a blank assessment dated today, and keeps the first answer", async () => {
    const { page, context } = await openStudio(browser(), "assess");
    const kept = () => page.evaluate(() => Object.keys(localStorage).sort());
    expect(await kept()).toEqual([]);
    await page.locator("#q-organisation-1-1").getByLabel("Met", { exact: true }).check();
    await expect.poll(kept).toEqual([storageKey("assessment")]);
    await page.locator("#q-organisation-1-1").getByLabel("Not yet answered", { exact: true }).check();
    await expect.poll(kept).toEqual([]);
    await context.close();
  });

  it("follows every answer: the level and the roadmap change, and the work survives a reload", async () => {
    const { page, requests, errors } = await openStudio(browser(), "assess");
    await page.getByTestId("assess-open").setInputFiles(hospital);
    expect(expected.ok).toBe(true);
    if (!expected.ok) return;
    await expect
      .poll(() => page.getByTestId("overall-level").innerText())
      .toBe(`Level ${expected.value.level}: beginnings`);
    const roadmap = page.getByTestId("roadmap");
    expect(await roadmap.innerText()).toMatch(/To reach level 2\s+updates\.2\.3 /);
    // Why, in the questionnaire's words: its answers and the facts' titles, not codes and ids.
    const blockers = await page.getByTestId("blockers").innerText();
    expect(blockers).toContain("Why: Answered “Partly met”; the policy counts only “Met”.");
    expect(blockers).toContain(
      "Why: Share of the complete health facility budget spent on IT security: 0.035; it needs to be at least 0.04.",
    );
    expect(blockers).not.toMatch(/securityBudgetShare|Answered (partial|unmet)/);

    // updates.2.3 is the one step to level 2: answering it met reaches level 2.
    await page.locator("#q-updates-2-3").getByLabel("Met", { exact: true }).check();
    await expect.poll(() => page.getByTestId("overall-level").innerText()).toBe("Level 2: first steps");
    expect(await roadmap.innerText()).not.toContain("To reach level 2");
    expect(await roadmap.innerText()).toContain("To reach level 3");

    // A level-1 requirement not met takes the facility back to level 0, and the blocker says why.
    await page.locator("#q-organisation-1-1").getByLabel("Not met", { exact: true }).check();
    await expect.poll(() => page.getByTestId("overall-level").innerText()).toBe("Level 0: not reached");
    expect(await page.getByTestId("blockers").innerText()).toContain("organisation.1.1");

    // Not applicable asks why, where the catalog wants a justification.
    await page.locator("#q-data-management-1-3").getByLabel("Not applicable", { exact: true }).check();
    expect(await page.locator("#q-data-management-1-3-why").isVisible()).toBe(true);

    await reloadStudio(page);
    await expect.poll(() => page.getByTestId("overall-level").innerText()).toBe("Level 0: not reached");
    expect(await page.locator("#q-updates-2-3").getByLabel("Met", { exact: true }).isChecked()).toBe(true);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("saves the files the command reads, reopens them, and exports Markdown, JSON and OSCAL", async () => {
    const { page, requests, errors } = await openStudio(browser(), "assess");
    await page.getByTestId("assess-open").setInputFiles(hospital);
    await page.locator("#q-updates-2-3").getByLabel("Met", { exact: true }).check();
    await page.locator("#q-updates-3-1").getByLabel("Partly met", { exact: true }).check();
    await page.locator("#q-updates-3-1-evidence").fill("https://intranet.example/updates/2026");
    await page.locator("#q-updates-3-1-evidence").blur();

    const yaml = await downloadOf(page, () => page.getByRole("button", { name: "Assessment (YAML)" }).click());
    expect(yaml.name).toBe("hospital-2026-q4.assessment.yaml");
    const saved = parse(yaml.text);
    expect(saved.answers["updates.2.3"]).toBe("met");
    expect(saved.answers["updates.3.1"]).toEqual({
      status: "partial",
      evidence: [{ href: "https://intranet.example/updates/2026" }],
    });
    // What the studio saved is what the command scores, to the same level the page shows.
    const scored = assess(miotCatalog, saved);
    expect(scored.ok && scored.value.level).toBe(2);
    expect(await page.getByTestId("overall-level").innerText()).toBe("Level 2: first steps");

    const json = await downloadOf(page, () => page.getByRole("button", { name: "Assessment (JSON)" }).click());
    expect(JSON.parse(json.text)).toEqual(saved);

    const markdown = await downloadOf(page, () => page.getByRole("button", { name: "Markdown" }).click());
    expect(markdown.text).toContain("# ");
    expect(markdown.text).toContain("updates.3.2");
    const report = await downloadOf(page, () => page.getByRole("button", { name: "Report (JSON)" }).click());
    expect(JSON.parse(report.text)).toMatchObject({ level: 2, catalog: { id: "miot-maturity" } });
    const oscal = await downloadOf(page, () => page.getByRole("button", { name: "OSCAL assessment results" }).click());
    expect(JSON.parse(oscal.text)).toHaveProperty("assessment-results.results");

    // The command reads the saved file and gives the level the page shows.
    const file = join(scratch, yaml.name);
    writeFileSync(file, yaml.text);
    const scoredByCommand = miotsec("assess", file, "--json");
    expect(scoredByCommand.code).toBe(0);
    expect(JSON.parse(scoredByCommand.out)).toMatchObject({ level: 2 });
    // Reopened in a browser that has never seen it, the saved file gives the same answers.
    const fresh = await openStudio(browser(), "assess");
    await fresh.page.getByTestId("assess-open").setInputFiles(file);
    await expect.poll(() => fresh.page.getByTestId("overall-level").innerText()).toBe("Level 2: first steps");
    expect(await fresh.page.locator("#q-updates-3-1-evidence").inputValue()).toBe(
      "https://intranet.example/updates/2026",
    );
    expect([...requests, ...fresh.requests]).toEqual([]);
    expect([...errors, ...fresh.errors]).toEqual([]);
  });

  it("shows what improved and what regressed against an earlier assessment", async () => {
    const { page, errors } = await openStudio(browser(), "assess");
    await page.getByTestId("assess-open").setInputFiles(hospital);
    await page.locator("#q-updates-2-3").getByLabel("Met", { exact: true }).check();
    await page.locator("#q-authentication-1-1").getByLabel("Not met", { exact: true }).check();
    await page.getByTestId("assess-baseline").setInputFiles(hospital);
    const comparison = page.locator(".comparison");
    await expect.poll(() => comparison.innerText()).toContain("Compared with hospital.assessment.yaml");
    const text = await comparison.innerText();
    expect(text).toMatch(/Improved\s+Updates: 1 → 2/);
    expect(text).toMatch(/Regressed\s+Authentication System: 2 → 0/);
    expect(text).toMatch(/Newly fulfilled\s+updates\.2\.3 /);
    expect(text).toMatch(/No longer fulfilled\s+authentication\.1\.1 /);
    expect(errors).toEqual([]);
  });

  it("takes a profile: the tailored catalog is asked and the report names the profile", async () => {
    const { page, errors } = await openStudio(browser(), "assess");
    const profile = example("profiles/clinic-a.profile.yaml");
    const tailored = applyProfile(miotCatalog, parse(readFileSync(profile, "utf8")));
    if (!tailored.ok) throw new Error("the example profile does not apply");
    expect(tailored.value.requirements.length).toBeLessThan(81);
    await page.getByTestId("assess-open").setInputFiles(profile);
    await expect
      .poll(() => page.getByTestId("answered").innerText())
      .toBe(`0 of ${tailored.value.requirements.length} requirements answered`);
    expect(await page.locator(".report").innerText()).toContain("tailored by the profile clinic-a");
    expect(errors).toEqual([]);
  });

  it("opens the command's questionnaire (assess --template), every answer still open", async () => {
    const template = join(scratch, "template.assessment.yaml");
    expect(miotsec("assess", "--template", "--as-of", "2026-12-02", "--out", template).code).toBe(0);
    const { page, errors } = await openStudio(browser(), "assess");
    await page.getByTestId("assess-open").setInputFiles(template);
    await expect.poll(() => page.locator(".notice").innerText()).toBe("Opened template.assessment.yaml.");
    expect(await page.getByTestId("answered").innerText()).toBe("0 of 81 requirements answered");
    expect(await page.locator("#assess-as-of").inputValue()).toBe("2026-12-02");
    await page.locator("#q-organisation-1-1").getByLabel("Met", { exact: true }).check();
    await expect.poll(() => page.getByTestId("answered").innerText()).toBe("1 of 81 requirements answered");
    expect(errors).toEqual([]);
  });

  it("lists the issues of a catalog file that does not hold together", async () => {
    const catalog = join(scratch, "broken.catalog.json");
    writeFileSync(catalog, JSON.stringify({ ...miotCatalog, criteria: [] }));
    const { page } = await openStudio(browser(), "assess");
    await page.getByTestId("assess-open").setInputFiles(catalog);
    await expect.poll(() => page.locator(".issues").innerText()).toMatch(/issue/);
    expect(await page.locator(".question").count()).toBe(0);
  });

  it("asks a catalog opened from a file, and names it", async () => {
    const catalog = join(scratch, "small.catalog.json");
    const requirements = miotCatalog.requirements.filter((r) => r.criterion === "updates");
    const criteria = miotCatalog.criteria.filter((c) => c.id === "updates");
    writeFileSync(
      catalog,
      JSON.stringify({
        ...miotCatalog,
        id: "updates-only",
        title: "Updates only",
        dimensions: miotCatalog.dimensions.filter((d) => d.id === criteria[0]?.dimension),
        criteria,
        requirements,
        views: [],
      }),
    );
    const { page, errors } = await openStudio(browser(), "assess");
    await page.getByTestId("assess-open").setInputFiles(catalog);
    await expect
      .poll(() => page.locator(".meta .hint").first().innerText())
      .toBe(
        `Updates only (updates-only ${miotCatalog.version}), ${requirements.length} requirements, from small.catalog.json`,
      );
    expect(await page.locator(".question").count()).toBe(requirements.length);
    expect(errors).toEqual([]);
  });

  it("prints the report, not the questionnaire", async () => {
    const { page } = await openStudio(browser(), "assess");
    await page.getByTestId("assess-open").setInputFiles(hospital);
    await expect.poll(() => page.getByTestId("overall-level").innerText()).toBe("Level 1: beginnings");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".questionnaire").isVisible()).toBe(false);
    expect(await page.locator(".report").isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Print the report" }).isVisible()).toBe(false);
    // The roadmap's last stage, far below the first page, is laid out for print.
    expect(await page.locator("[data-testid=roadmap] > li").last().innerText()).toMatch(/^To reach level \d/);
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("refuses an assessment whose answers are not a list of answers, and keeps the work open", async () => {
    const { page, errors } = await openStudio(browser(), "assess");
    await page.getByTestId("assess-open").setInputFiles(hospital);
    await expect.poll(() => page.getByTestId("overall-level").innerText()).toBe("Level 1: beginnings");
    for (const [name, text] of [
      ["null-answers.yaml", "schemaVersion: 1\nasOf: 2026-12-02\nanswers: null\n"],
      ["proto.json", '{"schemaVersion":1,"asOf":"2026-12-02","answers":{"__proto__":{"status":"met"}}}'],
      ["bad-status.yaml", "schemaVersion: 1\nasOf: 2026-12-02\nanswers:\n  organisation.1.1: maybe\n"],
    ] as const) {
      await page.getByTestId("assess-open").setInputFiles({ name, mimeType: "text/plain", buffer: Buffer.from(text) });
      await expect
        .poll(() => page.locator(".notice.error").innerText())
        .toMatch(new RegExp(`^${name.replace(".", "\\.")}: not an assessment the studio can read: .*\\$`));
    }
    expect(await page.getByTestId("overall-level").innerText()).toBe("Level 1: beginnings");
    expect(errors).toEqual([]);
  });

  it("starts afresh from work kept in the browser that is not an assessment", async () => {
    const { page, context, errors } = await openStudio(browser(), "assess", {
      kept: {
        assessment: JSON.stringify({ answers: null }),
        "catalog-source": JSON.stringify({ catalog: null, profile: "x" }),
      },
    });
    await expect.poll(() => page.getByTestId("answered").innerText()).toBe("0 of 81 requirements answered");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("says in one line why a file cannot be read", async () => {
    const { page } = await openStudio(browser(), "assess");
    await page
      .getByTestId("assess-open")
      .setInputFiles({ name: "broken.yaml", mimeType: "application/yaml", buffer: Buffer.from("a: [") });
    await expect.poll(() => page.locator(".notice.error").innerText()).toMatch(/^broken\.yaml: not JSON or YAML \(/);
  });
});
