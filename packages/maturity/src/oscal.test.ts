import { readFileSync } from "node:fs";
import { fc, test } from "@fast-check/vitest";
import { unwrap } from "@miotsec/core";
import { miotCatalog } from "@miotsec/criteria";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { assessmentArbitrary } from "./arbitraries.test-support.js";
import { assess } from "./assess.js";
import { toOscalAssessmentResults } from "./oscal.js";

// NIST's published OSCAL assessment-results JSON schema (OSCAL 1.2.1, draft-07), a test fixture.
const schema = JSON.parse(
  readFileSync(new URL("../test-fixtures/oscal_assessment-results_schema.json", import.meta.url), "utf8"),
);
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);
const valid = (doc: unknown) =>
  validate(JSON.parse(JSON.stringify(doc))) ? true : JSON.stringify(validate.errors?.slice(0, 3));

function report(a: unknown) {
  const r = assess(miotCatalog, a);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe("toOscalAssessmentResults", () => {
  test.prop([
    assessmentArbitrary,
    fc.constantFrom(undefined, { kind: "device" as const, id: "us-17", name: "Ultrasound scanner\nward 3" }),
  ])("is valid against NIST's OSCAL assessment-results schema for every report", (a, subject) => {
    expect(valid(unwrap(toOscalAssessmentResults(report(subject ? { ...a, subject } : a))))).toBe(true);
  });

  test.prop([assessmentArbitrary])("is deterministic, byte for byte", (a) => {
    const r = report(a);
    expect(JSON.stringify(unwrap(toOscalAssessmentResults(r)))).toBe(
      JSON.stringify(unwrap(toOscalAssessmentResults(structuredClone(r)))),
    );
  });

  it("has one finding per requirement, satisfied exactly when fulfilled", () => {
    const r = report({
      schemaVersion: 1,
      asOf: "2026-11-28",
      answers: { "organisation.1.1": "met", "updates.1.1": "unmet" },
      facts: { securityEventsLastYear: 3 },
    });
    const doc = unwrap(toOscalAssessmentResults(r))["assessment-results"] as {
      results: Array<{
        findings: Array<{
          target: { "target-id": string; status: { state: string; reason: string } };
          description: string;
        }>;
        observations: unknown[];
      }>;
    };
    const findings = doc.results[0]?.findings ?? [];
    expect(findings).toHaveLength(81);
    const byTarget = Object.fromEntries(findings.map((f) => [f.target["target-id"], f]));
    expect(byTarget["organisation.1.1_smt"]?.target.status).toEqual({ state: "satisfied", reason: "pass" });
    expect(byTarget["updates.1.1_smt"]?.target.status).toEqual({ state: "not-satisfied", reason: "fail" });
    expect(byTarget["updates.1.1_smt"]?.description).toBe("Answered not met.");
    expect(byTarget["usability.1.1_smt"]?.target.status).toMatchObject({ state: "not-satisfied", reason: "other" });
    expect(doc.results[0]?.observations).toHaveLength(7);
  });

  test.prop([assessmentArbitrary])(
    "says what was answered or measured in words, keeping the code in its answer prop",
    (a) => {
      const doc = unwrap(toOscalAssessmentResults(report(a)))["assessment-results"] as {
        results: Array<{
          observations?: Array<{ description: string; props: Array<{ name: string; value: string }> }>;
        }>;
      };
      const words = { met: "met", partial: "partly met", unmet: "not met", na: "not applicable", unknown: "not known" };
      for (const o of doc.results[0]?.observations ?? []) {
        const answer = o.props.find((p) => p.name === "answer")?.value as keyof typeof words | undefined;
        if (o.description.startsWith("Measured value: ")) {
          for (const f of miotCatalog.facts)
            if (f.kind === "ordinal")
              for (const v of f.values.filter((x) => x.includes("-"))) expect(o.description).not.toContain(`: ${v}.`);
        } else expect(o.description).toBe(`Answered ${answer === undefined ? "?" : words[answer]}.`);
      }
    },
  );

  it("records the policy: paper for the default, each field with the gating otherwise", () => {
    const a = { schemaVersion: 1, asOf: "2026-11-28", answers: {} };
    const policyOf = (policy: object) => {
      const doc = unwrap(toOscalAssessmentResults(unwrap(assess(miotCatalog, a, { policy }))))[
        "assessment-results"
      ] as {
        results: Array<{ props: Array<{ name: string; value: string }>; description: string }>;
      };
      const result = doc.results[0];
      return [result?.props.find((p) => p.name === "policy")?.value, result?.description];
    };
    expect(policyOf({})[0]).toBe("paper");
    const [value, description] = policyOf({ gating: "paper-example" });
    expect(value).toBe("partial=unmet;na=fulfils;evidence=enforce;roll-up=minimum;gating=paper-example");
    expect(description).toContain("Level 1 (beginnings)");
    expect(description).toContain("read as the paper's example in §IV-C reads it");
  });
});
