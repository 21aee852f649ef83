// fast-check arbitraries shared by this package's tests: small but varied valid catalogs and
// profiles drawn from a catalog's own ids.
import { fc } from "@fast-check/vitest";
import type { Catalog, Requirement } from "./model.js";
import type { Profile } from "./profile.js";

const text = fc.string({ minLength: 1, maxLength: 60 }).filter((s) => /\S/.test(s));
const tagPool = ["alpha", "beta", "gamma", "delta"] as const;
const level = fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const, 5 as const);

/** A valid catalog with 1-3 dimensions, 1-6 criteria and 1-6 requirements per criterion, some measured. */
export const catalogArbitrary: fc.Arbitrary<Catalog> = fc
  .record({
    dimensions: fc.integer({ min: 1, max: 3 }),
    extraCriteria: fc.integer({ min: 0, max: 3 }),
    requirementsPerCriterion: fc.array(
      fc.array(
        fc.record({
          level,
          text,
          tags: fc.subarray([...tagPool]),
          measured: fc.boolean(),
          threshold: fc.integer({ min: 0, max: 100 }),
        }),
        { maxLength: 5 },
      ),
      {
        minLength: 6,
        maxLength: 6,
      },
    ),
    firstTexts: fc.array(text, { minLength: 6, maxLength: 6 }),
    version: fc.tuple(fc.nat(20), fc.nat(20), fc.nat(20)).map((v) => v.join(".")),
    lastModified: fc
      .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2999-12-31T00:00:00Z"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
  })
  .map(({ dimensions, extraCriteria, requirementsPerCriterion, firstTexts, version, lastModified }) => {
    const dims = Array.from({ length: dimensions }, (_, i) => ({ id: `dim-${i}`, title: `Dimension ${i}` }));
    const criteria = Array.from({ length: dimensions + extraCriteria }, (_, i) => ({
      id: `crit-${i}`,
      dimension: `dim-${i % dimensions}`,
      title: `Criterion ${i}`,
    }));
    const requirements: Requirement[] = [];
    const parameters: Catalog["parameters"] = [];
    criteria.forEach((c, ci) => {
      const counters = [0, 0, 0, 0, 0, 0];
      const push = (lvl: 1 | 2 | 3 | 4 | 5, body: string, tags: string[], measured: boolean, threshold: number) => {
        counters[lvl] = (counters[lvl] ?? 0) + 1;
        const id = `${c.id}.${lvl}.${counters[lvl]}`;
        if (measured) parameters.push({ id: `${id}.threshold`, label: "threshold", value: threshold });
        requirements.push({
          id,
          criterion: c.id,
          level: lvl,
          text: body,
          kind: measured ? "measured" : "attested",
          ...(measured ? { rule: { fact: "events", comparator: "lt" as const, parameter: `${id}.threshold` } } : {}),
          naAllowed: false,
          naJustificationRequired: false,
          evidenceRequired: false,
          tags,
          mappings: [],
        });
      };
      push(1, firstTexts[ci] ?? "first", ["alpha"], false, 0);
      for (const r of requirementsPerCriterion[ci] ?? []) push(r.level, r.text, r.tags, r.measured, r.threshold);
    });
    return {
      schemaVersion: 1,
      id: "generated",
      title: "A generated catalog",
      version,
      lastModified,
      source: { title: "Generated for tests" },
      levels: [1, 2, 3, 4, 5].map((l) => ({ level: l, name: `level ${l}` })),
      dimensions: dims,
      criteria,
      requirements,
      facts: [{ id: "events", kind: "number", title: "Events", minimum: 0 }],
      parameters,
      views: [],
      provenance: [],
    } as unknown as Catalog;
  });

/** A profile built from a catalog's own ids and tags, so that it usually applies. */
export function profileArbitrary(catalog: Catalog): fc.Arbitrary<Profile> {
  const requirementIds = catalog.requirements.map((r) => r.id);
  const criterionIds = catalog.criteria.map((c) => c.id);
  const parameterIds = catalog.parameters.map((p) => p.id);
  return fc.record(
    {
      schemaVersion: fc.constant(1 as const),
      id: fc.constantFrom("profile-a", "profile-b"),
      title: fc.constant("Generated profile"),
      exclude: fc.record({ ids: fc.subarray(requirementIds, { maxLength: Math.min(3, requirementIds.length) }) }),
      remove: fc.subarray(criterionIds.slice(1), { maxLength: Math.min(1, criterionIds.length - 1) }),
      alter: fc.array(
        fc.record({
          id: fc.constantFrom(...requirementIds),
          text: fc.constant("Altered text"),
          addTags: fc.constant(["altered"]),
        }),
        { maxLength: 3 },
      ),
      setParameters:
        parameterIds.length > 0
          ? fc.dictionary(fc.constantFrom(...parameterIds), fc.integer({ min: 0, max: 50 }), { maxKeys: 2 })
          : fc.constant({}),
      add: fc.record({
        requirements: fc.array(
          fc.record({
            id: fc.integer({ min: 1, max: 9 }).map((n) => `added.5.${n}`),
            criterion: fc.constantFrom(...criterionIds),
            level: level,
            text: fc.constant("An added requirement"),
            kind: fc.constant("attested" as const),
          }),
          { maxLength: 2 },
        ),
      }),
    },
    { requiredKeys: ["schemaVersion", "id", "title"] },
  );
}
