import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type BuildOptions, build } from "esbuild";
import { defineConfig, type Plugin } from "vite";

const here = (path: string) => new URL(path, import.meta.url).pathname;

/** One file of src/ bundled by esbuild, as text; a build that writes nothing is an error, not an empty script. */
async function bundled(
  entry: string,
  options: Omit<BuildOptions, "entryPoints" | "bundle" | "write">,
): Promise<string> {
  const result = await build({
    entryPoints: [here(entry)],
    bundle: true,
    target: "es2022",
    write: false,
    logLevel: "silent",
    ...options,
  });
  const text = result.outputFiles[0]?.text;
  if (text === undefined || text === "") throw new Error(`esbuild wrote nothing for ${entry}`);
  return text;
}

/** The first render of a first visit, from src/prerender.tsx run in Node.js. */
async function prerendered(): Promise<string> {
  const code = await bundled("src/prerender.tsx", {
    // The modules the page runs (their browser builds), run here by Node.js.
    platform: "browser",
    format: "esm",
    jsx: "automatic",
    jsxImportSource: "preact",
  });
  const module = await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);
  return module.prerender();
}

/** src/boot.ts as one small classic script, with the studio's script written in. */
function bootScript(studioScript: string): Promise<string> {
  return bundled("src/boot.ts", {
    format: "iife",
    minify: true,
    define: { __STUDIO_SCRIPT__: JSON.stringify(studioScript) },
  });
}

/**
 * The studio is a static page that works from any static host and from `file://`. Chromium
 * does not load module scripts from other files of a `file://` page, so the script is one
 * classic script file (`format: "iife"`, loaded with `defer`), and the stylesheet a plain link:
 * neither may carry `crossorigin`, which asks for CORS that `file://` cannot give. The page's
 * Content Security Policy allows scripts and styles of its own origin only (`'self'`), no
 * inline code, no eval and no connection of any kind (`connect-src 'none'`), so the page cannot
 * send what it holds.
 *
 * The page holds the studio's first render of a first visit, the blank questionnaire
 * (src/prerender.tsx), hidden and inert, and runs src/boot.ts first, which shows it when the
 * studio will open on it and then starts the studio's script: the questionnaire is on screen
 * before the libraries have started, where the page was empty until they had.
 */
function staticPage(): Plugin {
  const policy = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "connect-src 'none'",
    "font-src 'none'",
    "object-src 'none'",
    "media-src 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
    "manifest-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  return {
    name: "miotsec-studio-static-page",
    enforce: "post",
    apply: "build",
    // After every other plugin has written the page, so that what is checked is what ships.
    async writeBundle(options, bundle) {
      const dir = options.dir ?? "dist";
      const entry = Object.values(bundle).find((file) => file.type === "chunk" && file.isEntry);
      if (entry === undefined) throw new Error("no entry script in the bundle");
      const opening = await prerendered();
      const boot = await bootScript(`./${entry.fileName}`);
      const bootName = `assets/boot-${createHash("sha256").update(boot).digest("hex").slice(0, 8)}.js`;
      writeFileSync(join(dir, bootName), boot);
      for (const file of Object.values(bundle)) {
        if (!file.fileName.endsWith(".html")) continue;
        const path = join(dir, file.fileName);
        let html = readFileSync(path, "utf8")
          .replace(/<script type="module" crossorigin src="[^"]+"><\/script>\n?\s*/g, "")
          .replace(/<link rel="stylesheet" crossorigin (href="[^"]+")>/g, '<link rel="stylesheet" $1>');
        if (!html.includes('<div id="app"></div>'))
          throw new Error(`${path}: no empty <div id="app"> to write the first render into`);
        if (!html.includes("</title>")) throw new Error(`${path}: no <title> to put the first script after`);
        html = html
          .replace("</title>", `</title>\n    <script defer src="./${bootName}"></script>`)
          // A function, so that a "$" in the page's text is not read as a replacement pattern.
          .replace('<div id="app"></div>', () => `<div id="app" class="booting" inert>${opening}</div>`);
        if (/crossorigin|type="module"|<script>|<style/.test(html))
          throw new Error(`${path}: a module script, an inline script or style, or crossorigin is left`);
        if (!html.includes('<meta charset="utf-8" />'))
          throw new Error(`${path}: no charset meta to put the policy after`);
        html = html.replace(
          '<meta charset="utf-8" />',
          `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`,
        );
        writeFileSync(path, html);
      }
    },
  };
}

export default defineConfig({
  base: "./",
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    target: "es2022",
    sourcemap: false,
    reportCompressedSize: false,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    cssCodeSplit: false,
    // One script by design (see above); its budget is size-limit's, in package.json.
    chunkSizeWarningLimit: 1000,
    rollupOptions: { output: { format: "iife", entryFileNames: "assets/studio-[hash].js" } },
  },
  plugins: [staticPage()],
  preview: { host: "127.0.0.1" },
});
