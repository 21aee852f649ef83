import { FULFILLED, NA, NOT_FULFILLED, UNKNOWN } from "./codes.js";
import { type CompiledCatalog, type CompiledRule, GT, LT, LTE } from "./compile.js";
import type { Policy } from "./policy.js";
import type { Scratch } from "./scratch.js";

/**
 * A rule's fact as the assessment gave it, from the slots the read put it in (an ordinal value
 * back from its rank); undefined when not given.
 */
export function factValue(
  rule: CompiledRule,
  read: { readonly factValues: Float64Array; readonly factGiven: Uint8Array },
): number | string | undefined {
  if (read.factGiven[rule.slot] !== 1) return undefined;
  const v = read.factValues[rule.slot] as number;
  return rule.fact.kind === "ordinal" ? rule.fact.values[v] : v;
}

/**
 * The outcome of each answer code under a policy: no answer and `unknown` are unknown, `met`
 * fulfils, `unmet` does not, `partial`, `na` and `met` without needed evidence as the policy says.
 */
export function outcomeTable(policy: Policy): Uint8Array {
  return Uint8Array.of(
    UNKNOWN,
    FULFILLED,
    policy.partial === "met" ? FULFILLED : NOT_FULFILLED,
    NOT_FULFILLED,
    UNKNOWN,
    policy.na === "fulfils" ? FULFILLED : NOT_FULFILLED,
    policy.evidence === "enforce" ? NOT_FULFILLED : FULFILLED,
  );
}

/**
 * Writes the outcome of every requirement into `scratch.outcomes`, indexed like the catalog's
 * requirements, and returns how many are unknown. Every answer code goes through the policy's
 * table; then measured requirements not answered `na` are evaluated from the facts the read
 * put in their slots.
 */
export function evaluate(compiled: CompiledCatalog, scratch: Scratch, table: Uint8Array): number {
  const { codes, outcomes, factValues, factGiven } = scratch;
  const n = codes.length;
  for (let i = 0; i < n; i++) outcomes[i] = table[codes[i] as number] as number;
  const { index, slot, threshold, comparator } = compiled.measured;
  for (let k = 0; k < index.length; k++) {
    const i = index[k] as number;
    if (codes[i] === NA) continue;
    const s = slot[k] as number;
    if (factGiven[s] === 0) {
      outcomes[i] = UNKNOWN;
      continue;
    }
    const v = factValues[s] as number;
    const t = threshold[k] as number;
    const c = comparator[k];
    outcomes[i] = (c === LT ? v < t : c === LTE ? v <= t : c === GT ? v > t : v >= t) ? FULFILLED : NOT_FULFILLED;
  }
  let unknown = 0;
  // UNKNOWN is 2 and the other outcomes 0 and 1: a shift counts without a branch.
  for (let i = 0; i < n; i++) unknown += (outcomes[i] as number) >> 1;
  return unknown;
}
