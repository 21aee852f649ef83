import type { core } from "zod/mini";
import { type Issue, type PathSegment, pathText } from "./issue.js";

function toPath(path: readonly PropertyKey[]): PathSegment[] {
  return path.map((k) => (typeof k === "number" ? k : String(k)));
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
    return "a number";
  }
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return "a string";
  if (typeof value === "boolean") return "a boolean";
  return typeof value;
}

/**
 * The message `parseWith` asks zod to give every issue whose schema sets none: a message other
 * than it was set by our schema. Asked for on every parse, so that an application that loads
 * one of zod's locales (`z.config(z.locales.en())`, classic zod) does not change ours.
 */
export const noOwnMessage = "\u0000";

function hasOwnMessage(raw: core.$ZodIssue): boolean {
  return raw.message !== noOwnMessage && raw.message !== "" && raw.message !== "Invalid input";
}

/** An issue that says only that a union's option does not take a value of this kind at all. */
function misfit(issue: core.$ZodIssue): boolean {
  return issue.path.length === 0 && (issue.code === "invalid_type" || issue.code === "invalid_value");
}

function list(values: readonly unknown[]): string {
  const shown = values.slice(0, 8).map((v) => JSON.stringify(v));
  return values.length > 8 ? `${shown.join(", ")}, …` : shown.join(", ");
}

function bound(raw: core.$ZodIssue & { code: "too_big" | "too_small" }): string {
  const n = typeof raw.origin === "string" && ["string", "array", "set", "file"].includes(raw.origin);
  const limit = raw.code === "too_big" ? raw.maximum : raw.minimum;
  const one = Number(limit) === 1;
  const unit = raw.origin === "string" ? (one ? " character" : " characters") : n ? (one ? " item" : " items") : "";
  const strict = raw.inclusive === false;
  if (raw.code === "too_big") return `${strict ? "less than" : "at most"} ${String(limit)}${unit}`;
  return `${strict ? "more than" : "at least"} ${String(limit)}${unit}`;
}

/**
 * Turns zod's issues into miotsec {@link Issue}s with stable codes and messages that name
 * the JSON path. A refinement can choose its own code by passing `params: { code }`. `prefix` is
 * the path of the parsed value inside a larger document.
 *
 * @example
 * ```ts
 * import * as z from "zod/mini";
 * import { fromZodIssues } from "@miotsec/core/internal";
 * const r = z.strictObject({ a: z.number() }).safeParse({ a: "x" }, { reportInput: true });
 * if (!r.success) fromZodIssues(r.error.issues)[0]?.code; // "invalid-type"
 * ```
 * @since 0.1.0
 */
export function fromZodIssues(raw: readonly core.$ZodIssue[], prefix: readonly PathSegment[] = []): Issue[] {
  const out: Issue[] = [];
  for (const i of raw) convert(i, prefix, out);
  return out;
}

function convert(raw: core.$ZodIssue, prefix: readonly PathSegment[], out: Issue[]): void {
  const path = [...prefix, ...toPath(raw.path)];
  const at = pathText(path);
  switch (raw.code) {
    case "invalid_type": {
      const input = raw.input;
      if (input === undefined) {
        out.push({ path, code: "missing", message: `${at} is required but missing.` });
      } else if (raw.expected === "number" && typeof input === "number") {
        out.push({ path, code: "not-finite", message: `${at} must be a finite number, got ${describe(input)}.` });
      } else {
        out.push({
          path,
          code: "invalid-type",
          message: `${at} must be ${raw.expected === "object" ? "an object" : `of type ${raw.expected}`}, got ${describe(input)}.`,
        });
      }
      return;
    }
    case "unrecognized_keys":
      for (const key of raw.keys) {
        const keyPath = [...path, key];
        out.push({
          path: keyPath,
          code: "unknown-key",
          message: `${pathText(keyPath)} is not a known field; remove it or check its spelling.`,
        });
      }
      return;
    case "too_big":
      out.push({ path, code: "too-big", message: `${at} must be ${bound(raw)}.` });
      return;
    case "too_small":
      out.push({ path, code: "too-small", message: `${at} must be ${bound(raw)}.` });
      return;
    case "invalid_format": {
      if (raw.format === "date") {
        out.push({
          path,
          code: "invalid-date",
          message: `${at} must be a real calendar date written YYYY-MM-DD.`,
        });
      } else {
        const message = hasOwnMessage(raw) ? `${at} ${raw.message}.` : `${at} is not a valid ${raw.format}.`;
        out.push({ path, code: "invalid-format", message });
      }
      return;
    }
    case "invalid_value":
      if (path.length === 1 && path[0] === "schemaVersion") {
        out.push({
          path,
          code: "unsupported-schema-version",
          message: `${at} must be ${list(raw.values)}: this release reads documents of that schema version only.`,
        });
        return;
      }
      out.push({
        path,
        code: "invalid-value",
        message: hasOwnMessage(raw) ? `${at} ${raw.message}.` : `${at} must be one of ${list(raw.values)}.`,
      });
      return;
    case "not_multiple_of":
      out.push({ path, code: "invalid-value", message: `${at} must be a multiple of ${String(raw.divisor)}.` });
      return;
    case "invalid_union": {
      // Where the value's shape fits one option only (an object where the other option is a
      // word, say), that option's issues say what is wrong, each at its own path: "$.runtime.
      // identity.name is required" rather than "$.runtime must be a value or a word".
      const fitting = raw.errors.filter((option) => !option.every(misfit));
      if (fitting.length === 1) {
        for (const inner of fitting[0] as core.$ZodIssue[]) convert(inner, path, out);
        return;
      }
      if (hasOwnMessage(raw)) {
        out.push({ path, code: "invalid-value", message: `${at} ${raw.message}.` });
        return;
      }
      const note = (raw as { note?: string }).note;
      out.push({
        path,
        code: "invalid-value",
        message: note ? `${at}: ${note.replace(/\.$/, "")}.` : `${at} matches none of the allowed shapes.`,
      });
      return;
    }
    case "invalid_key":
    case "invalid_element":
      for (const inner of raw.issues) convert(inner, path, out);
      return;
    case "custom": {
      // Refinements word their messages as predicates ("must be ..."), so they read after the path.
      const code = typeof raw.params?.code === "string" ? raw.params.code : "custom";
      out.push({ path, code, message: `${at} ${raw.message.replace(/\.$/, "")}.` });
      return;
    }
    default:
      out.push({ path, code: "custom", message: `${at}: ${(raw as { message: string }).message}` });
  }
}
