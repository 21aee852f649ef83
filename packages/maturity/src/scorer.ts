import { fail, ok, type Result } from "@miotsec/core";
import type { Catalog } from "@miotsec/criteria";
import { type CompiledCatalog, compileCatalog, isLasting } from "./compile.js";
import { evaluate, outcomeTable } from "./evaluate.js";
import { type Policy, resolvePolicy } from "./policy.js";
import { type ReadAssessment, readAssessment } from "./read-assessment.js";
import { newScratch, type Scratch } from "./scratch.js";

/**
 * What a scorer builds from one checked assessment, with the outcomes of its requirements in
 * `scratch.outcomes` and how many are unknown in `scratch.unknown`.
 */
export type Build<T> = (compiled: CompiledCatalog, read: ReadAssessment, scratch: Scratch, policy: Policy) => T;

type Run<T> = (assessment: unknown) => Result<T>;

// The paper-policy scorer of each catalog, per build: `assess` and `assessLevels` called once
// per document then cost no more set-up than `assessMany` does.
const defaults = new WeakMap<Build<unknown>, WeakMap<Catalog, Result<Run<unknown>>>>();

/**
 * Checks the policy and compiles the catalog once, and returns the function that reads and
 * scores one assessment with `build`. Shared by `assess`, `assessLevels` and `assessMany`, so
 * that they check input the same way and differ only in what they build.
 *
 * Every assessment is read into the same scratch arrays, which `build` must not keep. Should a
 * read be re-entered (an input's getter scoring another document with the same scorer), the
 * inner call gets arrays of its own.
 */
export function scorer<T>(catalog: Catalog, policyInput: unknown, build: Build<T>): Result<Run<T>> {
  if (policyInput !== undefined || catalog === null || typeof catalog !== "object") {
    return makeScorer(catalog, policyInput, build);
  }
  let byCatalog = defaults.get(build as Build<unknown>);
  if (byCatalog === undefined) {
    byCatalog = new WeakMap();
    defaults.set(build as Build<unknown>, byCatalog);
  }
  let made = byCatalog.get(catalog) as Result<Run<T>> | undefined;
  if (made === undefined) {
    made = makeScorer(catalog, undefined, build);
    // Kept only for a catalog that can no longer change.
    if (isLasting(catalog)) byCatalog.set(catalog, made);
  }
  return made;
}

function makeScorer<T>(catalog: Catalog, policyInput: unknown, build: Build<T>): Result<Run<T>> {
  const policy = resolvePolicy(policyInput);
  if (!policy.ok) return policy;
  const compiled = compileCatalog(catalog);
  if (!compiled.ok) return compiled;
  const c = compiled.value;
  const p = policy.value;
  const table = outcomeTable(p);
  const shared = newScratch(c);
  let busy = false;
  const run = (assessment: unknown, scratch: Scratch): Result<T> => {
    scratch.codes.fill(0);
    scratch.factGiven.fill(0);
    const read = readAssessment(c, assessment, scratch);
    if (!read.ok) return fail(read.issues);
    scratch.unknown = evaluate(c, scratch, table);
    return ok(build(c, read.value, scratch, p));
  };
  return ok((assessment: unknown) => {
    if (busy) return run(assessment, newScratch(c));
    busy = true;
    try {
      return run(assessment, shared);
    } finally {
      busy = false;
    }
  });
}
