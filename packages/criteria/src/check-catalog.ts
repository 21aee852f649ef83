import { type Issue, issue, type PathSegment } from "@miotsec/core";
import { pathText } from "@miotsec/core/internal";
import type { Catalog, Fact } from "./model.js";

/**
 * Checks what a schema cannot: that ids are unique, that every reference points at something,
 * that each rule fits its fact, and that every criterion has a level-1 requirement (without
 * one, the gated rule could never explain why level 1 was or was not reached).
 * Returns the issues found; none means the catalog is consistent.
 */
export function checkCatalog(catalog: Catalog): Issue[] {
  const issues: Issue[] = [];
  const add = (code: string, message: string, path: PathSegment[]) => issues.push(issue(code, message, path));

  const levels = new Set(catalog.levels.map((l) => l.level));
  if (levels.size !== 5)
    add("invalid-levels", "The catalog must name each of the levels 1 to 5 exactly once.", ["levels"]);

  // Dimensions, criteria and requirements share one namespace, so that a profile's `remove` can name any of them.
  const entries = new Map<string, PathSegment[]>();
  const claim = (id: string, path: PathSegment[]) => {
    const first = entries.get(id);
    if (first) add("duplicate-id", `The id "${id}" is used twice: at ${pathText(first)} and here.`, path);
    else entries.set(id, path);
  };
  catalog.dimensions.forEach((d, i) => {
    claim(d.id, ["dimensions", i, "id"]);
  });
  const dimensionIds = new Set(catalog.dimensions.map((d) => d.id));
  const criteriaPerDimension = new Map<string, number>();
  catalog.criteria.forEach((c, i) => {
    claim(c.id, ["criteria", i, "id"]);
    if (!dimensionIds.has(c.dimension)) {
      add(
        "unknown-dimension",
        `Criterion "${c.id}" names the dimension "${c.dimension}", which the catalog does not define.`,
        ["criteria", i, "dimension"],
      );
    }
    criteriaPerDimension.set(c.dimension, (criteriaPerDimension.get(c.dimension) ?? 0) + 1);
  });
  catalog.dimensions.forEach((d, i) => {
    if (!criteriaPerDimension.has(d.id))
      add("empty-dimension", `Dimension "${d.id}" has no criterion.`, ["dimensions", i]);
  });

  const facts = new Map<string, Fact>();
  catalog.facts.forEach((f, i) => {
    if (facts.has(f.id)) add("duplicate-id", `The fact "${f.id}" is defined twice.`, ["facts", i, "id"]);
    facts.set(f.id, f);
    if (f.kind === "number" && f.minimum !== undefined && f.maximum !== undefined && f.minimum > f.maximum) {
      add("invalid-range", `Fact "${f.id}" has a minimum above its maximum.`, ["facts", i]);
    }
    if (f.kind === "ordinal" && new Set(f.values).size !== f.values.length) {
      add("duplicate-id", `Fact "${f.id}" lists a value twice.`, ["facts", i, "values"]);
    }
  });
  catalog.facts.forEach((f, i) => {
    // A fact that is a prefix of another (`a` and `a.b`) would need the assessment's `facts.a`
    // to be a number and an object at once.
    for (let dot = f.id.indexOf("."); dot >= 0; dot = f.id.indexOf(".", dot + 1)) {
      const prefix = f.id.slice(0, dot);
      if (facts.has(prefix))
        add("conflicting-fact", `Fact "${f.id}" lies inside fact "${prefix}".`, ["facts", i, "id"]);
    }
  });

  const parameters = new Map<string, { parameter: Catalog["parameters"][number]; index: number }>();
  catalog.parameters.forEach((p, i) => {
    if (parameters.has(p.id)) add("duplicate-id", `The parameter "${p.id}" is defined twice.`, ["parameters", i, "id"]);
    else parameters.set(p.id, { parameter: p, index: i });
  });

  const criterionIds = new Set(catalog.criteria.map((c) => c.id));
  const hasLevelOne = new Set<string>();
  catalog.requirements.forEach((r, i) => {
    const at: PathSegment[] = ["requirements", i];
    claim(r.id, [...at, "id"]);
    if (!criterionIds.has(r.criterion)) {
      add(
        "unknown-criterion",
        `Requirement "${r.id}" names the criterion "${r.criterion}", which the catalog does not define.`,
        [...at, "criterion"],
      );
    }
    if (r.level === 1) hasLevelOne.add(r.criterion);
    if (r.naJustificationRequired && !r.naAllowed) {
      add("invalid-na", `Requirement "${r.id}" requires a justification for "na" but does not allow "na".`, [
        ...at,
        "naJustificationRequired",
      ]);
    }
    if (r.kind === "measured" && r.rule === undefined) {
      add("missing-rule", `Measured requirement "${r.id}" has no rule.`, [...at, "rule"]);
    }
    if (r.kind === "attested" && r.rule !== undefined) {
      add(
        "unexpected-rule",
        `Requirement "${r.id}" is attested, so it must not have a rule; make it measured or drop the rule.`,
        [...at, "rule"],
      );
    }
    if (r.rule === undefined) return;
    const fact = facts.get(r.rule.fact);
    const found = parameters.get(r.rule.parameter);
    const parameter = found?.parameter;
    if (!fact)
      add(
        "unknown-fact",
        `Requirement "${r.id}" measures the fact "${r.rule.fact}", which the catalog does not define.`,
        [...at, "rule", "fact"],
      );
    if (!parameter) {
      add(
        "unknown-parameter",
        `Requirement "${r.id}" compares with the parameter "${r.rule.parameter}", which the catalog does not define.`,
        [...at, "rule", "parameter"],
      );
    }
    if (!fact || !parameter) return;
    if ((fact.kind === "ordinal") !== (r.rule.comparator === "at-least")) {
      add(
        "invalid-rule",
        fact.kind === "ordinal"
          ? `Requirement "${r.id}" compares the ordinal fact "${fact.id}"; use the comparator "at-least".`
          : `Requirement "${r.id}" compares the number fact "${fact.id}"; use lt, lte, gt or gte.`,
        [...at, "rule", "comparator"],
      );
    }
    const fits =
      fact.kind === "ordinal"
        ? typeof parameter.value === "string" && fact.values.includes(parameter.value)
        : typeof parameter.value === "number";
    if (!fits) {
      add(
        "invalid-parameter",
        fact.kind === "ordinal"
          ? `Parameter "${parameter.id}" must be one of the values of fact "${fact.id}": ${fact.values.join(", ")}.`
          : `Parameter "${parameter.id}" must be a number, as fact "${fact.id}" is.`,
        ["parameters", found?.index ?? 0, "value"],
      );
    }
  });
  catalog.criteria.forEach((c, i) => {
    if (!hasLevelOne.has(c.id)) {
      add(
        "missing-level-1",
        `Criterion "${c.id}" has no level-1 requirement, so level 1 of it could not be assessed.`,
        ["criteria", i],
      );
    }
  });

  catalog.views.forEach((v, i) => {
    v.groups.forEach((g, j) => {
      g.criteria.forEach((id, k) => {
        if (!criterionIds.has(id))
          add("unknown-criterion", `View group "${v.id}/${g.id}" names an unknown criterion "${id}".`, [
            "views",
            i,
            "groups",
            j,
            "criteria",
            k,
          ]);
      });
      g.requirements.forEach((id, k) => {
        const kind = entries.get(id);
        if (kind?.[0] !== "requirements") {
          add("unknown-requirement", `View group "${v.id}/${g.id}" names an unknown requirement "${id}".`, [
            "views",
            i,
            "groups",
            j,
            "requirements",
            k,
          ]);
        }
      });
    });
  });
  return issues;
}
