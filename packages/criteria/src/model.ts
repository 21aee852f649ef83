import { requirementLevelSchema } from "@miotsec/core";
import { forbiddenKeys, isoDateRange, schemaKey } from "@miotsec/core/internal";
import * as z from "zod/mini";
import { catalogSchemaVersion } from "./schema-version.js";

/** Longest id, title or tag accepted; long enough for any real catalog, short enough to answer hostile input fast. */
const maxIdLength = 100;
const maxTextLength = 4000;

/**
 * An id of a catalog entry: lowercase letters, digits and `-`, in dot-separated segments, such
 * as `updates` or `updates.2.1`. Every id is also a valid OSCAL token. `__proto__`,
 * `constructor` and `prototype` are never ids.
 *
 * @example
 * ```ts
 * import { idSchema } from "@miotsec/criteria";
 * idSchema.safeParse("updates.2.1").success; // true
 * idSchema.safeParse("Updates 2.1").success; // false
 * ```
 * @since 0.1.0
 */
export const idSchema = z.string().check(
  z.minLength(1),
  z.maxLength(maxIdLength),
  z.regex(/^[a-z][a-z0-9-]*(?:\.[a-z0-9][a-z0-9-]*)*$/, {
    error: "must be lowercase letters, digits and '-', in dot-separated segments, such as updates.2.1",
  }),
  z.refine((id) => !forbiddenKeys.has(id), { error: "is a reserved word and cannot be an id" }),
);

const text = (max = maxTextLength) =>
  z.string().check(z.minLength(1), z.maxLength(max), z.regex(/\S/, { error: "must not be blank" }));

/**
 * The three dimensions of Donabedian's model the paper sorts its criteria into (§IV-C).
 *
 * @example
 * ```ts
 * import { donabedianDimensions } from "@miotsec/criteria";
 * donabedianDimensions; // ["structure", "process", "outcome"]
 * ```
 * @since 0.1.0
 */
export const donabedianDimensions = ["structure", "process", "outcome"] as const;

/**
 * Where a catalog entry comes from in its source document: for the paper, the appendix table
 * (`II`, `III`, `IV`), the row (the maturity level), the column (the criterion as printed) and
 * the bullet's position in its cell, counted from 1.
 *
 * @example
 * ```ts
 * import { sourceRefSchema } from "@miotsec/criteria";
 * sourceRefSchema.parse({ table: "III", row: 2, column: "Updates", bullet: 2 });
 * ```
 * @since 0.1.0
 */
export const sourceRefSchema = z.strictObject({
  table: text(20),
  row: z.optional(z.int().check(z.gte(1), z.lte(100))),
  column: z.optional(text(200)),
  bullet: z.optional(z.int().check(z.gte(1), z.lte(100))),
  section: z.optional(text(50)),
});

/**
 * A correspondence from a requirement to a provision of another standard, recorded only where
 * it is clear. `relation` says how close: `equivalent` or `related`.
 *
 * @example
 * ```ts
 * import { mappingSchema } from "@miotsec/criteria";
 * mappingSchema.parse({ framework: "etsi-en-303-645", id: "5.1-1", relation: "related" });
 * ```
 * @since 0.1.0
 */
export const mappingSchema = z.strictObject({
  framework: idSchema,
  id: text(maxIdLength),
  relation: z.enum(["equivalent", "related"]),
});

/**
 * How a measured requirement's rule compares a fact with its parameter: `lt`, `lte`, `gt`,
 * `gte` for numbers; `at-least` for an ordinal fact (at least as good as the parameter's value
 * on the fact's scale, which is listed worst first).
 *
 * @example
 * ```ts
 * import { comparatorSchema } from "@miotsec/criteria";
 * comparatorSchema.parse("at-least");
 * ```
 * @since 0.1.0
 */
export const comparatorSchema = z.enum(["lt", "lte", "gt", "gte", "at-least"]);

/**
 * A rule's comparator in words for people, as reports and the command say what a level needs
 * ("at most 24").
 *
 * @example
 * ```ts
 * import { comparatorWords } from "@miotsec/criteria";
 * comparatorWords["at-least"]; // "at least as good as"
 * ```
 * @since 0.2.0
 */
