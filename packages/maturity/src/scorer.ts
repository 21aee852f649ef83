import { fail, type Issue, ok, type Result } from "@miotsec/core";
import type { Catalog } from "@miotsec/criteria";
import { type CompiledCatalog, compileCatalog } from "./compile.js";
import { type Policy, resolvePolicy } from "./policy.js";
import { type ReadAssessment, readAssessment } from "./read-assessment.js";

/**
 * Checks the policy and compiles the catalog once, and returns the function that reads and
 * scores one assessment with `build`. Shared by `assess`, `assessLevels` and `assessMany`, so
 * that they check input the same way and differ only in what they build.
 */
export function scorer<T>(
  catalog: Catalog,
  policyInput: unknown,
  build: (compiled: CompiledCatalog, read: ReadAssessment, policy: Policy) => T,
): Result<(assessment: unknown) => Result<T>> {
  const policy = resolvePolicy(policyInput);
  if (!policy.ok) return fail(policy.issues.map((i): Issue => ({ ...i, message: `Policy: ${i.message}` })));
  const compiled = compileCatalog(catalog);
  if (!compiled.ok) return compiled;
  return ok((assessment: unknown) => {
    const read = readAssessment(compiled.value, assessment);
    return read.ok ? ok(build(compiled.value, read.value, policy.value)) : fail(read.issues);
  });
}
