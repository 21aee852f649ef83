import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string };

// The library entry (`run`) is ESM and CommonJS like every package; its commands are chunks
// loaded when they run. The command is one small ESM file with a shebang that imports
// `./index.js` (kept external), so it shares the ESM chunks instead of bundling a second copy,
// and has the version written in. The two builds run at once, so neither cleans: the build
// script empties dist first.
export default defineConfig([
  {
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: false,
    target: "es2022",
    treeshake: true,
    // import.meta.url in the CommonJS build too (the demo finds its shipped examples by it).
    shims: true,
  },
  {
    entry: { bin: "src/bin.ts" },
    format: ["esm"],
    sourcemap: true,
    target: "es2022",
    banner: { js: "#!/usr/bin/env node" },
    external: ["./index.js"],
    define: { __MIOTSEC_CLI_VERSION__: JSON.stringify(version) },
  },
]);
