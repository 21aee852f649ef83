// Debian's Chromium for the browser tests of @miotsec/render and @miotsec/cli: where it is, and
// a headless launch with the flags that stop its background networking. Never a downloaded browser.
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/** Chromium's path, or undefined when the machine has none (the browser tests then skip, saying why). */
export const chromiumPath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

/** Prints why a browser test is skipped when there is no Chromium. */
export function sayWhyIfNoChromium(test: string): void {
  if (chromiumPath === undefined)
    console.log(`Skipping ${test}: no Chromium at /usr/bin/chromium (apt-get install -y chromium).`);
}

/** Launches Chromium headless with no background networking. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath as string,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-default-apps",
      "--disable-sync",
      "--no-first-run",
      "--metrics-recording-only",
      "--disable-domain-reliability",
    ],
  });
}

export { jsQR } from "./fixtures.test-support.js";
