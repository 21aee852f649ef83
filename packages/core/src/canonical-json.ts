import { readPlain } from "./guard.js";
import { type Issue, issue, type PathSegment, pathText } from "./issue.js";
import { fail, ok, type Result } from "./result.js";

/**
 * The JSON Canonicalization Scheme of RFC 8785 (JCS): the one text of a JSON value that every
 * party computes alike, for digests, name-based ids and signatures. Object keys are sorted by
 * their UTF-16 code units at every depth, there is no white space, numbers are written as
 * ECMAScript writes them (`1e+21`, `1e-7`, `-0` as `0`) and strings with the escapes of
 * `JSON.stringify` (`\n`, `\u001f`, nothing else escaped).
 *
 * The value is read once, as `readPlain` (of `@miotsec/core/internal`) reads it, so that a key
 * that could change a prototype (`__proto__`, `constructor`, `prototype`) is a `forbidden-key`
 * issue. Properties whose value is `undefined` are left out, as `JSON.stringify` leaves them out.
 * What JSON cannot hold is an issue at its path: `NaN` and the infinities (`not-finite`),
 * `undefined` elsewhere, functions, symbols and big integers (`invalid-type`). A lone surrogate
 * is outside I-JSON, which the RFC assumes; it is written as its `\udxxx` escape, as
 * `JSON.stringify` writes it, so that every string has one canonical form.
 *
 * @example
 * ```ts
 * import { canonicalJson } from "@miotsec/core";
 * canonicalJson({ b: [1e21, 1e-7], a: "é" }); // { ok: true, value: '{"a":"é","b":[1e+21,1e-7]}' }
 * canonicalJson({ a: Number.NaN }).ok; // false
 * ```
 * @since 0.2.0
 */
export function canonicalJson(value: unknown): Result<string> {
  const read = readPlain(value);
  if (!read.ok) return read;
  const issues: Issue[] = [];
  const text = write(read.value, [], issues);
  return issues.length > 0 ? fail(issues) : ok(text);
}

function write(value: unknown, path: PathSegment[], issues: Issue[]): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
    case "string":
      return JSON.stringify(value);
    case "number":
      if (Number.isFinite(value)) return String(value);
      issues.push(issue("not-finite", `${String(value)} at ${pathText(path)} is not a JSON number.`, path));
      return "";
    case "object": {
      if (Array.isArray(value)) return `[${value.map((v, i) => write(v, [...path, i], issues)).join(",")}]`;
      const record = value as Record<string, unknown>;
      const members: string[] = [];
      // Array.prototype.sort compares strings by UTF-16 code units, the order RFC 8785 asks for.
      for (const key of Object.keys(record).sort()) {
        const v = record[key];
        if (v !== undefined) members.push(`${JSON.stringify(key)}:${write(v, [...path, key], issues)}`);
      }
      return `{${members.join(",")}}`;
    }
    default:
      issues.push(issue("invalid-type", `The ${typeof value} at ${pathText(path)} has no JSON form.`, path));
      return "";
  }
}
