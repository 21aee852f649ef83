/** Terminal styling: ANSI colours when enabled, plain text otherwise. */
export interface Style {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly good: (text: string) => string;
  readonly warn: (text: string) => string;
  readonly bad: (text: string) => string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string) => text;

/** The styles: colours only when `color` is true (a terminal, and `NO_COLOR` unset). */
export function style(color: boolean): Style {
  return color
    ? { bold: wrap(1, 22), dim: wrap(2, 22), good: wrap(32, 39), warn: wrap(33, 39), bad: wrap(31, 39) }
    : { bold: plain, dim: plain, good: plain, warn: plain, bad: plain };
}

/** The style of an appraisal tier or a status word. */
export function tierStyle(s: Style, tier: string): (text: string) => string {
  if (tier === "contraindicated" || tier === "expired" || tier === "not-fulfilled") return s.bad;
  if (tier === "warning" || tier === "due-soon") return s.warn;
  if (tier === "affirming" || tier === "valid" || tier === "fulfilled") return s.good;
  return s.dim;
}
