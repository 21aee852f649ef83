import { describeValue, fail, type Issue, ok, parseWith, type Result } from "@miotsec/core";
import { ownValue } from "@miotsec/core/internal";
import * as z from "zod/mini";
import {
  type Action,
  actionsFor,
  inRange,
  rangeMargin,
  type Tier,
  tierOf,
  type Verdict,
  worseTier,
} from "./appraisal.js";
import { checkProfile, type Range, type RuntimeProfile } from "./profile.js";
import { describeRange, failSafeSentence, formatNumber, stageSentence } from "./sentences.js";
import { compareVersions } from "./versions.js";

const key = z.string().check(z.minLength(1), z.maxLength(100));

/**
 * What was observed on a device at one stage: metric samples (value, unit, and optionally when,
 * in milliseconds since 1970), boolean facts, and what the device reports as IoTAG identity
 * (software versions, active services).
 *
 * @example
 * ```ts
 * import { observationSchema } from "@miotsec/runtime-facts";
 * observationSchema.parse({ metrics: { cpuPercent: { value: 35, unit: "%" } }, facts: { bootLoaderVerified: true }, activeServices: ["imaging"] });
 * ```
 * @since 0.1.0
 */
export const observationSchema = z.strictObject({
  metrics: z.optional(z.record(key, z.strictObject({ value: z.number(), unit: key, at: z.optional(z.number()) }))),
  facts: z.optional(z.record(key, z.boolean())),
  softwareVersions: z.optional(z.record(key, key)),
  activeServices: z.optional(z.array(key).check(z.maxLength(1000))),
});

/**
 * An observation; see {@link observationSchema}.
 *
 * @since 0.1.0
 */
export type Observation = z.infer<typeof observationSchema>;

/**
 * One appraised item: the metric (or `fact:…`, `service:…`, `version:…`), the stage, what was
 * observed and expected, the verdict with its tier, the signed margin to the range (positive
 * inside), and a sentence.
 *
 * @since 0.1.0
 */
export interface Finding {
  /** The metric, or `fact:<name>`, `service:<name>`, `version:<component>`. */
  readonly metric: string;
  /** The stage appraised (fail-safe findings say `failSafe`). */
  readonly stage: Stage;
  /** What was observed, if anything. */
  readonly observed?: number | boolean | string;
  /** What was expected. */
  readonly expected?: Range | boolean | string;
  /** The verdict. */
  readonly verdict: Verdict;
  /** The verdict's tier. */
  readonly tier: Tier;
  /** Distance to the range (positive inside, negative outside), for metrics. */
  readonly margin?: number;
  /** One sentence. */
  readonly explanation: string;
}

/**
 * A stage of §V-A.
 *
 * @since 0.1.0
 */
export type Stage = "integration" | "operating" | "failSafe";

/**
 * The result of appraising an observation against a profile, in the spirit of RATS: the
 * worst tier, the findings, and the actions (data, never executed).
 *
 * @since 0.1.0
 */
export interface Appraisal {
  /** The worst tier of the findings; `none` when nothing was appraised. */
  readonly status: Tier;
  /** Every finding, in a stable order. */
  readonly findings: readonly Finding[];
  /** What the status calls for. */
  readonly actions: readonly Action[];
}

/**
 * Options of {@link compareRuntimeFacts}: the stage to appraise, and for staleness the time of
 * the appraisal, `atMs` (milliseconds since 1970; the library never reads a clock).
 *
 * @since 0.1.0
 */
export interface CompareOptions {
  /** `integration` at first boot, `operating` in use. */
  readonly stage: "integration" | "operating";
  /** When the appraisal is made, in milliseconds since 1970; needed for `stale` verdicts. */
  readonly atMs?: number;
}

/**
 * Appraises one metric value: fail-safe first (a breach contraindicates), then the stage's
 * range. Shared by {@link compareRuntimeFacts} and the monitor.
 */
