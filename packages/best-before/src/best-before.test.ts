import { fc, test } from "@fast-check/vitest";
import { isDeepFrozen, isIsoDate, unwrap } from "@miotsec/core";
import { describe, expect, it } from "vitest";
import {
  componentArbitrary,
  dateArbitrary,
  extremeComponentArbitrary,
  factsArbitrary,
} from "./arbitraries.test-support.js";
import { type BestBefore, computeBestBefore } from "./best-before.js";
import { arrheniusFactor, componentLifetime, mtbfB10, weibullB10 } from "./hardware.js";
import { bestBeforeIssueCodes } from "./issue-codes.js";
import { parseLifecycleFacts } from "./lifecycle.js";

const asOf = "2026-11-28";
function run(facts: unknown, when = asOf, policy = {}): BestBefore {
  const r = computeBestBefore(facts, { asOf: when, policy });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}
const later = (a: string, days: number) =>
  new Date(Date.parse(`${a}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe("computeBestBefore: properties", () => {
  test.prop([factsArbitrary, fc.constantFrom("stillPurchasable", "productLineActive", "newVariants", "update")])(
    "positive factors never move the date earlier",
    (facts, factor) => {
      const before = run(facts);
      const improved: unknown =
        factor === "update"
          ? { ...facts, updates: [...(facts.updates ?? []), { date: "2026-01-10", security: true }] }
          : factor === "newVariants"
            ? { ...facts, newVariants: (facts.newVariants ?? 0) + 3 }
            : { ...facts, [factor]: true };
      expect(run(improved).bestBefore >= before.bestBefore).toBe(true);
    },
  );

  test.prop([factsArbitrary, fc.nat(20), fc.integer({ min: 1, max: 2000 })])(
    "a later update never moves the date earlier",
    (facts, index, shift) => {
      const updates = facts.updates ?? [];
      fc.pre(updates.length > 0);
      const i = index % updates.length;
      const moved = updates.map((u, j) => (j === i ? { ...u, date: later(u.date, shift) } : u));
      fc.pre(moved[i] !== undefined && (moved[i]?.date ?? "") <= "2999-12-31");
      expect(run({ ...facts, updates: moved }).bestBefore >= run(facts).bestBefore).toBe(true);
    },
  );

  test.prop([
    factsArbitrary,
    fc.constantFrom("endOfSecurityUpdates", "endOfLife", "supportPeriodEnd"),
    fc.integer({ min: 1, max: 3000 }),
  ])("an earlier end never moves the date later, nor does ending it now", (facts, key, days) => {
    const current = facts[key];
    const base = typeof current === "string" ? current : "2040-12-31";
    const earlier = later(base, -days);
    fc.pre(earlier >= (facts.manufacturingDate ?? ""));
    expect(run({ ...facts, [key]: base }).bestBefore >= run({ ...facts, [key]: earlier }).bestBefore).toBe(true);
    // "true" means "over, date unknown": never later than an end still to come, or none.
    if (key !== "supportPeriodEnd") {
      const over = run({ ...facts, [key]: true }).bestBefore;
      expect(run({ ...facts, [key]: "2040-12-31" }).bestBefore >= over).toBe(true);
      expect(run({ ...facts, [key]: false }).bestBefore >= over).toBe(true);
    }
  });

  test.prop([
    factsArbitrary,
    componentArbitrary,
    fc.integer({ min: 1, max: 40 }),
    fc.double({ min: 0.05, max: 1, noNaN: true }),
  ])("a hotter use temperature or a higher duty cycle never moves the date later", (facts, component, hotter, duty) => {
    const cool = {
      ...component,
      ratedTemperatureC: 25,
      useTemperatureC: 25,
      activationEnergyEv: 0.7,
      dutyCycle: duty / 2,
    };
    const withCool = run({ ...facts, components: [...(facts.components ?? []), cool] });
    const hot = run({ ...facts, components: [...(facts.components ?? []), { ...cool, useTemperatureC: 25 + hotter }] });
    const busy = run({ ...facts, components: [...(facts.components ?? []), { ...cool, dutyCycle: duty }] });
    expect(hot.bestBefore <= withCool.bestBefore).toBe(true);
    expect(busy.bestBefore <= withCool.bestBefore).toBe(true);
  });

  test.prop([factsArbitrary])("the date never exceeds any cap", (facts) => {
    const r = run(facts);
    for (const key of ["supportPeriodEnd", "endOfSecurityUpdates", "endOfLife"] as const) {
      const end = facts[key];
      if (typeof end === "string") expect(r.bestBefore <= end).toBe(true);
      if (end === true) expect(r.bestBefore < asOf).toBe(true);
    }
    if (r.hardwareLimit) expect(r.bestBefore <= r.hardwareLimit).toBe(true);
    expect(r.daysRemaining).toBeLessThanOrEqual(120 * 31 + 3650 * 10);
  });

  test.prop([factsArbitrary, componentArbitrary])(
    "adding a component never extends the hardware limit; the limiting one is the shortest-lived",
    (facts, extra) => {
      const before = run(facts);
      const after = run({ ...facts, components: [...(facts.components ?? []), extra] });
      expect(after.bestBefore <= before.bestBefore).toBe(true);
      const all = [...(facts.components ?? []), extra].map((c) => unwrap(componentLifetime(c)));
      expect(after.limitingComponent?.calendarDays).toBe(Math.min(...all.map((c) => c.calendarDays)));
    },
  );

  test.prop([factsArbitrary, dateArbitrary, fc.integer({ min: 1, max: 3000 })])(
    "the status only moves forward as asOf grows",
    (facts, a, days) => {
      const order = { valid: 0, "due-soon": 1, expired: 2 } as const;
      const first = run(facts, a);
      const second = run(facts, later(a, days));
      expect(order[second.status]).toBeGreaterThanOrEqual(order[first.status]);
    },
  );

  test.prop([factsArbitrary, fc.nat()])(
    "the order and duplicates of the update history do not matter",
    (facts, seed) => {
      const updates = facts.updates ?? [];
      const shuffled = [...updates, ...updates.slice(0, seed % (updates.length + 1))].sort((x, y) =>
        x.date < y.date ? 1 : -1,
      );
      expect(run({ ...facts, updates: shuffled })).toEqual(run(facts));
    },
  );

  test.prop([factsArbitrary, dateArbitrary])(
    "with a manufacturing date, the purchase date is ignored",
    (facts, purchase) => {
      const { purchaseDate: _, ...rest } = facts;
      expect(run({ ...rest, purchaseDate: purchase })).toEqual(run(rest));
    },
  );

  test.prop([factsArbitrary])(
    "an end of support, security updates or life makes the label negative, whatever else is true",
    (facts) => {
      const r = run({
        ...facts,
        endOfSecurityUpdates: true,
        stillPurchasable: true,
        productLineActive: true,
        updates: [{ date: "2026-11-01", security: true }],
      });
      expect(r).toMatchObject({ label: "negative", stage: "end-of-support", status: "expired" });
    },
  );

  test.prop([factsArbitrary])("is deterministic, byte for byte", (facts) => {
    expect(JSON.stringify(run(facts))).toBe(JSON.stringify(run(structuredClone(facts))));
  });

  test.prop([factsArbitrary])("every contribution adds up to the date", (facts) => {
    const r = run(facts);
    const total = r.contributions.reduce((sum, c) => sum + c.days, 0);
    expect(later(r.anchor.date, total)).toBe(r.bestBefore);
  });
});

describe("new product variants", () => {
  const facts = { manufacturingDate: "2026-02-02", newVariants: 2, stillPurchasable: true };

  it("count as neutral by default, as the paper gives them no direction", () => {
    const b = run(facts);
    expect(b.contributions.find((c) => c.factor === "new-variants")).toMatchObject({
      direction: "neutral",
      days: 0,
      explanation:
        "2 new variants of the product released; they count as neutral, as the paper gives them no direction. No change.",
    });
    expect(b.bestBefore).toBe(run({ ...facts, newVariants: 0 }).bestBefore);
  });

  it("count as a month each of an active manufacturer under monthsPerNewVariant: 1, at most six", () => {
    const b = run(facts, asOf, { monthsPerNewVariant: 1 });
    expect(b.contributions.find((c) => c.factor === "new-variants")).toMatchObject({ direction: "positive" });
    expect(b.bestBefore > run(facts).bestBefore).toBe(true);
    expect(run({ ...facts, newVariants: 40 }, asOf, { monthsPerNewVariant: 1 }).bestBefore).toBe(
      run({ ...facts, newVariants: 6 }, asOf, { monthsPerNewVariant: 1 }).bestBefore,
    );
  });
});

describe("the inspection day", () => {
  test.prop([factsArbitrary, dateArbitrary])(
    "lists the paper's four actions in its order, each with why, whatever the facts",
    (facts, day) => {
      const r = computeBestBefore(facts, { asOf: day });
      if (!r.ok) return;
      expect(r.value.inspection.map((s) => s.id)).toEqual([
        "check-firmware",
        "compare-runtime-facts",
        "check-support",
        "reassess",
      ]);
      for (const step of r.value.inspection) {
        expect(step.action).toMatch(/^[A-Z].*\.$/u);
        expect(step.why).toMatch(/^[A-Z].*\.$/u);
      }
      // What the facts say is in the reasons: the support period's end, the last security update.
      const support = r.value.inspection[2]?.why ?? "";
      if (facts.supportPeriodEnd === undefined) expect(support).toContain("declares no end of the support period");
      else expect(support).toContain(facts.supportPeriodEnd);
      const latest = (facts.updates ?? [])
        .filter((u) => u.security)
        .map((u) => u.date)
        .sort()
        .at(-1);
      expect(r.value.inspection[0]?.why).toContain(latest ?? "no security update is on record");
    },
  );

  it("says where support has ended", () => {
    const b = run({ purchaseDate: "2020-01-01", supportPeriodEnd: "2025-01-01" });
    expect(b.inspection[2]?.why).toBe(
      "Support that has stopped makes the label negative, and the date was computed assuming it goes on. The support period ended on 2025-01-01.",
    );
  });
});

describe("hardware lifetimes", () => {
  test.prop([fc.integer({ min: -40, max: 150 }), fc.double({ min: 0.01, max: 3, noNaN: true })])(
    "the Arrhenius factor at the rated temperature is 1",
    (t, ea) => {
      expect(arrheniusFactor(t, t, ea)).toEqual({ ok: true, value: 1 });
    },
  );

  test.prop([
    fc.integer({ min: -40, max: 100 }),
    fc.integer({ min: 1, max: 50 }),
    fc.double({ min: 0.1, max: 2, noNaN: true }),
  ])("hotter is shorter, cooler is longer", (t, delta, ea) => {
    expect(unwrap(arrheniusFactor(t, t + delta, ea))).toBeLessThan(1);
    expect(unwrap(arrheniusFactor(t, t - delta, ea))).toBeGreaterThan(1);
  });

  test.prop([factsArbitrary, fc.array(extremeComponentArbitrary, { minLength: 1, maxLength: 3 }), dateArbitrary])(
    "components with extreme lifetimes give finite figures and real dates, never a throw",
    (facts, components, asOf) => {
      const r = computeBestBefore({ ...facts, components }, { asOf });
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      expect(isIsoDate(r.value.bestBefore)).toBe(true);
      if (r.value.hardwareLimit !== undefined) expect(isIsoDate(r.value.hardwareLimit)).toBe(true);
      for (const c of r.value.contributions) expect(Number.isSafeInteger(c.days), c.explanation).toBe(true);
      const limiting = r.value.limitingComponent;
      expect(limiting).toBeDefined();
      if (limiting === undefined) return;
      expect(Number.isSafeInteger(limiting.calendarDays)).toBe(true);
      expect(limiting.calendarDays).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(limiting.arrheniusFactor)).toBe(true);
      expect(Number.isFinite(limiting.ratedLifetimeHours)).toBe(true);
    },
  );

  it("uses B10 lives: about 0.105 x MTBF, and the Weibull B10 with beta 1 equals it", () => {
    expect(unwrap(mtbfB10(100_000))).toBeCloseTo(10_536.05, 1);
    expect(unwrap(weibullB10(1, 100_000))).toBeCloseTo(unwrap(mtbfB10(100_000)), 6);
    expect(unwrap(weibullB10(2, 100_000))).toBeCloseTo(100_000 * Math.sqrt(-Math.log(0.9)), 3);
    expect(unwrap(componentLifetime({ name: "backlight", ratedHours: 30_000, dutyCycle: 0.5 }))).toMatchObject({
      method: "rated",
      calendarDays: 2500,
    });
    // 10 °C above rating with 0.7 eV roughly halves a life, the rule of thumb.
    expect(unwrap(arrheniusFactor(25, 35, 0.7))).toBeCloseTo(0.4, 1);
  });

  it("answers arguments outside the lifecycle schema's bounds with issues that name them", () => {
    expect(weibullB10(0, 100)).toMatchObject({ ok: false, issues: [{ path: ["beta"], code: "too-small" }] });
    expect(mtbfB10(Number.NaN)).toMatchObject({ ok: false, issues: [{ path: ["mtbfHours"], code: "not-finite" }] });
    expect(arrheniusFactor(25, -300, 0.7)).toMatchObject({ ok: false, issues: [{ path: ["useTemperatureC"] }] });
    expect(componentLifetime({ name: "fan" } as never)).toMatchObject({ ok: false });
  });
});

describe("computeBestBefore: calendar and examples", () => {
  const only = { baseMonths: 1, assumedSupportYears: null, monthsPerSecurityUpdate: 0 };
  it("adds months once to the anchor, clamping month ends and leap days", () => {
    expect(run({ manufacturingDate: "2024-01-31" }, asOf, only).bestBefore).toBe("2024-02-29");
    expect(run({ manufacturingDate: "2024-02-29" }, asOf, { ...only, baseMonths: 12 }).bestBefore).toBe("2025-02-28");
    // 1 + 1 months from Jan 31 is Mar 31, not Feb 29 + 1 month = Mar 29: durations add to the anchor once.
    expect(
      run({ manufacturingDate: "2024-01-31", stillPurchasable: true }, "2024-01-31", {
        ...only,
        stillPurchasableMonths: 1,
      }).bestBefore,
    ).toBe("2024-03-31");
  });

  it("explains a device still sold and updated", () => {
    const r = run({
      manufacturingDate: "2024-05-01",
      supportPeriodEnd: "2029-05-01",
      updates: [{ date: "2026-02-01", security: true }],
      stillPurchasable: true,
    });
    expect(r).toMatchObject({
      bestBefore: "2027-02-01",
      status: "due-soon",
      label: "positive",
      stage: "support",
      daysRemaining: 65,
    });
    expect(r.contributions.map((c) => [c.factor, c.days])).toEqual([
      ["base", 730],
      ["security-updates", 31],
      ["still-purchasable", 183],
      ["product-line-active", 0],
      ["new-variants", 0],
      ["recent-security-update", 62],
      ["support-period-end", 0],
      ["maximum", 0],
    ]);
  });

  it("limits the date by the shortest-lived component and names it", () => {
    const r = run({
      manufacturingDate: "2024-01-01",
      supportPeriodEnd: "2034-01-01",
      components: [
        { name: "battery", ratedHours: 20_000, ratedTemperatureC: 25, useTemperatureC: 40, activationEnergyEv: 0.7 },
        { name: "fan", mtbfHours: 60_000 },
      ],
    });
    expect(r.limitingComponent).toMatchObject({ name: "battery", method: "rated" });
    expect(r.hardwareLimit).toBe(r.bestBefore);
    expect(r.contributions.find((c) => c.factor === "hardware-limit")?.explanation).toMatch(/battery/);
  });

  it("labels: limited when sale has ended or an end is near or no security update is known", () => {
    expect(run({ manufacturingDate: "2024-01-01", updates: [{ date: "2026-06-01", security: true }] }).label).toBe(
      "positive",
    );
    expect(run({ manufacturingDate: "2024-01-01" }).labelReasons).toEqual(["No security update is on record."]);
    expect(
      run({ manufacturingDate: "2024-01-01", endOfSale: true, updates: [{ date: "2026-06-01", security: true }] })
        .label,
    ).toBe("limited");
    expect(
      run({
        manufacturingDate: "2024-01-01",
        endOfLife: "2027-06-30",
        updates: [{ date: "2026-06-01", security: true }],
      }),
    ).toMatchObject({
      label: "limited",
      stage: "limited-support",
    });
    expect(run({ manufacturingDate: "2020-01-01", supportPeriodEnd: "2025-01-01" })).toMatchObject({
      label: "negative",
      labelReasons: ["The support period has ended."],
    });
  });
});

describe("computeBestBefore: bad input", () => {
  const codes = (facts: unknown, options: { asOf: string; policy?: object } = { asOf }) => {
    const r = computeBestBefore(facts, options);
    return r.ok ? [] : r.issues.map((i) => `${i.code}@${i.path.join("/")}`);
  };

  it("needs an anchor date", () => {
    expect(codes({ stillPurchasable: true })).toEqual(["missing-anchor@manufacturingDate"]);
  });

  it("refuses impossible dates, NaN and negative lifetimes", () => {
    expect(codes({ manufacturingDate: "2023-02-29" })).toEqual(["invalid-date@manufacturingDate"]);
    expect(codes({ manufacturingDate: "2024-01-01", components: [{ name: "x", ratedHours: -5 }] })).toEqual([
      "too-small@components/0/ratedHours",
    ]);
    expect(codes({ manufacturingDate: "2024-01-01", components: [{ name: "x", mtbfHours: Number.NaN }] })[0]).toBe(
      "not-finite@components/0/mtbfHours",
    );
    expect(codes({ manufacturingDate: "2024-01-01", components: [{ name: "x" }] })).toEqual([
      "invalid-lifetime@components/0",
    ]);
    expect(
      codes({ manufacturingDate: "2024-01-01", components: [{ name: "x", ratedHours: 5, useTemperatureC: 50 }] }),
    ).toEqual(["incomplete-temperature@components/0"]);
  });

  it("says what an end must be", () => {
    expect(codes({ manufacturingDate: "2024-01-01", endOfLife: "soon" })).toEqual(["invalid-date@endOfLife"]);
    const r = computeBestBefore({ manufacturingDate: "2024-01-01", endOfLife: 5 }, { asOf });
    expect(r).toMatchObject({ ok: false, issues: [{ code: "invalid-value", path: ["endOfLife"] }] });
    if (!r.ok)
      expect(r.issues[0]?.message).toBe(
        "$.endOfLife must be a date YYYY-MM-DD, true (over, date not known) or false (not over).",
      );
  });

  it("refuses ends before the manufacturing date, and accepts a purchase before it (a pre-order)", () => {
    expect(codes({ manufacturingDate: "2024-01-01", endOfLife: "2023-12-31" })).toEqual([
      "dates-out-of-order@endOfLife",
    ]);
    expect(codes({ manufacturingDate: "2024-01-01", purchaseDate: "2023-11-01" })).toEqual([]);
    expect(codes({ purchaseDate: "2024-01-01", endOfLife: "2023-12-31" })).toEqual([]);
  });

  it("names a bad asOf and a bad policy", () => {
    expect(codes({ manufacturingDate: "2024-01-01" }, { asOf: "2024-13-01" })).toEqual(["invalid-date@asOf"]);
    expect(codes({ manufacturingDate: "2024-01-01" }, { asOf, policy: { baseMonths: -1, extra: 1 } })).toEqual([
      "too-small@policy/baseMonths",
      "unknown-key@policy/extra",
    ]);
  });

  it("reads its options and policy once: a getter's later answer never reaches the result", () => {
    let reads = 0;
    const options = { policy: { warningDays: 90 } };
    Object.defineProperty(options, "asOf", { enumerable: true, get: () => (reads++ === 0 ? asOf : "<b>x</b>") });
    const r = computeBestBefore({ manufacturingDate: "2024-01-01" }, options as never);
    expect(reads).toBe(1);
    expect(r.ok && r.value.asOf).toBe(asOf);
  });

  it.each([
    [
      "a throwing getter in the options",
      () =>
        Object.defineProperty({}, "asOf", {
          enumerable: true,
          get: () => {
            throw new Error("boom");
          },
        }),
    ],
    [
      "a Proxy whose traps throw",
      () =>
        new Proxy(
          {},
          {
            ownKeys: () => {
              throw new Error("boom");
            },
          },
        ),
    ],
    [
      "a throwing getter in the policy",
      () => ({
        asOf,
        policy: Object.defineProperty({}, "baseMonths", {
          enumerable: true,
          get: () => {
            throw new Error("boom");
          },
        }),
      }),
    ],
    ["a Map as the policy", () => ({ asOf, policy: new Map([["baseMonths", 1]]) })],
    ["null", () => null],
    ["a misspelt option", () => ({ asof: asOf })],
  ])("answers %s with issues, never a throw", (_, make) => {
    const r = computeBestBefore({ manufacturingDate: "2024-01-01" }, make() as never);
    expect(r.ok).toBe(false);
    if (!r.ok) for (const i of r.issues) expect(typeof i.code).toBe("string");
  });

  it("answers hostile input with issues", () => {
    expect(codes(JSON.parse('{"manufacturingDate":"2024-01-01","__proto__":{"x":1}}'))).toEqual([
      "forbidden-key@__proto__",
    ]);
    expect(
      codes({
        manufacturingDate: "2024-01-01",
        components: Array.from({ length: 100_000 }, () => ({ name: "x", ratedHours: 1 })),
      }),
    ).toEqual(["too-big@components"]);
    expect(codes({ manufacturingDate: "x".repeat(10_000_000) })).toEqual(["invalid-date@manufacturingDate"]);
  });

  test.prop([fc.anything()])("answers any value with a result, never a throw", (input) => {
    for (const r of [
      computeBestBefore(input, { asOf }),
      computeBestBefore({ manufacturingDate: "2024-01-01" }, input as { asOf: string }),
    ]) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues.filter((i) => !bestBeforeIssueCodes.includes(i.code as never))).toEqual([]);
    }
  });
});

describe("parseLifecycleFacts: check once, compute many times", () => {
  test.prop([factsArbitrary, dateArbitrary])(
    "checked facts give the same result as the raw facts, and are not checked again",
    (facts, when) => {
      const input = structuredClone(facts);
      const checked = parseLifecycleFacts(input);
      expect(checked.ok).toBe(true);
      if (!checked.ok) return;
      expect(checked.value).toEqual(facts);
      expect(Object.isFrozen(checked.value)).toBe(true);
      expect(Object.isFrozen(input)).toBe(false);
      expect(input).toEqual(facts);
      const again = parseLifecycleFacts(checked.value);
      expect(again.ok && again.value).toBe(checked.value);
      expect(computeBestBefore(checked.value, { asOf: when })).toEqual(computeBestBefore(facts, { asOf: when }));
    },
  );

  test.prop([factsArbitrary])("everything inside checked facts is frozen", (facts) => {
    const checked = parseLifecycleFacts(facts);
    if (!checked.ok) throw new Error("valid facts were refused");
    for (const u of checked.value.updates ?? []) expect(Object.isFrozen(u)).toBe(true);
    for (const c of checked.value.components ?? []) {
      expect(Object.isFrozen(c)).toBe(true);
      if (c.weibull) expect(Object.isFrozen(c.weibull)).toBe(true);
    }
  });

  test.prop([factsArbitrary])("what results of the same checked facts share is frozen", (facts) => {
    const checked = parseLifecycleFacts(facts);
    if (!checked.ok) throw new Error("valid facts were refused");
    const first = computeBestBefore(checked.value, { asOf });
    const second = computeBestBefore(checked.value, { asOf: "2027-01-01" });
    if (!first.ok || !second.ok) throw new Error("no result");
    if (first.value.limitingComponent !== undefined) {
      expect(Object.isFrozen(first.value.limitingComponent)).toBe(true);
      expect(second.value.limitingComponent).toBe(first.value.limitingComponent);
    }
    expect(second.value.contributions).not.toBe(first.value.contributions);
  });

  it("an unchecked look-alike is checked: only the value parseLifecycleFacts returned is trusted", () => {
    const checked = parseLifecycleFacts({ manufacturingDate: "2024-05-01" });
    if (!checked.ok) throw new Error("refused");
    const copy = { ...checked.value, newVariants: -1 };
    const r = computeBestBefore(copy, { asOf });
    expect(r.ok).toBe(false);
  });

  test.prop([fc.anything()])("answers any value with issues of its own codes, or with checked facts", (x) => {
    const r = parseLifecycleFacts(x);
    if (r.ok) expect(isDeepFrozen(r.value)).toBe(true);
    else expect(r.issues.filter((i) => !bestBeforeIssueCodes.includes(i.code as never))).toEqual([]);
  });

  it("a frozen copy or a Proxy cannot pass for checked facts", () => {
    const checked = parseLifecycleFacts({ manufacturingDate: "2024-05-01" });
    if (!checked.ok) throw new Error("refused");
    const copy = Object.freeze({ ...checked.value, newVariants: -1 });
    expect(computeBestBefore(copy, { asOf }).ok).toBe(false);
    const proxy = new Proxy(checked.value, {});
    expect(computeBestBefore(proxy, { asOf })).toEqual(computeBestBefore(checked.value, { asOf }));
    const again = parseLifecycleFacts(proxy);
    expect(again.ok && again.value).not.toBe(proxy);
  });
});
