import { fc, test } from "@fast-check/vitest";
import { expect, it } from "vitest";
import { escapeMarkup } from "./markup.js";

it("escapes the five markup characters", () => {
  expect(escapeMarkup(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
    "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;",
  );
});

it("replaces what XML does not allow with spaces, and keeps the rest", () => {
  expect(escapeMarkup("a\u0000b\u0007c\ud800d\ufffee\tf\ng😀")).toBe("a b c d e\tf\ng😀");
});

test.prop([fc.string({ unit: "binary", maxLength: 200 })])(
  "leaves no markup character and no character XML refuses, and reads back as the text",
  (text) => {
    const out = escapeMarkup(text);
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
