import { countryCodeSchema, fail, type Issue, issue, ok, parseWith, type Result } from "@miotsec/core";
import { forbiddenKeys, schemaKey, withoutSchemaKey } from "@miotsec/core/internal";
import * as z from "zod/mini";

const name = (max = 200) => z.string().check(z.minLength(1), z.maxLength(max));
const key = z.string().check(
  z.minLength(1),
  z.maxLength(100),
  z.regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, { error: "must start with a letter and use letters, digits, '.', '_' or '-'" }),
  z.refine((k) => !forbiddenKeys.has(k), { error: "is a reserved word" }),
);

/**
 * An inclusive range, as CoRIM and Nagios write reference values: `min`, `max` or both. A value
 * on a bound is inside.
 *
 * @example
 * ```ts
 * import { rangeSchema } from "@miotsec/runtime-facts";
 * rangeSchema.parse({ max: 60 });
 * ```
 * @since 0.1.0
 */
export const rangeSchema = z.strictObject({ min: z.optional(z.number()), max: z.optional(z.number()) }).check(
  z.refine((r) => r.min !== undefined || r.max !== undefined, {
    error: "needs a min, a max or both",
    params: { code: "empty-range" },
  }),
  z.refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, {
    error: "has a min above its max",
    params: { code: "invalid-range" },
  }),
);

/**
 * A metric the manufacturer declares, with its unit and its range per stage (§V-A of the
 * paper): `integration` (first boot), `operating` (everyday use) and `failSafe` (the extremes
 * that must never be exceeded; outside them the reaction chain starts).
 *
 * @example
 * ```ts
 * import { metricSchema } from "@miotsec/runtime-facts";
 * metricSchema.parse({ unit: "%", integration: { max: 80 }, operating: { max: 40 }, failSafe: { max: 95 } });
 * ```
 * @since 0.1.0
 */
export const metricSchema = z.strictObject({
  unit: name(50),
  description: z.optional(name(500)),
  integration: z.optional(rangeSchema),
  operating: z.optional(rangeSchema),
  failSafe: z.optional(rangeSchema),
});

/**
 * A software version the device must report: `exact` or at least (`minimum`, compared
 * numerically part by part: 4.10 is above 4.9).
 *
 * @example
 * ```ts
 * import { softwareVersionSchema } from "@miotsec/runtime-facts";
 * softwareVersionSchema.parse({ component: "firmware", version: "4.2.1", match: "minimum" });
 * ```
 * @since 0.1.0
 */
export const softwareVersionSchema = z.strictObject({
  // Observations report versions by component name, so a name no object may hold as a key
  // (`__proto__`, `constructor`, `prototype`) could never be reported.
  component: name(100).check(
    z.refine((k) => !forbiddenKeys.has(k), { error: "is a reserved word; no observation can report it" }),
  ),
  version: name(100),
  match: z.enum(["exact", "minimum"]),
});

/**
 * A network endpoint the device is declared to talk to: a host (or `*.domain` for any
 * subdomain), port and protocol, why, who operates it (and whether that is a third party), the
 * operator's country, the data categories sent, and the lowest TLS version accepted.
 *
 * @example
 * ```ts
 * import { endpointSchema } from "@miotsec/runtime-facts";
 * endpointSchema.parse({ host: "*.scanner-cloud.example", port: 443, protocol: "https", purpose: "image upload", operator: "Example Medical", thirdParty: false, country: "DE", dataCategories: ["ultrasound images"], tlsMinimum: "1.2" });
 * ```
 * @since 0.1.0
 */
