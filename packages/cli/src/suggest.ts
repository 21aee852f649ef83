import { closest, distance } from "fastest-levenshtein";

/**
 * "; did you mean X?" when one of `candidates` is close to what was typed, else "". Close means
 * two edits at most ("shwo" for "show": two letters swapped), or a third of a longer word.
 */
export function didYouMean(typed: string, candidates: readonly string[], prefix = ""): string {
  if (candidates.length === 0) return "";
  const best = closest(typed, [...candidates]);
  return distance(typed, best) <= Math.max(2, Math.floor(best.length / 3)) ? `; did you mean ${prefix}${best}?` : "";
}
