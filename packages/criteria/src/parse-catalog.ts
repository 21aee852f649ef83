import { deepFreeze, fail, ok, parseWith, type Result } from "@miotsec/core";
import { withoutSchemaKey } from "@miotsec/core/internal";
import * as z from "zod/mini";
import { checkCatalog } from "./check-catalog.js";
import { type Catalog, catalogSchema } from "./model.js";

/**
 * Parses and checks a catalog document (a plain object, for example from `JSON.parse` or a
 * YAML parser). Besides the shape it checks every cross-reference: unique ids, criteria in
 * known dimensions, requirements in known criteria, measured requirements with a rule whose
 * fact and parameter exist and fit, `naJustificationRequired` only with `naAllowed`, a
 * level-1 requirement in every criterion. Never throws; never mutates its input. The catalog
 * returned is a checked copy, frozen to its last array, so that it cannot be changed after it
 * was checked: `assess` may then compile it once and score with it ever after.
 *
 * Issue codes beyond `@miotsec/core`'s: `duplicate-id`, `unknown-dimension`, `unknown-criterion`,
 * `unknown-requirement`, `unknown-fact`, `unknown-parameter`, `missing-rule`, `unexpected-rule`,
 * `invalid-rule`, `invalid-parameter`, `invalid-na`, `invalid-range`, `invalid-levels`,
 * `conflicting-fact`, `empty-dimension`, `missing-level-1`.
 *
 * @example
 * ```ts
 * import { miotCatalog, parseCatalog } from "@miotsec/criteria";
 * const result = parseCatalog(JSON.parse(JSON.stringify(miotCatalog)));
 * if (result.ok) console.log(result.value.requirements.length); // 81
 * ```
 * @since 0.1.0
 */
export function parseCatalog(input: unknown): Result<Catalog> {
  const parsed = parseWith(catalogSchema, input);
  if (!parsed.ok) return parsed;
  const issues = checkCatalog(parsed.value);
  return issues.length > 0 ? fail(issues) : ok(deepFreeze(withoutSchemaKey(parsed.value)));
}

/**
 * The JSON Schema (draft 2020-12) of a catalog document, generated from the zod schema, for
 * editors and for validating catalogs written in other languages. Cross-reference checks are
 * beyond JSON Schema; {@link parseCatalog} does them.
 *
 * @example
 * ```ts
 * import { catalogJsonSchema } from "@miotsec/criteria";
 * const schema = catalogJsonSchema();
 * schema.$schema; // "https://json-schema.org/draft/2020-12/schema"
 * ```
 * @since 0.1.0
 */
export function catalogJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(catalogSchema, { target: "draft-2020-12", io: "input" }),
    title: "miotsec maturity catalog",
  };
}
