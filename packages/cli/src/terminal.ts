// What may reach a terminal. A document, a sample file or a file name can hold characters a
// terminal obeys instead of showing: C0 controls (ESC starts CSI and OSC sequences: colours, the
// window title, hyperlinks, a cleared screen), DEL, the C1 controls (U+009B is CSI on its own,
// U+009D OSC), and the bidirectional controls that reorder what is shown (the "Trojan Source"
// characters). Every string from outside is passed through one of the two functions below
// before it is printed: `oneLine` for text for people, `escapeForTerminal` for documents
// (JSON, SVG, HTML, Markdown) printed to standard output, where it must stay lossless.

// The classes below name: C0 controls, DEL and the C1 controls; U+2028 and U+2029; and the
// bidirectional controls (ALM U+061C, LRM and RLM U+200E-U+200F, LRE to RLO U+202A-U+202E, LRI
// to PDI U+2066-U+2069).

/** Everything `oneLine` escapes: every control character, the line separators and the bidirectional controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this module is about
const unsafeInLine = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
/** What a document keeps as it is (tabs and line feeds) is left; the rest of `unsafeInLine` but the line separators. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this module is about
const unsafeInDocument = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

const hex4 = (c: string) => (c.codePointAt(0) as number).toString(16).padStart(4, "0");

/**
 * Text from outside as one line a terminal shows as it is: every control character, line
 * separator and bidirectional control written as `\uXXXX`, and the line cut to at most 1,000
 * characters. For every string from a document, a sample file, an argument or an error message that is
 * printed for people.
 */
export function oneLine(text: string): string {
  const escaped = text.replace(unsafeInLine, (c) => `\\u${hex4(c)}`);
  if (escaped.length <= 1000) return escaped;
  // Cut at 999 characters, never inside an escape or a surrogate pair.
  let end = 999;
  const escapeStart = escaped.lastIndexOf("\\u", end);
  if (escapeStart >= 0 && escapeStart > end - 6 && /^\\u[0-9a-f]{4}/u.test(escaped.slice(escapeStart, escapeStart + 6)))
    end = escapeStart;
  const last = escaped.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${escaped.slice(0, end)}…`;
}

/**
 * A document printed to standard output, with what a terminal would obey written the way its
 * format writes any character: `\uXXXX` in JSON, `&#xXXXX;` in SVG, HTML and Markdown. The
 * document means the same; tabs and line feeds are kept (a carriage return, which moves the
 * cursor back over what was printed, is written as a reference too).
 */
export function escapeForTerminal(document: string, format: "json" | "markup"): string {
  return document.replace(unsafeInDocument, (c) => (format === "json" ? `\\u${hex4(c)}` : `&#x${hex4(c)};`));
}

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

/**
 * Text shortened for a terminal column: at most `max` characters as people count them
 * (graphemes, so an emoji or an accented letter is never cut in half), cut at the last space
 * when there is one in the second half, and ended with "…" when shortened.
 */
export function shorten(text: string, max: number): string {
  const parts = Array.from(graphemes.segment(text), (s) => s.segment);
  if (parts.length <= max) return text;
  let end = max - 1;
  const space = parts.lastIndexOf(" ", end);
  if (space > max / 2) end = space;
  return `${parts.slice(0, end).join("").trimEnd()}…`;
}
