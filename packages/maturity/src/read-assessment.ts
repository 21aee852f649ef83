// The hand-written reader of assessments. assessMany scores 250,000 assessments a second
// (docs/benchmarks.md); parsing every answer with zod would take most of that time, so the
// common parts of an assessment (bare status answers and facts) are checked here by hand and
// the rare parts (answer objects, subject) by their zod schemas. Its contract is
// assessmentSchema: a property test in assess.test.ts checks that whatever the schema refuses,
// this reader refuses, and whatever it accepts, the schema accepts.
import {
  describeValue,
  fail,
  type IsoDate,
  type Issue,
  isIsoDate,
  isPlainObject,
  issue,
  ok,
  type PathSegment,
  parseWith,
  type Result,
} from "@miotsec/core";
import { forbiddenKeys, pathText, schemaKey } from "@miotsec/core/internal";
import type { Fact } from "@miotsec/criteria";
import * as z from "zod/mini";
import { answerObjectSchema, assessmentSchemaVersion, earliestAsOf, latestAsOf, subjectSchema } from "./assessment.js";
import { MET, MET_WITHOUT_EVIDENCE, NA, NO_ANSWER, statusCode } from "./codes.js";
import {
  type CompiledCatalog,
  type CompiledFact,
  EVIDENCE_REQUIRED,
  MEASURED,
  NA_ALLOWED,
  NA_JUSTIFICATION_REQUIRED,
} from "./compile.js";
import { newScratch, type Scratch } from "./scratch.js";

const catalogRefSchema = z.strictObject({
  id: z.string().check(z.maxLength(100)),
  version: z.optional(z.string().check(z.maxLength(100))),
});
const idSchema = z.string().check(z.minLength(1), z.maxLength(200));

/**
 * What `assess` needs from an assessment once it is checked: answers and facts by requirement
 * index. `codes` is the scratch array the read was given, valid until the next read into it.
 */
export interface ReadAssessment {
  readonly id: string | undefined;
  readonly subject: z.infer<typeof subjectSchema> | undefined;
  readonly asOf: IsoDate;
  /**
   * The answer code of every requirement (see `statusCode`); 0 where it is not answered, and
   * `MET_WITHOUT_EVIDENCE` for `met` to a requirement that needs evidence when none is given.
   */
  readonly codes: Uint8Array;
  /** Per fact slot, the value as compared (an ordinal value's rank), where `factGiven` is 1. */
  readonly factValues: Float64Array;
  readonly factGiven: Uint8Array;
}

function inheritedEnumerable(): boolean {
  for (const _ in Object.prototype) return true;
  return false;
}

function forbidden(path: PathSegment[]): Issue {
  const key = String(path[path.length - 1]);
  return issue("forbidden-key", `The key "${key}" is not allowed (at ${pathText(path)}); rename or remove it.`, path);
}

// The common case first: a value the fact accepts needs no path and no message. Returns the
// value as scoring compares it (an ordinal value's rank), or NaN when the fact refuses it.
function accepted({ fact, ranks }: CompiledFact, value: unknown): number {
  if (fact.kind === "ordinal") return typeof value === "string" ? (ranks?.get(value) ?? Number.NaN) : Number.NaN;
  return typeof value === "number" &&
    Number.isFinite(value) &&
    (fact.minimum === undefined || value >= fact.minimum) &&
    (fact.maximum === undefined || value <= fact.maximum) &&
    (!fact.integer || Number.isInteger(value))
    ? value
    : Number.NaN;
}

