import { defineConfig } from "tsup";

/**
 * The build every package uses: `src/index.ts` to ESM and CommonJS with `.d.ts`/`.d.cts`,
 * source maps, ES2022. Dependencies stay external (tsup's default for `dependencies`).
 */
export function packageBuild() {
  return defineConfig({
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "es2022",
    treeshake: true,
  });
}
