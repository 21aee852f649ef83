import { defineConfig } from "tsup";

// The command is one ESM file with a shebang; the library entry (`run`) is ESM and CommonJS
// like every package. The two builds run at once, so neither cleans: the build script empties
// dist first.
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
  },
]);
