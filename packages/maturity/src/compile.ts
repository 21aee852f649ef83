import { fail, type Issue, ok, type Result } from "@miotsec/core";
import { type Catalog, type Fact, parseCatalog, type Requirement } from "@miotsec/criteria";

/** A requirement with everything scoring needs resolved to indexes and numbers. */
export interface CompiledRequirement {
  readonly index: number;
  readonly requirement: Requirement;
  readonly criterion: number;
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
  /** Ranks of an ordinal fact's values, worst first. */
  readonly ranks: ReadonlyMap<string, number> | undefined;
}

/** A catalog turned into arrays and maps once, so that scoring many assessments is a few loops. */
export interface CompiledCatalog {
  readonly catalog: Catalog;
  readonly requirements: readonly CompiledRequirement[];
  readonly byId: ReadonlyMap<string, CompiledRequirement>;
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
  readonly facts: ReadonlyMap<string, Fact | ReadonlyMap<string, Fact>>;
}

const cache = new WeakMap<Catalog, Result<CompiledCatalog>>();

/**
 * Checks a catalog with `parseCatalog` and compiles it, once per catalog object. Catalogs are
 * values: `applyProfile` returns a new one, and the paper's catalog is frozen.
 */
export function compileCatalog(catalog: Catalog): Result<CompiledCatalog> {
  const cached = cache.get(catalog);
  if (cached) return cached;
  const result = compile(catalog);
  if (catalog !== null && typeof catalog === "object") cache.set(catalog, result);
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
  const facts = new Map(catalog.facts.map((f) => [f.id, f] as const));
  const parameters = new Map(catalog.parameters.map((p) => [p.id, p] as const));
  const criteria = catalog.criteria.map((c) => ({
    id: c.id,
    title: c.title,
    dimension: dimensionIndex.get(c.dimension) ?? 0,
    requirements: [] as number[],
  }));
  const requirements = catalog.requirements.map((requirement, index): CompiledRequirement => {
    const criterion = criterionIndex.get(requirement.criterion) ?? 0;
    criteria[criterion]?.requirements.push(index);
    const base = { index, requirement, criterion, level: requirement.level };
    if (!requirement.rule) return base;
    const fact = facts.get(requirement.rule.fact) as Fact;
    const value = (parameters.get(requirement.rule.parameter) as { value: number | string }).value;
    const ranks = fact.kind === "ordinal" ? new Map(fact.values.map((v, i) => [v, i] as const)) : undefined;
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
        ranks,
      },
    };
  });
  const dimensions = catalog.dimensions.map((d, i) => {
    const members = criteria.flatMap((c, ci) => (c.dimension === i ? [ci] : []));
    return { id: d.id, title: d.title, criteria: members, criterionIds: members.map((ci) => criteria[ci]?.id ?? "") };
  });
  const factTree = new Map<string, Fact | Map<string, Fact>>();
  for (const f of catalog.facts) {
    const [head, tail] = f.id.split(".") as [string, string | undefined];
    if (tail === undefined) factTree.set(head, f);
    else {
      const branch = (factTree.get(head) as Map<string, Fact> | undefined) ?? new Map<string, Fact>();
      branch.set(tail, f);
      factTree.set(head, branch);
    }
  }
  return ok({
    catalog,
    all: requirements.map((r) => r.index),
    requirements,
    byId: new Map(requirements.map((r) => [r.requirement.id, r] as const)),
    criteria,
    dimensions,
    facts: factTree,
  });
}
