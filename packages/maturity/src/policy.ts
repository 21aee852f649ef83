import type { Result } from "@miotsec/core";
import { isPlainObject } from "@miotsec/core";
import { defaultsResolver, readPlain } from "@miotsec/core/internal";
import * as z from "zod/mini";
import type { MaturityReport } from "./report.js";

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
 * - `gating` (since 0.2.0): how a criterion's requirements make its level. `strict`, the
 *   default: level L needs every requirement of levels 1 to L. `paper-example`: the literal
 *   reading of §IV-C's example ("one criterion from level three is still not fulfilled, the IoT
 *   device is only awarded level three"): one level above the highest level whose requirements,
 *   and all below, are fulfilled; at least 1, at most 5. Under it level-5 requirements never
 *   count, which is why it is not the default.
 *
 * @example
 * ```ts
 * import { policySchema } from "@miotsec/maturity";
 * policySchema.parse({ partial: "met", na: "fulfils", evidence: "enforce", rollUp: "minimum", gating: "strict" });
 * ```
 * @since 0.1.0
 */
export const policySchema = z.strictObject({
  partial: z.enum(["unmet", "met"]),
  na: z.enum(["fulfils", "unmet"]),
  evidence: z.enum(["enforce", "ignore"]),
  rollUp: z.enum(["minimum", "mean"]),
  gating: z.enum(["strict", "paper-example"]),
});

/**
 * A scoring policy; see {@link policySchema}.
 *
 * @since 0.1.0
 */
export type Policy = z.infer<typeof policySchema>;

/**
 * The paper's policy (§IV-C), the default: only `met` and a justified, allowed `na` fulfil;
 * evidence is enforced where a requirement needs it; a level needs every requirement up to it
 * (the strict reading of the gated rule); levels roll up by the minimum.
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
  gating: "strict",
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
 * resolvePolicy({ partial: "met" }).ok; // true, with the paper's na, evidence, rollUp and gating
 * ```
 * @since 0.1.0
 */
export function resolvePolicy(policy?: unknown): Result<Policy> {
  return resolve(policy, ["policy"]);
}

/**
 * The five fields of a policy, read once into a plain copy, or undefined when a value is not a
 * policy's. Other keys (a report's `paper`) are ignored.
 */
function readPolicy(value: unknown): Policy | undefined {
  const copy = readPlain(value);
  if (!copy.ok || !isPlainObject(copy.value)) return undefined;
  const { partial, na, evidence, rollUp, gating } = copy.value;
  const checked = resolvePolicy({ partial, na, evidence, rollUp, gating });
  return checked.ok ? checked.value : undefined;
}

/**
 * Whether a policy is the paper's. A value that is not a policy is not the paper's.
 *
 * @example
 * ```ts
 * import { isPaperPolicy, paperPolicy } from "@miotsec/maturity";
 * isPaperPolicy(paperPolicy); // true
 * ```
 * @since 0.1.0
 */
export function isPaperPolicy(policy: Policy): boolean {
  const p = readPolicy(policy);
  return p !== undefined && isPaper(p);
}

/** Whether a policy already checked (the one `assess` resolved) is the paper's. */
export function isPaper(p: Policy): boolean {
  return (
    p.partial === paperPolicy.partial &&
    p.na === paperPolicy.na &&
    p.evidence === paperPolicy.evidence &&
    p.rollUp === paperPolicy.rollUp &&
    p.gating === paperPolicy.gating
  );
}

/** What each policy value that is not the paper's means, in words for people. */
const differences: Readonly<Record<string, string>> = {
  "partial:met": "a partial answer counts as met",
  "na:unmet": "a not-applicable answer counts as unmet",
  "evidence:ignore": "a met answer counts without the evidence a requirement asks for",
  "rollUp:mean": "dimensions and the overall level are the mean of their criteria, not the lowest",
  "gating:paper-example":
    "the gated rule is read as the paper's example in §IV-C reads it: a criterion is awarded one level above the highest level it fulfils in full",
};

/** The paper's policy in words, with the reading of §IV-C that makes it miotsec's default. */
const paperWords =
  "the paper's policy, its gated rule read strictly: a level needs every requirement up to it (§IV-C's example awards one level more)";

/**
 * The policy in words for people: "the paper's policy", with how it reads the gated rule, or
 * what differs from it ("not the paper's policy: a partial answer counts as met"). A value that
 * is not a policy gives "an unknown policy".
 *
 * @example
 * ```ts
 * import { describePolicy } from "@miotsec/maturity";
 * describePolicy({ partial: "met", na: "fulfils", evidence: "enforce", rollUp: "minimum", gating: "strict" });
 * // "not the paper's policy: a partial answer counts as met"
 * ```
 * @since 0.2.0
 */
export function describePolicy(policy: Policy): string {
  const p = readPolicy(policy);
  if (p === undefined) return "an unknown policy";
  const changed = (["partial", "na", "evidence", "rollUp", "gating"] as const)
    .filter((key) => p[key] !== paperPolicy[key])
    .map((key) => differences[`${key}:${p[key]}`]);
  return changed.length === 0 ? paperWords : `not the paper's policy: ${changed.join("; ")}`;
}

/**
 * The catalog a report was made on, in words for people: its id and version, and the profiles
 * that tailored it with their versions and titles ("miot-maturity 1.0.0, tailored by the
 * profile clinic-a 2 (Clinic A counts events differently)"). Text comes from documents: escape
 * it for the format it goes into. A value that is not a report's catalog gives "an unknown
 * catalog".
 *
 * @example
 * ```ts
 * import { describeCatalog } from "@miotsec/maturity";
 * describeCatalog({ id: "miot-maturity", version: "1.0.0" }); // "miot-maturity 1.0.0"
 * ```
 * @since 0.2.0
 */
export function describeCatalog(catalog: MaturityReport["catalog"]): string {
  const copy = readPlain(catalog);
  if (!copy.ok || !isPlainObject(copy.value)) return "an unknown catalog";
  const { id, version, profiles } = copy.value;
  if (typeof id !== "string" || typeof version !== "string") return "an unknown catalog";
  const applied = (Array.isArray(profiles) ? profiles : []).filter(isPlainObject).map((p) => {
    const words = [p.id, p.version].filter((w) => typeof w === "string").join(" ");
    return typeof p.title === "string" ? `${words} (${p.title})` : words;
  });
  return applied.length === 0
    ? `${id} ${version}`
    : `${id} ${version}, tailored by the profile ${applied.join(", then by the profile ")}`;
}
