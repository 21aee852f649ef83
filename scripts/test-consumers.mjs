// Consumer smoke test: packs every package, installs the tarballs (not the workspace) into a
// fresh project with npm, and uses the public API from Node ESM, Node CommonJS, TypeScript
// (moduleResolution node16 as ESM and as CommonJS, and bundler; strict, library types checked)
// and a browser bundle built with esbuild (its size reported, then run in Chromium when there
// is one). An export that only works inside the workspace fails here.
// Run after a build: node scripts/test-consumers.mjs   (pnpm test:consumers builds first)
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { packAll, publishedPackages, root, sh } from "./packages.mjs";

const here = join(root, "scripts", "consumers");
const work = mkdtempSync(join(tmpdir(), "miotsec-consumers-"));
const tarballs = join(work, "tarballs");
const project = join(work, "project");
mkdirSync(tarballs);
mkdirSync(project);
const step = (text) => console.log(`consumers: ${text}`);

// 1. Pack every package as it would be published.
const packed = packAll(tarballs);
const packages = publishedPackages().map((p) => p.dir);
const dependencies = Object.fromEntries([...packed].map(([name, tarball]) => [name, `file:${tarball}`]));
step(`packed ${packed.size} packages`);

// 2. Install them into a fresh project, each @miotsec dependency of another resolved to its tarball.
writeFileSync(
  join(project, "package.json"),
  JSON.stringify(
    { name: "miotsec-consumer", private: true, version: "1.0.0", dependencies, overrides: dependencies },
    null,
    2,
  ),
);
sh("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], project);
for (const dir of packages) {
  const installed = JSON.parse(readFileSync(join(project, "node_modules", "@miotsec", dir, "package.json"), "utf8"));
  for (const hook of ["preinstall", "install", "postinstall", "prepare"])
    if (installed.scripts?.[hook] !== undefined) throw new Error(`${installed.name} has an install script: ${hook}`);
}
step("installed the tarballs with npm; no package has an install script");

// 3. Node ESM and CommonJS.
const label = join(root, "examples", "labels", "ultrasound-wifi.label.json");
for (const file of ["esm.mjs", "cjs.cjs", "browser.mjs"]) copyFileSync(join(here, file), join(project, file));
const keys = join(root, "examples", "keys");
const privateKey = join(keys, "demo-only-manufacturer-es256.private.jwk.json");
const jwks = join(keys, "demo-only.jwks.json");
const signed = join(root, "examples", "signatures", "ultrasound-wifi.signed.label.json");
process.stdout.write(`consumers: ${sh(process.execPath, ["esm.mjs", label, privateKey, jwks, signed], project)}`);
process.stdout.write(`consumers: ${sh(process.execPath, ["cjs.cjs", label, jwks, signed], project)}`);

// The command, as npm installed it, runs its demo on the examples it ships.
sh(
  join(project, "node_modules", ".bin", "miotsec"),
  ["demo", "--out", "demo-report", "--as-of", "2026-11-28"],
  project,
);
const report = readFileSync(join(project, "demo-report", "index.html"), "utf8");
if (!report.includes('id="label-ultrasound-wifi"') || !report.includes('id="label-ultrasound-usbc"'))
  throw new Error("the installed command's demo report lacks the scanners' labels");
step("the installed miotsec command wrote its demo report from the examples it ships");

// 4. TypeScript, strict, with the libraries' own .d.ts checked (skipLibCheck false).
const typed = readFileSync(join(here, "typed.ts"), "utf8");
for (const name of ["typed.ts", "typed.mts", "typed.cts"]) writeFileSync(join(project, name), typed);
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
const compilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: false,
  target: "es2022",
  lib: ["es2022", "dom"],
  types: [],
};
const configs = {
  node16: { ...compilerOptions, module: "node16", moduleResolution: "node16", files: ["typed.mts", "typed.cts"] },
  bundler: { ...compilerOptions, module: "esnext", moduleResolution: "bundler", files: ["typed.ts"] },
};
for (const [name, { files, ...options }] of Object.entries(configs)) {
  writeFileSync(join(project, `tsconfig.${name}.json`), JSON.stringify({ compilerOptions: options, files }));
  try {
    sh(process.execPath, [tsc, "-p", `tsconfig.${name}.json`], project);
  } catch (error) {
    throw new Error(`tsc (${name}) failed:\n${error.stdout}`);
  }
  step(`tsc --noEmit, strict, moduleResolution ${name}: ok (${files.join(", ")})`);
}

