import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { escapeForTerminal, oneLine, shorten } from "./terminal.js";

/** Every character a terminal obeys instead of showing, and the line separators. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these tests are about control characters
const unsafe = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
/** What a terminal obeys in a document: the same, but for tabs, line ends and line separators. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these tests are about control characters
const unsafeInDocument = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
/** Text made of the characters of that class, among ordinary ones. */
const hostileText = fc
  .array(
    fc.oneof(
      fc.string({ unit: "binary", maxLength: 5 }),
      fc.constantFrom(
        "\u001b[2J",
        "\u001b]0;title\u0007",
        "\u001b]8;;https://x\u001b\\",
        "\u009b31m",
        "\u009d0;x\u009c",
      ),
      fc.constantFrom("\u202e", "\u2066", "\u2069", "\u200f", "\u061c", "\u0085", "\u2028", "\r", "\u007f"),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(""));

describe("oneLine", () => {
  test.prop([fc.oneof(hostileText, fc.string({ unit: "binary", maxLength: 1500 }))])(
    "leaves nothing a terminal obeys, and keeps a line to at most 1,000 characters",
    (text) => {
      const line = oneLine(text);
      expect(line).not.toMatch(unsafe);
      expect(line.length).toBeLessThanOrEqual(1000);
    },
  );

  test.prop([fc.string({ unit: "grapheme", maxLength: 300 })])(
    "leaves text of printable characters as it is",
    (text) => {
      fc.pre(!unsafe.test(text));
      expect(oneLine(text)).toBe(text);
    },
  );

  it("writes what it escapes as \\uXXXX", () => {
    expect(oneLine("a\u001b[31mb\u202ec")).toBe("a\\u001b[31mb\\u202ec");
  });
});

describe("escapeForTerminal", () => {
  test.prop([fc.jsonValue()])("JSON: the same value, with nothing a terminal obeys", (value) => {
    const withHostile = { value, text: "\u001b]0;x\u0007\u009b\u202e" };
    const text = escapeForTerminal(JSON.stringify(withHostile, null, 2), "json");
    expect(text).not.toMatch(unsafeInDocument);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(withHostile)));
  });

  test.prop([hostileText])("markup: character references that read back as the text", (text) => {
    const escaped = escapeForTerminal(text, "markup");
    expect(escaped).not.toMatch(unsafeInDocument);
    expect(escaped.replace(/&#x([0-9a-f]{4});/gu, (_, h) => String.fromCharCode(Number.parseInt(h, 16)))).toBe(text);
  });
});

describe("shorten", () => {
  // String.prototype.isWellFormed (ES2024) is in Node 20; the compiler's library here is older.
  const wellFormed = (s: string): boolean => (s as string & { isWellFormed(): boolean }).isWellFormed();
  const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });
  const count = (s: string) => [...segmenter.segment(s)].length;
  test.prop([fc.string({ unit: "grapheme", maxLength: 120 }), fc.integer({ min: 2, max: 100 })])(
    "keeps text that fits, else cuts between graphemes to at most max and ends with …",
    (text, max) => {
      const short = shorten(text, max);
      if (count(text) <= max) {
        expect(short).toBe(text);
        return;
      }
      expect(short.endsWith("…")).toBe(true);
      expect(count(short)).toBeLessThanOrEqual(max);
      expect(wellFormed(short)).toBe(true);
      expect(text.startsWith(short.slice(0, -1))).toBe(true);
    },
  );

  it("cuts at a word where one ends in the second half", () => {
    expect(shorten("Utilize trusted platform modules (TPM) and hardware security modules", 40)).toBe(
      "Utilize trusted platform modules (TPM)…",
    );
  });
});
