// Every library entry point gives byte-identical JSON for the same input: across 100 runs in
// one process, and across processes in other time zones and locales.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { entries, outputs } from "./entries.mjs";

const script = new URL("./entries.mjs", import.meta.url).pathname;
function inProcess(env: Record<string, string>) {
  const out = execFileSync(process.execPath, [script], { encoding: "utf8", env: { ...process.env, ...env } });
  return JSON.parse(out) as { locale: string; timeZone: string; offset: number; hashes: Record<string, string> };
}

describe("determinism", () => {
  const first = outputs();

  it("covers the library entry points", () => {
    expect(Object.keys(entries).length).toBeGreaterThanOrEqual(29);
    for (const [name, json] of Object.entries(first)) expect(json.length, name).toBeGreaterThan(2);
  });

  it.each(Object.keys(entries))("%s gives the same JSON 100 times", (name) => {
    const fn = entries[name] as () => unknown;
    for (let i = 0; i < 100; i++) expect(JSON.stringify(fn())).toBe(first[name]);
  });

  it("gives the same JSON in UTC with an English locale and in Kiritimati (UTC+14) with a German one", () => {
    const utc = inProcess({ TZ: "UTC", LANG: "C.UTF-8", LC_ALL: "C.UTF-8" });
    const kiritimati = inProcess({ TZ: "Pacific/Kiritimati", LANG: "de_DE.UTF-8", LC_ALL: "de_DE.UTF-8" });
    // The environments really differ (else this test could not fail) ...
    expect(utc.offset).toBe(0);
    expect(kiritimati.offset).toBe(-14 * 60);
    expect(kiritimati.locale).toMatch(/^de/u);
    // ... and the outputs do not, and they are the outputs of this process.
    expect(kiritimati.hashes).toEqual(utc.hashes);
    const here = Object.fromEntries(
      Object.entries(first).map(([k, v]) => [k, createHash("sha256").update(v).digest("hex")]),
    );
    expect(utc.hashes).toEqual(here);
  });
});
