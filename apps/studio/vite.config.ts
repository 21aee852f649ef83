import { createHash } from "node:crypto";
import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
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
 * does not load module scripts from other files of a `file://` page, so the studio's script is
 * one classic script file (`format: "iife"`), which must not carry `crossorigin` (it asks for
 * CORS that `file://` cannot give). The page's Content Security Policy allows scripts and styles
 * of its own origin (`'self'`) and, inline, only the page's stylesheet and first script, each
 * named by its SHA-256 hash; no other inline code, no eval and no connection of any kind
 * (`connect-src 'none'`), so the page cannot send what it holds.
 *
 * The page holds the studio's first render of a first visit, the blank questionnaire
 * (src/prerender.tsx), hidden and inert, and runs src/boot.ts at its end, which shows it when the
 * studio will open on it and then starts the studio's script: the questionnaire is on screen
 * before the libraries have started, where the page was empty until they had. The stylesheet
 * and the first script are in the page, not files beside it, so that showing the questionnaire
 * waits for no other file.
 */
function staticPage(): Plugin {
  /** A Content Security Policy source that allows the one inline script or style with this text. */
  const hashSource = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
  const policy = (script: string, style: string) =>
    [
      "default-src 'none'",
      `script-src 'self' ${hashSource(script)}`,
      `style-src 'self' ${hashSource(style)}`,
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
      const stylesheets = Object.values(bundle).filter((f) => f.type === "asset" && f.fileName.endsWith(".css"));
      const stylesheet = stylesheets[0];
      if (stylesheet?.type !== "asset" || stylesheets.length !== 1) throw new Error("not exactly one stylesheet");
      const style =
        typeof stylesheet.source === "string" ? stylesheet.source : new TextDecoder().decode(stylesheet.source);
      const opening = await prerendered();
      const boot = await bootScript(`./${entry.fileName}`);
      // The HTML parser ends an inline element at the first "</style" or "</script", whatever
      // the case; a comment opened in a script changes how it reads one.
      if (/<\/style/i.test(style)) throw new Error(`${stylesheet.fileName} holds "</style", so it cannot be inline`);
      if (/<\/script|<!--/i.test(boot)) throw new Error('the first script holds "</script" or "<!--"');
      for (const file of Object.values(bundle)) {
        if (!file.fileName.endsWith(".html")) continue;
        const path = join(dir, file.fileName);
        let html = readFileSync(path, "utf8").replace(
          /<script type="module" crossorigin src="[^"]+"><\/script>\n?\s*/g,
          "",
        );
        for (const [needle, what] of [
          ['<div id="app"></div>', 'an empty <div id="app"> to write the first render into'],
          ["</body>", "a </body> to put the first script before"],
          ['<meta charset="utf-8" />', "a charset meta to put the policy after"],
        ] as const)
          if (!html.includes(needle)) throw new Error(`${path}: no ${what}`);
        const link = `<link rel="stylesheet" crossorigin href="./${stylesheet.fileName}">`;
        if (!html.includes(link))
          throw new Error(`${path}: no link to ${stylesheet.fileName} to put the stylesheet in place of`);
        // Functions, so that a "$" in the page's text is not read as a replacement pattern.
        html = html
          .replace(link, () => `<style>${style}</style>`)
          .replace('<div id="app"></div>', () => `<div id="app" class="booting" inert>${opening}</div>`)
          .replace("</body>", () => `  <script>${boot}</script>\n  </body>`);
        if (/crossorigin|type="module"|<link rel="stylesheet"/.test(html))
          throw new Error(`${path}: a module script, a stylesheet link or crossorigin is left`);
        if (html.match(/<script\b/g)?.length !== 1 || html.match(/<style\b/g)?.length !== 1)
          throw new Error(`${path}: inline code other than the first script and the stylesheet`);
        html = html.replace(
          '<meta charset="utf-8" />',
          () =>
            `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy(boot, style)}" />`,
        );
        writeFileSync(path, html);
      }
      // The stylesheet is in the page; a copy beside it would be a file nothing loads.
      unlinkSync(join(dir, stylesheet.fileName));
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
