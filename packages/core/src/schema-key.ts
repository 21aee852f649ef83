import * as z from "zod/mini";

/**
 * The `$schema` key a document may carry, the usual way to point an editor at its JSON Schema
 * (`"$schema": "./label.schema.json"`): any string up to 2,048 characters. Every document schema
 * of miotsec allows it, every parser accepts it and leaves it out of what it returns: a
 * document means the same with it and without it.
 *
 * @example
 * ```ts
 * import { schemaKey } from "@miotsec/core/internal";
 * ```
 * @since 0.2.0
 */
export const schemaKey = z.optional(z.string().check(z.maxLength(2048)));

/**
 * A parsed document without its `$schema` key: the same object when it has none, else a
 * shallow copy without it.
 *
 * @example
 * ```ts
 * import { withoutSchemaKey } from "@miotsec/core/internal";
 * withoutSchemaKey({ $schema: "./label.schema.json", id: "x" }); // { id: "x" }
 * ```
 * @since 0.2.0
 */
export function withoutSchemaKey<T extends object>(document: T): T {
  if (!Object.hasOwn(document, "$schema")) return document;
  const { $schema: _ignored, ...rest } = document as T & { $schema?: unknown };
  return rest as T;
}