export const endpointSchema = z.strictObject({
  host: z.string().check(
    z.minLength(1),
    z.maxLength(253),
    z.regex(/^(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$|^\d{1,3}(\.\d{1,3}){3}$/, {
      error: "must be a host name, *.domain or an IPv4 address",
    }),
  ),
  port: z.optional(z.int().check(z.gte(1), z.lte(65535))),
  protocol: name(50),
  purpose: name(500),
  operator: name(200),
  thirdParty: z.boolean(),
  country: z.optional(countryCodeSchema),
  dataCategories: z.array(name(100)).check(z.maxLength(50)),
  tlsMinimum: z.optional(z.enum(["1.2", "1.3"])),
});

/**
 * The version of the runtime profile format.
 *
 * @example
 * ```ts
 * import { runtimeProfileSchemaVersion } from "@miotsec/runtime-facts";
 * runtimeProfileSchemaVersion; // 1
 * ```
 * @since 0.1.0
 */
export const runtimeProfileSchemaVersion = 1;

/**
 * A device's runtime facts as its manufacturer declares them (§V-A of the paper): identity as
 * IoTAG reports it (id, name, software versions, the exact set of active services), metrics
 * with their ranges per stage, boolean facts per stage (such as a verified boot loader), and
 * the declared network endpoints. {@link parseRuntimeProfile} also checks that every
 * integration and operating range lies inside its fail-safe envelope.
 *
 * @example
 * ```ts
 * import { runtimeProfileSchema } from "@miotsec/runtime-facts";
 * runtimeProfileSchema.parse({
 *   schemaVersion: 1,
 *   identity: { name: "Scanner", softwareVersions: [], activeServices: ["imaging"] },
 *   metrics: { cpuPercent: { unit: "%", operating: { max: 40 }, failSafe: { max: 95 } } },
 *   facts: { integration: { bootLoaderVerified: true } },
 *   endpoints: [],
 * });
 * ```
 * @since 0.1.0
 */
export const runtimeProfileSchema = z.strictObject({
  $schema: schemaKey,
  schemaVersion: z.literal(runtimeProfileSchemaVersion),
  identity: z.strictObject({
    id: z.optional(name(200)),
    name: name(200),
    softwareVersions: z.array(softwareVersionSchema).check(z.maxLength(100)),
    activeServices: z.array(key).check(z.maxLength(1000)),
  }),
  metrics: z.record(key, metricSchema),
  facts: z.optional(
    z.strictObject({
      integration: z.optional(z.record(key, z.boolean())),
      operating: z.optional(z.record(key, z.boolean())),
      failSafe: z.optional(z.record(key, z.boolean())),
    }),
  ),
  endpoints: z.array(endpointSchema).check(z.maxLength(10_000)),
  staleAfterSeconds: z.optional(z.int().check(z.gt(0), z.lte(31_536_000))),
});

/**
 * A runtime profile; see {@link runtimeProfileSchema}.
 *
 * @since 0.1.0
 */
export type RuntimeProfile = z.infer<typeof runtimeProfileSchema>;
/**
 * A declared endpoint; see {@link endpointSchema}.
 *
 * @since 0.1.0
 */
export type DeclaredEndpoint = z.infer<typeof endpointSchema>;
/**
 * An inclusive range; see {@link rangeSchema}.
 *
 * @since 0.1.0
 */
export type Range = z.infer<typeof rangeSchema>;

function inside(inner: Range, outer: Range): boolean {
  const lowOk = outer.min === undefined || (inner.min !== undefined && inner.min >= outer.min);
  const highOk = outer.max === undefined || (inner.max !== undefined && inner.max <= outer.max);
  return lowOk && highOk;
}

/**
 * Parses a runtime profile and checks that each metric's integration and operating ranges lie
 * inside its fail-safe range (`outside-envelope`): a device in normal operation must never be
 * in the zone that triggers the reaction chain.
 *
 * @example
 * ```ts
 * import { parseRuntimeProfile } from "@miotsec/runtime-facts";
 * const r = parseRuntimeProfile({
 *   schemaVersion: 1,
 *   identity: { name: "Scanner", softwareVersions: [], activeServices: [] },
 *   metrics: { cpuPercent: { unit: "%", operating: { max: 99 }, failSafe: { max: 95 } } },
 *   endpoints: [],
 * });
 * r.ok; // false: the operating range reaches beyond the fail-safe envelope
 * ```
 * @since 0.1.0
 */
export function parseRuntimeProfile(input: unknown): Result<RuntimeProfile> {
  const parsed = parseWith(runtimeProfileSchema, input);
  if (!parsed.ok) return parsed;
  const issues = envelopeOf(parsed.value);
  return issues.length > 0 ? fail(issues) : ok(withoutSchemaKey(parsed.value));
}

/**
 * The `outside-envelope` issues of a profile: each integration or operating range that reaches
 * beyond its metric's fail-safe range. For documents that embed a profile (a label) and check
 * its shape themselves. The profile is checked with {@link runtimeProfileSchema} first: what
 * does not have its shape is answered with the schema's issues.
 *
 * @example
 * ```ts
 * import { envelopeIssues, type RuntimeProfile } from "@miotsec/runtime-facts";
 * declare const profile: RuntimeProfile;
 * envelopeIssues(profile).length === 0;
 * ```
 * @since 0.1.0
 */
export function envelopeIssues(profile: RuntimeProfile): Issue[] {
  const checked = parseWith(runtimeProfileSchema, profile);
  return checked.ok ? envelopeOf(checked.value) : [...checked.issues];
}

/**
 * The `outside-envelope` issues of a profile the schema has checked already: {@link envelopeIssues}
 * without its check, for a document that embeds a profile and has parsed it (a label).
 *
 * @example
 * ```ts
 * import type { RuntimeProfile } from "@miotsec/runtime-facts";
 * import { envelopeOf } from "@miotsec/runtime-facts/internal";
 * declare const profile: RuntimeProfile;
 * envelopeOf(profile).length === 0;
 * ```
 * @since 0.2.0
 */
export function envelopeOf(profile: RuntimeProfile): Issue[] {
  const issues: Issue[] = [];
  for (const [id, metric] of Object.entries(profile.metrics)) {
    if (!metric.failSafe) continue;
    for (const stage of ["integration", "operating"] as const) {
      const range = metric[stage];
      if (range && !inside(range, metric.failSafe)) {
        issues.push(
          issue("outside-envelope", `The ${stage} range of metric "${id}" must lie inside its fail-safe range.`, [
            "metrics",
            id,
            stage,
          ]),
        );
      }
    }
  }
  return issues;
}

/**
 * A profile given as an argument (to `compareRuntimeFacts`, `createMonitor`), checked as
 * {@link parseRuntimeProfile} checks a document: its issues are put under `profile`.
 */
export function checkProfile(profile: unknown): Result<RuntimeProfile> {
  const r = parseRuntimeProfile(profile);
  return r.ok
    ? r
    : fail(
        r.issues.map((i) => ({
          ...i,
          path: ["profile", ...i.path],
          message: `The profile is not valid: ${i.message}`,
        })),
      );
}
