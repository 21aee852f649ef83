import { argumentIssue } from "./issue.js";
import { fail, ok, type Result } from "./result.js";

const entities: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Text made safe for XML and HTML, as element content and as a quoted attribute value: `&`, `<`,
 * `>`, `"` and `'` become entities, and the characters XML does not allow (control characters
 * other than tab and line breaks, lone surrogates, U+FFFE, U+FFFF) become spaces. The label's SVG
 * and HTML and the CLI's report page all escape this way. Anything but a string is answered
 * with an `invalid-argument` issue.
 *
 * @example
 * ```ts
 * import { escapeMarkup } from "@miotsec/core";
 * escapeMarkup('<b title="x">Tom & Jerry</b>');
 * // { ok: true, value: "&lt;b title=&quot;x&quot;&gt;Tom &amp; Jerry&lt;/b&gt;" }
 * ```
 * @since 0.2.0
 */
export function escapeMarkup(text: string): Result<string> {
  return typeof text === "string"
    ? ok(escapeText(text))
    : fail([argumentIssue("escapeMarkup", "the text must be a string")]);
}

/**
 * {@link escapeMarkup} unchecked, for miotsec's renderers, which escape text and numbers they
 * hold: a number is written out first.
 *
 * @example
 * ```ts
 * import { escapeText } from "@miotsec/core/internal";
 * escapeText("Tom & Jerry"); // "Tom &amp; Jerry"
 * ```
 * @since 0.2.0
 */
export function escapeText(text: string | number): string {
  return String(text)
    .replace(/[^\t\n\r\x20-\x7e\u0080-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, " ")
    .replace(/[&<>"']/gu, (c) => entities[c] ?? c);
}