export const comparatorWords: Readonly<Record<z.infer<typeof comparatorSchema>, string>> = Object.freeze({
  lt: "below",
  lte: "at most",
  gt: "above",
  gte: "at least",
  "at-least": "at least as good as",
});

const factIdSchema = z.string().check(
  z.minLength(1),
  z.maxLength(maxIdLength),
  z.regex(/^[a-zA-Z][a-zA-Z0-9]*(?:\.[a-zA-Z][a-zA-Z0-9]*)?$/, {
    error: "must be a camelCase name, or two joined by a dot, such as maxDowntimeHours.low",
  }),
  z.refine((id) => !id.split(".").some((part) => forbiddenKeys.has(part)), {
    error: "uses a reserved word as a name",
  }),
);

/**
 * The rule of a measured requirement: fulfilled when `fact <comparator> parameter`. The
 * threshold lives in a catalog parameter so that a profile can change it.
 *
 * @example
 * ```ts
 * import { ruleSchema } from "@miotsec/criteria";
 * ruleSchema.parse({ fact: "securityEventsLastYear", comparator: "lt", parameter: "threats.1.1.max-events" });
 * ```
 * @since 0.1.0
 */
export const ruleSchema = z.strictObject({
  fact: factIdSchema,
  comparator: comparatorSchema,
  parameter: idSchema,
});

/**
 * A fact a measured requirement can be evaluated on. `id` is a name (`failureImpact`) or a
 * path of two names (`maxDowntimeHours.low`) into an assessment's `facts`. A `number` fact has an inclusive range;
 * an `ordinal` fact lists its values worst first.
 *
 * @example
 * ```ts
 * import { factSchema } from "@miotsec/criteria";
 * factSchema.parse({ id: "securityEventsLastYear", kind: "number", title: "Security events last year", minimum: 0, integer: true });
 * ```
 * @since 0.1.0
 */
export const factSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    id: factIdSchema,
    kind: z.literal("number"),
    title: text(200),
    description: z.optional(text()),
    unit: z.optional(text(100)),
    minimum: z.optional(z.number()),
    maximum: z.optional(z.number()),
    integer: z.optional(z.boolean()),
  }),
  z.strictObject({
    id: factIdSchema,
    kind: z.literal("ordinal"),
    title: text(200),
    description: z.optional(text()),
    values: z.array(idSchema).check(z.minLength(2), z.maxLength(100)),
  }),
]);

/**
 * A catalog parameter: a value a rule compares with (a threshold), which profiles may set.
 *
 * @example
 * ```ts
 * import { parameterSchema } from "@miotsec/criteria";
 * parameterSchema.parse({ id: "threats.1.1.max-events", label: "fewer security events than", value: 25 });
 * ```
 * @since 0.1.0
 */
export const parameterSchema = z.strictObject({
  id: idSchema,
  label: text(200),
  value: z.union([z.number(), idSchema], { error: "must be a number or the id of a value of an ordinal fact" }),
  unit: z.optional(text(100)),
  description: z.optional(text()),
});

/**
 * One requirement: a bullet of the paper's tables. `kind` is `attested` (an assessor answers
 * it) or `measured` (its `rule` is evaluated over facts; Table IV). Metadata says whether `na`
 * is an acceptable answer, whether that answer needs a justification, and whether evidence is
 * expected.
 *
 * @example
 * ```ts
 * import { requirementSchema } from "@miotsec/criteria";
 * requirementSchema.parse({
 *   id: "updates.2.2", criterion: "updates", level: 2, kind: "attested",
 *   text: "Validation of authenticity and integrity of all updates (e.g., signing certificate)",
 *   naAllowed: false, naJustificationRequired: false, evidenceRequired: true, tags: [], mappings: [],
 * });
 * ```
 * @since 0.1.0
 */
export const requirementSchema = z.strictObject({
  id: idSchema,
  criterion: idSchema,
  level: requirementLevelSchema,
  text: text(),
  kind: z.enum(["attested", "measured"]),
  rule: z.optional(ruleSchema),
  source: z.optional(sourceRefSchema),
  naAllowed: z.boolean(),
  naJustificationRequired: z.boolean(),
  evidenceRequired: z.boolean(),
  tags: z.array(idSchema).check(z.maxLength(50)),
  mappings: z.array(mappingSchema).check(z.maxLength(50)),
  note: z.optional(text()),
});

