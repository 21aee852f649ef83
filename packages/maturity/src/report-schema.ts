import { isoDateSchema, parseWith, type Result } from "@miotsec/core";
import { answerStatuses } from "@miotsec/criteria";
import * as z from "zod/mini";
import { policySchema } from "./policy.js";
import { type MaturityReport, reportSchemaVersion } from "./report.js";

const text = (max = 4000) => z.string().check(z.maxLength(max));
const count = z.int().check(z.gte(0));
const level = z.int().check(z.gte(0), z.lte(5));
const requirementLevel = z.int().check(z.gte(1), z.lte(5));
const ratio = z.number().check(z.gte(0), z.lte(1));
const outcome = z.enum(["fulfilled", "not-fulfilled", "unknown"]);
const answer = z.enum(answerStatuses);

const coverageSchema = z.strictObject({
  requirements: count,
  known: count,
  unknown: count,
  fulfilled: count,
  notFulfilled: count,
  ratio,
});

const blockerSchema = z.strictObject({
  requirement: text(100),
  text: text(),
  criterion: text(100),
  level: requirementLevel,
  outcome: z.enum(["not-fulfilled", "unknown"]),
  answer: z.optional(answer),
  measured: z.optional(
    z.strictObject({
      fact: text(100),
      value: z.optional(z.union([z.number(), text(100)])),
      comparator: z.enum(["lt", "lte", "gt", "gte", "at-least"]),
      threshold: z.union([z.number(), text(100)]),
    }),
  ),
  why: text(),
});

/**
 * The shape of a {@link MaturityReport}, as `assess` writes it and as JSON gives it back:
 * what `parseReport` checks before `toMarkdown`, `toOscalAssessmentResults`, `summarize` and
 * `compareReports` read a report. Its JSON Schema is `z.toJSONSchema(maturityReportSchema)`.
 *
 * @example
 * ```ts
 * import { maturityReportSchema } from "@miotsec/maturity";
 * maturityReportSchema.safeParse(null).success; // false
 * ```
 * @since 0.2.0
 */
export const maturityReportSchema = z.strictObject({
  schemaVersion: z.literal(reportSchemaVersion),
  catalog: z.strictObject({
    id: text(100),
    version: text(100),
    profiles: z.optional(
      z
        .array(z.strictObject({ id: text(100), version: z.optional(text(100)), title: text(500) }))
        .check(z.maxLength(100)),
    ),
  }),
  assessment: z.strictObject({
    id: z.optional(text(200)),
    subject: z.optional(
      z.strictObject({
        kind: z.enum(["facility", "device", "product-family", "other"]),
        id: z.optional(text(200)),
        name: text(500),
      }),
    ),
    asOf: isoDateSchema,
  }),
  // Reports written before 0.2.0 have no gating: they were made with the strict one, which
  // parsing fills in.
  policy: z.extend(policySchema, { gating: z._default(policySchema.shape.gating, "strict"), paper: z.boolean() }),
  level,
  levelName: text(100),
  levelIfUnknownsMet: level,
  progress: ratio,
  score: z.number().check(z.gte(0), z.lte(6)),
  coverage: coverageSchema,
  dimensions: z.array(
    z.strictObject({
      id: text(100),
      title: text(200),
      level,
      levelIfUnknownsMet: level,
      criteria: z.array(text(100)),
    }),
  ),
  criteria: z.array(
    z.strictObject({
      id: text(100),
      title: text(200),
      dimension: text(100),
      level,
      levelIfUnknownsMet: level,
      progress: ratio,
      score: z.number().check(z.gte(0), z.lte(6)),
      blockers: z.array(blockerSchema),
      coverage: coverageSchema,
    }),
  ),
  requirements: z.array(
    z.strictObject({
      id: text(100),
      text: text(),
      criterion: text(100),
      level: requirementLevel,
      outcome,
      answer: z.optional(answer),
      value: z.optional(z.union([z.number(), text(100)])),
    }),
  ),
  roadmap: z.array(z.strictObject({ level: requirementLevel, steps: z.array(blockerSchema) })),
});

/**
 * Checks a maturity report (one `assess` returned, or one read back from JSON) and returns a
 * plain, checked copy, or issues with paths. Every function of this package that reads a
 * report checks it this way, so a report from elsewhere, `null`, or a report of another version
 * is answered with issues, never with an exception.
 *
 * @example
 * ```ts
 * import { parseReport } from "@miotsec/maturity";
 * parseReport(null); // { ok: false, issues: [{ path: [], code: "invalid-type", ... }] }
 * ```
 * @since 0.2.0
 */
export function parseReport(input: unknown): Result<MaturityReport> {
  // The schema mirrors the interfaces of report.ts field by field; the test of parseReport
  // round-trips real reports through it, so that the two cannot drift apart unnoticed.
  return parseWith(maturityReportSchema, input) as Result<MaturityReport>;
}
