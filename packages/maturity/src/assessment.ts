import { isoDateSchema } from "@miotsec/core";
import { isoDateRange, schemaKey } from "@miotsec/core/internal";
import { answerStatuses } from "@miotsec/criteria";
import * as z from "zod/mini";

/**
 * The version of the assessment document format this package reads.
 *
 * @example
 * ```ts
 * import { assessmentSchemaVersion } from "@miotsec/maturity";
 * assessmentSchemaVersion; // 1
 * ```
 * @since 0.1.0
 */
export const assessmentSchemaVersion = 1;

/** The earliest and latest assessment dates accepted; OSCAL date-times need years 1900 to 2999. */
export const earliestAsOf = "1900-01-01";
export const latestAsOf = "2999-12-31";

const asOfSchema = isoDateRange(earliestAsOf, latestAsOf);

/**
 * An answer status: `met`, `partial`, `unmet`, `na` (not applicable) or `unknown`.
 *
 * @example
 * ```ts
 * import { answerStatusSchema } from "@miotsec/maturity";
 * answerStatusSchema.safeParse("partial").success; // true
 * ```
 * @since 0.1.0
 */
export const answerStatusSchema = z.enum(answerStatuses);

/**
 * A reference to evidence for an answer: where it is, how it was gathered (OSCAL's observation
 * methods `examine`, `interview`, `test`), when, and what it shows.
 *
 * @example
 * ```ts
 * import { evidenceSchema } from "@miotsec/maturity";
 * evidenceSchema.parse({ href: "https://intranet.example/audit/2026-03.pdf", method: "examine", date: "2026-03-02" });
 * ```
 * @since 0.1.0
 */
export const evidenceSchema = z.strictObject({
  href: z.optional(z.string().check(z.minLength(1), z.maxLength(2000))),
  method: z.optional(z.enum(["examine", "interview", "test"])),
  date: z.optional(isoDateSchema),
  description: z.optional(z.string().check(z.minLength(1), z.maxLength(4000))),
});

/**
 * The object form of an answer: the status, a justification (required for `na` where the
 * requirement says so) and evidence references.
 *
 * @example
 * ```ts
 * import { answerObjectSchema } from "@miotsec/maturity";
 * answerObjectSchema.parse({ status: "met", evidence: [{ method: "test" }] });
 * ```
 * @since 0.1.0
 */
export const answerObjectSchema = z.strictObject({
  status: answerStatusSchema,
  justification: z.optional(z.string().check(z.minLength(1), z.maxLength(4000))),
  evidence: z.optional(z.array(evidenceSchema).check(z.maxLength(100))),
});

/**
 * An answer to an attested requirement: a bare status, or an object with the status, a
 * justification (required for `na` where the requirement says so) and evidence references.
 *
 * @example
 * ```ts
 * import { answerSchema } from "@miotsec/maturity";
 * answerSchema.parse("met");
 * answerSchema.parse({ status: "na", justification: "The device runs no web server." });
 * ```
 * @since 0.1.0
 */
export const answerSchema = z.union([answerStatusSchema, answerObjectSchema]);

// null is a fact not known yet, as an empty entry of a questionnaire reads. @since 0.2.0
const factValue = z.nullable(z.union([z.number(), z.string().check(z.maxLength(100))]));

/**
 * The facts measured requirements are evaluated on: a name, or a name with one level of
 * sub-names, for example `{ securityBudgetShare: 0.03, maxDowntimeHours: { low: 12 } }`; `null`
 * is a fact not known yet.
 * Which names exist, and their ranges, is the catalog's to say; `assess` checks them.
 *
 * @example
 * ```ts
 * import { factsSchema } from "@miotsec/maturity";
 * factsSchema.parse({ failureImpact: "parts-of-system", maxDowntimeHours: { low: 12, medium: 48 } });
 * ```
 * @since 0.1.0
 */
export const factsSchema = z.record(
  z.string().check(z.maxLength(100)),
  z.union([factValue, z.record(z.string().check(z.maxLength(100)), factValue)]),
);

/**
 * What an assessment is about.
 *
 * @example
 * ```ts
 * import { subjectSchema } from "@miotsec/maturity";
 * subjectSchema.parse({ kind: "device", id: "us-scanner-17", name: "Wireless ultrasound scanner, ward 3" });
 * ```
 * @since 0.1.0
 */
export const subjectSchema = z.strictObject({
  kind: z.enum(["facility", "device", "product-family", "other"]),
  id: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  name: z.string().check(z.minLength(1), z.maxLength(500)),
});

/**
 * An assessment document: what was assessed, on which date (`asOf`), against which catalog,
 * the answers to attested requirements keyed by requirement id (`null` is not answered yet), and
 * the facts for measured ones. This schema is the shape; {@link assess} also checks the answers
 * and facts against the catalog.
 *
 * @example
 * ```ts
 * import { assessmentSchema } from "@miotsec/maturity";
 * assessmentSchema.parse({
 *   schemaVersion: 1,
 *   asOf: "2026-11-28",
 *   answers: { "organisation.1.1": "met" },
 *   facts: { securityEventsLastYear: 12 },
 * });
 * ```
 * @since 0.1.0
 */
export const assessmentSchema = z.strictObject({
  $schema: schemaKey,
  schemaVersion: z.literal(assessmentSchemaVersion),
  id: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  subject: z.optional(subjectSchema),
  catalog: z.optional(
    z.strictObject({ id: z.string().check(z.maxLength(100)), version: z.optional(z.string().check(z.maxLength(100))) }),
  ),
  asOf: asOfSchema,
  // null is "not answered yet": what YAML reads from `updates.2.3:` with nothing after it, as
  // the questionnaire of `miotsec assess --template` is written. @since 0.2.0
  answers: z.record(z.string().check(z.maxLength(100)), z.nullable(answerSchema)),
  facts: z.optional(factsSchema),
});

/**
 * An assessment document; see {@link assessmentSchema}.
 *
 * @since 0.1.0
 */
export type Assessment = z.infer<typeof assessmentSchema>;
/**
 * An answer; see {@link answerSchema}.
 *
 * @since 0.1.0
 */
export type Answer = z.infer<typeof answerSchema>;
/**
 * An evidence reference; see {@link evidenceSchema}.
 *
 * @since 0.1.0
 */
export type Evidence = z.infer<typeof evidenceSchema>;