export function appraiseMetric(
  id: string,
  metric: RuntimeProfile["metrics"][string],
  stage: "integration" | "operating",
  value: number,
  unit: string,
): Finding {
  if (unit !== metric.unit) {
    return {
      metric: id,
      stage,
      observed: value,
      expected: metric.unit,
      verdict: "unit-mismatch",
      tier: "warning",
      explanation: `${id} was reported in ${unit}, but is declared in ${metric.unit}; values are never converted.`,
    };
  }
  if (!Number.isFinite(value)) {
    // A caller without types may pass anything: only a number is shown as itself, anything else
    // by its kind (an array of four billion places is not written out).
    const number = typeof value === "number";
    return {
      metric: id,
      stage,
      ...(number ? { observed: value } : {}),
      verdict: "missing",
      tier: "warning",
      explanation: `${id} was reported as ${number ? String(value) : describeValue(value)}, not a number.`,
    };
  }
  if (metric.failSafe && !inRange(value, metric.failSafe)) {
    return {
      metric: id,
      stage: "failSafe",
      observed: value,
      expected: metric.failSafe,
      verdict: "outside-failsafe",
      tier: "contraindicated",
      margin: rangeMargin(value, metric.failSafe),
      explanation: failSafeSentence(id, value, unit, describeRange(metric.failSafe, unit)),
    };
  }
  const range = metric[stage];
  if (!range) {
    return {
      metric: id,
      stage,
      observed: value,
      verdict: "within",
      tier: "affirming",
      ...(metric.failSafe ? { expected: metric.failSafe, margin: rangeMargin(value, metric.failSafe) } : {}),
      explanation: `${id} is ${formatNumber(value)} ${unit}; no ${stage} range is declared, and it is inside the fail-safe range.`,
    };
  }
  const m = rangeMargin(value, range);
  const inside = m >= 0;
  return {
    metric: id,
    stage,
    observed: value,
    expected: range,
    verdict: inside ? "within" : "outside-operating",
    tier: inside ? "affirming" : "warning",
    margin: m,
    explanation: stageSentence(id, value, unit, stage, describeRange(range, unit), inside),
  };
}

/**
 * Appraises what a device did against what its manufacturer declared (§V-A of the paper), the
 * way a RATS verifier appraises evidence against reference values. Every declared metric gets
 * a finding (`missing` when not observed, `stale` when older than the profile's
 * `staleAfterSeconds`), so do undeclared metrics (`unknown-metric`), each declared fact,
 * unexpected or missing services and version mismatches. A fail-safe breach contraindicates
 * and yields the reaction chain as actions; the library never executes them.
 *
 * @example
 * ```ts
 * import { compareRuntimeFacts, parseRuntimeProfile } from "@miotsec/runtime-facts";
 * const profile = parseRuntimeProfile({
 *   schemaVersion: 1,
 *   identity: { name: "Scanner", softwareVersions: [], activeServices: ["imaging"] },
 *   metrics: { cpuPercent: { unit: "%", operating: { max: 40 }, failSafe: { max: 95 } } },
 *   endpoints: [],
 * });
 * if (profile.ok) {
 *   const r = compareRuntimeFacts(profile.value, { metrics: { cpuPercent: { value: 97, unit: "%" } }, activeServices: ["imaging"] }, { stage: "operating" });
 *   if (r.ok) r.value.actions.map((a) => a.kind); // ["pause-operation", "isolate-from-network", "notify", "require-re-integration"]
 * }
 * ```
 * @since 0.1.0
 */
export function compareRuntimeFacts(
  profile: RuntimeProfile,
  observationInput: unknown,
  options: CompareOptions,
): Result<Appraisal> {
  // Every argument is read once, into a checked copy; only the copies are used.
  const issues: Issue[] = [];
  const checkedProfile = checkProfile(profile);
  if (!checkedProfile.ok) issues.push(...checkedProfile.issues);
  const checkedOptions = parseWith(compareOptionsSchema, options);
  if (!checkedOptions.ok) issues.push(...checkedOptions.issues);
  const parsed = parseWith(observationSchema, observationInput);
  if (!parsed.ok) issues.push(...parsed.issues);
  if (!parsed.ok || !checkedProfile.ok || !checkedOptions.ok) return fail(issues);
  return ok(appraise(checkedProfile.value, parsed.value, checkedOptions.value));
}

/** {@link CompareOptions} as they are checked. */
const compareOptionsSchema = z.strictObject({
  stage: z.enum(["integration", "operating"], { error: 'must be "integration" or "operating"' }),
  atMs: z.optional(z.number()),
});

