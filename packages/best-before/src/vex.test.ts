import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { computeBestBefore } from "./best-before.js";
import { parseVex } from "./vex.js";
import type { VulnerabilityStatement } from "./vulnerability.js";
import { parseVulnerabilityStatements } from "./vulnerability.js";

const purl = "pkg:generic/wireless-scanner.example/us-w1@4.2.1";
const device = { purl };
const facts = {
  manufacturingDate: "2025-03-10",
  supportPeriodEnd: "2030-03-10",
  updates: [
    { date: "2025-11-02", security: true, version: "4.2.0" },
    { date: "2026-06-15", security: true, version: "4.2.1" },
  ],
  stillPurchasable: true,
  productLineActive: true,
};
const asOf = "2026-12-02";

/** One fact about one vulnerability, to be written in each of the three formats. */
interface Fact {
  readonly id: string;
  readonly status: "affected" | "under-investigation" | "fixed" | "not-affected";
  readonly published: string;
}
const cdxState = {
  affected: "exploitable",
  "under-investigation": "in_triage",
  fixed: "resolved",
  "not-affected": "not_affected",
};
const vexStatus = {
  affected: "affected",
  "under-investigation": "under_investigation",
  fixed: "fixed",
  "not-affected": "not_affected",
};
const csafList = {
  affected: "known_affected",
  "under-investigation": "under_investigation",
  fixed: "fixed",
  "not-affected": "known_not_affected",
};

const asCycloneDx = (fs: readonly Fact[], ref = purl) => ({
  bomFormat: "CycloneDX",
  specVersion: "1.6",
  serialNumber: "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79",
  components: [{ "bom-ref": "scanner", purl: ref, type: "device", name: "US-W1" }],
  vulnerabilities: fs.map((f) => ({
    id: f.id,
    published: `${f.published}T00:00:00Z`,
    analysis: {
      state: cdxState[f.status],
      ...(f.status === "not-affected" ? { justification: "code_not_present" } : {}),
    },
    affects: [{ ref: "scanner" }],
  })),
});
const asOpenVex = (fs: readonly Fact[], id = purl) => ({
  "@context": "https://openvex.dev/ns/v0.2.0",
  "@id": "https://wireless-scanner.example/vex/2026-12",
  author: "Wireless Scanner Manufacturer (example)",
  timestamp: "2026-12-01T00:00:00Z",
  version: 1,
  statements: fs.map((f) => ({
    vulnerability: { name: f.id },
    timestamp: `${f.published}T00:00:00Z`,
    products: [{ "@id": id }],
    status: vexStatus[f.status],
    ...(f.status === "not-affected" ? { justification: "vulnerable_code_not_present" } : {}),
  })),
});
const asCsaf = (fs: readonly Fact[], helper = purl) => ({
  document: {
    category: "csaf_vex",
    csaf_version: "2.0",
    title: "US-W1",
    publisher: {
      category: "vendor",
      name: "Wireless Scanner Manufacturer (example)",
      namespace: "https://wireless-scanner.example",
    },
    tracking: {
      id: "WSM-2026-12",
      initial_release_date: "2026-12-01T00:00:00Z",
      current_release_date: "2026-12-01T00:00:00Z",
      status: "final",
      version: "1",
      revision_history: [{ date: "2026-12-01T00:00:00Z", number: "1", summary: "First" }],
    },
  },
  product_tree: {
    branches: [
      {
        category: "vendor",
        name: "Wireless Scanner Manufacturer (example)",
        branches: [
          {
            category: "product_name",
            name: "US-W1",
            branches: [
              {
                category: "product_version",
                name: "4.2.1",
                product: {
                  product_id: "CSAFPID-0001",
                  name: "US-W1 4.2.1",
                  product_identification_helper: { purl: helper },
                },
              },
            ],
          },
        ],
      },
    ],
  },
  vulnerabilities: fs.map((f) => ({
    cve: f.id,
    release_date: `${f.published}T00:00:00Z`,
    product_status: { [csafList[f.status]]: ["CSAFPID-0001"] },
    ...(f.status === "not-affected"
      ? { flags: [{ label: "vulnerable_code_not_present", product_ids: ["CSAFPID-0001"] }] }
      : {}),
  })),
});
const writers = [asCycloneDx, asOpenVex, asCsaf] as const;

function statements(doc: unknown, product: Parameters<typeof parseVex>[1] = device): readonly VulnerabilityStatement[] {
  const r = parseVex(doc, product);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}