// 5. A browser bundle of the label schema and the renderer.
const esbuild = join(root, "node_modules", ".bin", "esbuild");
sh(
  esbuild,
  [
    "browser.mjs",
    "--bundle",
    "--platform=browser",
    "--format=iife",
    "--minify",
    "--outfile=bundle.js",
    "--log-level=error",
  ],
  project,
);
const bundle = readFileSync(join(project, "bundle.js"));
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
step(
  `browser bundle (@miotsec/label + @miotsec/render, esbuild --minify): ${kb(bundle.length)}, ${kb(gzipSync(bundle).length)} gzip, ${kb(brotliCompressSync(bundle).length)} brotli`,
);
if (/\brequire\(["']node:/u.test(bundle.toString()) || /from ?["']node:/u.test(bundle.toString()))
  throw new Error("the browser bundle imports a Node.js module");

const chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
if (chromium === undefined) step("no Chromium at /usr/bin/chromium: the bundle was built but not run");
else {
  const { chromium: launcher } = createRequire(join(root, "packages", "render", "package.json"))("playwright-core");
  const browser = await launcher.launch({
    executablePath: chromium,
    headless: true,
    args: ["--no-sandbox", "--disable-background-networking"],
  });
  try {
    const page = await browser.newPage();
    await page.route("**/*", (route) => route.abort());
    await page.setContent("<!doctype html><title>consumer</title>");
    await page.addScriptTag({ content: bundle.toString() });
    const doc = JSON.parse(readFileSync(label, "utf8"));
    const result = await page.evaluate(([d]) => globalThis.miotsecRender(d, "2026-11-28"), [doc]);
    if (!result.ok || !result.svg.startsWith("<svg") || !result.qr.startsWith(doc.qrTarget))
      throw new Error(`the bundle did not render in Chromium: ${JSON.stringify(result).slice(0, 300)}`);
    step("the bundle parsed and rendered the wireless scanner's label in Chromium");

    // The same under a Content Security Policy without 'unsafe-eval', as in a locked-down
    // hospital web page: zod's schema compiler cannot use new Function there, and parsing must
    // fall back to zod's ordinary parser with the same answer.
    const strict = await browser.newPage();
    // The work runs in the page's own scripts, in its HTML: code evaluated or injected from
    // outside (page.evaluate, addScriptTag) is exempt from the policy's eval rule. The page is
    // made up here and served with the policy as a response header; nothing leaves the machine.
    const inline = (code) => code.replaceAll("</script", "<\\/script");
    const html = `<!doctype html><title>consumer</title><script>${inline(bundle.toString())}</script><script>
globalThis.evalProbe = (() => { try { new Function(""); return "allowed"; } catch (e) { return e.name; } })();
globalThis.strictResult = globalThis.miotsecRender(${inline(JSON.stringify(doc))}, "2026-11-28");
</script>`;
    await strict.route("**/*", (route) =>
      route.request().url() === "https://consumer.invalid/"
        ? route.fulfill({
            contentType: "text/html; charset=utf-8",
            headers: { "content-security-policy": "script-src 'unsafe-inline'" },
            body: html,
          })
        : route.abort(),
    );
    await strict.goto("https://consumer.invalid/");
    const probe = await strict.evaluate(() => globalThis.evalProbe);
    if (probe !== "EvalError") throw new Error(`the page's CSP did not refuse new Function (${probe})`);
    const strictResult = await strict.evaluate(() => globalThis.strictResult);
    if (JSON.stringify(strictResult) !== JSON.stringify(result)) {
      const [a, b] = [JSON.stringify(result), JSON.stringify(strictResult)];
      let i = 0;
      while (a[i] === b[i]) i++;
      throw new Error(
        `under a strict CSP the bundle answered differently, from character ${i}: ${a.slice(i - 80, i + 80)} | ${b.slice(i - 80, i + 80)}`,
      );
    }
    step("under a CSP without 'unsafe-eval' (new Function refused) the bundle gave the same label and picture");
  } finally {
    await browser.close();
  }
}
step("all consumers ok");
