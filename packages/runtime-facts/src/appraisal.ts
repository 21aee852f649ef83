import { fail, issue, mapResult, parseWith, type Result } from "@miotsec/core";
import * as z from "zod/mini";
import { type Range, rangeSchema } from "./profile.js";

/**
 * The attestation-result tiers of IETF RATS (AR4SI, EAR), best first: `none` (nothing
 * appraised), `affirming`, `warning`, `contraindicated`. The worst finding's tier is the
 * appraisal's.
 *
 * @example
 * ```ts
 * import { tiers } from "@miotsec/runtime-facts";
 * tiers; // ["none", "affirming", "warning", "contraindicated"]
 * ```
 * @since 0.1.0
 */
export const tiers = ["none", "affirming", "warning", "contraindicated"] as const;

/**
 * One of {@link tiers}.
 *
 * @since 0.1.0
 */
export type Tier = (typeof tiers)[number];

/**
 * What a finding says about one metric, fact, service or version.
 *
 * @since 0.1.0
 */
export type Verdict =
  | "within"
  | "outside-operating"
  | "outside-failsafe"
  | "missing"
  | "stale"
  | "unit-mismatch"
  | "unknown-metric"
  | "unexpected-service"
  | "version-mismatch";

/**
 * The tier each verdict carries: `within` affirms, `outside-failsafe` contraindicates,
 * everything else warns.
 *
 * @example
 * ```ts
 * import { tierOf } from "@miotsec/runtime-facts";
 * tierOf("missing"); // "warning"
 * ```
 * @since 0.1.0
 */
export function tierOf(verdict: Verdict): Tier {
  return verdict === "within" ? "affirming" : verdict === "outside-failsafe" ? "contraindicated" : "warning";
}

// The plain comparisons, on values miotsec has checked; the exports below check theirs first.

/** The worse of two checked tiers. Not exported from the package. */
export function worseTier(a: Tier, b: Tier): Tier {
  return tiers.indexOf(a) >= tiers.indexOf(b) ? a : b;
}

/** The margin of a number to a checked range; see {@link margin}. Not exported from the package. */
export function rangeMargin(value: number, range: Range): number {
  const below = range.min === undefined ? Number.POSITIVE_INFINITY : value - range.min;
  const above = range.max === undefined ? Number.POSITIVE_INFINITY : range.max - value;
  return Math.min(below, above);
}

/** Whether a number lies in a checked range; see {@link within}. Not exported from the package. */
export function inRange(value: number, range: Range): boolean {
  return (
    Number.isFinite(value) &&
    (range.min === undefined || value >= range.min) &&
    (range.max === undefined || value <= range.max)
  );
}

const tierPair = z.strictObject({ a: z.enum(tiers), b: z.enum(tiers) });
const inRangeArguments = z.strictObject({ range: rangeSchema });

// A number and a range, read once and checked: the value any number (NaN and the infinities
// have answers), the range as a profile declares one.
function numberAndRange(value: unknown, range: unknown): Result<{ value: number; range: Range }> {
  if (typeof value !== "number") return fail([issue("invalid-type", "The value must be a number.", ["value"])]);
  return mapResult(parseWith(inRangeArguments, { range }), (r) => ({ value, range: r.range }));
}

/**
 * The worse of two tiers. Anything but two of {@link tiers} is answered with issues.
 *
 * @example
 * ```ts
 * import { worse } from "@miotsec/runtime-facts";
 * worse("affirming", "warning"); // { ok: true, value: "warning" }
 * ```
 * @since 0.1.0
 */
export function worse(a: Tier, b: Tier): Result<Tier> {
  return mapResult(parseWith(tierPair, { a, b }), (t) => worseTier(t.a, t.b));
}

/**
 * The signed margin of a value to an inclusive range: how far inside (positive, the distance
 * to the nearer bound; `Infinity` with no bound on either side that matters) or outside
 * (negative) it lies. A value on a bound has margin 0 and is inside. NaN gives NaN. A value
 * that is not a number, or a range that is not one a profile could declare, is answered with
 * issues.
 *
 * @example
 * ```ts
 * import { margin } from "@miotsec/runtime-facts";
 * margin(30, { max: 40 }); // { ok: true, value: 10 }
 * margin(45, { max: 40 }); // { ok: true, value: -5 }
 * ```
 * @since 0.1.0
 */
export function margin(value: number, range: Range): Result<number> {
  return mapResult(numberAndRange(value, range), (a) => rangeMargin(a.value, a.range));
}

/**
 * Whether a finite value lies in an inclusive range. NaN and infinities never do. A value that
 * is not a number, or a range that is not one a profile could declare, is answered with issues.
 *
 * @example
 * ```ts
 * import { within } from "@miotsec/runtime-facts";
 * within(40, { max: 40 }); // { ok: true, value: true }
 * within(Number.NaN, { max: 40 }); // { ok: true, value: false }
 * ```
 * @since 0.1.0
 */
export function within(value: number, range: Range): Result<boolean> {
  return mapResult(numberAndRange(value, range), (a) => inRange(a.value, a.range));
}

/**
 * An action a verdict calls for, as data: miotsec never executes actions. A warning asks for
 * an alert and a re-evaluation; a fail-safe breach starts the paper's reaction chain: pause
 * operation, isolate from the network, notify, require re-integration.
 *
 * @since 0.1.0
 */
export interface Action {
  /** What to do. */
  readonly kind:
    | "alert"
    | "schedule-re-evaluation"
    | "pause-operation"
    | "isolate-from-network"
    | "notify"
    | "require-re-integration";
  /** Why, in one sentence. */
  readonly reason: string;
}

/** The paper's reaction chain (§V-A, fail-safe stage), in order. */
export function reactionChain(reason: string): Action[] {
  return [
    { kind: "pause-operation", reason },
    { kind: "isolate-from-network", reason },
    { kind: "notify", reason },
    { kind: "require-re-integration", reason },
  ];
}

/** The actions of a tier, for one reason: the reaction chain, an alert and a re-evaluation, or none. */
export function actionsForReason(status: Tier, reason: string): Action[] {
  if (status === "contraindicated") return reactionChain(reason);
  if (status === "warning")
    return [
      { kind: "alert", reason },
      { kind: "schedule-re-evaluation", reason },
    ];
  return [];
}

/** The actions of an appraisal's status, for the reasons of its findings. */
export function actionsFor(status: Tier, reasons: readonly string[]): Action[] {
  return actionsForReason(status, reasons.join(" "));
}
