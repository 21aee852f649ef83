import { fail, type Issue, issue, type PathSegment, parseWith, type Result } from "@miotsec/core";
import { schemaKey, withoutSchemaKey } from "@miotsec/core/internal";
import * as z from "zod/mini";
import {
  type Catalog,
  criterionSchema,
  dimensionSchema,
  factSchema,
  idSchema,
  mappingSchema,
  type ProvenanceEntry,
  parameterSchema,
  type Requirement,
  requirementSchema,
} from "./model.js";
import { parseCatalog } from "./parse-catalog.js";

const selectorSchema = z.strictObject({
  ids: z.optional(z.array(idSchema).check(z.maxLength(100_000))),
  tags: z.optional(z.array(idSchema).check(z.maxLength(1000))),
});

/** A requirement a profile adds: like a catalog requirement, with its metadata slots optional. */
const addedRequirementSchema = z.strictObject({
  ...requirementSchema.def.shape,
  naAllowed: z.optional(z.boolean()),
  naJustificationRequired: z.optional(z.boolean()),
  evidenceRequired: z.optional(z.boolean()),
  tags: z.optional(requirementSchema.def.shape.tags),
  mappings: z.optional(requirementSchema.def.shape.mappings),
});

/**
 * A profile: a tailoring of a catalog, in the spirit of NIST OSCAL profiles. Operations run in
 * this order: `include` (keep only requirements with one of these ids or tags), `exclude`
 * (drop requirements with one of these ids or tags), `remove` (drop dimensions, criteria or
 * requirements by id, with everything inside them), `add` (new dimensions, criteria,
 * requirements, facts, parameters), `alter` (change a requirement's text, level, metadata,
 * tags or mappings), `setParameters` (change thresholds). A criterion or dimension that
 * `include`, `exclude` or `remove` leave empty is dropped too, and that is recorded.
 *
 * @example
 * ```ts
 * import { profileSchema } from "@miotsec/criteria";
 * profileSchema.parse({ schemaVersion: 1, id: "clinic-a", title: "Clinic A", setParameters: { "threats.1.1.threshold": 30 } });
 * ```
 * @since 0.1.0
 */
export const profileSchema = z.strictObject({
  $schema: schemaKey,
  schemaVersion: z.literal(1),
  id: idSchema,
  title: z.string().check(z.minLength(1), z.maxLength(500)),
  version: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  include: z.optional(selectorSchema),
  exclude: z.optional(selectorSchema),
  remove: z.optional(z.array(idSchema).check(z.maxLength(100_000))),
  add: z.optional(
    z.strictObject({
      dimensions: z.optional(z.array(dimensionSchema).check(z.maxLength(100))),
      criteria: z.optional(z.array(criterionSchema).check(z.maxLength(1000))),
      requirements: z.optional(z.array(addedRequirementSchema).check(z.maxLength(100_000))),
      facts: z.optional(z.array(factSchema).check(z.maxLength(1000))),
      parameters: z.optional(z.array(parameterSchema).check(z.maxLength(100_000))),
    }),
  ),
  alter: z.optional(
    z
      .array(
        z.strictObject({
          id: idSchema,
          text: z.optional(requirementSchema.def.shape.text),
          level: z.optional(requirementSchema.def.shape.level),
          naAllowed: z.optional(z.boolean()),
          naJustificationRequired: z.optional(z.boolean()),
          evidenceRequired: z.optional(z.boolean()),
          addTags: z.optional(z.array(idSchema).check(z.maxLength(50))),
          removeTags: z.optional(z.array(idSchema).check(z.maxLength(50))),
          addMappings: z.optional(z.array(mappingSchema).check(z.maxLength(50))),
          note: z.optional(requirementSchema.def.shape.text),
        }),
      )
      .check(z.maxLength(100_000)),
  ),
  setParameters: z.optional(
    z.record(
      idSchema,
      z.union([z.number(), idSchema], { error: "must be a number or the id of a value of an ordinal fact" }),
    ),
  ),
});