/**
 * A criterion: a column of the paper's tables, such as `updates`, in one dimension.
 *
 * @example
 * ```ts
 * import { criterionSchema } from "@miotsec/criteria";
 * criterionSchema.parse({ id: "updates", dimension: "process", title: "Updates" });
 * ```
 * @since 0.1.0
 */
export const criterionSchema = z.strictObject({
  id: idSchema,
  dimension: idSchema,
  title: text(200),
  description: z.optional(text()),
  source: z.optional(sourceRefSchema),
});

/**
 * A dimension: one of Donabedian's structure, process and outcome in the paper's catalog;
 * other catalogs may name their own.
 *
 * @example
 * ```ts
 * import { dimensionSchema } from "@miotsec/criteria";
 * dimensionSchema.parse({ id: "structure", title: "Structure" });
 * ```
 * @since 0.1.0
 */
export const dimensionSchema = z.strictObject({
  id: idSchema,
  title: text(200),
  description: z.optional(text()),
});

/**
 * A named level of the catalog's scale, as in the paper's §IV-B.
 *
 * @example
 * ```ts
 * import { levelDefinitionSchema } from "@miotsec/criteria";
 * levelDefinitionSchema.parse({ level: 1, name: "beginnings" });
 * ```
 * @since 0.1.0
 */
export const levelDefinitionSchema = z.strictObject({
  level: requirementLevelSchema,
  name: text(100),
});

/**
 * A view groups criteria, or single requirements, differently from the dimensions, for
 * example the seven criteria of the paper's Figure 1. A view is a mapping, never a source of
 * requirements.
 *
 * @example
 * ```ts
 * import { viewSchema } from "@miotsec/criteria";
 * viewSchema.parse({ id: "figure-1", title: "Figure 1", groups: [{ id: "updates", title: "Updates", criteria: ["updates"], requirements: [] }] });
 * ```
 * @since 0.1.0
 */
export const viewSchema = z.strictObject({
  id: idSchema,
  title: text(200),
  description: z.optional(text()),
  groups: z
    .array(
      z.strictObject({
        id: idSchema,
        title: text(200),
        criteria: z.array(idSchema).check(z.maxLength(1000)),
        requirements: z.array(idSchema).check(z.maxLength(10_000)),
        note: z.optional(text()),
      }),
    )
    .check(z.minLength(1), z.maxLength(100)),
});

/**
 * One change a profile made, kept in the catalog it produced so that every tailored
 * requirement can be traced to the profile that changed it.
 *
 * @example
 * ```ts
 * import { provenanceEntrySchema } from "@miotsec/criteria";
 * provenanceEntrySchema.parse({ profile: "clinic-a", operation: "set-parameter", target: "threats.1.1.max-events", detail: "25 -> 30" });
 * ```
 * @since 0.1.0
 */
export const provenanceEntrySchema = z.strictObject({
  profile: idSchema,
  profileVersion: z.optional(text(100)),
  operation: z.enum(["include", "exclude", "remove", "add", "alter", "set-parameter"]),
  target: idSchema,
  detail: z.optional(text()),
});

/**
 * A profile that tailored a catalog, as {@link applyProfile} records it in the catalog it
 * returns, so that a report made on that catalog can say which tailoring it was made under.
 *
 * @example
 * ```ts
 * import { appliedProfileSchema } from "@miotsec/criteria";
 * appliedProfileSchema.parse({ id: "clinic-a", version: "2", title: "Clinic A counts events differently" });
 * ```
 * @since 0.2.0
 */
export const appliedProfileSchema = z.strictObject({
  id: idSchema,
  version: z.optional(text(100)),
  title: text(500),
});

/**
 * The bibliographic source of a catalog.
 *
 * @example
 * ```ts
 * import { catalogSourceSchema } from "@miotsec/criteria";
 * catalogSourceSchema.parse({ title: "A paper", year: 2022 });
 * ```
 * @since 0.1.0
 */