function factIssue(fact: Fact, value: unknown, path: PathSegment[]): Issue {
  const at = pathText(path);
  if (fact.kind === "ordinal") return issue("invalid-value", `${at} must be one of ${fact.values.join(", ")}.`, path);
  if (typeof value !== "number")
    return issue("invalid-type", `${at} must be a number, got ${describeValue(value)}.`, path);
  if (!Number.isFinite(value)) return issue("not-finite", `${at} must be a finite number, got ${String(value)}.`, path);
  if (fact.minimum !== undefined && value < fact.minimum) {
    return issue("too-small", `${at} must be at least ${fact.minimum}${fact.unit ? ` (${fact.unit})` : ""}.`, path);
  }
  if (fact.maximum !== undefined && value > fact.maximum) {
    return issue("too-big", `${at} must be at most ${fact.maximum}${fact.unit ? ` (${fact.unit})` : ""}.`, path);
  }
  return issue("invalid-value", `${at} must be a whole number.`, path);
}

/**
 * Puts a value the fact accepts into the fact's slot; false when the fact refuses it. `null` is
 * a fact not known yet (an empty entry of a questionnaire): accepted, and the slot stays empty.
 */
function record(f: CompiledFact, value: unknown, scratch: Pick<Scratch, "factValues" | "factGiven">): boolean {
  if (value === null) return true;
  const v = accepted(f, value);
  if (Number.isNaN(v)) return false;
  scratch.factValues[f.slot] = v;
  scratch.factGiven[f.slot] = 1;
  return true;
}

function checkFacts(
  compiled: CompiledCatalog,
  facts: unknown,
  issues: Issue[],
  scratch: Pick<Scratch, "factValues" | "factGiven">,
): void {
  if (!isPlainObject(facts)) {
    issues.push(issue("invalid-type", `$.facts must be an object, got ${describeValue(facts)}.`, ["facts"]));
    return;
  }
  for (const key of Object.keys(facts)) {
    const node = compiled.facts.get(key);
    // The common case first, without a path: a fact with a value it accepts.
    if (node !== undefined && !(node instanceof Map) && !forbiddenKeys.has(key)) {
      const f = node as CompiledFact;
      const value = facts[key];
      if (!record(f, value, scratch)) issues.push(factIssue(f.fact, value, ["facts", key]));
      continue;
    }
    const path: PathSegment[] = ["facts", key];
    if (forbiddenKeys.has(key)) {
      issues.push(forbidden(path));
    } else if (node === undefined) {
      issues.push(issue("unknown-fact", `${pathText(path)} is not a fact of catalog "${compiled.catalog.id}".`, path));
    } else {
      const branchFacts = node as ReadonlyMap<string, CompiledFact>;
      const branch = facts[key];
      if (branch === null) continue;
      if (!isPlainObject(branch)) {
        issues.push(
          issue("invalid-type", `${pathText(path)} must be an object of ${[...branchFacts.keys()].join(", ")}.`, path),
        );
        continue;
      }
      for (const sub of Object.keys(branch)) {
        const f = branchFacts.get(sub);
        const value = branch[sub];
        if (f !== undefined && record(f, value, scratch)) continue;
        const subPath: PathSegment[] = [...path, sub];
        if (forbiddenKeys.has(sub)) issues.push(forbidden(subPath));
        else if (f === undefined)
          issues.push(
            issue("unknown-fact", `${pathText(subPath)} is not a fact of catalog "${compiled.catalog.id}".`, subPath),
          );
        else issues.push(factIssue(f.fact, value, subPath));
      }
    }
  }
}

/** The issue of an answer to a requirement the catalog does not have. */
function unknownRequirement(compiled: CompiledCatalog, id: string): Issue {
  return issue(
    "unknown-requirement",
    `${pathText(["answers", id])}: catalog "${compiled.catalog.id}" has no requirement "${id}".`,
    ["answers", id],
  );
}

/**
 * Checks an assessment against the shape of `assessmentSchema` and against the catalog, and
 * reads its answers as codes into `scratch`, indexed like the catalog's requirements, and its
 * facts into their slots (the caller gives zeroed `codes` and `factGiven`). The common parts
 * (bare status answers, facts) are checked by hand for speed; the rare ones (answer objects,
 * subject) by their zod schemas, so that the schema stays the definition. Every property is
 * read once: what is checked is what is scored and reported.
 */
