import { fail, type Issue, isDeepFrozen, ok, type Result } from "@miotsec/core";
import { type Catalog, type Fact, parseCatalog, type Requirement } from "@miotsec/criteria";

/** A requirement with everything scoring needs resolved to indexes and numbers. */
export interface CompiledRequirement {
  readonly index: number;
  readonly requirement: Requirement;
  readonly level: 1 | 2 | 3 | 4 | 5;
  readonly rule?: CompiledRule;
}

/** A measured requirement's rule, with the fact path split and an ordinal threshold as a rank. */
export interface CompiledRule {
  readonly fact: Fact;
  readonly head: string;
  readonly tail: string | undefined;
  readonly comparator: "lt" | "lte" | "gt" | "gte" | "at-least";
  /** The threshold; for an ordinal fact, the rank of the parameter's value on the fact's scale. */
  readonly threshold: number;
  /** The parameter's value as written in the catalog, for messages. */
  readonly thresholdValue: number | string;
  /** The fact's slot: its index in the catalog's facts. */
  readonly slot: number;
}

/** A fact with its slot (its index in the catalog's facts) and, if ordinal, its values' ranks. */
export interface CompiledFact {
  readonly fact: Fact;
  readonly slot: number;
  /** Ranks of an ordinal fact's values, worst first. */
  readonly ranks: ReadonlyMap<string, number> | undefined;
}

/** A catalog turned into arrays and maps once, so that scoring many assessments is a few loops. */
export interface CompiledCatalog {
  readonly catalog: Catalog;
  readonly requirements: readonly CompiledRequirement[];
  /** Requirement indexes by id. */
  readonly indexOf: ReadonlyMap<string, number>;
  readonly criteria: readonly {
    readonly id: string;
    readonly title: string;
    readonly dimension: number;
    readonly requirements: readonly number[];
  }[];
  readonly dimensions: readonly {
    readonly id: string;
    readonly title: string;
    readonly criteria: readonly number[];
    readonly criterionIds: readonly string[];
  }[];
  /** Every requirement index, 0 to n-1. */
  readonly all: readonly number[];
  /** Facts by their first name; a fact with a sub-name sits in a map under its first name. */
  readonly facts: ReadonlyMap<string, CompiledFact | ReadonlyMap<string, CompiledFact>>;
  /**
   * The measured requirements' rules as columns, for evaluating them without reading objects:
   * requirement index, fact slot, threshold (an ordinal threshold's rank) and comparator (see
   * `LT`).
   */
  readonly measured: {
    readonly index: Uint32Array;
    readonly slot: Uint32Array;
    readonly threshold: Float64Array;
    readonly comparator: Uint8Array;
  };
  /** Per requirement index, what scoring asks of it on every assessment, as bits (see `MEASURED`). */
  readonly flags: Uint8Array;
  /** Per requirement index, its level. */
  readonly levelOf: Uint8Array;
  /**
   * Requirement indexes grouped by criterion and ordered by level within each: criterion `c`'s
   * are `gated[gatedStart[c]]` to `gated[gatedStart[c + 1] - 1]`, so that the first one not
   * fulfilled gives the criterion's level.
   */
  readonly gated: Uint32Array;
  /** Where each criterion's requirements begin in `gated`; one entry more than criteria. */
  readonly gatedStart: Uint32Array;
  /** Every requirement index, ordered by level and, within a level, as in the catalog. */
  readonly byLevel: Uint32Array;
}

/** Comparator codes of {@link CompiledCatalog.measured}; `at-least` on ranks is `GTE`. */
export const LT = 0;
export const LTE = 1;
export const GT = 2;
export const GTE = 3;
const comparatorCodes = { lt: LT, lte: LTE, gt: GT, gte: GTE, "at-least": GTE } as const;

/** Flag bits of {@link CompiledCatalog.flags}. */
export const MEASURED = 1;
export const NA_ALLOWED = 2;
export const NA_JUSTIFICATION_REQUIRED = 4;
export const EVIDENCE_REQUIRED = 8;

const cache = new WeakMap<Catalog, Result<CompiledCatalog>>();

/**
 * Whether what is worked out from a catalog may be kept for as long as the catalog lives: only
 * when nothing in it can change any more, as in the catalogs `parseCatalog` and `applyProfile`
 * return and the paper's. A catalog that can still be edited is compiled anew on every call.
 */
export function isLasting(catalog: unknown): catalog is Catalog {
  return catalog !== null && typeof catalog === "object" && isDeepFrozen(catalog);
}

/**
 * Checks a catalog with `parseCatalog` and compiles it: once per catalog object when the
 * catalog is frozen to its last array ({@link isLasting}), else on every call, so that a catalog
 * edited in place is never scored as it was before.
 */
