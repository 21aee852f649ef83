// The page shows the questionnaire it holds before the studio's script has started (boot.ts)
// only when the studio's own first render is the same: whatever is kept in the browser and
// whatever the address, opensBlank never says "show it" where the studio would draw
// something else. The studio's first render is rendered here in Node.js (prerender.tsx).
import { fc, test } from "@fast-check/vitest";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { emptyDraft } from "../src/assess/assessment.js";
import { openingHere, opensBlank, prerenderAsOf } from "../src/first-visit.js";
import { type BrowserState, inBrowserState, prerender, renderOpening } from "../src/prerender.js";
import { today } from "../src/today.js";

// The studio dates a new assessment today: the clock is held so that both renders share a day.
beforeAll(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(2026, 11, 3, 12));
});
afterAll(() => {
  vi.useRealTimers();
});

const built = prerender();

/** What boot.ts decides in a browser in `state`. */
const decide = (state: BrowserState): boolean => inBrowserState(state, () => opensBlank(openingHere()));

/** The page as boot.ts shows it: the built first render, dated today. */
const shown = () => built.replace(`value="${prerenderAsOf}"`, `value="${today()}"`);

const dates = fc.constantFrom("2026-12-03", "2026-12-02", "2024-02-29", "2023-02-29", "1899-12-31", "3000-01-01");
const keptAssessment = fc.oneof(
  dates.map((asOf) => emptyDraft(asOf)),
  dates.map((asOf) => ({ ...emptyDraft(asOf), answers: { "organisation.1.1": "met" } })),
  dates.map((asOf) => ({ ...emptyDraft(asOf), subject: { kind: "device", name: "Pump" } })),
  fc.jsonValue({ maxDepth: 2 }),
);
const keptSource = fc.oneof(
  fc.constant({}),
  fc.constant({ catalog: { file: "c.yaml", document: { id: "x" } } }),
  fc.constant({ profile: { file: "p.yaml", document: {} } }),
  fc.jsonValue({ maxDepth: 2 }),
);
/** Kept text: a document's JSON, or text that is not JSON at all, which the studio reads as nothing kept. */
const text = (value: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { weight: 3, arbitrary: value.map((v) => JSON.stringify(v)) },
    fc.constantFrom("", "{not json", "[", "undefined", '"open'),
    fc.string(),
  );
const states: fc.Arbitrary<BrowserState> = fc.record({
  hash: fc.oneof(
    fc.constantFrom("", "#", "#assess", "#read", "#write", "#other"),
    fc.string().map((s) => `#${s}`),
  ),
  kept: fc.record({ assessment: text(keptAssessment), "catalog-source": text(keptSource) }, { requiredKeys: [] }),
});

describe("the questionnaire the built page holds", () => {
  it("is the studio's first render of a first visit, with its date in one place", () => {
    expect(built.split(prerenderAsOf).length).toBe(2);
    expect(decide({ hash: "", kept: {} })).toBe(true);
    expect(shown()).toContain('value="2026-12-03"');
    expect(shown()).toBe(renderOpening({ hash: "", kept: {} }));
    expect(shown()).toBe(renderOpening({ hash: "#assess", kept: { assessment: "{not json" } }));
  });

  it("is not shown for kept work, a kept catalog, or another journey", () => {
    const kept = JSON.stringify(emptyDraft("2026-12-03"));
    expect(decide({ hash: "#assess", kept: { assessment: kept } })).toBe(false);
    expect(decide({ hash: "", kept: { "catalog-source": "{}" } })).toBe(false);
    expect(decide({ hash: "#read", kept: {} })).toBe(false);
    expect(decide({ hash: "#write", kept: {} })).toBe(false);
    expect(decide({ hash: "#anything", kept: {} })).toBe(true);
  });

  test.prop([states], { numRuns: 80 })("is shown only where the studio's first render is the same", (state) => {
    if (decide(state)) expect(shown()).toBe(renderOpening(state));
  });
});