export function readAssessment(
  compiled: CompiledCatalog,
  input: unknown,
  scratch: Pick<Scratch, "codes" | "factValues" | "factGiven"> = newScratch(compiled),
): Result<ReadAssessment> {
  try {
    return read(compiled, input, scratch);
  } catch {
    // A getter or a Proxy trap of the caller's threw.
    return fail([
      issue("unreadable-input", "The assessment could not be read as plain data (a getter or proxy threw)."),
    ]);
  }
}

function read(
  compiled: CompiledCatalog,
  input: unknown,
  scratch: Pick<Scratch, "codes" | "factValues" | "factGiven">,
): Result<ReadAssessment> {
  // No separate walk for forbidden keys and depth: every key read here is checked against
  // forbiddenKeys, nested values are either leaves checked by hand or parsed with parseWith
  // (which walks them), and nothing else is descended into.
  if (!isPlainObject(input)) {
    return fail([issue("invalid-type", `An assessment must be an object, got ${describeValue(input)}.`)]);
  }
  // The keys are walked with for...in (docs/benchmarks.md says why), which also yields inherited
  // enumerable keys; those exist only when Object.prototype has been given one, and then every
  // key that is not the object's own is skipped. Each field is read here, once; a field that is absent is never looked up, so an
  // inherited value cannot stand in for it.
  const inherited = inheritedEnumerable();
  const issues: Issue[] = [];
  let schemaVersion: unknown;
  let asOf: unknown;
  let assessmentId: unknown;
  let subjectInput: unknown;
  let catalogInput: unknown;
  let schemaKeyInput: unknown;
  let facts: unknown;
  let answers: unknown;
  for (const key in input) {
    if (inherited && !Object.hasOwn(input, key)) continue;
    if (key === "answers") answers = input[key];
    else if (key === "facts") facts = input[key];
    else if (key === "asOf") asOf = input[key];
    else if (key === "schemaVersion") schemaVersion = input[key];
    else if (key === "id") assessmentId = input[key];
    else if (key === "subject") subjectInput = input[key];
    else if (key === "catalog") catalogInput = input[key];
    else if (key === "$schema") schemaKeyInput = input[key];
    else if (forbiddenKeys.has(key)) issues.push(forbidden([key]));
    else
      issues.push(
        issue("unknown-key", `${pathText([key])} is not a known field; remove it or check its spelling.`, [key]),
      );
  }
  if (schemaVersion !== assessmentSchemaVersion) {
    issues.push(
      schemaVersion === undefined
        ? issue("missing", "$.schemaVersion is required but missing.", ["schemaVersion"])
        : issue(
            "unsupported-schema-version",
            `$.schemaVersion must be ${assessmentSchemaVersion}: this release reads documents of that schema version only.`,
            ["schemaVersion"],
          ),
    );
  }
  if (!isIsoDate(asOf)) {
    issues.push(
      asOf === undefined
        ? issue("missing", "$.asOf is required but missing: the date the assessment describes, YYYY-MM-DD.", ["asOf"])
        : issue("invalid-date", "$.asOf must be a real calendar date written YYYY-MM-DD.", ["asOf"]),
    );
  } else if (asOf < earliestAsOf || asOf > latestAsOf) {
    issues.push(issue("invalid-date", "$.asOf must be a date from 1900 to 2999.", ["asOf"]));
  }
  if (schemaKeyInput !== undefined) {
    // Where an editor finds the assessment's JSON Schema: checked, and otherwise ignored.
    const r = parseWith(schemaKey, schemaKeyInput, { path: ["$schema"] });
    if (!r.ok) issues.push(...r.issues);
  }
  if (assessmentId !== undefined) {
    const r = parseWith(idSchema, assessmentId, { path: ["id"] });
    if (!r.ok) issues.push(...r.issues);
  }
  let subject: z.infer<typeof subjectSchema> | undefined;
  if (subjectInput !== undefined) {
    const r = parseWith(subjectSchema, subjectInput, { path: ["subject"] });
    if (r.ok) subject = r.value;
    else issues.push(...r.issues);
  }
  if (catalogInput !== undefined) {
    const r = parseWith(catalogRefSchema, catalogInput, { path: ["catalog"] });
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
  if (facts !== undefined) {
    checkFacts(compiled, facts, issues, scratch);
  }

  const { codes } = scratch;
  const { indexOf, flags } = compiled;
  if (!isPlainObject(answers)) {
    issues.push(
      answers === undefined
        ? issue("missing", "$.answers is required but missing; use {} when nothing is answered yet.", ["answers"])
        : issue("invalid-type", `$.answers must be an object keyed by requirement id, got ${describeValue(answers)}.`, [
            "answers",
          ]),
    );
  } else {
    // The loop walks `answers` itself, not an expression (docs/benchmarks.md says why).
    for (const id in answers) {
      if (inherited && !Object.hasOwn(answers, id)) continue;
      const index = indexOf.get(id);
      // Requirement ids are never forbidden words, so only a miss needs this check.
      if (index === undefined && forbiddenKeys.has(id)) {
        issues.push(forbidden(["answers", id]));
        continue;
      }
      const raw = answers[id];
      let code: number;
      let justification: string | undefined;
      let evidenced = false;
      if (raw === null) {
        // Not answered yet (an empty answer of a questionnaire); the id must still be the catalog's.
        if (index === undefined) issues.push(unknownRequirement(compiled, id));
        continue;
      }
      if (typeof raw === "string") {
        code = statusCode(raw);
        if (code === NO_ANSWER) {
          issues.push(
            issue(
              "invalid-value",
              `${pathText(["answers", id])} must be one of "met", "partial", "unmet", "na", "unknown".`,
              ["answers", id],
            ),
          );
          continue;
        }
      } else {
        if (typeof raw !== "object" || Array.isArray(raw)) {
          issues.push(
            issue(
              "invalid-type",
              `${pathText(["answers", id])} must be a status such as "met", or an object with a status.`,
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
        code = statusCode(r.value.status);
        justification = r.value.justification;
        evidenced = (r.value.evidence?.length ?? 0) > 0;
      }
      if (index === undefined) {
        issues.push(unknownRequirement(compiled, id));
        continue;
      }
      const f = flags[index] as number;
      if (code !== NA) {
        if ((f & MEASURED) !== 0) {
          const fact = compiled.requirements[index]?.rule?.fact.id ?? "";
          issues.push(
            issue(
              "measured-requirement",
              `${pathText(["answers", id])}: "${id}" is measured from the fact ${fact}; give $.facts.${fact} instead (only "na" can be answered).`,
              ["answers", id],
            ),
          );
          continue;
        }
      } else if ((f & NA_ALLOWED) === 0) {
        issues.push(
          issue("na-not-allowed", `${pathText(["answers", id])}: "${id}" does not allow the answer "na".`, [
            "answers",
            id,
          ]),
        );
        continue;
      } else if ((f & NA_JUSTIFICATION_REQUIRED) !== 0 && justification === undefined) {
        issues.push(
          issue(
            "missing-justification",
            `${pathText(["answers", id])}: "na" for "${id}" needs a justification saying why it does not apply.`,
            ["answers", id, "justification"],
          ),
        );
        continue;
      }
      codes[index] = code === MET && (f & EVIDENCE_REQUIRED) !== 0 && !evidenced ? MET_WITHOUT_EVIDENCE : code;
    }
  }
  if (issues.length > 0) {
    issues.sort((a, b) => (pathText(a.path) < pathText(b.path) ? -1 : pathText(a.path) > pathText(b.path) ? 1 : 0));
    return fail(issues);
  }
  return ok({
    id: assessmentId as string | undefined,
    subject,
    asOf: asOf as IsoDate,
    codes,
    factValues: scratch.factValues,
    factGiven: scratch.factGiven,
  });
}
