import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { describeCatalog, describePolicy, isPaperPolicy, paperPolicy, resolvePolicy } from "./policy.js";

const policyArbitrary = fc.record({
  partial: fc.constantFrom("unmet", "met"),
  na: fc.constantFrom("fulfils", "unmet"),
  evidence: fc.constantFrom("enforce", "ignore"),
  rollUp: fc.constantFrom("minimum", "mean"),
  gating: fc.constantFrom("strict", "paper-example"),
} as const);

const paperWords =
  "the paper's policy, its gated rule read strictly: a level needs every requirement up to it (§IV-C's example awards one level more)";

describe("policies in words", () => {
  it("says the paper's policy is the paper's, and names each difference", () => {
    expect(describePolicy(paperPolicy)).toBe(paperWords);
    expect(describePolicy({ ...paperPolicy, gating: "paper-example" })).toBe(
      "not the paper's policy: the gated rule is read as the paper's example in §IV-C reads it: a criterion is awarded one level above the highest level it fulfils in full",
    );
    expect(describePolicy({ ...paperPolicy, na: "unmet", rollUp: "mean" })).toBe(
      "not the paper's policy: a not-applicable answer counts as unmet; dimensions and the overall level are the mean of their criteria, not the lowest",
    );
  });

  test.prop([policyArbitrary])("names one difference for each field that is not the paper's", (policy) => {
    const differing = (Object.keys(paperPolicy) as (keyof typeof paperPolicy)[]).filter(
      (k) => policy[k] !== paperPolicy[k],
    );
    const words = describePolicy(policy);
    expect(isPaperPolicy(policy)).toBe(differing.length === 0);
    expect(words === paperWords).toBe(differing.length === 0);
    if (differing.length > 0) expect(words.split("; ")).toHaveLength(differing.length);
    // A report's policy carries `paper` beside the five fields; it reads the same.
    expect(describePolicy({ ...policy, paper: false } as never)).toBe(words);
    // A report written before 0.2.0 has no gating: it was made with the strict one.
    const { gating, ...older } = policy;
    expect(describePolicy(older as never)).toBe(describePolicy({ ...policy, gating: "strict" }));
    expect(resolvePolicy(policy)).toEqual({ ok: true, value: policy });
  });

  test.prop([fc.anything()])("answers any value without throwing", (value) => {
    expect(typeof describePolicy(value as never)).toBe("string");
    expect(typeof isPaperPolicy(value as never)).toBe("boolean");
    expect(typeof describeCatalog(value as never)).toBe("string");
  });

  it("names a catalog, and the profiles that tailored it in order", () => {
    expect(describeCatalog({ id: "miot-maturity", version: "1.0.0" })).toBe("miot-maturity 1.0.0");
    expect(
      describeCatalog({
        id: "miot-maturity",
        version: "1.0.0",
        profiles: [
          { id: "clinic-a", version: "2", title: "Clinic A" },
          { id: "ward-3", title: "Ward 3" },
        ],
      }),
    ).toBe("miot-maturity 1.0.0, tailored by the profile clinic-a 2 (Clinic A), then by the profile ward-3 (Ward 3)");
    expect(describeCatalog(null as never)).toBe("an unknown catalog");
  });
});
