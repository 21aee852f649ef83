// The sentences of findings and monitor events: how numbers, ranges and breaches are written.
import { formatNumber } from "./format-number.js";
import type { Range } from "./profile.js";

export { formatNumber };

/** A range in words, with its unit: `0 to 80 %`, `at least 5 s`, `at most 95 %`. Internal. */
export function describeRange(r: Range, unit: string): string {
  return r.min !== undefined && r.max !== undefined
    ? `${formatNumber(r.min)} to ${formatNumber(r.max)} ${unit}`
    : r.min !== undefined
      ? `at least ${formatNumber(r.min)} ${unit}`
      : `at most ${formatNumber(r.max as number)} ${unit}`;
}

/**
 * The words of a fail-safe breach before and after its value, with the fail-safe range given in
 * words (`describeRange`). The monitor joins them once per metric, not once per event. Internal.
 */
export function failSafeWords(id: string, unit: string, failSafe: string): readonly [string, string] {
  return [`${id} is `, ` ${unit}, outside the fail-safe range ${failSafe}.`];
}

/** The sentence of a value outside the fail-safe range (see {@link failSafeWords}). Internal. */
export function failSafeSentence(id: string, value: number, unit: string, failSafe: string): string {
  const [before, after] = failSafeWords(id, unit, failSafe);
  return `${before}${formatNumber(value)}${after}`;
}

/**
 * The sentence of a value within or outside a stage's range, given in words (`describeRange`).
 * Shared with the monitor. Internal.
 */
export function stageSentence(
  id: string,
  value: number,
  unit: string,
  stage: "integration" | "operating",
  range: string,
  inRange: boolean,
): string {
  return `${id} is ${formatNumber(value)} ${unit}, ${inRange ? "within" : "outside"} the ${stage} range ${range}.`;
}