function appraise(
  profile: RuntimeProfile,
  observation: Observation,
  options: z.infer<typeof compareOptionsSchema>,
): Appraisal {
  const stage = options.stage;
  const findings: Finding[] = [];
  const observed = observation.metrics ?? {};
  const staleMs = profile.staleAfterSeconds === undefined ? undefined : profile.staleAfterSeconds * 1000;
  for (const id of Object.keys(profile.metrics).sort()) {
    const metric = profile.metrics[id] as RuntimeProfile["metrics"][string];
    const sample = ownValue(observed, id);
    if (!sample) {
      findings.push({ metric: id, stage, verdict: "missing", tier: "warning", explanation: `${id} was not reported.` });
    } else if (
      staleMs !== undefined &&
      options.atMs !== undefined &&
      sample.at !== undefined &&
      options.atMs - sample.at > staleMs
    ) {
      findings.push({
        metric: id,
        stage,
        observed: sample.value,
        verdict: "stale",
        tier: "warning",
        explanation: `${id} was last reported ${formatNumber((options.atMs - sample.at) / 1000)} s ago, more than ${profile.staleAfterSeconds} s.`,
      });
    } else {
      findings.push(appraiseMetric(id, metric, stage, sample.value, sample.unit));
    }
  }
  for (const id of Object.keys(observed).sort()) {
    if (!Object.hasOwn(profile.metrics, id)) {
      findings.push({
        metric: id,
        stage,
        observed: ownValue(observed, id)?.value ?? Number.NaN,
        verdict: "unknown-metric",
        tier: "warning",
        explanation: `${id} is not a declared metric.`,
      });
    }
  }
  const facts = observation.facts ?? {};
  for (const factStage of [stage, "failSafe"] as const) {
    const declared = profile.facts?.[factStage] ?? {};
    for (const name of Object.keys(declared).sort()) {
      const expected = declared[name] as boolean;
      const value = ownValue(facts, name);
      const metric = `fact:${name}`;
      if (value === undefined)
        findings.push({
          metric,
          stage: factStage,
          expected,
          verdict: "missing",
          tier: "warning",
          explanation: `The fact ${name} was not reported.`,
        });
      else if (value === expected)
        findings.push({
          metric,
          stage: factStage,
          observed: value,
          expected,
          verdict: "within",
          tier: "affirming",
          explanation: `${name} is ${value}, as declared.`,
        });
      else {
        const verdict = factStage === "failSafe" ? "outside-failsafe" : "outside-operating";
        findings.push({
          metric,
          stage: factStage,
          observed: value,
          expected,
          verdict,
          tier: tierOf(verdict),
          explanation: `${name} is ${value}; ${expected} is declared for the ${factStage} stage.`,
        });
      }
    }
  }
  if (observation.activeServices) {
    const expected = new Set(profile.identity.activeServices);
    const seen = new Set(observation.activeServices);
    for (const service of [...seen].sort()) {
      if (!expected.has(service))
        findings.push({
          metric: `service:${service}`,
          stage,
          observed: service,
          verdict: "unexpected-service",
          tier: "warning",
          explanation: `The service ${service} runs but is not declared.`,
        });
    }
    for (const service of [...expected].sort()) {
      if (!seen.has(service))
        findings.push({
          metric: `service:${service}`,
          stage,
          expected: service,
          verdict: "missing",
          tier: "warning",
          explanation: `The declared service ${service} does not run.`,
        });
    }
  }
  if (observation.softwareVersions) {
    for (const v of profile.identity.softwareVersions) {
      findings.push(versionFinding(v, ownValue(observation.softwareVersions, v.component), stage));
    }
  }
  let status: Tier = "none";
  for (const f of findings) status = worseTier(status, f.tier);
  const reasons = findings.filter((f) => f.tier === status && status !== "affirming").map((f) => f.explanation);
  return { status, findings, actions: actionsFor(status, reasons) };
}

/** The finding of one declared software version against the one reported. */
function versionFinding(
  declared: RuntimeProfile["identity"]["softwareVersions"][number],
  reported: string | undefined,
  stage: "integration" | "operating",
): Finding {
  const { component, version, match } = declared;
  const metric = `version:${component}`;
  if (reported === undefined) {
    return {
      metric,
      stage,
      expected: version,
      verdict: "missing",
      tier: "warning",
      explanation: `${component} reported no version.`,
    };
  }
  const order = match === "exact" ? undefined : compareVersions(reported, version);
  if (match === "exact" ? reported === version : order !== undefined && order >= 0) {
    return {
      metric,
      stage,
      observed: reported,
      expected: version,
      verdict: "within",
      tier: "affirming",
      explanation: `${component} ${reported} matches ${match === "exact" ? "" : "at least "}${version}.`,
    };
  }
  return {
    metric,
    stage,
    observed: reported,
    expected: version,
    verdict: "version-mismatch",
    tier: "warning",
    explanation:
      match === "minimum" && order === undefined
        ? `${component} is ${reported}, which cannot be ordered against the declared minimum ${version}.`
        : `${component} is ${reported}; ${match === "exact" ? "exactly" : "at least"} ${version} is declared.`,
  };
}
