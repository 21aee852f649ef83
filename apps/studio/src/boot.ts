// The page's first script, before the studio's own. The page's HTML already holds the first
// render of a first visit, hidden (prerender.tsx); this shows it, dated today, when the studio
// will open on it (first-visit.ts), and starts the studio's script once that frame is on
// screen, so that the questionnaire can be read while the libraries, the catalog and the
// schemas start. Until the studio has rendered, the page is inert: nothing can be answered
// there that the studio's first render would not know of.
import { openingHere, opensBlank } from "./first-visit.js";
import { today } from "./today.js";

// Written in by the build (vite.config.ts).
declare const __STUDIO_SCRIPT__: string;

const blank = opensBlank(openingHere());
const root = document.getElementById("app");
if (blank && root !== null) {
  const date = document.getElementById("assess-as-of");
  if (date instanceof HTMLInputElement) date.defaultValue = today();
  root.classList.remove("booting");
}
const start = () => {
  const script = document.createElement("script");
  script.src = __STUDIO_SCRIPT__;
  document.body.append(script);
};
// Two frames: the first lays the questionnaire out, the second follows once it is drawn. A
// hidden tab draws no frame to wait for.
if (blank && document.visibilityState === "visible")
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(start, 0)));
else start();
