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

/** A positive number the schema accepts, up to `max`, from the smallest double up, edges included. */
const anyPositive = (max: number) =>
  fc.oneof(
    fc.double({ min: Number.MIN_VALUE, max, noNaN: true }),
    fc.constantFrom(Number.MIN_VALUE, 1e-300, 1e-10, 1, max),
  );
/** A temperature the schema accepts: above absolute zero, at most 1000 °C, edges included. */
const anyTemperature = fc.oneof(
  fc.double({ min: -273.15, max: 1000, minExcluded: true, noNaN: true }),
  fc.constantFrom(-273.15 + 2 ** -44, -273.1499999999, 0, 1000),
);

/** Components with every lifetime the schema accepts, however extreme: the class of lives that overflow or underflow. */
export const extremeComponentArbitrary: fc.Arbitrary<Component> = fc
  .tuple(
    fc.oneof(
      fc.record({ ratedHours: anyPositive(1e9) }),
      fc.record({ mtbfHours: anyPositive(1e10) }),
      fc.record({ weibull: fc.record({ beta: anyPositive(100), etaHours: anyPositive(1e10) }) }),
    ),
    fc.option(
      fc.record({
        ratedTemperatureC: anyTemperature,
        useTemperatureC: anyTemperature,
        activationEnergyEv: anyPositive(5),
      }),
      { nil: undefined },
    ),
    fc.option(anyPositive(1), { nil: undefined }),
  )
  .map(([life, temp, duty]) => ({
    name: "part",
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
