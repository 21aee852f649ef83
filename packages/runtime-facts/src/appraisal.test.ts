import { fc, test } from "@fast-check/vitest";
import { unwrap } from "@miotsec/core";
import { describe, expect, it } from "vitest";
import { inRange, margin, rangeMargin, tierOf, tiers, within, worse, worseTier } from "./appraisal.js";
import { appraiseMetric } from "./compare.js";
import { rangeSchema } from "./profile.js";

const bound = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const range = fc.tuple(bound, bound).map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) }));
const verdictRank = { within: 0, "outside-operating": 1, "outside-failsafe": 2 } as const;

describe("ranges and tiers", () => {
  test.prop([
    fc.oneof(fc.double(), fc.anything()),
    fc.record(
      { min: fc.oneof(fc.double(), fc.constant(undefined)), max: fc.oneof(fc.double(), fc.constant(undefined)) },
      { requiredKeys: [] },
    ),
  ])("within is the finite value inside both given bounds, for any value and any bounds", (v, r) => {
    const reference =
      Number.isFinite(v) &&
      (r.min === undefined || (v as number) >= r.min) &&
      (r.max === undefined || (v as number) <= r.max);
    // What the package compares with, on any number and any bounds.
    if (typeof v === "number") expect(inRange(v, r as never)).toBe(reference);
    // What a person calls: a range a profile could declare gets the answer, anything else issues.
    const answer = within(v as number, r);
    if (typeof v === "number" && rangeSchema.safeParse(r).success)
      expect(answer).toEqual({ ok: true, value: reference });
    else {
      // The issue names the argument, and may go on to the bound inside it (range.min).
      expect(answer.ok).toBe(false);
      if (!answer.ok) expect(answer.issues[0]?.path[0]).toBe(typeof v === "number" ? "range" : "value");
    }
  });

  it("agrees with the plain definition for every extreme value between every two extreme bounds", () => {
    // Where a test by subtraction could differ from a comparison: equal infinities, the largest
    // and smallest doubles, subnormals, signed zeros.
    const extremes = [
      Number.NEGATIVE_INFINITY,
      -Number.MAX_VALUE,
      -1,
      -Number.MIN_VALUE,
      -0,
      0,
      Number.MIN_VALUE,
      2.2250738585072014e-308,
      1,
      Number.MAX_VALUE,
      Number.POSITIVE_INFINITY,
      Number.NaN,
    ];
    const bounds = [undefined, ...extremes];
    let checked = 0;
    for (const v of extremes)
      for (const min of bounds)
        for (const max of bounds) {
          const r = { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
          const reference = Number.isFinite(v) && (min === undefined || v >= min) && (max === undefined || v <= max);
          expect(inRange(v, r), `${v} in ${JSON.stringify(r)}`).toBe(reference);
          checked++;
        }
    expect(checked).toBe(12 * 13 * 13);
  });

  it("never coerces a value that is not a number: it is an issue", () => {
    for (const v of [null, "0", "", [], [5], true, false, { valueOf: () => 5 }]) {
      expect(within(v as unknown as number, { min: -1, max: 10 })).toMatchObject({
        ok: false,
        issues: [{ path: ["value"] }],
      });
      expect(margin(v as unknown as number, { min: -1 })).toMatchObject({ ok: false, issues: [{ path: ["value"] }] });
    }
    expect(within(1, { min: 2, max: 1 })).toMatchObject({
      ok: false,
      issues: [{ path: ["range"], code: "invalid-range" }],
    });
    expect(worse("affirming", "fine" as never)).toMatchObject({ ok: false, issues: [{ path: ["b"] }] });
  });

  test.prop([range])("a value on a range's bound is within", (r) => {
    expect(within(r.min, r)).toEqual({ ok: true, value: true });
    expect(within(r.max, r)).toEqual({ ok: true, value: true });
    expect(margin(r.min, r)).toEqual({ ok: true, value: 0 });
  });

  test.prop([fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY), range])(
    "NaN and infinities are never within, never affirming",
    (v, r) => {
      expect(within(v, r)).toEqual({ ok: true, value: false });
      const f = appraiseMetric(
        "m",
        { unit: "u", operating: r, failSafe: { min: r.min - 1, max: r.max + 1 } },
        "operating",
        v,
        "u",
      );
      expect(f.tier).not.toBe("affirming");
    },
  );

  test.prop([range, bound, fc.double({ min: 0, max: 1e6, noNaN: true })])(
    "moving a value further from its range never improves the verdict",
    (r, v, step) => {
      const metric = { unit: "u", operating: r, failSafe: { min: r.min - 100, max: r.max + 100 } };
      const away = v >= (r.min + r.max) / 2 ? v + step : v - step;
      const before = appraiseMetric("m", metric, "operating", v, "u").verdict as keyof typeof verdictRank;
      const after = appraiseMetric("m", metric, "operating", away, "u").verdict as keyof typeof verdictRank;
      expect(verdictRank[after]).toBeGreaterThanOrEqual(verdictRank[before]);
      expect(rangeMargin(away, r)).toBeLessThanOrEqual(unwrap(margin(v, r)));
    },
  );

  test.prop([range, bound, fc.double({ min: 0, max: 1e3, noNaN: true })])(
    "widening a range never worsens the verdict",
    (r, v, widen) => {
      const narrow = { unit: "u", operating: r, failSafe: { min: r.min - 1e4, max: r.max + 1e4 } };
      const wide = { ...narrow, operating: { min: r.min - widen, max: r.max + widen } };
      const a = appraiseMetric("m", narrow, "operating", v, "u").verdict as keyof typeof verdictRank;
      const b = appraiseMetric("m", wide, "operating", v, "u").verdict as keyof typeof verdictRank;
      expect(verdictRank[b]).toBeLessThanOrEqual(verdictRank[a]);
    },
  );

  test.prop([range, fc.double({ min: 0, max: 1e3, noNaN: true }), bound])(
    "outside fail-safe implies outside operating",
    (r, slack, v) => {
      const failSafe = { min: r.min - slack, max: r.max + slack };
      if (!unwrap(within(v, failSafe))) expect(unwrap(within(v, r))).toBe(false);
    },
  );

  test.prop([fc.array(fc.constantFrom(...tiers)), fc.constantFrom(...tiers)])(
    "adding an affirming finding never worsens the status; a contraindicated one always wins",
    (ts, t) => {
      const status = ts.reduce(worseTier, "none" as (typeof tiers)[number]);
      const withAffirming = unwrap(worse(status, "affirming"));
      expect(tiers.indexOf(withAffirming)).toBeLessThanOrEqual(Math.max(tiers.indexOf(status), 1));
      if (status !== "none") expect(withAffirming).toBe(status === "affirming" ? "affirming" : status);
      expect(worse(status, "contraindicated")).toEqual({ ok: true, value: "contraindicated" });
      expect(worse(t, status)).toEqual(worse(status, t));
    },
  );

  it("maps verdicts to tiers", () => {
    expect(tierOf("within")).toBe("affirming");
    expect(tierOf("outside-failsafe")).toBe("contraindicated");
    expect(tierOf("stale")).toBe("warning");
  });
});
