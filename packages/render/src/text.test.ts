import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { groupThousands, statusLine, wrap } from "./text.js";

test.prop([fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })])(
  "groupThousands puts a comma before every group of three digits from the right",
  (n) => {
    const written = groupThousands(n);
    expect(written.replaceAll(",", "")).toBe(String(n));
    expect(written).toMatch(/^\d{1,3}(,\d{3})*$/u);
  },
);

it("groups thousands", () => {
  expect([0, 999, 1000, 1204, 1_000_000].map(groupThousands)).toEqual(["0", "999", "1,000", "1,204", "1,000,000"]);
});

it("writes the days of a status line with thousands separators", () => {
  expect(statusLine("valid", 1204)).toBe("Valid: 1,204 days left");
  expect(statusLine("expired", -1)).toBe("Expired 1 day ago: inspect now");
  expect(statusLine("due-soon", 999)).toBe("Due soon: 999 days left");
});

test.prop([fc.string({ maxLength: 50 }), fc.oneof(fc.integer({ max: 0 }), fc.double({ noDefaultInfinity: false }))])(
  "wrap refuses a width below one instead of looping",
  (text, width) => {
    fc.pre(!(Number.isInteger(width) && width >= 1));
    expect(() => wrap(text, width)).toThrow(RangeError);
  },
);

// String.prototype.isWellFormed (ES2024) is in Node 20; the compiler's library here is older.
const wellFormed = (s: string): boolean => (s as string & { isWellFormed(): boolean }).isWellFormed();

describe("wrap by grapheme", () => {
  const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });
  const graphemesOf = (s: string) => Array.from(segmenter.segment(s), (x) => x.segment);
  const words = (s: string) => graphemesOf(s).filter((g) => !/^\s+$/u.test(g));
  // Text where a cut by code units would split something: emoji with skin tones and joiners,
  // flags, letters with combining accents, Hangul syllables from jamo, CR LF, and plain words.
  const piece = fc.constantFrom(
    "👩🏽‍⚕️",
    "🇩🇪",
    "e\u0301",
    "a\u0308\u0301",
    "\u1100\u1161\u11a8",
    "😀",
    "\r\n",
    " ",
    "  ",
    "\t",
    "Infusionspumpe",
    "x",
    "ü",
  );
  const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(""));

  test.prop([text, fc.integer({ min: 1, max: 30 })])(
    "never splits a grapheme: every line is well-formed, within the width, and the lines give back the text's words",
    (t, width) => {
      const lines = wrap(t, width);
      for (const line of lines) {
        expect(wellFormed(line)).toBe(true);
        expect(graphemesOf(line).length).toBeLessThanOrEqual(width);
      }
      expect(lines.flatMap(words)).toEqual(words(t));
      // Joined with spaces, the lines are the text with each run of white space as one space.
      const runs = graphemesOf(t)
        .map((g) => (/^\s+$/u.test(g) ? " " : g))
        .join("")
        .replace(/ +/gu, " ")
        .trim();
      if (lines.every((l) => l.length > 0 && graphemesOf(l).length < width)) expect(lines.join(" ")).toBe(runs);
    },
  );

  test.prop([fc.string({ unit: "grapheme", maxLength: 200 }), fc.integer({ min: 1, max: 30 })])(
    "on any text, keeps every grapheme whole and in order",
    (t, width) => {
      const lines = wrap(t, width);
      expect(lines.flatMap(words)).toEqual(words(t));
      for (const line of lines) expect(wellFormed(line)).toBe(true);
    },
  );

  it("keeps an emoji and a combining sequence whole at the edge of a line", () => {
    expect(wrap("ab👩🏽‍⚕️cd", 3)).toEqual(["ab👩🏽‍⚕️", "cd"]);
    expect(wrap("ae\u0301e\u0301", 2)).toEqual(["ae\u0301", "e\u0301"]);
  });
});
