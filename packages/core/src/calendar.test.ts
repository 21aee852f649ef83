import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  daysBetween,
  epochDay,
  epochDayAfterMonths,
  fromEpochDay,
  maxDate,
  minDate,
} from "./calendar.js";
import type { IsoDate } from "./iso-date.js";
import { ok, unwrap } from "./result.js";

const date = fc
  .date({ min: new Date("0100-01-01T00:00:00Z"), max: new Date("9900-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10) as IsoDate);
const d = (s: string) => s as IsoDate;

describe("calendar arithmetic", () => {
  test.prop([date, fc.integer({ min: -1200, max: 1200 })])(
    "epochDayAfterMonths is the day number of addMonths",
    (x, n) => {
      // Past 9999 both refuse.
      const later = addMonths(x, n);
      if (!later.ok) expect(() => epochDayAfterMonths(x, n)).toThrow(RangeError);
      else expect(epochDayAfterMonths(x, n)).toBe(epochDay(later.value));
    },
  );
  it("epochDayAfterMonths clamps month ends and refuses what addMonths refuses", () => {
    expect(fromEpochDay(epochDayAfterMonths(d("2024-01-31"), 1))).toBe("2024-02-29");
    expect(() => epochDayAfterMonths(d("9999-12-31"), 1)).toThrow(RangeError);
    expect(() => epochDayAfterMonths(d("2024-01-31"), 0.5)).toThrow(RangeError);
  });

  test.prop([date])("epochDay agrees with the UTC calendar and round-trips", (x) => {
    const probe = new Date(0);
    probe.setUTCFullYear(Number(x.slice(0, 4)), Number(x.slice(5, 7)) - 1, Number(x.slice(8, 10)));
    expect(epochDay(x)).toBe(probe.getTime() / 86_400_000);
    expect(fromEpochDay(epochDay(x))).toBe(x);
  });

  test.prop([date, fc.integer({ min: -3000, max: 3000 })])("adding days moves by exactly that many days", (x, n) => {
    expect(daysBetween(x, unwrap(addDays(x, n)))).toEqual({ ok: true, value: n });
  });

  test.prop([date, fc.integer({ min: -120, max: 120 })])(
    "adding months keeps the day or clamps it to the month's end",
    (x, n) => {
      const y = unwrap(addMonths(x, n));
      const day = Number(x.slice(8, 10));
      const newDay = Number(y.slice(8, 10));
      expect(newDay).toBeLessThanOrEqual(day);
      if (newDay < day) expect(Number(unwrap(addDays(y, 1)).slice(8, 10))).toBe(1);
      const months =
        (Number(y.slice(0, 4)) - Number(x.slice(0, 4))) * 12 + Number(y.slice(5, 7)) - Number(x.slice(5, 7));
      expect(months).toBe(n);
    },
  );

  test.prop([date, fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 120 })])(
    "adding more months never gives an earlier date",
    (x, a, b) => {
      expect(unwrap(addMonths(x, a + b)) >= unwrap(addMonths(x, a))).toBe(true);
    },
  );

  it("clamps month ends and leap days as Temporal does", () => {
    expect(addMonths("2024-01-31", 1)).toEqual({ ok: true, value: "2024-02-29" });
    expect(addMonths("2023-01-31", 1)).toEqual({ ok: true, value: "2023-02-28" });
    expect(addMonths("2024-02-29", 12)).toEqual({ ok: true, value: "2025-02-28" });
    expect(addMonths("2024-02-29", 48)).toEqual({ ok: true, value: "2028-02-29" });
    expect(addMonths("2024-03-31", -1)).toEqual({ ok: true, value: "2024-02-29" });
    expect(fromEpochDay(0)).toBe("1970-01-01");
    expect(daysBetween("2024-01-01", "2025-01-01")).toEqual({ ok: true, value: 366 });
    expect(minDate("2024-01-01", "2023-12-31")).toEqual({ ok: true, value: "2023-12-31" });
    expect(maxDate("2024-01-01", "2023-12-31")).toEqual({ ok: true, value: "2024-01-01" });
  });

  it("answers bad arguments and results outside years 0000-9999 with issues that name them", () => {
    expect(addMonths("9999-12-31", 1)).toMatchObject({
      ok: false,
      issues: [{ path: ["months"], code: "invalid-date" }],
    });
    expect(addDays("0000-01-01", -1)).toMatchObject({ ok: false, issues: [{ path: ["days"], code: "invalid-date" }] });
    expect(addDays("2023-02-29", 1)).toMatchObject({ ok: false, issues: [{ path: ["date"], code: "invalid-date" }] });
    expect(addMonths("2024-01-31", 0.5)).toMatchObject({ ok: false, issues: [{ path: ["months"] }] });
    expect(addDays("2024-01-31", Number.NaN)).toMatchObject({
      ok: false,
      issues: [{ path: ["days"], code: "not-finite" }],
    });
    expect(daysBetween("2024-01-01", 20240101 as never)).toMatchObject({ ok: false, issues: [{ path: ["to"] }] });
    expect(minDate(undefined as never, "2024-01-01")).toMatchObject({
      ok: false,
      issues: [{ path: ["a"], code: "missing" }],
    });
    // The unchecked day numbers, for miotsec's own packages, still refuse with a RangeError.
    expect(() => fromEpochDay(Number.NaN)).toThrow(RangeError);
  });

  test.prop([date, fc.integer({ min: -5_000_000, max: 5_000_000 })])(
    "addDays answers every whole count: a date in 0000-9999, or an issue when it would leave them",
    (x, n) => {
      const r = addDays(x, n);
      const day = epochDay(x) + n;
      if (day >= epochDay(d("0000-01-01")) && day <= epochDay(d("9999-12-31")))
        expect(r).toEqual(ok(fromEpochDay(day)));
      else expect(r).toMatchObject({ ok: false, issues: [{ path: ["days"] }] });
    },
  );
});
