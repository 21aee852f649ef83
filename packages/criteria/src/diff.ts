import { fail, issuesOf, ok, prefixIssues, type Result } from "@miotsec/core";
import type { Catalog, Parameter, Requirement } from "./model.js";
import { parseCatalog } from "./parse-catalog.js";

/**
 * A requirement present in both catalogs whose content differs, with the names of the fields
 * that changed.
 *
 * @since 0.1.0
 */
export interface RequirementChange {
  /** The requirement's id, the same in both catalogs. */
  readonly id: string;
  /** The fields whose values differ, in the schema's order. */
  readonly fields: readonly (keyof Requirement)[];
  /** The requirement in the older catalog. */
  readonly before: Requirement;
  /** The requirement in the newer catalog. */
  readonly after: Requirement;
}

/**
 * What changed between two catalogs: requirements added, removed and changed, and parameters
 * whose values changed. Assessments answered against `from` keep their answers for every
 * requirement that is neither removed nor changed.
 *
 * @since 0.1.0
 */
export interface CatalogDiff {
  /** The older catalog's id and version. */
  readonly from: { readonly id: string; readonly version: string };
  /** The newer catalog's id and version. */
  readonly to: { readonly id: string; readonly version: string };
  /** Requirements only in the newer catalog, in its order. */
  readonly added: readonly Requirement[];
  /** Requirements only in the older catalog, in its order. */
  readonly removed: readonly Requirement[];
  /** Requirements in both whose content differs, in the newer catalog's order. */
  readonly changed: readonly RequirementChange[];
  /** Parameters in both whose value or unit differs. */
  readonly changedParameters: readonly { readonly id: string; readonly before: Parameter; readonly after: Parameter }[];
  /** How many requirements are the same in both. */
  readonly unchanged: number;
}

const requirementFields: readonly (keyof Requirement)[] = [
  "criterion",
  "level",
  "text",
  "kind",
  "rule",
  "source",
  "naAllowed",
  "naJustificationRequired",
  "evidenceRequired",
  "tags",
  "mappings",
  "note",
];

/** Compares two JSON-like values structurally; key order of objects does not matter. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * Compares two catalogs, for migrating assessments from one catalog version (or tailoring) to
 * another. Both are checked first ({@link parseCatalog}); issues are under `from` or `to`.
 *
 * @example
 * ```ts
 * import { applyProfile, diffCatalogs, miotCatalog } from "@miotsec/criteria";
 * const tailored = applyProfile(miotCatalog, { schemaVersion: 1, id: "p", title: "P", remove: ["usability"] });
 * const diff = tailored.ok ? diffCatalogs(miotCatalog, tailored.value) : tailored;
 * if (diff.ok) diff.value.removed.length; // 5
 * ```
 * @since 0.1.0
 */
export function diffCatalogs(fromInput: Catalog, toInput: Catalog): Result<CatalogDiff> {
  const first = parseCatalog(fromInput);
  const second = parseCatalog(toInput);
  if (!first.ok || !second.ok)
    return fail([...prefixIssues(["from"], issuesOf(first)), ...prefixIssues(["to"], issuesOf(second))]);
  const from = first.value;
  const to = second.value;
  const before = new Map(from.requirements.map((r) => [r.id, r] as const));
  const after = new Map(to.requirements.map((r) => [r.id, r] as const));
  const added: Requirement[] = [];
  const changed: RequirementChange[] = [];
  let unchanged = 0;
  for (const r of to.requirements) {
    const old = before.get(r.id);
    if (!old) {
      added.push(r);
      continue;
    }
    const fields = requirementFields.filter((f) => !same(old[f], r[f]));
    if (fields.length === 0) unchanged++;
    else changed.push({ id: r.id, fields, before: old, after: r });
  }
  const removed = from.requirements.filter((r) => !after.has(r.id));
  const oldParameters = new Map(from.parameters.map((p) => [p.id, p] as const));
  const changedParameters = to.parameters.flatMap((p) => {
    const old = oldParameters.get(p.id);
    return old && !same(old, p) ? [{ id: p.id, before: old, after: p }] : [];
  });
  return ok({
    from: { id: from.id, version: from.version },
    to: { id: to.id, version: to.version },
    added,
    removed,
    changed,
    changedParameters,
    unchanged,
  });
}
