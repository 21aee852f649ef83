// The studio's frame: its name, the promise that nothing leaves the page, and the three
// journeys (Assess, Read a label, Write a label; see journeys.ts).
import { useEffect, useState } from "preact/hooks";
import { AssessPage } from "./assess/assess-page.js";
import { type Journey, journeyOf, journeys } from "./journeys.js";
import { t } from "./messages.js";
import { ReadPage } from "./read/read-page.js";
import { WritePage } from "./write/write-page.js";

/** The studio. */
export function App() {
  const [journey, setJourney] = useState<Journey>(() => journeyOf(location.hash));
  useEffect(() => {
    const follow = () => setJourney(journeyOf(location.hash));
    addEventListener("hashchange", follow);
    return () => removeEventListener("hashchange", follow);
  }, []);
  useEffect(() => {
    document.title = `${t(`nav.${journey}`)} · ${t("app.title")}`;
  }, [journey]);
  return (
    <>
      <a class="skip" href="#content">
        {t("app.skip")}
      </a>
      <header class="app-head">
        <h1>{t("app.title")}</h1>
        <p class="tagline">{t("app.tagline")}</p>
        <nav aria-label={t("app.nav")}>
          <ul>
            {journeys.map((j) => (
              <li key={j}>
                <a href={`#${j}`} aria-current={j === journey ? "page" : undefined}>
                  {t(`nav.${j}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <p class="private">{t("app.private")}</p>
      </header>
      <main id="content" tabIndex={-1}>
        {journey === "assess" ? <AssessPage /> : journey === "read" ? <ReadPage /> : <WritePage />}
      </main>
    </>
  );
}
