import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { compareRuntimeFacts } from "./compare.js";
import { scannerProfile } from "./fixtures.test-support.js";
import { runtimeFactsIssueCodes } from "./issue-codes.js";
import { parseRuntimeProfile } from "./profile.js";

const observation = fc.record(
  {
    metrics: fc.dictionary(
      fc.constantFrom("cpuPercent", "bootSeconds", "throughputKbps", "temperatureC"),
      fc.record({
        value: fc.double({ min: -10, max: 30000, noNaN: true }),
        unit: fc.constantFrom("%", "s", "kbit/s", "°C"),
      }),
    ),
    facts: fc.dictionary(fc.constantFrom("bootLoaderVerified", "firmwareSignatureValid"), fc.boolean()),
    activeServices: fc.uniqueArray(fc.constantFrom("imaging", "wifi-direct", "telnet", "ssh")),
    softwareVersions: fc.record({ firmware: fc.constantFrom("4.1", "4.2", "4.10", "5.0") }),
  },
  { requiredKeys: [] },
);

function appraise(o: unknown, stage: "integration" | "operating" = "operating") {
  const r = compareRuntimeFacts(scannerProfile, o, { stage });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe("compareRuntimeFacts", () => {
  test.prop([observation, fc.nat()])("the order of metrics and services does not matter", (o, seed) => {
    const reversed = {
      ...o,
      ...(o.metrics ? { metrics: Object.fromEntries(Object.entries(o.metrics).reverse()) } : {}),
      ...(o.activeServices ? { activeServices: [...o.activeServices].sort(() => (seed % 2 ? 1 : -1)) } : {}),
    };
    expect(appraise(reversed)).toEqual(appraise(o));
  });

  test.prop([observation])(
    "the status is the worst finding's tier, and a fail-safe breach always yields the reaction chain",
    (o) => {
      const a = appraise(o);
      const order = ["none", "affirming", "warning", "contraindicated"];
      expect(order.indexOf(a.status)).toBe(Math.max(0, ...a.findings.map((f) => order.indexOf(f.tier))));
      if (a.findings.some((f) => f.verdict === "outside-failsafe")) {
        expect(a.actions.map((x) => x.kind)).toEqual([
          "pause-operation",
          "isolate-from-network",
          "notify",
          "require-re-integration",
        ]);
      }
    },
  );

  test.prop([observation])("adding a metric reading within its range never worsens the status", (o) => {
    const before = appraise(o);
    const after = appraise({ ...o, metrics: { ...o.metrics, throughputKbps: { value: 100, unit: "kbit/s" } } });
    const order = ["none", "affirming", "warning", "contraindicated"];
    if (!o.metrics?.throughputKbps)
      expect(order.indexOf(after.status)).toBeLessThanOrEqual(Math.max(order.indexOf(before.status), 1));
  });

  it("appraises the tampered scanner of a fail-safe breach with the reaction chain", () => {
    const a = appraise({
      metrics: {
        cpuPercent: { value: 99, unit: "%" },
        bootSeconds: { value: 20, unit: "s" },
        throughputKbps: { value: 300, unit: "kbit/s" },
      },
      facts: { firmwareSignatureValid: false },
    });
    expect(a.status).toBe("contraindicated");
    expect(a.findings.find((f) => f.metric === "cpuPercent")).toMatchObject({
      verdict: "outside-failsafe",
      margin: -4,
    });
    expect(a.findings.find((f) => f.metric === "fact:firmwareSignatureValid")).toMatchObject({
      verdict: "outside-failsafe",
    });
  });

  it("names every kind of warning", () => {
    const a = appraise(
      {
        metrics: {
          cpuPercent: { value: 45, unit: "%" },
          bootSeconds: { value: 20, unit: "ms" },
          temperatureC: { value: 40, unit: "°C" },
        },
        activeServices: ["imaging", "telnet"],
        softwareVersions: { firmware: "4.1" },
      },
      "operating",
    );
    const verdicts = Object.fromEntries(a.findings.map((f) => [f.metric, f.verdict]));
    expect(verdicts).toMatchObject({
      cpuPercent: "outside-operating",
      bootSeconds: "unit-mismatch",
      throughputKbps: "missing",
      temperatureC: "unknown-metric",
      "service:telnet": "unexpected-service",
      "service:wifi-direct": "missing",
      "version:firmware": "version-mismatch",
    });
    expect(a.status).toBe("warning");
    expect(a.actions.map((x) => x.kind)).toEqual(["alert", "schedule-re-evaluation"]);
  });

  it("reads versions numerically: 4.10 is at least 4.2", () => {
    expect(
      appraise({ softwareVersions: { firmware: "4.10" } }).findings.find((f) => f.metric === "version:firmware")
        ?.verdict,
    ).toBe("within");
  });

  it("reports stale samples", () => {
    const r = compareRuntimeFacts(
      scannerProfile,
      { metrics: { cpuPercent: { value: 10, unit: "%", at: 0 } } },
      { stage: "operating", atMs: 301_000 },
    );
    expect(r.ok && r.value.findings.find((f) => f.metric === "cpuPercent")?.verdict).toBe("stale");
  });

  it("takes the time of the appraisal as atMs, and refuses a time named asOf (a date elsewhere)", () => {
    const r = compareRuntimeFacts(scannerProfile, {}, { stage: "operating", asOf: 301_000 } as never);
    expect(r).toMatchObject({ ok: false, issues: [{ code: "unknown-key", path: ["asOf"] }] });
  });

  it("affirms a healthy first boot", () => {
    const a = appraise(
      {
        metrics: {
          cpuPercent: { value: 70, unit: "%" },
          bootSeconds: { value: 12, unit: "s" },
          throughputKbps: { value: 0, unit: "kbit/s" },
        },
        facts: { bootLoaderVerified: true, firmwareSignatureValid: true },
        activeServices: ["imaging", "wifi-direct"],
        softwareVersions: { firmware: "4.2" },
      },
      "integration",
    );
    expect(a).toMatchObject({ status: "affirming", actions: [] });
  });

  it("refuses bad input with issues, and NaN is never affirming", () => {
    expect(
      compareRuntimeFacts(
        scannerProfile,
        { metrics: { cpuPercent: { value: Number.NaN, unit: "%" } } },
        { stage: "operating" },
      ),
    ).toMatchObject({ ok: false, issues: [{ code: "not-finite" }] });
    expect(compareRuntimeFacts(scannerProfile, {}, { stage: "failSafe" as "operating" })).toMatchObject({
      ok: false,
      issues: [{ code: "invalid-value", path: ["stage"] }],
    });
    expect(
      compareRuntimeFacts(scannerProfile, JSON.parse('{"metrics":{"__proto__":{"value":1,"unit":"%"}}}'), {
        stage: "operating",
      }),
    ).toMatchObject({ ok: false, issues: [{ code: "forbidden-key" }] });
  });

  test.prop([fc.anything()])("answers any observation with a result, its issues of its own codes", (input) => {
    const r = compareRuntimeFacts(scannerProfile, input, { stage: "operating" });
    if (!r.ok) expect(r.issues.filter((i) => !runtimeFactsIssueCodes.includes(i.code as never))).toEqual([]);
  });
});

describe("parseRuntimeProfile", () => {
  it("rejects ranges outside the fail-safe envelope", () => {
    const r = parseRuntimeProfile({
      schemaVersion: 1,
      identity: { name: "x", softwareVersions: [], activeServices: [] },
      metrics: {
        cpu: { unit: "%", integration: { max: 99 }, operating: { min: -5, max: 50 }, failSafe: { min: 0, max: 95 } },
      },
      endpoints: [],
    });
    expect(r).toMatchObject({
      ok: false,
      issues: [
        { code: "outside-envelope", path: ["metrics", "cpu", "integration"] },
        { code: "outside-envelope", path: ["metrics", "cpu", "operating"] },
      ],
    });
  });

  it("rejects empty and inverted ranges", () => {
    const r = parseRuntimeProfile({
      schemaVersion: 1,
      identity: { name: "x", softwareVersions: [], activeServices: [] },
      metrics: { a: { unit: "%", operating: {} }, b: { unit: "%", operating: { min: 5, max: 1 } } },
      endpoints: [],
    });
    expect(r.ok || r.issues.map((i) => i.code)).toEqual(["empty-range", "invalid-range"]);
  });
});

describe("names that every object inherits", () => {
  // Every name Object.prototype has that a profile may declare a metric, fact or component by.
  const inherited = Object.getOwnPropertyNames(Object.prototype).filter(
    (n) => /^[A-Za-z]/.test(n) && n !== "constructor",
  );

  test.prop([fc.constantFrom(...inherited), fc.constantFrom("integration", "operating" as const)])(
    "an unreported metric, fact or software component named like an Object.prototype member is missing, nothing else",
    (name, stage) => {
      const profile = parseRuntimeProfile({
        schemaVersion: 1,
        identity: {
          name: "Device",
          softwareVersions: [{ component: name, version: "1.0", match: "minimum" }],
          activeServices: [],
        },
        metrics: { [name]: { unit: "%", operating: { max: 40 }, failSafe: { max: 95 } } },
        facts: { failSafe: { [name]: true }, [stage]: { [name]: true } },
        endpoints: [],
      });
      if (!profile.ok) throw new Error(JSON.stringify(profile.issues));
      const r = compareRuntimeFacts(profile.value, { metrics: {}, facts: {}, softwareVersions: {} }, { stage });
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      expect(r.value.status).toBe("warning");
      expect(r.value.actions.map((a) => a.kind)).not.toContain("pause-operation");
      for (const f of r.value.findings) expect(f.verdict, f.explanation).toBe("missing");
    },
  );

  test.prop([fc.constantFrom(...inherited)])(
    "an observed metric named like an Object.prototype member is an unknown metric",
    (name) => {
      const r = appraise({ metrics: { [name]: { value: 1, unit: "%" } } });
      expect(r.findings.find((f) => f.metric === name)?.verdict).toBe("unknown-metric");
    },
  );
});

describe("compareRuntimeFacts' arguments", () => {
  it.each([
    ["null", null],
    ["an empty object", {}],
    ["a profile with a Map of metrics", { ...scannerProfile, metrics: new Map() }],
  ])("answers a profile that is %s with issues under profile", (_, profile) => {
    const r = compareRuntimeFacts(profile as never, {}, { stage: "operating" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.path[0]).toBe("profile");
  });

  it.each([
    ["null", null],
    ["a misspelt stage", { stage: "operation" }],
    ["an unknown option", { stage: "operating", asof: 1 }],
    [
      "a throwing getter",
      Object.defineProperty({}, "stage", {
        enumerable: true,
        get: () => {
          throw new Error("boom");
        },
      }),
    ],
  ])("answers options that are %s with issues", (_, options) => {
    expect(compareRuntimeFacts(scannerProfile, {}, options as never).ok).toBe(false);
  });
});

describe("a software component named like a member of every object", () => {
  const profileWith = (component: string) =>
    parseRuntimeProfile({
      schemaVersion: 1,
      identity: {
        name: "Device",
        softwareVersions: [{ component, version: "4.2", match: "minimum" }],
        activeServices: [],
      },
      metrics: {},
      endpoints: [],
    });

  it.each(["toString", "valueOf", "hasOwnProperty"])(
    "%s, not reported, is missing; reported, it is compared",
    (component) => {
      const profile = profileWith(component);
      if (!profile.ok) throw new Error(JSON.stringify(profile.issues));
      const missing = compareRuntimeFacts(profile.value, { softwareVersions: {} }, { stage: "operating" });
      expect(missing.ok && missing.value.findings.map((f) => f.verdict)).toEqual(["missing"]);
      const reported = compareRuntimeFacts(
        profile.value,
        { softwareVersions: { [component]: "4.10" } },
        { stage: "operating" },
      );
      expect(reported.ok && reported.value.findings.map((f) => f.verdict)).toEqual(["within"]);
    },
  );

  it.each(["constructor", "__proto__", "prototype"])("%s is refused: no observation could report it", (component) => {
    expect(profileWith(component)).toMatchObject({
      ok: false,
      issues: [{ path: ["identity", "softwareVersions", 0, "component"] }],
    });
  });
});
