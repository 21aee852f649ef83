import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { describeRange, formatNumber } from "./sentences.js";

describe("formatNumber: six significant digits, without trailing zeros", () => {
  // An independent oracle: ECMA-402 number formatting to six significant digits. It rounds the
  // shortest decimal of the double where toPrecision rounds its exact binary value, so the two
  // differ only where that shortest decimal is a tie (6903.155 is 6903.15499… as a double); those
  // are left out. It writes plain decimals where String() switches to exponents, so the
  // comparison stays in String()'s decimal range.
  const intl = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 6, useGrouping: false });
  test.prop([
    fc.oneof(
      fc.double({ min: -1e20, max: 1e20, noNaN: true }),
      fc.double({ min: -2e6, max: 2e6, noNaN: true }),
      fc.integer({ min: -99_999_999, max: 99_999_999 }).map((i) => i / 1000),
      fc.integer({ min: 1, max: 99_999 }).map((i) => i + 0.5),
      fc.integer({ min: 1, max: 9_999_999 }).map((i) => i / 100 + 0.005),
    ),
  ])("writes what Intl.NumberFormat writes with six significant digits", (n) => {
    fc.pre(n === 0 || Math.abs(n) >= 1e-6);
    const digits = String(Math.abs(n)).replace(".", "").replace(/^0+/, "");
    fc.pre(!(digits.length === 7 && digits.endsWith("5")));
    expect(formatNumber(n)).toBe(intl.format(n === 0 ? 0 : n));
  });
  it("writes the usual cases", () => {
    expect(formatNumber(87.342)).toBe("87.342");
    expect(formatNumber(9.9999996)).toBe("10");
    expect(formatNumber(-2.5)).toBe("-2.5");
    expect(formatNumber(123456.7)).toBe("123457");
    expect(formatNumber(0.000123456789)).toBe("0.000123457");
    expect(formatNumber(1.00001)).toBe("1.00001");
    expect(formatNumber(999999.5)).toBe("1000000");
    expect(formatNumber(Number.NaN)).toBe("NaN");
    expect(formatNumber(Number.NEGATIVE_INFINITY)).toBe("-Infinity");
  });
});

it("describes ranges in words", () => {
  expect(describeRange({ min: 0, max: 80 }, "%")).toBe("0 to 80 %");
  expect(describeRange({ min: 5 }, "s")).toBe("at least 5 s");
  expect(describeRange({ max: 95.25 }, "%")).toBe("at most 95.25 %");
});
