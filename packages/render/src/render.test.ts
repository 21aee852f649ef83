import { fc, test } from "@fast-check/vitest";
import { escapeMarkup } from "@miotsec/core";
import { parseLabel, qrPayload, qrPayloadMaxBytes } from "@miotsec/label";
import { describe, expect, it } from "vitest";
import { examples, jsQR, tableOne, unwrap } from "./fixtures.test-support.js";
import { renderLabelHtml, renderLabelSvg } from "./index.js";
import { wrap } from "./text.js";

const example = fc.constantFrom(...examples);
const asOf = fc
  .date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2040-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const renderers = [renderLabelSvg, renderLabelHtml] as const;

/** Reads the QR code back out of the rendered path: rasterises the modules and decodes them. */
function decodeQr(markup: string): string | undefined {
  const d = /<path d="([^"]*)"/u.exec(markup)?.[1] ?? "";
  const cells = [...d.matchAll(/M(\d+) (\d+)h1v1h-1z/gu)].map((m) => [Number(m[1]), Number(m[2])] as const);
  const size = Math.max(...cells.flat()) + 1 + 4;
  const scale = 4;
  const px = size * scale;
  const rgba = new Uint8ClampedArray(px * px * 4).fill(255);
  for (const [cx, cy] of cells)
    for (let y = cy * scale; y < (cy + 1) * scale; y++)
      for (let x = cx * scale; x < (cx + 1) * scale; x++) rgba.fill(0, (y * px + x) * 4, (y * px + x) * 4 + 3);
  return jsQR(rgba, px, px)?.data;
}

