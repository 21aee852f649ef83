import { formatPath, type Issue, issue, type PathSegment } from "./issue.js";

/**
 * Keys that are never accepted anywhere in an input, because assigning them can change an
 * object's prototype (`__proto__`) or shadow what every object inherits.
 *
 * @example
 * ```ts
 * import { forbiddenKeys } from "@miotsec/core";
 * forbiddenKeys.has("__proto__"); // true
 * ```
 * @since 0.1.0
 */
export const forbiddenKeys: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Limits for {@link inspectInput}.
 *
 * @example
 * ```ts
 * import type { InputLimits } from "@miotsec/core";
 * const limits: InputLimits = { maxDepth: 32 };
 * ```
 * @since 0.1.0
 */
export interface InputLimits {
  /** Deepest nesting of arrays and objects accepted; the root is depth 0. Default 64. */
  readonly maxDepth?: number;
}

/**
 * The nesting depth {@link inspectInput} accepts unless told otherwise. No miotsec document
 * nests half as deep; the bound only exists to answer hostile input quickly.
 *
 * @example
 * ```ts
 * import { defaultMaxDepth } from "@miotsec/core";
 * defaultMaxDepth; // 64
 * ```
 * @since 0.1.0
 */
export const defaultMaxDepth = 64;

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  if (value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Walks a JSON-like input once, without recursion, and reports what no schema should have
 * to deal with: forbidden keys (`__proto__`, `constructor`, `prototype`) and nesting deeper
 * than `maxDepth`. Arrays and plain objects are walked; every other value is a leaf left to
 * the schema. At most one issue per offending place; a too-deep branch is not walked further.
 * `at` is the input's path inside a larger document; issues' paths and messages start there.
 *
 * @example
 * ```ts
 * import { inspectInput } from "@miotsec/core";
 * inspectInput(JSON.parse('{"a": {"__proto__": {}}}'));
 * // [{ path: ["a", "__proto__"], code: "forbidden-key", ... }]
 * ```
 * @since 0.1.0
 */
export function inspectInput(input: unknown, limits: InputLimits = {}, at: readonly PathSegment[] = []): Issue[] {
  if (input === null || typeof input !== "object") return [];
  const maxDepth = limits.maxDepth ?? defaultMaxDepth;
  const issues: Issue[] = [];
  // Depth-first with one shared path array: no allocation per node. Recursion is bounded by
  // maxDepth, so hostile nesting cannot exhaust the stack.
  const path: PathSegment[] = [...at];
  const visit = (value: unknown, depth: number): void => {
    if (!isContainer(value)) return;
    if (depth > maxDepth) {
      issues.push(issue("too-deep", `Input nests deeper than ${maxDepth} levels at ${formatPath(path)}.`, [...path]));
      return;
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item = value[i];
        if (item === null || typeof item !== "object") continue;
        path.push(i);
        visit(item, depth + 1);
        path.pop();
      }
      return;
    }
    for (const key of Object.keys(value)) {
      if (forbiddenKeys.has(key)) {
        path.push(key);
        issues.push(
          issue("forbidden-key", `The key "${key}" is not allowed (at ${formatPath(path)}); rename or remove it.`, [
            ...path,
          ]),
        );
        path.pop();
        continue;
      }
      const child = value[key];
      // Leaves need no path: only a container can hold a forbidden key or nest too deep.
      if (child === null || typeof child !== "object") continue;
      path.push(key);
      visit(child, depth + 1);
      path.pop();
    }
  };
  visit(input, 0);
  return issues;
}