/**
 * A profile document; see {@link profileSchema}.
 *
 * @since 0.1.0
 */
export type Profile = z.infer<typeof profileSchema>;

interface CompiledSelector {
  readonly ids: ReadonlySet<string>;
  readonly tags: ReadonlySet<string>;
}

function compile(selector: z.infer<typeof selectorSchema> | undefined): CompiledSelector | undefined {
  return selector && { ids: new Set(selector.ids ?? []), tags: new Set(selector.tags ?? []) };
}

function selects(r: Requirement, selector: CompiledSelector): boolean {
  return selector.ids.has(r.id) || r.tags.some((t) => selector.tags.has(t));
}

/**
 * Tailors a catalog with a profile and returns a new catalog (the input is not changed). Every
 * change is recorded in the result's `provenance` with the profile's id, and the profile itself
 * (id, version, title) in its `profiles`, which reports copy. The result always
 * passes {@link parseCatalog}; a profile that would break it (a criterion left without a
 * level-1 requirement, a duplicate id, a threshold of the wrong type) fails with issues.
 *
 * Issue codes beyond {@link parseCatalog}'s: `unknown-id` (a selector, `remove` or `alter` names
 * nothing), `unknown-tag`, `duplicate-id` (an added id exists), `unknown-parameter`,
 * `invalid-parameter`, `empty-catalog` (nothing left). A catalog argument that is not a valid
 * catalog (`null`, a catalog edited by hand) is answered with its issues under `catalog`. The
 * catalog returned is frozen to its last array, as {@link parseCatalog}'s. Issues about the
 * profile carry paths into the profile; issues {@link parseCatalog} finds in the tailored catalog
 * (such as `missing-level-1`) carry paths into the tailored catalog and name the entry in the
 * message.
 *
 * @example
 * ```ts
 * import { applyProfile, miotCatalog } from "@miotsec/criteria";
 * const tailored = applyProfile(miotCatalog, {
 *   schemaVersion: 1,
 *   id: "clinic-a",
 *   title: "Clinic A counts events differently",
 *   setParameters: { "threats.1.1.threshold": 30 },
 * });
 * if (tailored.ok) tailored.value.provenance; // [{ profile: "clinic-a", operation: "set-parameter", ... }]
 * ```
 * @since 0.1.0
 */