export const catalogSourceSchema = z.strictObject({
  title: text(500),
  authors: z.optional(z.array(text(200)).check(z.maxLength(100))),
  year: z.optional(z.int().check(z.gte(1900), z.lte(9999))),
  publication: z.optional(text(500)),
  url: z.optional(z.url()),
});

const semver = z.string().check(
  z.maxLength(100),
  z.regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/, {
    error: "must be a semantic version such as 1.0.0",
  }),
);

/**
 * The shape of a catalog document. {@link parseCatalog} checks this shape and also every
 * cross-reference (criteria to dimensions, requirements to criteria, rules to facts and
 * parameters, unique ids, a level-1 requirement for every criterion).
 *
 * @example
 * ```ts
 * import { catalogSchema, miotCatalog } from "@miotsec/criteria";
 * catalogSchema.safeParse(miotCatalog).success; // true
 * ```
 * @since 0.1.0
 */
export const catalogSchema = z.strictObject({
  $schema: schemaKey,
  schemaVersion: z.literal(catalogSchemaVersion),
  id: idSchema,
  title: text(500),
  version: semver,
  lastModified: isoDateRange("1900-01-01", "2999-12-31"),
  source: catalogSourceSchema,
  levels: z.array(levelDefinitionSchema).check(z.length(5)),
  dimensions: z.array(dimensionSchema).check(z.minLength(1), z.maxLength(100)),
  criteria: z.array(criterionSchema).check(z.minLength(1), z.maxLength(1000)),
  requirements: z.array(requirementSchema).check(z.minLength(1), z.maxLength(100_000)),
  facts: z.array(factSchema).check(z.maxLength(1000)),
  parameters: z.array(parameterSchema).check(z.maxLength(100_000)),
  views: z.array(viewSchema).check(z.maxLength(100)),
  provenance: z.array(provenanceEntrySchema).check(z.maxLength(1_000_000)),
  /**
   * The profiles that tailored this catalog, in the order they were applied; absent on a
   * catalog as published. @since 0.2.0
   */
  profiles: z.optional(z.array(appliedProfileSchema).check(z.maxLength(100))),
});

/**
 * A catalog: dimensions, criteria, requirements, the facts and parameters measured
 * requirements use, views, and the provenance of any tailoring.
 *
 * @since 0.1.0
 */
export type Catalog = z.infer<typeof catalogSchema>;
/**
 * A requirement of a {@link Catalog}.
 *
 * @since 0.1.0
 */
export type Requirement = z.infer<typeof requirementSchema>;
/**
 * A criterion of a {@link Catalog}.
 *
 * @since 0.1.0
 */
export type Criterion = z.infer<typeof criterionSchema>;
/**
 * A dimension of a {@link Catalog}.
 *
 * @since 0.1.0
 */
export type Dimension = z.infer<typeof dimensionSchema>;
/**
 * A fact definition of a {@link Catalog}.
 *
 * @since 0.1.0
 */
export type Fact = z.infer<typeof factSchema>;
/**
 * A parameter of a {@link Catalog}.
 *
 * @since 0.1.0
 */
export type Parameter = z.infer<typeof parameterSchema>;
/**
 * The rule of a measured {@link Requirement}.
 *
 * @since 0.1.0
 */
export type Rule = z.infer<typeof ruleSchema>;
/**
 * A view of a {@link Catalog}, such as the paper's Figure 1.
 *
 * @since 0.1.0
 */
export type View = z.infer<typeof viewSchema>;
/**
 * A profile recorded in a tailored {@link Catalog}; see {@link appliedProfileSchema}.
 *
 * @since 0.2.0
 */
export type AppliedProfile = z.infer<typeof appliedProfileSchema>;
/**
 * A provenance entry of a tailored {@link Catalog}.
 *
 * @since 0.1.0
 */
export type ProvenanceEntry = z.infer<typeof provenanceEntrySchema>;
/**
 * A mapping of a {@link Requirement} to another standard.
 *
 * @since 0.1.0
 */
export type Mapping = z.infer<typeof mappingSchema>;
