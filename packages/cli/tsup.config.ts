import { defineConfig } from "tsup";

// The library entry (`run`) is ESM and CommonJS like every package; its commands are chunks
// loaded when they run. The command is one small ESM file with a shebang that imports the
// package by its own name, so it shares the ESM chunks instead of bundling a second copy. The
// two builds run at once, so neither cleans: the build script empties dist first.
export default defineConfig([
  {
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: false,
    target: "es2022",
    treeshake: true,
  },
  {
    entry: { bin: "src/bin.ts" },
    format: ["esm"],
    sourcemap: true,
    target: "es2022",
    banner: { js: "#!/usr/bin/env node" },
    external: ["@miotsec/cli"],
  },
]);
