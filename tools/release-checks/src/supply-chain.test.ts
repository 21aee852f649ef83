// The supply-chain rules of every published package: few runtime dependencies, each named in
// the README with why; no install scripts; provenance on publish; only dist/ in the tarball.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageDirs, root } from "./sources.test-support.js";

const packages = packageDirs.map((dir) => ({
  dir,
  manifest: JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8")) as {
    name: string;
    scripts?: Record<string, string>;
    dependencies?: Record<string, string>;
    publishConfig?: { provenance?: boolean; access?: string };
    sideEffects?: boolean;
    files?: string[];
  },
  readme: readFileSync(join(root, "packages", dir, "README.md"), "utf8"),
}));

describe("supply chain", () => {
  it("covers every published package", () => {
    expect(packages.map((p) => p.manifest.name)).toContain("@miotsec/core");
    expect(packages).toHaveLength(10);
  });

  it.each(packages.map((p) => [p.manifest.name, p] as const))("%s follows the rules", (_, p) => {
    const { manifest, readme } = p;
    for (const hook of ["preinstall", "install", "postinstall", "prepare", "prepublish"])
      expect(manifest.scripts?.[hook], `${manifest.name} has no ${hook} script`).toBeUndefined();
    expect(manifest.publishConfig).toMatchObject({ provenance: true, access: "public" });
    expect(manifest.sideEffects).toBe(false);
    expect(manifest.files).toEqual(["dist"]);
    const dependencies = Object.keys(manifest.dependencies ?? {});
    const external = dependencies.filter((d) => !d.startsWith("@miotsec/"));
    expect(external.length, `${manifest.name}: ${external.join(", ")}`).toBeLessThanOrEqual(3);
    const section = /^## Dependencies\n([\s\S]*?)(?=^## |(?![\s\S]))/mu.exec(readme)?.[1] ?? "";
    expect(section, `${manifest.name}: README has a Dependencies section`).not.toBe("");
    for (const d of dependencies) expect(section, `${manifest.name}: README names ${d}`).toContain(`\`${d}\``);
    for (const d of external) {
      const line = section.split("\n").find((l) => l.includes(`\`${d}\``)) ?? "";
      expect(line, `${manifest.name}: README says why ${d}`).toMatch(/:\s+\S/u);
    }
  });
});
