import { ok, type Result } from "@miotsec/core";
import { escapeText as x } from "@miotsec/core/internal";
import { type LabelFacts, labelFacts, type RenderOptions } from "./facts.js";
import { statusLine, statusWord, supportLine, wrap } from "./text.js";

const WIDTH = 420;
const PAD = 12;
const NAME_WIDTH = 138;
/** Characters per line of a value at 12 px, a conservative estimate for a sans-serif font. */
const VALUE_CHARS = 40;
const LINE = 15;
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
/** Pixels per QR module, where the code fits the label at that size. */
const MODULE = 3;
/** The narrowest column beside the QR code that its caption is written in; below it, under the code. */
const MIN_CAPTION = 150;
/** Pixels per character of the caption (10 px monospace). */
const CAPTION_CHAR = 6;

/** The label's id made into an XML id prefix. */
const idPrefix = (id: string) => `miotsec-${id.replace(/[^A-Za-z0-9._-]/gu, "_")}`;

/** The label drawn as SVG, from its facts. */
export function svgOf(facts: LabelFacts): string {
  const parts: string[] = [];
  let y = PAD;
  const text = (x0: number, size: number, weight: "normal" | "bold", content: string) => {
    parts.push(
      `<text x="${x0}" y="${y}" font-size="${size}"${weight === "bold" ? ' font-weight="bold"' : ""}>${x(content)}</text>`,
    );
  };
  const rule = (thickness: number) => {
    parts.push(`<rect x="${PAD}" y="${y}" width="${WIDTH - 2 * PAD}" height="${thickness}"/>`);
    y += thickness;
  };

  y += 24;
  text(PAD, 24, "bold", "IoT Components Facts");
  for (const line of wrap(facts.product, 48)) {
    y += 18;
    text(PAD, 15, "bold", line);
  }
  for (const line of wrap(`Model ${facts.model} · ${facts.manufacturer}`, 58)) {
    y += 15;
    text(PAD, 12, "normal", line);
  }
  y += 8;
  rule(8);

  y += 18;
  text(PAD, 13, "bold", "Best before inspection");
  const bb = facts.bestBefore;
  y += 30;
  text(PAD, 28, "bold", bb === undefined ? "Not disclosed" : bb.bestBefore);
  if (bb !== undefined) {
    y += 17;
    text(PAD, 12, "normal", `${statusLine(bb.status, bb.daysRemaining)} (as of ${bb.asOf})`);
    y += 15;
    text(PAD, 12, "normal", supportLine(bb.label));
  }
  y += 8;
  rule(8);

  facts.sections.forEach((section, s) => {
    if (s > 0) rule(4);
    y += 18;
    text(PAD, 14, "bold", section.title);
    for (const row of section.rows) {
      y += 5;
      rule(1);
      const lines = wrap(row.value, VALUE_CHARS);
      const names = wrap(row.name, 17);
      for (let i = 0; i < Math.max(lines.length, names.length); i++) {
        y += LINE;
        const name = names[i];
        const value = lines[i];
        if (name !== undefined) text(PAD, 12, "bold", name);
        if (value !== undefined) text(PAD + NAME_WIDTH, 12, "normal", value);
      }
    }
    y += 5;
  });
  rule(8);

  const qr = facts.qr;
  // A large code (a long payload) shrinks to the label's width; its caption goes beside it where
  // a column of MIN_CAPTION is left, else underneath, so the caption's width is never below it.
  const modulePx = Math.min(MODULE, Math.floor(((WIDTH - 2 * PAD) / qr.size) * 1000) / 1000);
  const side = qr.size * modulePx;
  const top = y + 6;
  parts.push(
    `<g transform="translate(${PAD} ${top}) scale(${modulePx})" role="img" aria-label="QR code of the full label">${qr.shapes}</g>`,
  );
  const beside = WIDTH - PAD - (PAD + side + 10) >= MIN_CAPTION;
  const textX = beside ? PAD + side + 10 : PAD;
  y = beside ? top + 16 : top + side + 16;
  text(textX, 13, "bold", "Scan for the full label");
  for (const line of wrap(facts.qrPayload, Math.floor((WIDTH - PAD - textX) / CAPTION_CHAR))) {
    y += 13;
    parts.push(`<text x="${textX}" y="${y}" font-size="10" font-family="ui-monospace, monospace">${x(line)}</text>`);
  }
  y = Math.max(y, top + side) + PAD;

  const id = idPrefix(facts.id);
  const title = `IoT Components Facts: ${facts.product}, model ${facts.model}`;
  const desc =
    bb === undefined
      ? `Security label of ${facts.product} by ${facts.manufacturer}. Best before inspection: not disclosed.`
      : `Security label of ${facts.product} by ${facts.manufacturer}. Best before inspection: ${bb.bestBefore}, ${statusWord(bb.status)}. ${supportLine(bb.label)}.`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${y}" viewBox="0 0 ${WIDTH} ${y}" role="img" aria-labelledby="${id}-title ${id}-desc">`,
    `<title id="${id}-title">${x(title)}</title>`,
    `<desc id="${id}-desc">${x(desc)}</desc>`,
    `<rect width="${WIDTH}" height="${y}" fill="#fff"/>`,
    `<rect x="2" y="2" width="${WIDTH - 4}" height="${y - 4}" fill="none" stroke="#000" stroke-width="3"/>`,
    `<g fill="#000" font-family="${FONT}">`,
    ...parts,
    "</g>",
    "</svg>",
  ].join("\n");
}

/**
 * The label as a nutrition-facts-style SVG image: the IoT Components Facts of Table I of
 * "Improving IT Security of Medical IoT Devices: A Maturity Evaluation and a Labeling Approach",
 * the best-before-inspection date large near the top with its status as of `asOf`, the support
 * status, data practices, security facts, and a QR code of the label's `qrPayload`. Text is
 * text (selectable, read by screen readers), the image has a title and a description, black on
 * white. No fonts, scripts or images are loaded; the same label and options give the same bytes.
 *
 * @param label - A label document; it is parsed, so any value may be passed.
 * @returns The SVG document, or the issues of the label or the options.
 * @example
 * ```ts
 * import { renderLabelSvg } from "@miotsec/render";
 * declare const label: unknown;
 * const svg = renderLabelSvg(label, { asOf: "2026-11-28" });
 * if (svg.ok) console.log(svg.value.startsWith("<svg")); // true
 * ```
 * @since 0.1.0
 */
export function renderLabelSvg(label: unknown, options: RenderOptions): Result<string> {
  const facts = labelFacts(label, options);
  return facts.ok ? ok(svgOf(facts.value)) : facts;
}