export function applyProfile(catalogInput: Catalog, profileInput: unknown): Result<Catalog> {
  // The catalog is checked (and read once) like the profile: a typed argument may still hold anything.
  const base = parseCatalog(catalogInput);
  if (!base.ok)
    return fail(
      base.issues.map((i) => ({
        ...i,
        path: ["catalog", ...i.path],
        message: `The catalog is not valid: ${i.message}`,
      })),
    );
  const catalog = base.value;
  const parsed = parseWith(profileSchema, profileInput);
  if (!parsed.ok) return parsed;
  const profile = withoutSchemaKey(parsed.value);
  const issues: Issue[] = [];
  const provenance: ProvenanceEntry[] = [];
  const record = (operation: ProvenanceEntry["operation"], target: string, detail?: string) =>
    provenance.push({
      profile: profile.id,
      ...(profile.version === undefined ? {} : { profileVersion: profile.version }),
      operation,
      target,
      ...(detail === undefined ? {} : { detail }),
    });

  const allIds = new Set([...catalog.dimensions, ...catalog.criteria, ...catalog.requirements].map((e) => e.id));
  const allTags = new Set(catalog.requirements.flatMap((r) => r.tags));
  const requirementIds = new Set(catalog.requirements.map((r) => r.id));
  const checkSelector = (selector: z.infer<typeof selectorSchema> | undefined, key: "include" | "exclude") => {
    selector?.ids?.forEach((id, i) => {
      if (!requirementIds.has(id)) {
        issues.push(issue("unknown-id", `The catalog has no requirement "${id}" to ${key}.`, [key, "ids", i]));
      }
    });
    selector?.tags?.forEach((tag, i) => {
      if (!allTags.has(tag))
        issues.push(issue("unknown-tag", `No requirement of the catalog has the tag "${tag}".`, [key, "tags", i]));
    });
  };
  checkSelector(profile.include, "include");
  checkSelector(profile.exclude, "exclude");
  profile.remove?.forEach((id, i) => {
    if (!allIds.has(id))
      issues.push(
        issue("unknown-id", `The catalog has no dimension, criterion or requirement "${id}" to remove.`, ["remove", i]),
      );
  });
  if (issues.length > 0) return fail(issues);

  // 1-2. include, exclude
  const include = compile(profile.include);
  const exclude = compile(profile.exclude);
  let requirements = catalog.requirements.filter((r) => {
    if (include && !selects(r, include)) {
      record("include", r.id, "not selected by include");
      return false;
    }
    if (exclude && selects(r, exclude)) {
      record("exclude", r.id, "selected by exclude");
      return false;
    }
    return true;
  });
  const selected = new Set(requirements.map((r) => r.criterion));
  let criteria = catalog.criteria.filter((c) => {
    const keep = !(profile.include || profile.exclude) || selected.has(c.id);
    if (!keep) record(profile.include ? "include" : "exclude", c.id, "no requirement of this criterion is left");
    return keep;
  });
  let dimensions = catalog.dimensions.filter((d) => {
    const keep = criteria.some((c) => c.dimension === d.id);
    if (!keep) record(profile.include ? "include" : "exclude", d.id, "no criterion of this dimension is left");
    return keep;
  });

  // 3. remove
  const removed = new Set(profile.remove ?? []);
  for (const id of removed) record("remove", id);
  dimensions = dimensions.filter((d) => !removed.has(d.id));
  const liveDimensions = new Set(dimensions.map((d) => d.id));
  criteria = criteria.filter((c) => !removed.has(c.id) && liveDimensions.has(c.dimension));
  dimensions = dimensions.filter((d) => {
    const keep = criteria.some((c) => c.dimension === d.id);
    if (!keep) record("remove", d.id, "no criterion of this dimension is left");
    return keep;
  });
  const liveCriteria = new Set(criteria.map((c) => c.id));
  requirements = requirements.filter((r) => !removed.has(r.id) && liveCriteria.has(r.criterion));

  // 4. add
  const taken = new Set([...dimensions, ...criteria, ...requirements].map((e) => e.id));
  const takenFacts = new Set(catalog.facts.map((f) => f.id));
  const takenParameters = new Set(catalog.parameters.map((p) => p.id));
  const claim = (id: string, set: Set<string>, path: PathSegment[]) => {
    if (set.has(id)) issues.push(issue("duplicate-id", `The id "${id}" already exists; choose another.`, path));
    set.add(id);
  };
  const added = profile.add ?? {};
  added.dimensions?.forEach((d, i) => {
    claim(d.id, taken, ["add", "dimensions", i, "id"]);
  });
  added.criteria?.forEach((c, i) => {
    claim(c.id, taken, ["add", "criteria", i, "id"]);
  });
  added.requirements?.forEach((r, i) => {
    claim(r.id, taken, ["add", "requirements", i, "id"]);
  });
  added.facts?.forEach((f, i) => {
    claim(f.id, takenFacts, ["add", "facts", i, "id"]);
  });
  added.parameters?.forEach((p, i) => {
    claim(p.id, takenParameters, ["add", "parameters", i, "id"]);
  });
  if (issues.length > 0) return fail(issues);
  for (const e of [...(added.dimensions ?? []), ...(added.criteria ?? []), ...(added.requirements ?? [])])
    record("add", e.id);
  dimensions = [...dimensions, ...(added.dimensions ?? [])];
  criteria = [...criteria, ...(added.criteria ?? [])];
  requirements = [
    ...requirements,
    ...(added.requirements ?? []).map(
      (r): Requirement => ({
        ...r,
        naAllowed: r.naAllowed ?? false,
        naJustificationRequired: r.naJustificationRequired ?? false,
        evidenceRequired: r.evidenceRequired ?? false,
        tags: r.tags ?? [],
        mappings: r.mappings ?? [],
      }),
    ),
  ];

  // 5. alter
  const index = new Map(requirements.map((r, i) => [r.id, i] as const));
  profile.alter?.forEach((change, i) => {
    const at = index.get(change.id);
    if (at === undefined) {
      issues.push(issue("unknown-id", `The catalog has no requirement "${change.id}" to alter.`, ["alter", i, "id"]));
      return;
    }
    const before = requirements[at] as Requirement;
    const { id, addTags, removeTags, addMappings, ...fields } = change;
    const tags = before.tags.filter((t) => !removeTags?.includes(t));
    for (const t of addTags ?? []) if (!tags.includes(t)) tags.push(t);
    const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<Requirement>;
    requirements[at] = { ...before, ...set, tags, mappings: [...before.mappings, ...(addMappings ?? [])] };
    const changed = Object.keys(change).filter((k) => k !== "id");
    record("alter", id, changed.join(", "));
  });

  // 6. setParameters
  const facts = [...catalog.facts, ...(added.facts ?? [])];
  const parameters = [...catalog.parameters, ...(added.parameters ?? [])];
  const parameterIndex = new Map(parameters.map((p, i) => [p.id, i] as const));
  for (const [id, value] of Object.entries(profile.setParameters ?? {})) {
    const at = parameterIndex.get(id) ?? -1;
    const current = parameters[at];
    if (!current) {
      issues.push(issue("unknown-parameter", `The catalog has no parameter "${id}".`, ["setParameters", id]));
      continue;
    }
    if (typeof value !== typeof current.value) {
      issues.push(
        issue(
          "invalid-parameter",
          `Parameter "${id}" takes ${typeof current.value === "number" ? "a number" : "one of its fact's values"}, like its current value ${JSON.stringify(current.value)}.`,
          ["setParameters", id],
        ),
      );
      continue;
    }
    parameters[at] = { ...current, value };
    record("set-parameter", id, `${JSON.stringify(current.value)} -> ${JSON.stringify(value)}`);
  }
  if (issues.length > 0) return fail(issues);

  if (requirements.length === 0 || criteria.length === 0) {
    const what = criteria.length === 0 ? "criterion" : "requirement";
    return fail([issue("empty-catalog", `After profile "${profile.id}", no ${what} is left; exclude or remove less.`)]);
  }

  // Parameters only the dropped requirements used go with them; views keep only what still exists.
  const kept = new Set(requirements.map((r) => r.id));
  const usedParameters = new Set(requirements.flatMap((r) => (r.rule ? [r.rule.parameter] : [])));
  const droppedParameters = new Set(
    catalog.requirements.flatMap((r) =>
      r.rule && !kept.has(r.id) && !usedParameters.has(r.rule.parameter) ? [r.rule.parameter] : [],
    ),
  );
  const liveCriteriaIds = new Set(criteria.map((c) => c.id));
  const views = catalog.views.map((v) => ({
    ...v,
    groups: v.groups.map((g) => ({
      ...g,
      criteria: g.criteria.filter((c) => liveCriteriaIds.has(c)),
      requirements: g.requirements.filter((r) => kept.has(r)),
    })),
  }));

  const tailored: Catalog = {
    ...catalog,
    dimensions,
    criteria,
    requirements,
    facts,
    parameters: parameters.filter((p) => !droppedParameters.has(p.id)),
    views,
    provenance: [...catalog.provenance, ...provenance],
    profiles: [
      ...(catalog.profiles ?? []),
      {
        id: profile.id,
        ...(profile.version === undefined ? {} : { version: profile.version }),
        title: profile.title,
      },
    ],
  };
  return parseCatalog(tailored);
}
