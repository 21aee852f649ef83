import type { Result } from "@miotsec/core";
import { defaultsResolver } from "@miotsec/core/internal";
import * as z from "zod/mini";

/**
 * How answers count and levels roll up.
 * - `partial`: `unmet` (the paper's reading: only met fulfils) or `met` (C2M2's "largely
 *   implemented" counts).
 * - `na`: `fulfils` (a justified `na`, where the requirement allows it, fulfils; the paper's
 *   tables are written for devices that have the feature) or `unmet` (conservative).
 * - `evidence`: `enforce` (a `met` answer to a requirement that needs evidence fulfils only with
 *   evidence) or `ignore`.
 * - `rollUp`: how criterion levels make a dimension's and the overall level: `minimum` (the
 *   paper's gated rule: all criteria of a level must be fulfilled) or `mean` (the mean, rounded
 *   down, as some self-assessment tools report; not the paper's).
 *
 * @example
 * ```ts
 * import { policySchema } from "@miotsec/maturity";
 * policySchema.parse({ partial: "met", na: "fulfils", evidence: "enforce", rollUp: "minimum" });
 * ```
 * @since 0.1.0
 */
export const policySchema = z.strictObject({
  partial: z.enum(["unmet", "met"]),
  na: z.enum(["fulfils", "unmet"]),
  evidence: z.enum(["enforce", "ignore"]),
  rollUp: z.enum(["minimum", "mean"]),
});

/**
 * A scoring policy; see {@link policySchema}.
 *
 * @since 0.1.0
 */
export type Policy = z.infer<typeof policySchema>;

/**
 * The paper's policy (§IV-C), the default: only `met` and a justified, allowed `na` fulfil;
 * evidence is enforced where a requirement needs it; levels roll up by the minimum.
 *
 * @example
 * ```ts
 * import { paperPolicy } from "@miotsec/maturity";
 * paperPolicy.rollUp; // "minimum"
 * ```
 * @since 0.1.0
 */
export const paperPolicy: Policy = Object.freeze({
  partial: "unmet",
  na: "fulfils",
  evidence: "enforce",
  rollUp: "minimum",
});

const resolve = defaultsResolver(policySchema, paperPolicy);

/**
 * Fills a partial policy with the paper's defaults and checks it. Every field is read once;
 * unknown fields, wrong values and values that are not plain data are issues with a path under
 * `policy`. Without an argument it is the paper's policy itself.
 *
 * @example
 * ```ts
 * import { resolvePolicy } from "@miotsec/maturity";
 * resolvePolicy({ partial: "met" }); // { ok: true, value: { partial: "met", na: "fulfils", evidence: "enforce", rollUp: "minimum" } }
 * ```
 * @since 0.1.0
 */
export function resolvePolicy(policy?: unknown): Result<Policy> {
  return resolve(policy, ["policy"]);
}

/**
 * Whether a policy is the paper's.
 *
 * @example
 * ```ts
 * import { isPaperPolicy, paperPolicy } from "@miotsec/maturity";
 * isPaperPolicy(paperPolicy); // true
 * ```
 * @since 0.1.0
 */
export function isPaperPolicy(policy: Policy): boolean {
  return (
    policy.partial === paperPolicy.partial &&
    policy.na === paperPolicy.na &&
    policy.evidence === paperPolicy.evidence &&
    policy.rollUp === paperPolicy.rollUp
  );
}
