// The monitor writes a number or two into the sentence of every event, and a stormy fleet tick
// has about 200,000 events. The plain form, `String(Number(n.toPrecision(6)))`, made that tick
// 4.3 x the hand-written floor, and `String(Math.round(x) / scale)` 2.5 x; the goal is 1.3 x
// (docs/benchmarks.md has the table). This module is the one place that writes numbers faster;
// `format-number.test.ts` holds it to the plain form.

/**
 * A number with at most six significant digits, without trailing zeros: what
 * `String(Number(n.toPrecision(6)))` writes, and how explanations write values. Internal.
 *
 * Whole numbers below a million are written as they are. Other values from 1 to a million are
 * rounded with `Math.round` at their sixth digit, which rounds as `toPrecision` does except
 * within a hair of a tie (those go to `toPrecision`), and the rounded decimal is written out
 * from its integer parts: a decimal of six digits at most is exactly what String() writes for
 * the double nearest to it. Everything else goes to `toPrecision`.
 */
export function formatNumber(n: number): string {
  if (Number.isInteger(n) && n > -1e6 && n < 1e6) return String(n);
  const a = Math.abs(n);
  if (a >= 1 && a < 1e6) {
    const scale = a >= 1e5 ? 1 : a >= 1e4 ? 10 : a >= 1e3 ? 100 : a >= 100 ? 1e3 : a >= 10 ? 1e4 : 1e5;
    const x = a * scale;
    const fraction = x - Math.floor(x);
    if (Math.abs(fraction - 0.5) > 1e-6) return decimal(n < 0, Math.round(x), scale);
  }
  return Number.isFinite(n) ? String(Number(n.toPrecision(6))) : String(n);
}

// `rounded / scale` written out from its integer parts (scale a power of ten up to 10^5), which
// is what String() gives for that quotient below a million. The digits come from tables of the
// numbers below a thousand, as they are and padded with zeros.
function decimal(negative: boolean, rounded: number, scale: number): string {
  const whole = Math.floor(rounded / scale);
  let fraction = rounded - whole * scale;
  const sign = negative ? "-" : "";
  const t = digitTables();
  if (fraction === 0) return sign + upToAMillion(t, whole);
  let digits = scale === 1e5 ? 5 : scale === 1e4 ? 4 : scale === 1e3 ? 3 : scale === 100 ? 2 : 1;
  while (fraction % 10 === 0) {
    fraction /= 10;
    digits--;
  }
  // `fraction` has `digits` digits at most and no trailing zero; it is written with its leading
  // zeros (one digit needs none).
  const tail =
    digits <= 3
      ? ((digits === 3 ? t.three : digits === 2 ? t.two : t.plain)[fraction] as string)
      : ((digits === 5 ? t.two : t.plain)[Math.floor(fraction / 1000)] as string) +
        (t.three[fraction % 1000] as string);
  return `${sign}${upToAMillion(t, whole)}.${tail}`;
}

/** A whole number from 0 to 1,000,000, in digits. */
function upToAMillion(t: DigitTables, n: number): string {
  if (n < 1000) return t.plain[n] as string;
  const high = Math.floor(n / 1000);
  return (t.plain[high] as string) + (t.three[n - high * 1000] as string);
}

interface DigitTables {
  /** "0" to "1000". */
  readonly plain: readonly string[];
  /** "00" to "99". */
  readonly two: readonly string[];
  /** "000" to "999". */
  readonly three: readonly string[];
}

let tables: DigitTables | undefined;

// Made on first use, so that importing the package costs nothing.
function digitTables(): DigitTables {
  tables ??= {
    plain: Array.from({ length: 1001 }, (_, i) => String(i)),
    two: Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0")),
    three: Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, "0")),
  };
  return tables;
}
