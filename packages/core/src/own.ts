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

/**
 * One own member of an object apart from the rest of its own enumerable members, each read once,
 * or undefined when reading throws (a getter or a Proxy trap): for options of which one member is
 * taken as it is (a set of keys imported once, a list checked once) while the rest are parsed.
 *
 * @example
 * ```ts
 * import { memberApart } from "@miotsec/core/internal";
 * memberApart({ keys: 1, asOf: "2026-12-02" }, "keys"); // { member: 1, rest: { asOf: "2026-12-02" } }
 * ```
 * @since 0.2.0
 */
export function memberApart(
  value: object,
  key: string,
): { member: unknown; rest: Record<string, unknown> } | undefined {
  try {
    // Not `const { [key]: member, ...rest } = value`: V8 reads the taken member a second time there.
    let member: unknown;
    const rest: Record<string, unknown> = {};
    for (const name of Object.keys(value)) {
      const read = (value as Record<string, unknown>)[name];
      if (name === key) member = read;
      // As an own data property, whatever its name (`__proto__` included), as a spread makes it.
      else Object.defineProperty(rest, name, { value: read, enumerable: true, writable: true, configurable: true });
    }
    return { member, rest };
  } catch {
    return undefined;
  }
}