describe("renderLabelSvg and renderLabelHtml", () => {
  test.prop([example, asOf])(
    "give the same bytes for the same label and date, and leave the label alone",
    (doc, day) => {
      const before = structuredClone(doc);
      for (const render of renderers)
        expect(render(doc, { asOf: day })).toEqual(render(structuredClone(doc), { asOf: day }));
      expect(doc).toEqual(before);
    },
  );

  it.each(examples.map((doc, i) => [i, doc] as const))(
    "draw a QR code that scans as the label's qrPayload (example %i)",
    (_, doc) => {
      const payload = unwrap(qrPayload(doc as never, doc.qrTarget as string));
      for (const render of renderers) expect(decodeQr(unwrap(render(doc, { asOf: "2026-11-28" })))).toBe(payload);
    },
  );

  // QR targets of every length the schema could take, of ASCII, of text outside ASCII (which
  // percent-encoding makes up to 12 times longer) and with lone surrogates; ids up to 200 characters.
  const urlChar = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789-._~%!$&'()*+,;=:@/") },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }) },
    { weight: 1, arbitrary: fc.constantFrom("\uD800", "\uDFFF", "ü", "€", "😀") },
  );
  const qrTarget = fc
    .integer({ min: 0, max: 2100 })
    .chain((n) => fc.array(urlChar, { minLength: n, maxLength: n }))
    .map((chars) => `https://labels.example/${chars.join("").replace(/\s/gu, "")}`);
  const id = fc
    .integer({ min: 1, max: 200 })
    .chain((n) => fc.array(fc.constantFrom(..."Az09._~-"), { minLength: n, maxLength: n }))
    .map((chars) => `x${chars.join("")}`.slice(0, 200));
  test.prop([example, qrTarget, id], { numRuns: 40 })(
    "every label the schema accepts renders, with a QR code that scans as its payload; the rest are issues",
    (doc, target, labelId) => {
      const changed = { ...doc, id: labelId, qrTarget: target };
      const parsed = parseLabel(changed);
      for (const render of renderers) {
        const out = render(changed, { asOf: "2026-11-28" });
        expect(out.ok).toBe(parsed.ok);
        if (!out.ok) expect(out.issues.map((i) => i.path[0])).toContain("qrTarget");
      }
      if (!parsed.ok) return;
      const payload = unwrap(qrPayload(parsed.value, target));
      expect(payload.length).toBeLessThanOrEqual(qrPayloadMaxBytes);
      expect(decodeQr(unwrap(renderLabelSvg(changed, { asOf: "2026-11-28" })))).toBe(payload);
    },
  );

  test.prop([example, fc.string({ maxLength: 3000 })], { numRuns: 30 })(
    "a qrBaseUrl option that no QR code holds is an issue at qrBaseUrl, never a throw",
    (doc, tail) => {
      for (const render of renderers) {
        const out = render(doc, { asOf: "2026-11-28", qrBaseUrl: `https://labels.example/${tail}` });
        if (!out.ok) expect(out.issues[0]?.path).toEqual(["qrBaseUrl"]);
      }
    },
  );

  it("draws the largest QR code a label can have inside the label, its caption underneath", () => {
    const doc = {
      ...(examples[2] as object),
      id: "x".repeat(200),
      qrTarget: `https://labels.example/${"a".repeat(1977)}`,
    };
    const svg = unwrap(renderLabelSvg(doc, { asOf: "2026-11-28" }));
    const scale = Number(/scale\(([\d.]+)\)/u.exec(svg)?.[1]);
    const size = Number(/<rect width="(\d+)" height="\1" fill="#fff"\/><path/u.exec(svg)?.[1]);
    expect(size).toBe(177 + 8); // version 40
    expect(12 + size * scale).toBeLessThanOrEqual(420 - 12);
    const caption = [...svg.matchAll(/<text x="(\d+)"[^>]*font-family="ui-monospace/gu)].map((m) => Number(m[1]));
    expect(new Set(caption)).toEqual(new Set([12]));
  });

  test.prop([example, fc.string({ maxLength: 120 }).filter((s) => s.trim().length > 0)])(
    "escape every text of the label: markup in a field stays text",
    (doc, name) => {
      const product = `<script>${name}</script> & "x"`;
      const changed = { ...doc, identity: { ...(doc.identity as object), product } };
      for (const render of renderers) {
        const out = render(changed, { asOf: "2026-11-28" });
        if (!out.ok) continue; // a control character or a blank name the schema refuses
        expect(out.value).not.toContain("<script");
        expect(out.value).toContain(unwrap(escapeMarkup("<script>")));
      }
    },
  );

  it("shows the best-before-inspection date, its status and every section of Table I", () => {
    const svg = unwrap(renderLabelSvg(examples[0], { asOf: "2026-11-28" }));
    const html = unwrap(renderLabelHtml(examples[0], { asOf: "2026-11-28" }));
    for (const out of [svg, html]) {
      for (const text of [
        "Best before inspection",
        "IoT components",
        "Data practices",
        "Security",
        "Support",
        "Sensors",
        "Cloud location",
        "Third parties",
        "Amazon Web Services",
      ])
        expect(out).toContain(text);
      expect(out).toContain("Due soon: 52 days left (as of ");
    }
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="miotsec-[^"]+-title miotsec-[^"]+-desc">\n<title id=/u);
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/u);
  });

  test.prop([example, asOf])("never leave a fact blank", (doc, day) => {
    const html = unwrap(renderLabelHtml(doc, { asOf: day }));
    expect(html).not.toContain("<dd></dd>");
    // Three rows of the product, four of support (one where the lifecycle is withheld), the rest fixed.
    const support = typeof (doc as { lifecycle?: unknown }).lifecycle === "object" ? 4 : 1;
    expect(html.match(/<dd>/gu)).toHaveLength(25 + support);
  });

  test.prop([example, asOf])("say the best-before status and label in words, never as enum values", (doc, day) => {
    for (const out of [unwrap(renderLabelHtml(doc, { asOf: day })), unwrap(renderLabelSvg(doc, { asOf: day }))]) {
      expect(out).not.toMatch(/due-soon|limited-support|end-of-support|stage:|Label: (?:positive|limited|negative)/u);
      // Table I's example withholds its lifecycle: it has no status to say.
      if (doc !== tableOne) expect(out).toMatch(/Positive label: supported|Limited support: |Negative label: /u);
    }
  });

  test.prop([example, asOf])("load nothing: no scripts, links, fonts or external images", (doc, day) => {
    for (const render of renderers) {
      const out = unwrap(render(doc, { asOf: day }));
      expect(out).not.toMatch(/<script|<link|<img|@import|url\(|@font-face|href=/iu);
    }
  });

  test.prop([fc.oneof(fc.anything(), fc.constant({ __proto__: null, schemaVersion: 1 }))])(
    "answer anything that is not a label with issues, never a throw",
    (input) => {
      for (const render of renderers) {
        const out = render(input, { asOf: "2026-11-28" });
        expect(out.ok).toBe(false);
        if (!out.ok) expect(out.issues.length).toBeGreaterThan(0);
      }
    },
  );

  it.each(["2023-02-29", "2026-13-01", "", "yesterday", "0001-01-01"])("rejects asOf %j with a path", (day) => {
    const out = renderLabelSvg(examples[0], { asOf: day });
    expect(out.ok ? [] : out.issues.map((i) => i.path)).toEqual([["asOf"]]);
  });

  it("rejects a QR base URL that is not https, with its path", () => {
    const out = renderLabelHtml(examples[0], { asOf: "2026-11-28", qrBaseUrl: "http://labels.example" });
    expect(out.ok ? [] : out.issues.map((i) => i.path)).toEqual([["qrBaseUrl"]]);
  });

  it("spells out the label's enum words and keeps the vendor's own", () => {
    const html = unwrap(renderLabelHtml(examples[2], { asOf: "2026-11-28" }));
    expect(html).toContain("<dt>User control</dt><dd>Device; Web portal</dd>");
    expect(html).toContain("<dt>Access control</dt><dd>PIN; Certificate; Multi-factor</dd>");
    expect(html).toContain("Flow log (delivered volume, ml, post-processing)");
  });

  it("says so where a third party's country is not disclosed", () => {
    const usbc = unwrap(renderLabelHtml(examples[1], { asOf: "2026-11-28" }));
    expect(usbc).toContain("Google (Firebase) (country not disclosed, crash reports and app installation identifiers)");
  });

  it("shows §V's product facts and Table I's deletion range", () => {
    const wifi = unwrap(renderLabelHtml(examples[0], { asOf: "2026-11-28" }));
    expect(wifi).toContain("<dt>Criticality</dt><dd>Medium</dd>");
    expect(wifi).toContain("<dt>Data residency</dt><dd>EU</dd>");
    expect(wifi).toContain("<dt>Category</dt><dd>Ultrasound scanner, handheld and wireless</dd>");
    const table1 = unwrap(renderLabelHtml(tableOne, { asOf: "2026-11-28" }));
    expect(table1).toContain("<dt>Data deletion</dt><dd>Easy to complex</dd>");
    expect(table1).toContain("<dt>Criticality</dt><dd>Not declared</dd>");
    expect(unwrap(renderLabelSvg(tableOne, { asOf: "2026-11-28" }))).toContain("Easy to complex");
  });

  it("says not disclosed where the lifecycle is withheld", () => {
    const svg = unwrap(renderLabelSvg({ ...examples[0], lifecycle: "not-disclosed" }, { asOf: "2026-11-28" }));
    expect(svg).toContain('font-weight="bold">Not disclosed</text>');
  });
});