export function compileCatalog(catalog: Catalog): Result<CompiledCatalog> {
  const cached = cache.get(catalog);
  if (cached) return cached;
  const result = compile(catalog);
  if (isLasting(catalog)) cache.set(catalog, result);
  return result;
}

function compile(input: Catalog): Result<CompiledCatalog> {
  const parsed = parseCatalog(input);
  if (!parsed.ok) {
    return fail(parsed.issues.map((i): Issue => ({ ...i, message: `The catalog is not valid: ${i.message}` })));
  }
  const catalog = parsed.value;
  const dimensionIndex = new Map(catalog.dimensions.map((d, i) => [d.id, i] as const));
  const criterionIndex = new Map(catalog.criteria.map((c, i) => [c.id, i] as const));
  const facts = new Map(
    catalog.facts.map((fact, slot): [string, CompiledFact] => [
      fact.id,
      {
        fact,
        slot,
        ranks: fact.kind === "ordinal" ? new Map(fact.values.map((v, i) => [v, i] as const)) : undefined,
      },
    ]),
  );
  const parameters = new Map(catalog.parameters.map((p) => [p.id, p] as const));
  const criteria = catalog.criteria.map((c) => ({
    id: c.id,
    title: c.title,
    dimension: dimensionIndex.get(c.dimension) ?? 0,
    requirements: [] as number[],
  }));
  const requirements = catalog.requirements.map((requirement, index): CompiledRequirement => {
    criteria[criterionIndex.get(requirement.criterion) ?? 0]?.requirements.push(index);
    const base = { index, requirement, level: requirement.level };
    if (!requirement.rule) return base;
    const { fact, slot, ranks } = facts.get(requirement.rule.fact) as CompiledFact;
    const value = (parameters.get(requirement.rule.parameter) as { value: number | string }).value;
    const [head, tail] = fact.id.split(".") as [string, string | undefined];
    return {
      ...base,
      rule: {
        fact,
        head,
        tail,
        comparator: requirement.rule.comparator,
        threshold: ranks ? (ranks.get(value as string) ?? 0) : (value as number),
        thresholdValue: value,
        slot,
      },
    };
  });
  const dimensions = catalog.dimensions.map((d, i) => {
    const members = criteria.flatMap((c, ci) => (c.dimension === i ? [ci] : []));
    return { id: d.id, title: d.title, criteria: members, criterionIds: members.map((ci) => criteria[ci]?.id ?? "") };
  });
  const factTree = new Map<string, CompiledFact | Map<string, CompiledFact>>();
  for (const f of facts.values()) {
    const [head, tail] = f.fact.id.split(".") as [string, string | undefined];
    if (tail === undefined) factTree.set(head, f);
    else {
      const branch = (factTree.get(head) as Map<string, CompiledFact> | undefined) ?? new Map<string, CompiledFact>();
      branch.set(tail, f);
      factTree.set(head, branch);
    }
  }
  const flags = new Uint8Array(requirements.length);
  const levelOf = new Uint8Array(requirements.length);
  for (const r of requirements) {
    const q = r.requirement;
    flags[r.index] =
      (r.rule ? MEASURED : 0) |
      (q.naAllowed ? NA_ALLOWED : 0) |
      (q.naJustificationRequired ? NA_JUSTIFICATION_REQUIRED : 0) |
      (q.evidenceRequired ? EVIDENCE_REQUIRED : 0);
    levelOf[r.index] = r.level;
  }
  const gated = new Uint32Array(requirements.length);
  const gatedStart = new Uint32Array(criteria.length + 1);
  let at = 0;
  for (const [c, criterion] of criteria.entries()) {
    gatedStart[c] = at;
    const ordered = [...criterion.requirements].sort((a, b) => (levelOf[a] as number) - (levelOf[b] as number));
    for (const index of ordered) gated[at++] = index;
  }
  gatedStart[criteria.length] = at;
  // Array.prototype.sort is stable: within a level, the catalog's order stays.
  const byLevel = Uint32Array.from(
    requirements.map((r) => r.index).sort((a, b) => (levelOf[a] as number) - (levelOf[b] as number)),
  );
  const rules = requirements.filter((r): r is CompiledRequirement & { rule: CompiledRule } => r.rule !== undefined);
  return ok({
    catalog,
    measured: {
      index: Uint32Array.from(rules, (r) => r.index),
      slot: Uint32Array.from(rules, (r) => r.rule.slot),
      threshold: Float64Array.from(rules, (r) => r.rule.threshold),
      comparator: Uint8Array.from(rules, (r) => comparatorCodes[r.rule.comparator]),
    },
    flags,
    gated,
    gatedStart,
    byLevel,
    levelOf,
    all: requirements.map((r) => r.index),
    requirements,
    indexOf: new Map(requirements.map((r) => [r.requirement.id, r.index] as const)),
    criteria,
    dimensions,
    facts: factTree,
  });
}
