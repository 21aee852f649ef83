import { ok, type Result } from "@miotsec/core";
import { escapeText as x } from "@miotsec/core/internal";
import { type LabelFacts, labelFacts, type RenderOptions } from "./facts.js";
import { statusLine, supportLine } from "./text.js";

const STYLE = `
body { margin: 0; padding: 1rem; background: #fff; color: #000; }
.miotsec-label { max-width: 34rem; border: 3px solid #000; padding: 0.75rem; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; font-size: 0.875rem; line-height: 1.35; }
.miotsec-label h1 { font-size: 1.6rem; margin: 0; }
.miotsec-label .product { font-weight: bold; font-size: 1rem; margin: 0.25rem 0 0; }
.miotsec-label .maker { margin: 0 0 0.5rem; }
.miotsec-label .best-before { border-top: 8px solid #000; border-bottom: 8px solid #000; padding: 0.5rem 0; }
.miotsec-label .best-before h2 { font-size: 0.9rem; margin: 0; }
.miotsec-label .date { font-size: 1.9rem; font-weight: bold; margin: 0; }
.miotsec-label .date + p, .miotsec-label .best-before p { margin: 0.1rem 0; }
.miotsec-label section + section { border-top: 4px solid #000; }
.miotsec-label section h2 { font-size: 1rem; margin: 0.5rem 0 0.25rem; }
.miotsec-label dl { margin: 0; }
.miotsec-label dl div { display: grid; grid-template-columns: 9.5rem 1fr; gap: 0.5rem; border-top: 1px solid #000; padding: 0.2rem 0; }
.miotsec-label dt { font-weight: bold; }
.miotsec-label dd { margin: 0; overflow-wrap: anywhere; }
.miotsec-label .qr { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; border-top: 8px solid #000; padding-top: 0.5rem; }
.miotsec-label .qr svg { flex: none; max-width: 100%; height: auto; }
.miotsec-label .qr p { flex: 1 1 12rem; margin: 0; }
.miotsec-label code { font-size: 0.75rem; overflow-wrap: anywhere; }
@media print {
  @page { margin: 10mm; }
  body { padding: 0; }
  .miotsec-label { max-width: none; font-size: 7.5pt; line-height: 1.2; break-inside: avoid; page-break-inside: avoid; }
  .miotsec-label h1 { font-size: 16pt; }
  .miotsec-label .date { font-size: 18pt; }
  .miotsec-label section h2, .miotsec-label .product { font-size: 9pt; }
  .miotsec-label section h2 { margin: 0.3rem 0 0.15rem; }
  .miotsec-label dl div { grid-template-columns: 8rem 1fr; padding: 0.05rem 0; }
  .miotsec-label a[href]::after { content: " (" attr(href) ")"; }
}
`.trim();

/** The label as an HTML `<article>`, from its facts. */
export function articleOf(facts: LabelFacts): string {
  const bb = facts.bestBefore;
  const qr = facts.qr;
  // At least 3 px a module, and never less than 9rem (144 px) on the page.
  const side = Math.max(144, qr.size * 3);
  const lines = [
    `<article class="miotsec-label" aria-label="IoT Components Facts: ${x(facts.product)}">`,
    "<h1>IoT Components Facts</h1>",
    `<p class="product">${x(facts.product)}</p>`,
    `<p class="maker">Model ${x(facts.model)} · ${x(facts.manufacturer)}</p>`,
    '<div class="best-before">',
    "<h2>Best before inspection</h2>",
    bb === undefined
      ? '<p class="date">Not disclosed</p>'
      : [
          `<p class="date"><time datetime="${bb.bestBefore}">${bb.bestBefore}</time></p>`,
          `<p>${x(statusLine(bb.status, bb.daysRemaining))} (as of <time datetime="${bb.asOf}">${bb.asOf}</time>)</p>`,
          `<p>${x(supportLine(bb.label))}</p>`,
        ].join("\n"),
    "</div>",
  ];
  for (const section of facts.sections) {
    lines.push("<section>", `<h2>${x(section.title)}</h2>`, "<dl>");
    for (const row of section.rows) lines.push(`<div><dt>${x(row.name)}</dt><dd>${x(row.value)}</dd></div>`);
    lines.push("</dl>", "</section>");
  }
  lines.push(
    '<div class="qr">',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${side}" height="${side}" viewBox="0 0 ${qr.size} ${qr.size}" role="img" aria-label="QR code of the full label" shape-rendering="crispEdges">${qr.shapes}</svg>`,
    `<p><strong>Scan for the full label</strong><br><code>${x(facts.qrPayload)}</code></p>`,
    "</div>",
    "</article>",
  );
  return lines.join("\n");
}

/**
 * The label as a self-contained HTML page: the same facts as {@link renderLabelSvg}, as
 * headings, definition lists and an inline SVG QR code, styled by one inline style sheet. No
 * scripts, fonts or other resources are loaded; the same label and options give the same bytes.
 *
 * @param label - A label document; it is parsed, so any value may be passed.
 * @returns The HTML document, or the issues of the label or the options.
 * @example
 * ```ts
 * import { renderLabelHtml } from "@miotsec/render";
 * declare const label: unknown;
 * const html = renderLabelHtml(label, { asOf: "2026-11-28" });
 * if (html.ok) console.log(html.value.startsWith("<!doctype html>")); // true
 * ```
 * @since 0.1.0
 */
export function renderLabelHtml(label: unknown, options: RenderOptions): Result<string> {
  const facts = labelFacts(label, options);
  if (!facts.ok) return facts;
  return ok(
    [
      "<!doctype html>",
      '<html lang="en">',
      "<head>",
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      `<title>IoT Components Facts: ${x(facts.value.product)}</title>`,
      `<style>\n${STYLE}\n</style>`,
      "</head>",
      "<body>",
      articleOf(facts.value),
      "</body>",
      "</html>",
      "",
    ].join("\n"),
  );
}
