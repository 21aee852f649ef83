// Text of the label as lines and words: line breaking by grapheme, numbers with separators.

const graphemes = /* @__PURE__ */ new Intl.Segmenter("en", { granularity: "grapheme" });
const wholeNumbers = /* @__PURE__ */ new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/**
 * Text broken into lines of at most `width` graphemes (what a reader sees as one character: an
 * emoji with its modifiers, a letter with its accents), at white space where it can, inside
 * words where it must, never inside a grapheme. Runs of white space between words become one
 * space or a line break. An empty text is one empty line.
 */
export function wrap(text: string, width: number): string[] {
  // A layout that leaves no room is a bug in the layout, never an endless loop.
  if (!(Number.isInteger(width) && width >= 1)) throw new RangeError(`wrap needs a width of at least 1, got ${width}`);
  const lines: string[] = [];
  let line: string[] = [];
  let word: string[] = [];
  const place = () => {
    let rest = word;
    while (rest.length > 0) {
      const room = line.length === 0 ? width : width - line.length - 1;
      if (rest.length <= room) {
        if (line.length > 0) line.push(" ");
        line.push(...rest);
        rest = [];
      } else if (line.length > 0) {
        lines.push(line.join(""));
        line = [];
      } else {
        lines.push(rest.slice(0, width).join(""));
        rest = rest.slice(width);
      }
    }
    word = [];
  };
  for (const { segment } of graphemes.segment(text)) {
    if (/^\s+$/u.test(segment)) place();
    else word.push(segment);
  }
  place();
  if (line.length > 0 || lines.length === 0) lines.push(line.join(""));
  return lines;
}

/** A whole number with commas between groups of three digits: 1204 is "1,204". */
export function groupThousands(n: number): string {
  return wholeNumbers.format(n);
}

/** A date's status and days in words, e.g. "Valid: 1,204 days left". */
export function statusLine(status: "valid" | "due-soon" | "expired", days: number): string {
  const count = groupThousands(Math.abs(days));
  if (status === "expired") return `Expired ${count} day${Math.abs(days) === 1 ? "" : "s"} ago: inspect now`;
  const left = `${count} day${days === 1 ? "" : "s"} left`;
  return status === "due-soon" ? `Due soon: ${left}` : `Valid: ${left}`;
}

const supportWords = {
  positive: "Positive label: supported, security updates on record",
  limited: "Limited support: sale ended, an end is near or no update on record",
  negative: "Negative label: support or security updates have ended",
} as const;

/** A best-before label in words, e.g. "Positive label: supported, security updates on record". */
export function supportLine(label: "positive" | "limited" | "negative"): string {
  return supportWords[label];
}

/** A best-before status in words: "valid", "due soon", "expired". */
export function statusWord(status: "valid" | "due-soon" | "expired"): string {
  return status === "due-soon" ? "due soon" : status;
}
