import { hydrate, render } from "preact";
import { config } from "zod/mini";
import { App } from "./app.js";
import { openingHere, opensBlank } from "./first-visit.js";
import "./styles.css";
import { today } from "./today.js";

// The page's Content Security Policy refuses `new Function`, so zod's compiled fast path can
// never be used here: jitless spares every first parse the attempt (tens of milliseconds).
config({ jitless: true });

const root = document.getElementById("app");
if (root !== null) {
  // The built page holds a first visit's questionnaire (prerender.tsx). Shown, it is the
  // studio's own first render (boot.ts and first-visit.ts; a test holds them to it), so the
  // studio takes it over as it is, unless something moved since it was shown (another tab kept
  // work, the address changed, the day turned). Otherwise the studio renders into it, reusing
  // its elements and correcting whatever differs.
  const shown = root.firstElementChild !== null && !root.classList.contains("booting");
  const date = document.getElementById("assess-as-of");
  const same = opensBlank(openingHere()) && date instanceof HTMLInputElement && date.value === today();
  if (shown && same) hydrate(<App />, root);
  else render(<App />, root);
  root.classList.remove("booting");
  root.removeAttribute("inert");
}
