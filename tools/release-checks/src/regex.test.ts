// Every regular expression in the packages is checked by recheck, which searches for inputs that
// make a backtracking engine take super-linear time (ReDoS). Only "safe" passes.
import { checkSync } from "recheck";
import { describe, expect, it } from "vitest";
import { type FoundRegex, regexesOf, root, sourceFiles } from "./sources.test-support.js";

const regexes: FoundRegex[] = sourceFiles().flatMap((file) => regexesOf(file));
const where = (r: FoundRegex) => `${r.file.slice(root.length)}:${r.line} /${r.source}/${r.flags}`;

describe("regular expressions", () => {
  it("are found in every package's sources, literals and RegExp calls alike", () => {
    expect(regexes.length).toBeGreaterThan(20);
    const sample = regexesOf("x.ts", 'const a = /^a+$/u; const b = new RegExp("b*", "g"); const c = RegExp(name);');
    expect(sample.map((r) => [r.source, r.flags])).toEqual([
      ["^a+$", "u"],
      ["b*", "g"],
      ["<dynamic>", ""],
    ]);
  });

  it("has a checker that catches a vulnerable one", () => {
    expect(checkSync("^(a+)+$", "").status).toBe("vulnerable");
  });

  it("are built from literals only, never from data", () => {
    expect(regexes.filter((r) => r.source === "<dynamic>").map(where)).toEqual([]);
  });

  it.each(regexes.map((r) => [where(r), r] as const))("%s is safe", (_, r) => {
    const result = checkSync(r.source, r.flags);
    expect(
      result.status,
      result.status === "vulnerable" ? `attack: ${JSON.stringify(result.attack?.string ?? "").slice(0, 80)}` : "",
    ).toBe("safe");
  });
});
