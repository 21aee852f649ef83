// The Write journey names each issue of the label by the field it concerns, as the form labels
// it, where the label's parser names it by its JSON path ("$.identity.versions.hardware"), and
// says the form's "Not disclosed" where the parser quotes the value "not-disclosed".
import { readFileSync } from "node:fs";
import { fc, test } from "@fast-check/vitest";
import { formatPath, type Issue } from "@miotsec/core";
import { labelJsonSchema, parseLabel } from "@miotsec/label";
import { describe, expect, it } from "vitest";
import { emptyOf, issueWords, type Path, type SchemaNode, setIn } from "../src/write/json-schema.js";

const schema = labelJsonSchema() as SchemaNode;
const full: unknown = JSON.parse(
  readFileSync(new URL("../../../examples/labels/infusion-pump-full.label.json", import.meta.url), "utf8"),
);
const issuesOf = (doc: unknown): readonly Issue[] => {
  const r = parseLabel(doc);
  return r.ok ? [] : r.issues;
};
/** The issue of `doc` at `path`; the test fails when there is none. */
const issueAt = (doc: unknown, path: Path): Issue => {
  const found = issuesOf(doc).find((i) => JSON.stringify(i.path) === JSON.stringify(path));
  if (found === undefined) throw new Error(`no issue at ${JSON.stringify(path)}`);
  return found;
};

/** Every path to a value inside the example label. */
function pathsOf(value: unknown, path: Path = []): Path[] {
  if (value === null || typeof value !== "object") return [path];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [path, ...entries.flatMap(([k, v]) => pathsOf(v, [...path, k]))];
}
const paths = pathsOf(full).filter((p) => p.length > 0);

describe("issueWords", () => {
  it("names a field by its way from the top above the form, and by its own name beside it", () => {
    const hardware = issueAt(emptyOf(schema), ["identity", "versions", "hardware"]);
    expect(hardware.message).toBe('$.identity.versions.hardware must be a value, "not-disclosed" or "not-applicable".');
    expect(issueWords(schema, hardware, true)).toBe(
      "Identity › Versions › Hardware must be a value, “Not disclosed” or “Not applicable”.",
    );
    expect(issueWords(schema, hardware, false)).toBe("Hardware must be a value, “Not disclosed” or “Not applicable”.");
    expect(issueWords(schema, issueAt(emptyOf(schema), ["id"]), false)).toBe("Id is required but missing.");
    expect(issueWords(schema, issueAt(emptyOf(schema), ["qrTarget"]), true)).toBe(
      "QR code target (https URL) is required but missing.",
    );
  });

  it("names a list's entry as the form does, and an entry of a record by its own name", () => {
    const unit = ["components", "sensors", 1, "unit"];
    expect(issueWords(schema, issueAt(setIn(full, unit, 5), unit), true)).toBe(
      "Components › Sensors 2 › Unit must be of type string, got a number.",
    );
    const metric = ["runtime", "metrics", "cpuPercent", "unit"];
    expect(issueWords(schema, issueAt(setIn(full, metric, 5), metric), true)).toBe(
      "Runtime › Metrics › cpuPercent › Unit must be of type string, got a number.",
    );
    const unknown = ["identity", "foo"];
    expect(issueWords(schema, issueAt(setIn(full, unknown, 1), unknown), true)).toBe(
      "Identity › foo is not a known field; remove it or check its spelling.",
    );
  });

  it("leaves a message that does not start with its path as it is", () => {
    const issue: Issue = { code: "invalid-value", path: ["runtime"], message: "The operating range lies outside." };
    expect(issueWords(schema, issue, true)).toBe(issue.message);
    expect(issueWords(schema, { ...issue, path: [] }, true)).toBe(issue.message);
  });

  test.prop([fc.constantFrom(...paths), fc.oneof(fc.constant(null), fc.integer(), fc.string(), fc.constant({}))], {
    numRuns: 200,
  })("words every issue of a label with one wrong value without a JSON path or a quoted answer", (path, value) => {
    for (const issue of issuesOf(setIn(full, path, value))) {
      const at = formatPath(issue.path);
      for (const whole of [true, false]) {
        const words = issueWords(schema, issue, whole);
        expect(words).not.toMatch(/"not-(disclosed|applicable)"/);
        if (at.ok && issue.path.length > 0 && issue.message.startsWith(`${at.value} `)) {
          const problem = issue.message
            .slice(at.value.length + 1)
            .replaceAll('"not-disclosed"', "“Not disclosed”")
            .replaceAll('"not-applicable"', "“Not applicable”");
          expect(words.endsWith(` ${problem}`)).toBe(true);
          const field = words.slice(0, -problem.length - 1);
          expect(field).not.toBe("");
          expect(field).not.toContain("$");
        }
      }
    }
  });
});