describe("wrap", () => {
  test.prop([fc.string({ maxLength: 300 }), fc.integer({ min: 1, max: 60 })])(
    "keeps every line within the width and every non-space character in order",
    (text, width) => {
      const lines = wrap(text, width);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
      expect(lines.join("").replace(/\s/gu, "")).toBe(text.replace(/\s/gu, ""));
    },
  );
});

describe("the renderers' options", () => {
  const boom = () => {
    throw new Error("boom");
  };

  it("are read once: the date judged is the date shown", () => {
    let reads = 0;
    const options = Object.defineProperty({}, "asOf", {
      enumerable: true,
      get: () => (reads++ === 0 ? "2026-11-28" : "<script>x</script>"),
    });
    for (const render of renderers) {
      reads = 0;
      const out = unwrap(render(examples[0], options as never));
      expect(reads).toBe(1);
      expect(out).not.toContain("script");
    }
  });

  it.each([
    ["null", null],
    ["a misspelt option", { asOf: "2026-11-28", qrBaseURL: "https://x.example" }],
    ["a throwing getter", Object.defineProperty({}, "asOf", { enumerable: true, get: boom })],
    ["a Proxy whose traps throw", new Proxy({}, { ownKeys: boom })],
    ["a qrBaseUrl that is not a string", { asOf: "2026-11-28", qrBaseUrl: 5 }],
  ])("answer options that are %s with issues", (_, options) => {
    for (const render of renderers) expect(render(examples[0], options as never).ok).toBe(false);
  });
});
