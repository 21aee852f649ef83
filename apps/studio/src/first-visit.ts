// Whether the studio will open on what its page already holds. The build writes the first
// render of a first visit, the Assess journey's blank questionnaire of the paper's catalog,
// into index.html (prerender.tsx), so that the 81 requirements and the level are on screen
// while the studio's script is still loading. The page keeps that HTML hidden; boot.ts shows it
// only when the studio's own first render will be the same, and otherwise leaves it to the
// studio to draw the page, as it would without it.
//
// The rule stays this small because the studio keeps nothing for a blank assessment dated today
// and the paper's catalog (assess-page.tsx): anything kept is work, and the page waits for it.
import { journeyOf } from "./journeys.js";
import { load } from "./store.js";

/** The "as of" date the built page's blank questionnaire is written with; boot.ts puts today's in its place. */
export const prerenderAsOf = "2000-01-01";

/** What the studio's first render depends on, as the page finds it when it opens. */
export interface Opening {
  /** The address's fragment (`location.hash`). */
  readonly hash: string;
  /** The work kept in the browser under "assessment" (store.ts's `load`), or undefined. */
  readonly assessment: unknown;
  /** The catalog and profile kept under "catalog-source", or undefined. */
  readonly catalogSource: unknown;
}

/**
 * Whether the studio will open on the blank questionnaire dated today: on the Assess journey,
 * with no assessment and no catalog kept in the browser. When not, the page waits for the
 * studio's own first render.
 */
export const opensBlank = (opening: Opening): boolean =>
  journeyOf(opening.hash) === "assess" && opening.assessment === undefined && opening.catalogSource === undefined;

/** The opening as this page finds it now: its address and what the browser keeps (boot.ts, main.tsx). */
export const openingHere = (): Opening => ({
  hash: location.hash,
  assessment: load("assessment"),
  catalogSource: load("catalog-source"),
});
