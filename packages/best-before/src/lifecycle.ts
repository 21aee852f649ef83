import { deepFreeze, mapResult, ok, parseWith, type Result } from "@miotsec/core";
import { isoDateRange } from "@miotsec/core/internal";
import * as z from "zod/mini";

/** Lifecycle dates are between 1900 and 2999: old enough for any device, and far from the calendar's edges. */
const lifecycleDate = isoDateRange("1900-01-01", "2999-12-31");

const name = z.string().check(z.minLength(1), z.maxLength(200));
/** A number above 0 and at most `max`: hours, energies, shares. Not exported from the package. */
export const positive = (max: number) => z.number().check(z.gt(0), z.lte(max));
/** A temperature in °C above absolute zero and at most 1000. Not exported from the package. */
export const temperature = z.number().check(z.gt(-273.15), z.lte(1000));

/**
 * An end of the lifecycle (support, security updates, life, sale), as endoflife.date writes
 * them: a date, `true` when it is already over but the date is not known, or `false` when it
 * is not over and no date is announced.
 *
 * @example
 * ```ts
 * import { lifecycleEndSchema } from "@miotsec/best-before";
 * lifecycleEndSchema.parse("2027-06-30");
 * lifecycleEndSchema.parse(true);
 * ```
 * @since 0.1.0
 */
export const lifecycleEndSchema = z.union([lifecycleDate, z.boolean()], {
  error: "must be a date YYYY-MM-DD, true (over, date not known) or false (not over)",
});

/**
 * A hardware component and how long it lasts: exactly one of `ratedHours` (the
 * manufacturer's rated life), `mtbfHours` (mean time between failures; its B10 life, the time
 * by which 10 % fail, is about 0.105 x MTBF for a constant failure rate) or `weibull` (shape
 * `beta`, scale `etaHours`). Optionally the rated and the use temperature in °C with the
 * activation energy in eV, for the Arrhenius acceleration, and the duty cycle (share of the
 * calendar time the component is powered, 0 < d <= 1).
 *
 * @example
 * ```ts
 * import { componentSchema } from "@miotsec/best-before";
 * componentSchema.parse({ name: "Li-ion battery", ratedHours: 20000, ratedTemperatureC: 25, useTemperatureC: 35, activationEnergyEv: 0.7, dutyCycle: 0.5 });
 * ```
 * @since 0.1.0
 */
export const componentSchema = z
  .strictObject({
    name,
    kind: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
    ratedHours: z.optional(positive(1e9)),
    mtbfHours: z.optional(positive(1e10)),
    weibull: z.optional(z.strictObject({ beta: positive(100), etaHours: positive(1e10) })),
    ratedTemperatureC: z.optional(temperature),
    useTemperatureC: z.optional(temperature),
    activationEnergyEv: z.optional(positive(5)),
    dutyCycle: z.optional(positive(1)),
  })
  .check(
    z.refine((c) => [c.ratedHours, c.mtbfHours, c.weibull].filter((x) => x !== undefined).length === 1, {
      error: "needs exactly one lifetime: ratedHours, mtbfHours or weibull",
      params: { code: "invalid-lifetime" },
    }),
    z.refine(
      (c) => {
        const given = [c.ratedTemperatureC, c.useTemperatureC, c.activationEnergyEv].filter(
          (x) => x !== undefined,
        ).length;
        return given === 0 || given === 3;
      },
      {
        error: "needs ratedTemperatureC, useTemperatureC and activationEnergyEv together, or none of them",
        params: { code: "incomplete-temperature" },
      },
    ),
  );

/**
 * One software or firmware update the manufacturer shipped.
 *
 * @example
 * ```ts
 * import { updateSchema } from "@miotsec/best-before";
 * updateSchema.parse({ date: "2026-03-02", security: true, version: "4.2.1" });
 * ```
 * @since 0.1.0
 */
export const updateSchema = z.strictObject({
  date: lifecycleDate,
  security: z.boolean(),
  version: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
});

