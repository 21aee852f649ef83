import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { formatNumber } from "./format-number.js";

// The differential test of format-number.ts: the plain form is the contract.
describe("formatNumber, the fast form, against the plain form", () => {
  const reference = (n: number) => (Number.isFinite(n) ? String(Number(n.toPrecision(6))) : String(n));
  test.prop([
    fc.oneof(
      fc.double(),
      fc.double({ min: -2e6, max: 2e6, noNaN: true }),
      fc.integer({ min: -3_000_000, max: 3_000_000 }).map((i) => i / 8),
      fc.integer({ min: -99_999_999, max: 99_999_999 }).map((i) => i / 1000),
      fc.integer({ min: 1, max: 99_999 }).map((i) => i + 0.5),
      fc.integer({ min: 1, max: 9_999_999 }).map((i) => i / 100 + 0.005),
    ),
  ])("agrees with String(Number(n.toPrecision(6))) everywhere, ties and edges included", (n) => {
    expect(formatNumber(n)).toBe(reference(n));
  });
  it("writes the zeros inside a fraction, at every place and length", () => {
    // Every number of six significant digits with a zero or more after the point, from 1.00001
    // to 10000.1: the fraction's leading zeros come from tables of padded digits.
    const cases = [
      [1.00001, "1.00001"],
      [1.0001, "1.0001"],
      [1.00101, "1.00101"],
      [1.01001, "1.01001"],
      [2.0005, "2.0005"],
      [10.0001, "10.0001"],
      [10.001, "10.001"],
      [100.001, "100.001"],
      [100.01, "100.01"],
      [1000.01, "1000.01"],
      [10000.1, "10000.1"],
      [-12.0034, "-12.0034"],
      [999999.5, "1000000"],
      [1000.5, "1000.5"],
      [65432.1, "65432.1"],
    ] as const;
    for (const [n, text] of cases) expect(formatNumber(n), String(n)).toBe(text);
    for (let r = 100_001; r < 1_000_000; r += 997)
      for (const scale of [10, 100, 1e3, 1e4, 1e5]) expect(formatNumber(r / scale)).toBe(reference(r / scale));
  });
});
