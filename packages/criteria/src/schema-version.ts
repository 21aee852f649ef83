/**
 * The version of the catalog document format this package reads and writes.
 *
 * @example
 * ```ts
 * import { catalogSchemaVersion } from "@miotsec/criteria";
 * catalogSchemaVersion; // 1
 * ```
 * @since 0.1.0
 */
export const catalogSchemaVersion = 1;