function date(vulnerabilities: readonly VulnerabilityStatement[], knownExploited: string[] = []) {
  const r = computeBestBefore(facts, { asOf, vulnerabilities, knownExploited });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const fact = fc.record({
  id: fc.integer({ min: 1000, max: 1020 }).map((n) => `CVE-2026-${n}`),
  status: fc.constantFrom("affected", "under-investigation", "fixed", "not-affected") as fc.Arbitrary<Fact["status"]>,
  published: fc
    .date({ min: new Date("2026-01-01T00:00:00Z"), max: new Date("2027-06-30T00:00:00Z"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
});
// One statement per vulnerability, as a document says each once.
const factSets = fc.uniqueArray(fact, { selector: (f) => f.id, maxLength: 8 });

describe("parseVex", () => {
  it.each(writers.map((w) => [w.name, w] as const))("reads %s: every status, matched to the device", (_, write) => {
    const fs: Fact[] = [
      { id: "CVE-2026-1", status: "affected", published: "2026-11-02" },
      { id: "CVE-2026-2", status: "under-investigation", published: "2026-11-03" },
      { id: "CVE-2026-3", status: "fixed", published: "2026-11-04" },
      { id: "CVE-2026-4", status: "not-affected", published: "2026-11-05" },
    ];
    expect(statements(write(fs)).map((s) => [s.id, s.status, s.published])).toEqual(
      fs.map((f) => [f.id, f.status, f.published]),
    );
    expect(statements(write(fs, "pkg:generic/another.example/device@1.0"))).toEqual([]);
  });

  it("matches a package URL without a version to every version, and one of another version to none", () => {
    const f: Fact[] = [{ id: "CVE-2026-1", status: "affected", published: "2026-11-02" }];
    expect(statements(asOpenVex(f, "pkg:generic/wireless-scanner.example/us-w1"))).toHaveLength(1);
    expect(statements(asOpenVex(f, "pkg:generic/wireless-scanner.example/us-w1@4.1.0"))).toHaveLength(0);
    expect(statements(asOpenVex(f), { purl: "pkg:generic/wireless-scanner.example/us-w1" })).toHaveLength(1);
    expect(statements(asCsaf(f, "pkg:generic/other/x@1"), { csafProductIds: ["CSAFPID-0001"] })).toHaveLength(1);
  });

  it("compares package URLs as the purl specification normalises them, not as strings", () => {
    const f: Fact[] = [{ id: "CVE-2026-1", status: "affected", published: "2026-11-02" }];
    // PyPI names are case-insensitive; a qualifier names the same product.
    expect(
      statements(asOpenVex(f, "pkg:PyPI/Django@4.2.1"), { purl: "pkg:pypi/django@4.2.1?arch=x86_64" }),
    ).toHaveLength(1);
    expect(statements(asOpenVex(f, "pkg:pypi/django@4.2.1"), { purl: "pkg:pypi/flask@4.2.1" })).toHaveLength(0);
    expect(statements(asOpenVex(f, "pkg:not a purl"), device)).toHaveLength(0);
  });

  it("takes severity, score and the fixing versions where the format gives them", () => {
    const bom = asCycloneDx([{ id: "CVE-2026-1", status: "affected", published: "2026-11-02" }]);
    const v = bom.vulnerabilities[0] as Record<string, unknown>;
    v.ratings = [
      { severity: "high", score: 8.1 },
      { severity: "critical", score: 9.8 },
    ];
    v.affects = [
      {
        ref: "scanner",
        versions: [
          { version: "4.3.0", status: "unaffected" },
          { version: "4.2.1", status: "affected" },
        ],
      },
    ];
    expect(statements(bom)[0]).toMatchObject({ severity: "critical", score: 9.8, fixedIn: ["4.3.0"] });
  });

  it("walks a deep product tree without recursing, and refuses a document of another kind", () => {
    let branch: Record<string, unknown> = {
      category: "product_version",
      name: "4.2.1",
      product: { product_id: "CSAFPID-0001", name: "x", product_identification_helper: { purl } },
    };
    for (let i = 0; i < 60; i++) branch = { category: "product_family", name: `f${i}`, branches: [branch] };
    const doc = {
      ...asCsaf([{ id: "CVE-2026-1", status: "affected", published: "2026-11-02" }]),
      product_tree: { branches: [branch] },
    };
    const r = parseVex(doc, device);
    // The guard refuses nesting beyond its depth with an issue, never a stack overflow.
    expect(r.ok ? r.value.length : r.issues[0]?.code).toBeDefined();
    expect(parseVex({ spdxVersion: "SPDX-2.3" }, device)).toMatchObject({
      ok: false,
      issues: [{ code: "unknown-format" }],
    });
    expect(parseVex(asOpenVex([]), {})).toMatchObject({ ok: false, issues: [{ path: ["product"] }] });
  });

  test.prop([fc.anything()], { numRuns: 200 })("answers anything with statements or issues, never a throw", (x) => {
    const r = parseVex(x, device);
    if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
  });
});

describe("vulnerabilities move the best-before date", () => {
  // Dates as people write them; the statement's type brands them once checked.
  const one = (f: Partial<Record<keyof VulnerabilityStatement, unknown>>): VulnerabilityStatement =>
    ({
      id: "CVE-2026-1234",
      aliases: [],
      status: "affected",
      fixedIn: [],
      source: { format: "openvex", document: "x" },
      ...f,
    }) as VulnerabilityStatement;

  it("an affecting one without a fix caps the date at publication plus its window, and says so", () => {
    const base = date([]);
    const r = date([one({ severity: "critical", published: "2026-11-02" })]);
    expect(base.bestBefore > "2027-01-01").toBe(true);
    expect(r.bestBefore).toBe("2027-01-01");
    expect(r.contributions.find((c) => c.factor === "vulnerability")?.explanation).toBe(
      "CVE-2026-1234, critical, affects the device, published 2026-11-02: fix due by 2027-01-01 (60 days).",
    );
    expect(r.inspection[0]).toMatchObject({ id: "apply-fix", action: "Apply the fix for CVE-2026-1234." });
  });

  it("a known exploited one gets 14 days; a window passed without a fix makes the label negative", () => {
    expect(date([one({ severity: "low", published: "2026-11-25" })], ["CVE-2026-1234"]).bestBefore).toBe("2026-12-09");
    const passed = date([one({ severity: "high", published: "2026-09-01" })]);
    expect(passed).toMatchObject({ bestBefore: "2026-10-31", status: "expired", label: "negative" });
    expect(passed.labelReasons).toContain("CVE-2026-1234 affects the device and its fix was due by 2026-10-31.");
  });

  it("a fix on record, a fixed or a not-affected statement change nothing; one under investigation makes the label limited", () => {
    const base = date([]);
    for (const s of [
      one({ published: "2026-11-02", fixedIn: ["4.2.1"] }),
      one({ status: "fixed", published: "2026-11-02" }),
      one({ status: "not-affected", justification: "vulnerable_code_not_present", published: "2026-11-02" }),
    ]) {
      const r = date([s]);
      expect(r.bestBefore).toBe(base.bestBefore);
      expect(r.label).toBe(base.label);
      expect(r.contributions.filter((c) => c.factor === "vulnerability")).toMatchObject([
        { days: 0, direction: "neutral" },
      ]);
    }
    // A justification is said in words; one no format defines (even a name every object has) as it is.
    const said = (justification: string) =>
      date([one({ status: "not-affected", justification })]).contributions.find((c) => c.factor === "vulnerability")
        ?.explanation;
    expect(said("code_not_present")).toBe(said("vulnerable_code_not_present"));
    expect(said("code_not_present")).toContain("the vulnerable code is not in the device");
    expect(said("constructor")).toBe("CVE-2026-1234, does not affect the device: constructor. No change.");
    const investigating = date([one({ status: "under-investigation", published: "2026-11-02" })]);
    expect(investigating).toMatchObject({ bestBefore: base.bestBefore, label: "limited" });
    expect(investigating.labelReasons).toContain("CVE-2026-1234 is under investigation by the manufacturer.");
  });

  test.prop([factSets, fact])("adding a statement never moves the date later", (fs, extra) => {
    const before = date(statements(asOpenVex(fs.filter((f) => f.id !== extra.id))));
    const after = date(statements(asOpenVex([...fs.filter((f) => f.id !== extra.id), extra])));
    expect(after.bestBefore <= before.bestBefore).toBe(true);
  });

  test.prop([factSets])("a not-affected or fixed statement never moves the date", (fs) => {
    const quiet = fs.map((f) => ({ ...f, status: f.status === "affected" ? ("fixed" as const) : f.status }));
    const r = date(statements(asOpenVex(quiet)));
    expect(r.bestBefore).toBe(date([]).bestBefore);
  });

  const reordered = factSets.chain((fs) =>
    fc.tuple(fc.constant(fs), fc.shuffledSubarray(fs, { minLength: fs.length, maxLength: fs.length })),
  );
  test.prop([reordered, fc.constantFrom(0, 1, 2), fc.constantFrom(0, 1, 2)])(
    "the date depends on the set of statements, not on their order or their format",
    ([fs, shuffled], a, b) => {
      const one = date(statements((writers[a] as (f: Fact[]) => unknown)(fs)));
      const other = date(statements((writers[b] as (f: Fact[]) => unknown)(shuffled)));
      expect([other.bestBefore, other.label, other.labelReasons]).toEqual([
        one.bestBefore,
        one.label,
        one.labelReasons,
      ]);
    },
  );
});

describe("parseVulnerabilityStatements", () => {
  it("checks a list once: computeBestBefore gives the same answer for it as for a copy it checks itself", () => {
    const list = statements(asOpenVex([{ id: "CVE-2026-1", status: "affected", published: "2026-11-02" }]));
    expect(Object.isFrozen(list)).toBe(true);
    const checked = parseVulnerabilityStatements(list);
    expect(checked.ok && checked.value).toBe(list);
    expect(date(list)).toEqual(date(structuredClone(list) as VulnerabilityStatement[]));
  });

  it("answers what is not a list of statements with issues under vulnerabilities", () => {
    const r = computeBestBefore(facts, { asOf, vulnerabilities: [{ id: "x" }] as never });
    expect(r.ok ? [] : r.issues.map((i) => i.path[0])).toContain("vulnerabilities");
    const options = Object.defineProperty({ asOf }, "vulnerabilities", {
      enumerable: true,
      get() {
        throw new Error("no");
      },
    });
    expect(computeBestBefore(facts, options as never)).toMatchObject({
      ok: false,
      issues: [{ code: "unreadable-input" }],
    });
  });
});
