/**
 * The value of an object's own property, or undefined: a name that a person or a document
 * chose (a metric, a fact, a host) never finds what every object inherits, such as `toString`
 * or `valueOf`.
 *
 * @example
 * ```ts
 * import { ownValue } from "@miotsec/core/internal";
 * ownValue({ cpu: 1 }, "cpu"); // 1
 * ownValue({ cpu: 1 }, "toString"); // undefined
 * ```
 * @since 0.2.0
 */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
