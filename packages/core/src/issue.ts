/**
 * A key in the path to an offending value: an object key or an array index.
 *
 * @since 0.1.0
 */
export type PathSegment = string | number;

/**
 * One problem found in an input: where it is, a stable code a program can switch on,
 * and a sentence a person can act on.
 *
 * `path` points at the offending key (for an unknown key, at the key itself), from the
 * root of the value that was parsed. `code` never changes between releases for the same
 * problem; `message` may be reworded.
 *
 * @since 0.1.0
 */
export interface Issue {
  /** Keys from the root of the parsed value to the offending one; `[]` for the root itself. */
  readonly path: readonly PathSegment[];
  /** A stable kebab-case code, such as `unknown-key`; switch on this, not on the message. */
  readonly code: string;
  /** One sentence for a person, naming the place and what is expected there. */
  readonly message: string;
}

/**
 * The issue codes that `@miotsec/core` itself produces. Other packages add their own
 * codes (for example `unknown-requirement`); every code is a kebab-case string.
 *
 * @example
 * ```ts
 * import { coreIssueCodes } from "@miotsec/core";
 * coreIssueCodes.includes("unknown-key"); // true
 * ```
 * @since 0.1.0
 */
export const coreIssueCodes = [
  "missing",
  "invalid-type",
  "not-finite",
  "unknown-key",
  "forbidden-key",
  "too-small",
  "too-big",
  "invalid-format",
  "invalid-date",
  "invalid-value",
  "too-deep",
  "unreadable-input",
  "not-plain-data",
  "sparse-array",
  "circular-reference",
  "unsupported-schema-version",
  "custom",
] as const;

/**
 * One of {@link coreIssueCodes}.
 *
 * @since 0.1.0
 */
export type CoreIssueCode = (typeof coreIssueCodes)[number];

/**
 * Creates an {@link Issue}.
 *
 * @example
 * ```ts
 * import { issue } from "@miotsec/core";
 * issue("unknown-requirement", "No requirement has the id updates.9.1.", ["answers", "updates.9.1"]);
 * ```
 * @since 0.1.0
 */
export function issue(code: string, message: string, path: readonly PathSegment[] = []): Issue {
  return { path: [...path], code, message };
}

/**
 * Prefixes the path of every issue, for a parser that checks a part of a larger document.
 *
 * @example
 * ```ts
 * import { issue, prefixIssues } from "@miotsec/core";
 * prefixIssues(["lifecycle"], [issue("missing", "Required.", ["anchor"])])[0]?.path;
 * // ["lifecycle", "anchor"]
 * ```
 * @since 0.1.0
 */
export function prefixIssues(prefix: readonly PathSegment[], issues: readonly Issue[]): Issue[] {
  return issues.map((i) => ({ ...i, path: [...prefix, ...i.path] }));
}

const identifier = /^[A-Za-z_$][\w$]*$/;

/**
 * Formats a path the way JSONPath does, for messages and one-line CLI errors:
 * `$.answers["updates.2.1"]`, `$.sensors[3].unit`.
 *
 * @example
 * ```ts
 * import { formatPath } from "@miotsec/core";
 * formatPath(["answers", "updates.2.1"]); // '$.answers["updates.2.1"]'
 * ```
 * @since 0.1.0
 */
export function formatPath(path: readonly PathSegment[]): string {
  let out = "$";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (identifier.test(segment)) out += `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
