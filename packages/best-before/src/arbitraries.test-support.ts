// fast-check arbitraries for lifecycle facts: dates from 2000 to 2040, components with every
// kind of lifetime, update histories with duplicates.
import { fc } from "@fast-check/vitest";
import type { Component, LifecycleFacts } from "./lifecycle.js";

export const dateArbitrary = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2040-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const temperature = fc.record({
  ratedTemperatureC: fc.integer({ min: 0, max: 60 }),
  useTemperatureC: fc.integer({ min: 0, max: 80 }),
  activationEnergyEv: fc.double({ min: 0.1, max: 1.2, noNaN: true }),
});

export const componentArbitrary: fc.Arbitrary<Component> = fc
  .tuple(
    fc.constantFrom("battery", "fan", "display", "probe", "flash"),
    fc.oneof(
      fc.record({ ratedHours: fc.integer({ min: 1000, max: 200_000 }) }),
      fc.record({ mtbfHours: fc.integer({ min: 10_000, max: 2_000_000 }) }),
      fc.record({
        weibull: fc.record({
          beta: fc.double({ min: 0.5, max: 5, noNaN: true }),
          etaHours: fc.integer({ min: 10_000, max: 500_000 }),
        }),
      }),
    ),
    fc.option(temperature, { nil: undefined }),
    fc.option(fc.double({ min: 0.05, max: 1, noNaN: true }), { nil: undefined }),
  )
  .map(([name, life, temp, duty]) => ({
    name,
    ...life,
    ...(temp ?? {}),
    ...(duty === undefined ? {} : { dutyCycle: duty }),
  }));

const end = fc.oneof(dateArbitrary, fc.boolean());

export const factsArbitrary: fc.Arbitrary<LifecycleFacts> = fc
  .record(
    {
      manufacturingDate: dateArbitrary,
      purchaseDate: dateArbitrary,
      supportPeriodEnd: dateArbitrary,
      endOfSecurityUpdates: end,
      endOfLife: end,
      endOfSale: end,
      updates: fc.array(fc.record({ date: dateArbitrary, security: fc.boolean() }), { maxLength: 20 }),
      stillPurchasable: fc.boolean(),
      productLineActive: fc.boolean(),
      newVariants: fc.integer({ min: 0, max: 10 }),
      manufacturerAverageEndOfLifeYears: fc.integer({ min: 1, max: 15 }),
      components: fc.array(componentArbitrary, { maxLength: 5 }),
    },
    { requiredKeys: ["manufacturingDate"] },
  )
  .map((f) => {
    // Ends before the manufacturing date are refused; move them after it.
    const made = f.manufacturingDate as string;
    const after = (d: unknown) => (typeof d === "string" && d < made ? made : d);
    return {
      ...f,
      ...(f.supportPeriodEnd === undefined ? {} : { supportPeriodEnd: after(f.supportPeriodEnd) }),
      ...(f.endOfSecurityUpdates === undefined ? {} : { endOfSecurityUpdates: after(f.endOfSecurityUpdates) }),
      ...(f.endOfLife === undefined ? {} : { endOfLife: after(f.endOfLife) }),
    } as LifecycleFacts;
  });