/**
 * The lifecycle facts of a device, the input of the best-before-inspection date (§V-B of the
 * paper): when it was made or bought, the declared support period, the ends of security
 * updates, life and sale (endoflife.date's `eoes`, `eol`, `discontinued`), its update
 * history, whether the product is still sold and its line alive, how many new variants the
 * manufacturer released, the manufacturer's average end-of-life period, and the hardware
 * components with their lifetimes.
 *
 * @example
 * ```ts
 * import { lifecycleFactsSchema } from "@miotsec/best-before";
 * lifecycleFactsSchema.parse({
 *   manufacturingDate: "2024-05-01",
 *   supportPeriodEnd: "2029-05-01",
 *   endOfSecurityUpdates: false,
 *   updates: [{ date: "2025-01-15", security: true }],
 *   stillPurchasable: true,
 * });
 * ```
 * @since 0.1.0
 */
export const lifecycleFactsSchema = z.strictObject({
  manufacturingDate: z.optional(lifecycleDate),
  purchaseDate: z.optional(lifecycleDate),
  supportPeriodEnd: z.optional(lifecycleDate),
  endOfSecurityUpdates: z.optional(lifecycleEndSchema),
  endOfLife: z.optional(lifecycleEndSchema),
  endOfSale: z.optional(lifecycleEndSchema),
  updates: z.optional(z.array(updateSchema).check(z.maxLength(10_000))),
  stillPurchasable: z.optional(z.boolean()),
  productLineActive: z.optional(z.boolean()),
  newVariants: z.optional(z.int().check(z.gte(0), z.lte(10_000))),
  manufacturerAverageEndOfLifeYears: z.optional(positive(100)),
  components: z.optional(z.array(componentSchema).check(z.maxLength(10_000))),
});

/**
 * Lifecycle facts; see {@link lifecycleFactsSchema}.
 *
 * @since 0.1.0
 */
export type LifecycleFacts = z.infer<typeof lifecycleFactsSchema>;
/**
 * A hardware component; see {@link componentSchema}.
 *
 * @since 0.1.0
 */
export type Component = z.infer<typeof componentSchema>;

declare const checkedBrand: unique symbol;

/**
 * Lifecycle facts that {@link parseLifecycleFacts} checked and froze, deeply. The brand says so
 * in the types, and {@link computeBestBefore} takes such facts without checking them again. At
 * run time the brand is the set of objects parseLifecycleFacts returned, which nothing else can
 * add to: a copy, a cast or a Proxy is checked like any other input.
 *
 * @since 0.2.0
 */
export type CheckedLifecycleFacts = Readonly<LifecycleFacts> & { readonly [checkedBrand]: true };

const checked = new WeakSet<object>();

/** Whether `value` is one that {@link parseLifecycleFacts} returned, so that it needs no check. */
export function isCheckedFacts(value: unknown): value is CheckedLifecycleFacts {
  return value !== null && typeof value === "object" && checked.has(value);
}

/**
 * Checks lifecycle facts once, for many computations: the value returned is frozen (deeply), and
 * {@link computeBestBefore} given that value skips checking it again. Use it when the same facts
 * are judged on many dates, or for a fleet recomputed every day; a single computation checks its
 * input itself. The input is never changed; the value is a checked copy.
 *
 * @example
 * ```ts
 * import { computeBestBefore, parseLifecycleFacts } from "@miotsec/best-before";
 * const facts = parseLifecycleFacts({ manufacturingDate: "2024-05-01", stillPurchasable: true });
 * if (facts.ok) {
 *   for (const asOf of ["2026-01-01", "2026-06-01"]) computeBestBefore(facts.value, { asOf }); // not checked again
 * }
 * ```
 * @since 0.1.0
 */
export function parseLifecycleFacts(input: unknown): Result<CheckedLifecycleFacts> {
  if (isCheckedFacts(input)) return ok(input);
  return mapResult(parseWith(lifecycleFactsSchema, input), (facts) => {
    checked.add(deepFreeze(facts));
    return facts as CheckedLifecycleFacts;
  });
}
