import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { compareRuntimeFacts } from "./compare.js";
import { parseRuntimeProfile } from "./profile.js";
import { compareVersions } from "./versions.js";

const sign = (n: number | undefined) => (n === undefined ? undefined : Math.sign(n));

/** The verdict on a reported firmware version against a declared minimum. */
function verdict(declared: string, reported: string): string | undefined {
  const profile = parseRuntimeProfile({
    schemaVersion: 1,
    identity: {
      name: "Pump",
      softwareVersions: [{ component: "firmware", version: declared, match: "minimum" }],
      activeServices: [],
    },
    metrics: {},
    endpoints: [],
  });
  if (!profile.ok) throw new Error("the profile is valid");
  const r = compareRuntimeFacts(profile.value, { softwareVersions: { firmware: reported } }, { stage: "operating" });
  return r.ok ? r.value.findings[0]?.verdict : undefined;
}

describe("a declared minimum version", () => {
  it("is not met by its own pre-release", () => {
    expect(verdict("4.2.1", "4.2.1-rc1")).toBe("version-mismatch");
    expect(verdict("4.2.1", "4.2.1-alpha.1")).toBe("version-mismatch");
    expect(verdict("4.2", "4.2.0-rc1")).toBe("version-mismatch");
  });
  it("is met by the release with build metadata, which does not order", () => {
    expect(verdict("4.2.1", "4.2.1+build5")).toBe("within");
    expect(compareVersions("4.2.1+build5", "4.2.1+build9")).toBe(0);
  });
  it("orders numbers as numbers and a shortened version as completed with zeros", () => {
    expect(verdict("4.2", "4.10")).toBe("within");
    expect(verdict("4.10", "4.9.9")).toBe("version-mismatch");
    expect(verdict("4", "4.0.0")).toBe("within");
  });
  it("orders firmware versions that are not semver by their whole numbers", () => {
    expect(verdict("2024.03", "2024.3")).toBe("within");
    expect(verdict("2024.03", "2024.02")).toBe("version-mismatch");
    expect(verdict("12.4.0", "12.4.0 build 77")).toBe("within");
    expect(verdict("12.4.0 build 78", "12.4.0 build 77")).toBe("version-mismatch");
    expect(verdict("12.4.0 build 77", "12.5")).toBe("within");
  });
  it("says when a version cannot be ordered", () => {
    expect(compareVersions("latest", "1.0")).toBeUndefined();
    expect(verdict("1.0", "latest")).toBe("version-mismatch");
  });
});

// An independent oracle of Semantic Versioning 2.0.0, section 11, for the versions drawn here.
const identifier = fc.oneof(fc.nat({ max: 30 }).map(String), fc.stringMatching(/^[a-z][a-z0-9]{0,4}$/));
const semverArb = fc.record({
  core: fc.tuple(fc.nat({ max: 20 }), fc.nat({ max: 20 }), fc.nat({ max: 20 })),
  pre: fc.array(identifier, { maxLength: 3 }),
  build: fc.array(fc.stringMatching(/^[a-z0-9]{1,5}$/), { maxLength: 2 }),
});
type Drawn = typeof semverArb extends fc.Arbitrary<infer T> ? T : never;
const text = (v: Drawn) =>
  `${v.core.join(".")}${v.pre.length ? `-${v.pre.join(".")}` : ""}${v.build.length ? `+${v.build.join(".")}` : ""}`;
function oracle(a: Drawn, b: Drawn): number {
  for (let i = 0; i < 3; i++) if (a.core[i] !== b.core[i]) return Math.sign((a.core[i] ?? 0) - (b.core[i] ?? 0));
  if (a.pre.length === 0 || b.pre.length === 0) return Math.sign(b.pre.length - a.pre.length) || 0;
  for (let i = 0; i < Math.min(a.pre.length, b.pre.length); i++) {
    const x = a.pre[i] as string;
    const y = b.pre[i] as string;
    if (x === y) continue;
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    if (nx && ny) return Math.sign(Number(x) - Number(y));
    if (nx !== ny) return nx ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return Math.sign(a.pre.length - b.pre.length);
}

test.prop([semverArb, semverArb])("orders semver versions as Semantic Versioning 2.0.0 does", (a, b) => {
  expect(sign(compareVersions(text(a), text(b)))).toBe(oracle(a, b));
});

const firmware = fc.array(fc.nat({ max: 3000 }), { minLength: 1, maxLength: 5 }).chain((numbers) =>
  fc
    .array(fc.constantFrom(".", " build ", "_", "-r", " "), {
      minLength: numbers.length - 1,
      maxLength: numbers.length - 1,
    })
    .map((seps) =>
      numbers.map((n, i) => `${i > 0 ? seps[i - 1] : ""}${String(n).padStart(i === 1 ? 2 : 1, "0")}`).join(""),
    ),
);

test.prop([fc.oneof(firmware, semverArb.map(text)), fc.oneof(firmware, semverArb.map(text))])(
  "is an order: antisymmetric, and every version is the same as itself",
  (a, b) => {
    expect(sign(compareVersions(a, a))).toBe(0);
    expect(sign(compareVersions(a, b))).toBe(-(sign(compareVersions(b, a)) as number) || 0);
  },
);
