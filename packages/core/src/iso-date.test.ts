import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { isIsoDate, isoDateBetween, isoDateRange, isoDateSchema, parseIsoDate } from "./iso-date.js";

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** The oracle: a Y-M-D triple names a real date iff the UTC calendar gives it back unchanged. */
function roundTrips(year: number, month: number, day: number): boolean {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

describe("isIsoDate", () => {
  test.prop([fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })])(
    "a YYYY-MM-DD string is a date iff it round-trips through the calendar",
    (year, month, day) => {
      const s = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
      expect(isIsoDate(s)).toBe(month >= 1 && month <= 12 && day >= 1 && roundTrips(year, month, day));
    },
  );

  test.prop([
    fc.date({ min: new Date("0000-01-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true }),
  ])("every real date, written YYYY-MM-DD, is accepted", (date) => {
    expect(isIsoDate(date.toISOString().slice(0, 10))).toBe(true);
  });

  test.prop([fc.oneof(fc.string(), fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/))])(
    "the function and the schema agree on every string",
    (s) => {
      expect(isIsoDate(s)).toBe(isoDateSchema.safeParse(s).success);
    },
  );

  it.each([
    "2023-02-29",
    "2024-13-01",
    "2024-04-31",
    "1900-02-29",
    "2024-00-10",
    "2024-1-01",
    " 2024-01-01",
    "２０２４-01-01",
  ])("rejects %s", (s) => {
    expect(isIsoDate(s)).toBe(false);
  });

  it.each(["2024-02-29", "2000-02-29", "2024-01-31", "0000-01-01", "9999-12-31"])("accepts %s", (s) => {
    expect(isIsoDate(s)).toBe(true);
  });
});

describe("parseIsoDate", () => {
  it("names the problem with a stable code", () => {
    expect(parseIsoDate(20240229)).toMatchObject({ ok: false, issues: [{ code: "invalid-type" }] });
    expect(parseIsoDate("2023-02-29")).toMatchObject({ ok: false, issues: [{ code: "invalid-date" }] });
    expect(parseIsoDate("2024-02-29")).toEqual({ ok: true, value: "2024-02-29" });
  });

  it("keeps its message short for a huge string", () => {
    const r = parseIsoDate("9".repeat(10_000_000));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.message.length).toBeLessThan(200);
  });
});

describe("isoDateBetween", () => {
  test.prop([fc.string({ maxLength: 12 })])("agrees with the unchecked isoDateRange on any text", (text) => {
    const checked = isoDateBetween("1900-01-01", "2999-12-31");
    if (!checked.ok) throw new Error("the bounds are real dates");
    expect(checked.value.safeParse(text).success).toBe(
      isoDateRange("1900-01-01", "2999-12-31").safeParse(text).success,
    );
  });

  it("answers bounds that are not real dates, or a range that ends before it starts, with issues", () => {
    expect(isoDateBetween("1900-02-30", "2999-12-31")).toMatchObject({ ok: false, issues: [{ path: ["earliest"] }] });
    expect(isoDateBetween("2000-01-01", "1999-12-31")).toMatchObject({ ok: false, issues: [{ path: ["latest"] }] });
  });
});
