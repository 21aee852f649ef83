import { defineConfig } from "tsup";

/**
 * The build every package uses: `src/index.ts` (and any further entry point, by its output name)
 * to ESM and CommonJS with `.d.ts`/`.d.cts`, source maps, ES2022. Dependencies stay external
 * (tsup's default for `dependencies`).
 */
export function packageBuild(entries: Readonly<Record<string, string>> = {}) {
  return defineConfig({
    entry: { index: "src/index.ts", ...entries },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "es2022",
    treeshake: true,
  });
}
