import {
  forbiddenKeys,
  formatPath,
  type IsoDate,
  type Issue,
  isIsoDate,
  issue,
  type PathSegment,
  parseWith,
} from "@miotsec/core";
import type { AnswerStatus, Fact } from "@miotsec/criteria";
import * as z from "zod/mini";
import { answerObjectSchema, assessmentSchemaVersion, earliestAsOf, latestAsOf, subjectSchema } from "./assessment.js";
import type { CompiledCatalog } from "./compile.js";

// A chain of comparisons: faster than a Set for five short strings, read once per answer.
const isStatus = (value: string): value is AnswerStatus =>
  value === "met" || value === "unmet" || value === "partial" || value === "unknown" || value === "na";
const rootKeys: ReadonlySet<string> = new Set([
  "schemaVersion",
  "id",
  "subject",
  "catalog",
  "asOf",
  "answers",
  "facts",
]);
const catalogRefSchema = z.strictObject({
  id: z.string().check(z.maxLength(100)),
  version: z.optional(z.string().check(z.maxLength(100))),
});
const idSchema = z.string().check(z.minLength(1), z.maxLength(200));

/** What `assess` needs from an assessment once it is checked: answers and facts by requirement index. */
export interface ReadAssessment {
  readonly id: string | undefined;
  readonly subject: z.infer<typeof subjectSchema> | undefined;
  readonly asOf: IsoDate;
  readonly statuses: (AnswerStatus | undefined)[];
  /** 1 where an answer object carries at least one evidence reference. */
  readonly evidenced: readonly boolean[];
  readonly facts: Readonly<Record<string, unknown>> | undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function inheritedEnumerable(): boolean {
  for (const _ in Object.prototype) return true;
  return false;
}

// The own keys as an object's keys, for a for...in loop that must not see inherited ones.
function ownKeysOf(value: Record<string, unknown>): Record<string, true> {
  const keys: Record<string, true> = Object.create(null);
  for (const key of Object.keys(value)) keys[key] = true;
  return keys;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  return `a ${typeof value}`;
}

function forbidden(path: PathSegment[]): Issue {
  const key = String(path[path.length - 1]);
  return issue("forbidden-key", `The key "${key}" is not allowed (at ${formatPath(path)}); rename or remove it.`, path);
}

function checkFact(fact: Fact, value: unknown, path: PathSegment[], issues: Issue[]): void {
  if (fact.kind === "ordinal") {
    if (typeof value !== "string" || !fact.values.includes(value)) {
      issues.push(issue("invalid-value", `${formatPath(path)} must be one of ${fact.values.join(", ")}.`, path));
    }
    return;
  }
  // The common case first: a number inside the fact's bounds needs no message.
  if (
    typeof value === "number" &&
    Number.isFinite(value) &&
    (fact.minimum === undefined || value >= fact.minimum) &&
    (fact.maximum === undefined || value <= fact.maximum) &&
    (!fact.integer || Number.isInteger(value))
  )
    return;
  const at = formatPath(path);
  if (typeof value !== "number") {
    issues.push(issue("invalid-type", `${at} must be a number, got ${describe(value)}.`, path));
  } else if (!Number.isFinite(value)) {
    issues.push(issue("not-finite", `${at} must be a finite number, got ${String(value)}.`, path));
  } else if (fact.minimum !== undefined && value < fact.minimum) {
    issues.push(
      issue("too-small", `${at} must be at least ${fact.minimum}${fact.unit ? ` (${fact.unit})` : ""}.`, path),
    );
  } else if (fact.maximum !== undefined && value > fact.maximum) {
    issues.push(issue("too-big", `${at} must be at most ${fact.maximum}${fact.unit ? ` (${fact.unit})` : ""}.`, path));
  } else if (fact.integer && !Number.isInteger(value)) {
    issues.push(issue("invalid-value", `${at} must be a whole number.`, path));
  }
}

function checkFacts(compiled: CompiledCatalog, facts: unknown, issues: Issue[]): void {
  if (!isPlainObject(facts)) {
    issues.push(issue("invalid-type", `$.facts must be an object, got ${describe(facts)}.`, ["facts"]));
    return;
  }
  for (const key of Object.keys(facts)) {
    const node = compiled.facts.get(key);
    const path: PathSegment[] = ["facts", key];
    if (forbiddenKeys.has(key)) {
      issues.push(forbidden(path));
    } else if (node === undefined) {
      issues.push(
        issue("unknown-fact", `${formatPath(path)} is not a fact of catalog "${compiled.catalog.id}".`, path),
      );
    } else if (node instanceof Map) {
      const branch = facts[key];
      if (!isPlainObject(branch)) {
        issues.push(
          issue("invalid-type", `${formatPath(path)} must be an object of ${[...node.keys()].join(", ")}.`, path),
        );
        continue;
      }
      for (const sub of Object.keys(branch)) {
        const fact = node.get(sub);
        const subPath = [...path, sub];
        if (forbiddenKeys.has(sub)) issues.push(forbidden(subPath));
        else if (fact === undefined)
          issues.push(
            issue("unknown-fact", `${formatPath(subPath)} is not a fact of catalog "${compiled.catalog.id}".`, subPath),
          );
        else checkFact(fact, branch[sub], subPath, issues);
      }
    } else {
      checkFact(node as Fact, facts[key], path, issues);
    }
  }
}

/**
 * Checks an assessment against the shape of `assessmentSchema` and against the catalog, and
 * reads its answers into arrays indexed like the catalog's requirements. The common parts
 * (bare status answers, facts) are checked by hand for speed; the rare ones (answer objects,
 * subject) by their zod schemas, so that the schema stays the definition.
 */
export function readAssessment(
  compiled: CompiledCatalog,
  input: unknown,
): { ok: true; value: ReadAssessment } | { ok: false; issues: Issue[] } {
  // No separate walk for forbidden keys and depth: every key read here is checked against
  // forbiddenKeys, nested values are either leaves checked by hand or parsed with parseWith
  // (which walks them), and nothing else is descended into.
  const issues: Issue[] = [];
  if (!isPlainObject(input)) {
    return { ok: false, issues: [issue("invalid-type", `An assessment must be an object, got ${describe(input)}.`)] };
  }
  for (const key of Object.keys(input)) {
    if (forbiddenKeys.has(key)) issues.push(forbidden([key]));
    else if (!rootKeys.has(key))
      issues.push(
        issue("unknown-key", `${formatPath([key])} is not a known field; remove it or check its spelling.`, [key]),
      );
  }
  if (input.schemaVersion !== assessmentSchemaVersion) {
    issues.push(
      input.schemaVersion === undefined
        ? issue("missing", "$.schemaVersion is required but missing.", ["schemaVersion"])
        : issue(
            "invalid-value",
            `$.schemaVersion must be ${assessmentSchemaVersion}; this version of @miotsec/maturity reads assessments of schema version ${assessmentSchemaVersion}.`,
            ["schemaVersion"],
          ),
    );
  }
  if (!isIsoDate(input.asOf)) {
    issues.push(
      input.asOf === undefined
        ? issue("missing", "$.asOf is required but missing: the date the assessment describes, YYYY-MM-DD.", ["asOf"])
        : issue("invalid-date", "$.asOf must be a real calendar date written YYYY-MM-DD.", ["asOf"]),
    );
  } else if (input.asOf < earliestAsOf || input.asOf > latestAsOf) {
    issues.push(issue("invalid-date", "$.asOf must be a date from 1900 to 2999.", ["asOf"]));
  }
  if (input.id !== undefined) {
    const r = parseWith(idSchema, input.id, { path: ["id"] });
    if (!r.ok) issues.push(...r.issues);
  }
  let subject: z.infer<typeof subjectSchema> | undefined;
  if (input.subject !== undefined) {
    const r = parseWith(subjectSchema, input.subject, { path: ["subject"] });
    if (r.ok) subject = r.value;
    else issues.push(...r.issues);
  }
  if (input.catalog !== undefined) {
    const r = parseWith(catalogRefSchema, input.catalog, { path: ["catalog"] });
    if (!r.ok) issues.push(...r.issues);
    else if (r.value.id !== compiled.catalog.id) {
      issues.push(
        issue(
          "catalog-mismatch",
          `The assessment was made against catalog "${r.value.id}", not "${compiled.catalog.id}".`,
          ["catalog", "id"],
        ),
      );
    }
  }
  if (input.facts !== undefined) checkFacts(compiled, input.facts, issues);

  const count = compiled.requirements.length;
  const statusOf: (AnswerStatus | undefined)[] = new Array(count);
  const evidenced: boolean[] = [];
  const answers = input.answers;
  if (!isPlainObject(answers)) {
    issues.push(
      answers === undefined
        ? issue("missing", "$.answers is required but missing; use {} when nothing is answered yet.", ["answers"])
        : issue("invalid-type", `$.answers must be an object keyed by requirement id, got ${describe(answers)}.`, [
            "answers",
          ]),
    );
  } else {
    // for...in walks a JSON object's keys without building an array (about half the cost of
    // Object.keys here), but it also yields inherited enumerable keys; those exist only when
    // Object.prototype has been given one, and then the own keys are listed instead.
    for (const id in inheritedEnumerable() ? ownKeysOf(answers) : answers) {
      const compiledRequirement = compiled.byId.get(id);
      // Requirement ids are never forbidden words, so only a miss needs this check.
      if (compiledRequirement === undefined && forbiddenKeys.has(id)) {
        issues.push(forbidden(["answers", id]));
        continue;
      }
      const raw = answers[id];
      let status: AnswerStatus;
      let justification: string | undefined;
      if (typeof raw === "string") {
        if (!isStatus(raw)) {
          issues.push(
            issue(
              "invalid-value",
              `${formatPath(["answers", id])} must be one of "met", "partial", "unmet", "na", "unknown".`,
              ["answers", id],
            ),
          );
          continue;
        }
        status = raw;
      } else {
        if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
          issues.push(
            issue(
              "invalid-type",
              `${formatPath(["answers", id])} must be a status such as "met", or an object with a status.`,
              ["answers", id],
            ),
          );
          continue;
        }
        const r = parseWith(answerObjectSchema, raw, { path: ["answers", id] });
        if (!r.ok) {
          issues.push(...r.issues);
          continue;
        }
        status = r.value.status;
        justification = r.value.justification;
        if (compiledRequirement && (r.value.evidence?.length ?? 0) > 0) evidenced[compiledRequirement.index] = true;
      }
      if (!compiledRequirement) {
        issues.push(
          issue(
            "unknown-requirement",
            `${formatPath(["answers", id])}: catalog "${compiled.catalog.id}" has no requirement "${id}".`,
            ["answers", id],
          ),
        );
        continue;
      }
      const requirement = compiledRequirement.requirement;
      if (requirement.kind === "measured" && status !== "na") {
        const fact = requirement.rule?.fact ?? "";
        issues.push(
          issue(
            "measured-requirement",
            `${formatPath(["answers", id])}: "${id}" is measured from the fact ${fact}; give $.facts.${fact} instead (only "na" can be answered).`,
            ["answers", id],
          ),
        );
        continue;
      }
      if (status === "na" && !requirement.naAllowed) {
        issues.push(
          issue("na-not-allowed", `${formatPath(["answers", id])}: "${id}" does not allow the answer "na".`, [
            "answers",
            id,
          ]),
        );
        continue;
      }
      if (status === "na" && requirement.naJustificationRequired && justification === undefined) {
        issues.push(
          issue(
            "missing-justification",
            `${formatPath(["answers", id])}: "na" for "${id}" needs a justification saying why it does not apply.`,
            ["answers", id, "justification"],
          ),
        );
        continue;
      }
      statusOf[compiledRequirement.index] = status;
    }
  }
  if (issues.length > 0) {
    issues.sort((a, b) =>
      formatPath(a.path) < formatPath(b.path) ? -1 : formatPath(a.path) > formatPath(b.path) ? 1 : 0,
    );
    return { ok: false, issues };
  }
  return {
    ok: true,
    value: {
      id: input.id as string | undefined,
      subject,
      asOf: input.asOf as IsoDate,
      statuses: statusOf,
      evidenced,
      facts: input.facts as Record<string, unknown> | undefined,
    },
  };
}
