// The studio's first render, in Node.js: the build writes a first visit's into index.html
// (vite.config.ts), and the tests render any opening to check that boot.ts shows that HTML only
// when the studio would draw the same. Node.js has neither an address bar nor localStorage;
// the render borrows both and gives them back.
import { renderToString } from "preact-render-to-string";
import { App } from "./app.js";
import { emptyDraft } from "./assess/assessment.js";
import { prerenderAsOf } from "./first-visit.js";
import { storageKey } from "./store.js";

/** What the browser holds when the studio opens: the address's fragment and the kept work (as JSON text, by store.ts's names). */
export interface BrowserState {
  readonly hash: string;
  readonly kept: Readonly<Record<string, string>>;
}

/**
 * Runs `read` as in a browser in `state`: `location.hash` and `localStorage` (read-only, by
 * store.ts's names) are lent to the global object for the call and given back after it.
 */
export function inBrowserState<T>(state: BrowserState, read: () => T): T {
  const lent = globalThis as { location?: unknown; localStorage?: unknown };
  const own = {
    location: Object.getOwnPropertyDescriptor(lent, "location"),
    storage: Object.getOwnPropertyDescriptor(lent, "localStorage"),
  };
  const items = new Map(Object.entries(state.kept).map(([name, text]) => [storageKey(name), text]));
  Object.defineProperty(lent, "location", { value: { hash: state.hash }, configurable: true });
  Object.defineProperty(lent, "localStorage", {
    value: { getItem: (key: string) => items.get(key) ?? null, setItem() {}, removeItem() {} },
    configurable: true,
  });
  try {
    return read();
  } finally {
    for (const [name, descriptor] of [
      ["location", own.location],
      ["localStorage", own.storage],
    ] as const) {
      if (descriptor === undefined) delete (lent as Record<string, unknown>)[name];
      else Object.defineProperty(lent, name, descriptor);
    }
  }
}

/** The HTML of the studio's first render in a browser in `state`. */
export function renderOpening(state: BrowserState): string {
  return inBrowserState(state, () => renderToString(<App />));
}

/**
 * What the build writes into the page: the first render of a first visit, dated
 * {@link prerenderAsOf} where it will show today. (Rendered with a blank assessment of that
 * date kept, which the studio reads as a first visit's with another date.)
 */
export function prerender(): string {
  return renderOpening({ hash: "", kept: { assessment: JSON.stringify(emptyDraft(prerenderAsOf)) } });
}
