import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { defineConfig, type Plugin } from "vite";

/**
 * The studio is a static page that works from any static host and from `file://`. Chromium
 * does not load module scripts from other files of a `file://` page, so the script is one
 * classic script file (`format: "iife"`, loaded with `defer`), and the stylesheet a plain link:
 * neither may carry `crossorigin`, which asks for CORS that `file://` cannot give. The page's
 * Content Security Policy allows scripts and styles of its own origin only (`'self'`), no
 * inline code, no eval and no connection of any kind (`connect-src 'none'`), so the page cannot
 * send what it holds.
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
    writeBundle(options, bundle) {
      for (const file of Object.values(bundle)) {
        if (!file.fileName.endsWith(".html")) continue;
        const path = join(options.dir ?? "dist", file.fileName);
        let html = readFileSync(path, "utf8")
          .replace(/<script type="module" crossorigin (src="[^"]+")><\/script>/g, "<script defer $1></script>")
          .replace(/<link rel="stylesheet" crossorigin (href="[^"]+")>/g, '<link rel="stylesheet" $1>');
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
