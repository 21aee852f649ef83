const entities: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Text made safe for XML and HTML content and attribute values. Characters XML does not allow
 * (control characters, lone surrogates, U+FFFE, U+FFFF) become spaces.
 */
export function escapeMarkup(text: string): string {
  return text
    .replace(/[^\t\n\r\x20-\x7e\u0080-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, " ")
    .replace(/[&<>"']/gu, (c) => entities[c] ?? c);
}

/**
 * Text broken into lines of at most `width` characters, at spaces where it can, inside words
 * where it must. An empty text is one empty line.
 */
export function wrap(text: string, width: number): string[] {
  // A layout that leaves no room is a bug in the layout, never an endless loop.
  if (!(Number.isInteger(width) && width >= 1)) throw new RangeError(`wrap needs a width of at least 1, got ${width}`);
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/u).filter((w) => w.length > 0)) {
    let rest = word;
    while (rest.length > 0) {
      const room = line.length === 0 ? width : width - line.length - 1;
      if (rest.length <= room) {
        line = line.length === 0 ? rest : `${line} ${rest}`;
        rest = "";
      } else if (line.length > 0) {
        lines.push(line);
        line = "";
      } else {
        lines.push(rest.slice(0, width));
        rest = rest.slice(width);
      }
    }
  }
  lines.push(line);
  return lines.filter((l, i) => l.length > 0 || i === 0);
}

/** A whole number with commas between groups of three digits: 1204 is "1,204". */
export function groupThousands(n: number): string {
  const digits = String(n);
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ",";
    out += digits[i];
  }
  return out;
}

/** A date's status and days in words, e.g. "Valid: 1,204 days left". */
export function statusLine(status: "valid" | "due-soon" | "expired", days: number): string {
  const count = groupThousands(Math.abs(days));
  if (status === "expired") return `Expired ${count} day${Math.abs(days) === 1 ? "" : "s"} ago: inspect now`;
  const left = `${count} day${days === 1 ? "" : "s"} left`;
  return status === "due-soon" ? `Due soon: ${left}` : `Valid: ${left}`;
}
