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
 * and HTML and the CLI's report page all escape with it.
 *
 * @example
 * ```ts
 * import { escapeMarkup } from "@miotsec/core";
 * escapeMarkup('<b title="x">Tom & Jerry</b>'); // "&lt;b title=&quot;x&quot;&gt;Tom &amp; Jerry&lt;/b&gt;"
 * ```
 * @since 0.2.0
 */
export function escapeMarkup(text: string): string {
  return String(text)
    .replace(/[^\t\n\r\x20-\x7e\u0080-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, " ")
    .replace(/[&<>"']/gu, (c) => entities[c] ?? c);
}
