import { fc, test } from "@fast-check/vitest";
import { expect, it } from "vitest";
import { escapeMarkup, escapeText } from "./markup.js";

it("escapes the five markup characters", () => {
  expect(escapeMarkup(`<a href="x">Tom & 'Jerry'</a>`)).toEqual({
    ok: true,
    value: "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;",
  });
});

it("replaces what XML does not allow with spaces, and keeps the rest", () => {
  expect(escapeText("a\u0000b\u0007c\ud800d\ufffee\tf\ng😀")).toBe("a b c d e\tf\ng😀");
});

test.prop([fc.string({ unit: "binary", maxLength: 200 })])(
  "leaves no markup character and no character XML refuses, and reads back as the text",
  (text) => {
    const out = escapeText(text);
    expect(escapeMarkup(text)).toEqual({ ok: true, value: out });
    expect(out).not.toMatch(/[<>"']|&(?!amp;|lt;|gt;|quot;|#39;)/u);
    expect(out).not.toMatch(/[\ud800-\udfff]/u);
    // An XML parser's reading: entities replaced back; only refused characters differ (as spaces).
    const back = out.replace(/&(amp|lt|gt|quot|#39);/gu, (_, e: string) =>
      e === "amp" ? "&" : e === "lt" ? "<" : e === "gt" ? ">" : e === "quot" ? '"' : "'",
    );
    const allowed = /[\t\n\r\x20-\x7e\u0080-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
    expect([...back]).toEqual([...text].map((c) => (allowed.test(c) ? c : " ")));
  },
);

it("answers anything but a string with an issue; the renderers' unchecked form writes numbers out", () => {
  for (const v of [42, null, undefined, Symbol("x"), { toString: () => "<b>" }])
    expect(escapeMarkup(v as never)).toMatchObject({ ok: false, issues: [{ code: "invalid-argument" }] });
  expect(escapeText(42)).toBe("42");
});
