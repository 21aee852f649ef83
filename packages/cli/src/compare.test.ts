import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { example, file, labelFile, miotsec, miotsecWith } from "./fixtures.test-support.js";

const wifi = labelFile("ultrasound-wifi");
const ward3 = example("runtime/ward-3.samples.ndjson");
const reactionChain = ["pause-operation", "isolate-from-network", "notify", "require-re-integration"];

describe("miotsec compare", () => {
  it("finds the tampered scanner of ward 3 and ends it in the paper's reaction chain", async () => {
    const r = await miotsec("compare", wifi, ward3, "--hold", "120");
    expect(r.code).toBe(1);
    expect(r.out).toContain("960 samples from 4 devices, operating stage");
    expect(r.out).toMatch(/^us-w1-0003 {2}contraindicated {2}240 samples$/mu);
    expect(r.out).toContain(`actions: alert -> schedule-re-evaluation -> ${reactionChain.join(" -> ")}`);
    const json = JSON.parse((await miotsec("compare", wifi, ward3, "--hold", "120", "--json")).out);
    expect(json.status).toBe("contraindicated");
    const tampered = json.devices.find((d: { device: string }) => d.device === "us-w1-0003");
    expect(tampered.actions.slice(-4)).toEqual(reactionChain);
    const others = json.devices.filter((d: { device: string }) => d.device !== "us-w1-0003");
    expect(others.map((d: { status: string }) => d.status)).toEqual(["affirming", "affirming", "affirming"]);
  });

  it("lets a short spike pass with a hold time, and reports it without one", async () => {
    const held = JSON.parse((await miotsec("compare", wifi, ward3, "--hold", "120", "--json")).out);
    const spiky = (j: { devices: { device: string; status: string }[] }) =>
      j.devices.find((d) => d.device === "us-w1-0002")?.status;
    expect(spiky(held)).toBe("affirming");
    const at0 = JSON.parse((await miotsec("compare", wifi, ward3, "--json")).out);
    expect(spiky(at0)).toBe("warning");
  });

  it("reads CSV, and a clean file exits 0", async () => {
    const r = await miotsec("compare", labelFile("ultrasound-usbc"), example("runtime/radiology.samples.csv"));
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toContain("240 samples from 2 devices");
  });

  it("draws a progress bar only on a terminal, and clears it", async () => {
    expect((await miotsec("compare", wifi, ward3)).err).toBe("");
    const tty = await miotsecWith({ progress: true }, "compare", wifi, ward3);
    expect(tty.err).toContain("100 %");
    expect(tty.err.endsWith("\r\u001b[2K")).toBe(true);
  });

  it.each([
    ["a line that is not JSON", '{"device":"a"\n', /line 1: \$: not valid JSON/u],
    [
      "a sample without a value",
      '{"device":"a","metric":"cpuPercent","unit":"%","at":0}\n',
      /line 1: \$\.value: expected a number/u,
    ],
    [
      "an impossible time",
      '{"device":"a","metric":"cpuPercent","value":1,"unit":"%","at":"2026-02-30T00:00:00Z"}\n',
      /\$\.at: /u,
    ],
    ["a time out of range", '{"device":"a","metric":"cpuPercent","value":1,"unit":"%","at":1e300}\n', /\$\.at: /u],
    ["an array", "[1, 2]\n", /line 1: \$: expected an object/u],
  ])("answers %s with exit 2 and the line number", async (_, content, message) => {
    const r = await miotsec("compare", wifi, file("bad.ndjson", content));
    expect(r).toMatchObject({ code: 2, out: "" });
    expect(r.err).toMatch(message);
    expect(r.err.split("\n")).toHaveLength(2);
  });

  it("answers a CSV without the needed columns or with broken quotes with exit 2", async () => {
    expect((await miotsec("compare", wifi, file("bad.csv", "device,metric\n"))).err).toContain('no "value" column');
    expect((await miotsec("compare", wifi, file("head.csv", "device,metric,value,unit,at\n"))).err).toContain(
      "no samples after the header row",
    );
    const quotes = await miotsec(
      "compare",
      wifi,
      file("quotes.csv", 'device,metric,value,unit,at\n"a,cpuPercent,1,%,0\n'),
    );
    expect(quotes.err).toMatch(/line 2: \$: unbalanced quotes/u);
  });

  it("escapes control characters of device ids and metrics, so a hostile file cannot drive the terminal", async () => {
    const line = JSON.stringify({
      device: "a\u001b[2Jb\nc",
      metric: "x\u001b]0;owned\u0007",
      value: 1,
      unit: "%",
      at: 0,
    });
    const r = await miotsec("compare", wifi, file("escape.ndjson", `${line}\n`));
    expect(r.code).toBe(1);
    expect(r.out).not.toContain("\u001b");
    expect(r.out).toContain("a\\u001b[2Jb\\u000ac");
  });

  it("refuses a line longer than 1 MiB instead of buffering it", async () => {
    const r = await miotsec("compare", wifi, file("long.ndjson", `{"device":"${"a".repeat(3 * 2 ** 20)}"}\n`));
    expect(r).toMatchObject({ code: 2 });
    expect(r.err).toContain("longer than 1 MiB");
  });

  const sampleArb = fc.record({
    device: fc.constantFrom("d1", "d,2", 'd"3'),
    metric: fc.constantFrom("cpuPercent", "batteryTemperatureC", "unknownMetric"),
    value: fc.double({ min: -100, max: 200, noNaN: true, noDefaultInfinity: true }).map((v) => Math.round(v * 10) / 10),
    unit: fc.constantFrom("%", "°C", "K"),
    at: fc.integer({ min: 0, max: 10_000_000 }),
  });
  const csvField = (v: string | number) =>
    typeof v === "string" && /[",]/u.test(v) ? `"${v.replace(/"/gu, '""')}"` : String(v);

  test.prop([fc.array(sampleArb, { minLength: 1, maxLength: 40 })], { numRuns: 40 })(
    "gives the same findings for the same samples as NDJSON and as CSV",
    async (samples) => {
      const ndjson = file("p.ndjson", `${samples.map((s) => JSON.stringify(s)).join("\n")}\n`);
      const csv = file(
        "p.csv",
        `at,unit,value,metric,device\n${samples.map((s) => [s.at, s.unit, s.value, s.metric, s.device].map(csvField).join(",")).join("\r\n")}`,
      );
      const a = await miotsec("compare", wifi, ndjson, "--json");
      const b = await miotsec("compare", wifi, csv, "--json");
      expect(a.err).toBe("");
      expect({ ...JSON.parse(b.out), file: "" }).toEqual({ ...JSON.parse(a.out), file: "" });
      expect(a.code).toBe(JSON.parse(a.out).devices.some((d: { events: unknown[] }) => d.events.length > 0) ? 1 : 0);
    },
  );
});
