import { mapResult, parseWith, type Result } from "@miotsec/core";
import * as z from "zod/mini";
import { type Component, componentSchema, positive, temperature } from "./lifecycle.js";

/** Boltzmann's constant in eV/K. */
const boltzmann = 8.617333262e-5;
/** The longest component life reported, in days (about 27 million years). */
const maxCalendarDays = 1e10;
/** -ln(0.9): the share of a life by which 10 % of units have failed under a constant rate. */
const b10Share = -Math.log(0.9);

// The plain arithmetic, on checked values; the exports below check their arguments first.
function weibullLife(beta: number, etaHours: number): number {
  return etaHours * b10Share ** (1 / beta);
}

function mtbfLife(mtbfHours: number): number {
  return mtbfHours * b10Share;
}

function arrhenius(ratedTemperatureC: number, useTemperatureC: number, activationEnergyEv: number): number {
  const rated = ratedTemperatureC + 273.15;
  const use = useTemperatureC + 273.15;
  return Math.exp((activationEnergyEv / boltzmann) * (1 / use - 1 / rated));
}

/**
 * How long a component lasts in calendar time, and how that was worked out.
 *
 * @since 0.1.0
 */
export interface ComponentLifetime {
  /** The component's name. */
  readonly name: string;
  /** Where the life comes from. */
  readonly method: "rated" | "mtbf-b10" | "weibull-b10";
  /** The life at rated conditions, in operating hours. */
  readonly ratedLifetimeHours: number;
  /** The Arrhenius factor at the use temperature (1 when no temperatures are given), at most `Number.MAX_VALUE`. */
  readonly arrheniusFactor: number;
  /** The share of calendar time the component runs (1 when not given). */
  readonly dutyCycle: number;
  /** The life in calendar days: rated life x Arrhenius factor / duty cycle, rounded down, at most 10^10. */
  readonly calendarDays: number;
}

/**
 * {@link componentLifetime} of a component the lifecycle schema has checked.
 */
export function lifetimeOf(component: Component): ComponentLifetime {
  const method = component.weibull ? "weibull-b10" : component.ratedHours !== undefined ? "rated" : "mtbf-b10";
  const ratedLifetimeHours = component.weibull
    ? weibullLife(component.weibull.beta, component.weibull.etaHours)
    : (component.ratedHours ?? mtbfLife(component.mtbfHours ?? 0));
  const { ratedTemperatureC: rated, useTemperatureC: use, activationEnergyEv: energy } = component;
  const temperatures = rated !== undefined && use !== undefined && energy !== undefined;
  const factor = temperatures ? arrhenius(rated, use, energy) : 1;
  const dutyCycle = component.dutyCycle ?? 1;
  let hours = (ratedLifetimeHours * factor) / dutyCycle;
  if (!Number.isFinite(hours) && temperatures) {
    // Extreme parameters: the factor overflowed to infinity (or the quotient did), and infinity
    // times a life that underflowed to zero is NaN. Multiplied out in logarithms instead, the
    // life is a number from 0 to infinity, never NaN; the Arrhenius exponent itself is finite for
    // every temperature above absolute zero.
    const exponent = (energy / boltzmann) * (1 / (use + 273.15) - 1 / (rated + 273.15));
    hours = Math.exp(Math.log(ratedLifetimeHours) + exponent - Math.log(dutyCycle));
  }
  // Beyond ~27 million years the figure means nothing; keep it a safe integer.
  const calendarDays = Math.min(Math.floor(hours / 24), maxCalendarDays);
  return {
    name: component.name,
    method,
    ratedLifetimeHours,
    arrheniusFactor: Math.min(factor, Number.MAX_VALUE),
    dutyCycle,
    calendarDays,
  };
}

const weibullParameters = z.strictObject({ beta: positive(100), etaHours: positive(1e10) });
const mtbfParameters = z.strictObject({ mtbfHours: positive(1e10) });
const arrheniusParameters = z.strictObject({
  ratedTemperatureC: temperature,
  useTemperatureC: temperature,
  activationEnergyEv: positive(5),
});

/**
 * The B10 life of a Weibull distribution: the time by which 10 % of units have failed,
 * `eta * (-ln 0.9)^(1/beta)`. The shape must be above 0 and at most 100, the scale above 0 and at
 * most 10^10 hours (the bounds of the lifecycle schema); other arguments are answered with
 * issues.
 *
 * @example
 * ```ts
 * import { weibullB10 } from "@miotsec/best-before";
 * weibullB10(1, 100000); // { ok: true, value: 10536.05... } (with beta 1, the same as MTBF 100000)
 * ```
 * @since 0.1.0
 */
export function weibullB10(beta: number, etaHours: number): Result<number> {
  return mapResult(parseWith(weibullParameters, { beta, etaHours }), (p) => weibullLife(p.beta, p.etaHours));
}

/**
 * The B10 life for a constant failure rate: about 0.105 x MTBF (exactly `-ln(0.9) * MTBF`). The
 * MTBF must be above 0 and at most 10^10 hours; other arguments are answered with issues.
 *
 * @example
 * ```ts
 * import { mtbfB10 } from "@miotsec/best-before";
 * mtbfB10(100000); // { ok: true, value: 10536.05... }
 * ```
 * @since 0.1.0
 */
export function mtbfB10(mtbfHours: number): Result<number> {
  return mapResult(parseWith(mtbfParameters, { mtbfHours }), (p) => mtbfLife(p.mtbfHours));
}

/**
 * The Arrhenius acceleration factor of a life at the use temperature against the rated one:
 * `exp(Ea / k * (1 / T_use - 1 / T_rated))`, temperatures in kelvin. 1 at the rated
 * temperature, below 1 when hotter (shorter life), above 1 when cooler. Temperatures above
 * absolute zero and at most 1000 °C, and an activation energy above 0 and at most 5 eV, as the
 * lifecycle schema takes them; other arguments are answered with issues. The factor may be
 * `Infinity` for extreme values.
 *
 * @example
 * ```ts
 * import { arrheniusFactor } from "@miotsec/best-before";
 * arrheniusFactor(25, 25, 0.7); // { ok: true, value: 1 }
 * arrheniusFactor(25, 35, 0.7); // { ok: true, value: 0.44... }: 10 °C hotter, shorter life
 * ```
 * @since 0.1.0
 */
export function arrheniusFactor(
  ratedTemperatureC: number,
  useTemperatureC: number,
  activationEnergyEv: number,
): Result<number> {
  const parameters = parseWith(arrheniusParameters, { ratedTemperatureC, useTemperatureC, activationEnergyEv });
  return mapResult(parameters, (p) => arrhenius(p.ratedTemperatureC, p.useTemperatureC, p.activationEnergyEv));
}

/**
 * A component's life in calendar days: its rated, MTBF-based or Weibull B10 life, stretched or
 * shortened by the Arrhenius factor at its use temperature, divided by its duty cycle. The
 * component is checked with {@link componentSchema} first; anything else is answered with issues.
 *
 * @example
 * ```ts
 * import { componentLifetime } from "@miotsec/best-before";
 * const life = componentLifetime({ name: "Display backlight", ratedHours: 30000, dutyCycle: 0.5 });
 * if (life.ok) life.value.calendarDays; // 2500
 * ```
 * @since 0.1.0
 */
export function componentLifetime(component: Component): Result<ComponentLifetime> {
  return mapResult(parseWith(componentSchema, component), lifetimeOf);
}
