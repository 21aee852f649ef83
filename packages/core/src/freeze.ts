/**
 * Freezes a value and every object and array inside it, and returns it. Values that are
 * already frozen are not walked again, so a shared or cyclic structure is frozen once. A Proxy
 * whose traps throw cannot be frozen or read and is left as it is; nothing is thrown.
 *
 * @example
 * ```ts
 * import { deepFreeze } from "@miotsec/core";
 * const policy = deepFreeze({ limits: { days: 121 } });
 * Object.isFrozen(policy.limits); // true
 * ```
 * @since 0.2.0
 */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== "object") continue;
    try {
      if (Object.isFrozen(v)) continue;
      Object.freeze(v);
      for (const child of Object.values(v)) stack.push(child);
    } catch {
      // A Proxy whose traps throw: it cannot be frozen or read, and is left as it is.
    }
  }
  return value;
}

/**
 * Whether a value and every object and array inside it are frozen, without getters: such a
 * value can never change, so what is worked out from it once (a compiled catalog, say) holds for
 * good. Never calls a getter; a Proxy whose traps throw is not known to be frozen.
 *
 * @example
 * ```ts
 * import { deepFreeze, isDeepFrozen } from "@miotsec/core";
 * isDeepFrozen(Object.freeze({ a: [1] })); // false: the array is not frozen
 * isDeepFrozen(deepFreeze({ a: [1] })); // true
 * ```
 * @since 0.2.0
 */
export function isDeepFrozen(value: unknown): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  try {
    while (stack.length > 0) {
      const v = stack.pop();
      if (v === null || typeof v !== "object" || seen.has(v)) continue;
      if (!Object.isFrozen(v)) return false;
      seen.add(v);
      // Descriptors, not values: a getter is never called, and answers anew each time, so a
      // value that has one can still change.
      for (const key of Reflect.ownKeys(v)) {
        const d = Object.getOwnPropertyDescriptor(v, key);
        if (d === undefined) continue;
        if (!("value" in d)) return false;
        stack.push(d.value);
      }
    }
    return true;
  } catch {
    // A Proxy whose trap throws: nothing can be known of it.
    return false;
  }
}
