// The release dry run: `changeset version` offline on a fresh clone with a sample changeset.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { root } from "./sources.test-support.js";

describe("release dry run", () => {
  it("bumps every package with a changeset and writes its changelog, offline", () => {
    const out = execFileSync(process.execPath, [`${root}scripts/release-dry-run.mjs`, "--json"], { encoding: "utf8" });
    const result = JSON.parse(out) as { packages: { name: string; from: string; to: string }[]; problems: string[] };
    expect(result.problems).toEqual([]);
    expect(result.packages).toHaveLength(10);
    const core = result.packages.find((p) => p.name === "@miotsec/core");
    expect(core?.to).not.toBe(core?.from);
    expect(result.packages.map((p) => p.name)).not.toContain("@miotsec/release-checks");
  });
});
