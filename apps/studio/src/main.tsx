import { render } from "preact";
import { config } from "zod/mini";
import { App } from "./app.js";
import "./styles.css";

// The page's Content Security Policy refuses `new Function`, so zod's compiled fast path can
// never be used here: jitless spares every first parse the attempt (tens of milliseconds).
config({ jitless: true });

const root = document.getElementById("app");
if (root !== null) render(<App />, root);
