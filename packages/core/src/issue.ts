import type { Result } from "./result.js";

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
  "invalid-argument",
] as const;

/**
 * One of {@link coreIssueCodes}.
 *
 * @since 0.1.0
 */
export type CoreIssueCode = (typeof coreIssueCodes)[number];

// The longest path an issue may have: far deeper than any document miotsec reads (the guard
// stops at 64 levels), short enough that a sparse array claiming 2^32 - 1 items is refused
// before it is walked.
const maxPathLength = 10_000;

/**
 * A plain copy of a path, each segment read once; undefined for anything that is not an array
 * of keys and whole indexes (a getter or a Proxy that throws included). Not exported from the
 * package: for core's own checks of arguments.
 */
export function readPath(value: unknown): PathSegment[] | undefined {
  try {
    if (!Array.isArray(value)) return undefined;
    const length = value.length;
    if (!Number.isSafeInteger(length) || length > maxPathLength) return undefined;
    const out: PathSegment[] = [];
    for (let i = 0; i < length; i++) {
      const segment: unknown = value[i];
      if (typeof segment === "string" || (typeof segment === "number" && Number.isSafeInteger(segment) && segment >= 0))
        out.push(segment);
      else return undefined;
    }
    return out;
  } catch {
    return undefined;
  }
}

/**
 * The `invalid-argument` issue of an export called with a bad argument: "fn(): what.", at the
 * argument's name where there is one. Not exported from the package: for core's own checks.
 */
export function argumentIssue(fn: string, what: string, path: readonly PathSegment[] = []): Issue {
  return { path: [...path], code: "invalid-argument", message: `${fn}(): ${what}.` };
}

/**
 * Creates an {@link Issue}. Bad arguments (a code or message that is not text, a path that is
 * not a list of keys and whole indexes) are answered with an `invalid-argument` issue that says
 * which, at the root.
 *
 * @example
 * ```ts
 * import { issue } from "@miotsec/core";
 * issue("unknown-requirement", "No requirement has the id updates.9.1.", ["answers", "updates.9.1"]);
 * ```
 * @since 0.1.0
 */
export function issue(code: string, message: string, path: readonly PathSegment[] = []): Issue {
  if (typeof code !== "string") return argumentIssue("issue", "the code must be text");
  if (typeof message !== "string") return argumentIssue("issue", "the message must be text");
  const at = readPath(path);
  return at === undefined
    ? argumentIssue("issue", "the path must be a list of keys and whole indexes")
    : { path: at, code, message };
}

// A plain copy of one issue, each property read once; undefined for anything that is not one.
function readIssue(value: unknown): Issue | undefined {
  try {
    if (value === null || typeof value !== "object") return undefined;
    const { path, code, message } = value as Record<string, unknown>;
    const at = readPath(path);
    if (at === undefined || typeof code !== "string" || typeof message !== "string") return undefined;
    return { path: at, code, message };
  } catch {
    return undefined;
  }
}

/**
 * Prefixes the path of every issue, for a parser that checks a part of a larger document. A
 * prefix that is not a path is answered with one `invalid-argument` issue; so is a list that
 * is not a list of issues, and each entry that is not an issue becomes one, in its place.
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
  const at = readPath(prefix);
  if (at === undefined) return [argumentIssue("prefixIssues", "the prefix must be a list of keys and whole indexes")];
  const notIssues = [argumentIssue("prefixIssues", "the issues must be a list of issues")];
  try {
    if (!Array.isArray(issues)) return notIssues;
    const length = issues.length;
    if (!Number.isSafeInteger(length) || length > 1_000_000) return notIssues;
    const out: Issue[] = [];
    for (let i = 0; i < length; i++) {
      const one = readIssue(issues[i]);
      out.push(
        one === undefined
          ? argumentIssue("prefixIssues", `entry ${i} of the issues is not an issue`)
          : { ...one, path: [...at, ...one.path] },
      );
    }
    return out;
  } catch {
    return notIssues;
  }
}

const identifier = /^[A-Za-z_$][\w$]*$/;

/**
 * A checked path as JSONPath text. For miotsec's packages, whose issues' paths are checked by
 * construction; {@link formatPath} checks its argument first.
 *
 * @example
 * ```ts
 * import { pathText } from "@miotsec/core/internal";
 * pathText(["sensors", 3, "unit"]); // "$.sensors[3].unit"
 * ```
 * @since 0.2.0
 */
export function pathText(path: readonly PathSegment[]): string {
  let out = "$";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (identifier.test(segment)) out += `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/**
 * Formats a path the way JSONPath does, for messages and one-line CLI errors:
 * `$.answers["updates.2.1"]`, `$.sensors[3].unit`. A path that is not a list of keys and whole
 * indexes is answered with an `invalid-argument` issue.
 *
 * @example
 * ```ts
 * import { formatPath } from "@miotsec/core";
 * formatPath(["answers", "updates.2.1"]); // { ok: true, value: '$.answers["updates.2.1"]' }
 * ```
 * @since 0.1.0
 */
export function formatPath(path: readonly PathSegment[]): Result<string> {
  const at = readPath(path);
  return at === undefined
    ? { ok: false, issues: [argumentIssue("formatPath", "the path must be a list of keys and whole indexes")] }
    : { ok: true, value: pathText(at) };
}
