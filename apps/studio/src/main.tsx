import { hydrate, render } from "preact";
import { config } from "zod/mini";
import { App } from "./app.js";
import "./styles.css";

// The page's Content Security Policy refuses `new Function`, so zod's compiled fast path can
// never be used here: jitless spares every first parse the attempt (tens of milliseconds).
config({ jitless: true });

const root = document.getElementById("app");
if (root !== null) {
  // The built page holds a first visit's questionnaire (prerender.tsx). Shown, it is the
  // studio's own first render (boot.ts and first-visit.ts; a test holds them to it), so the
  // studio takes it over as it is; still hidden, the studio renders into it, reusing its
  // elements and correcting whatever differs.
  if (root.firstElementChild !== null && !root.classList.contains("booting")) hydrate(<App />, root);
  else render(<App />, root);
  root.classList.remove("booting");
  root.removeAttribute("inert");
}
