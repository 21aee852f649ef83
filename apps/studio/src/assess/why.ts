// Why a requirement keeps its criterion from a level, in the studio's words: the answer as the
// questionnaire names it ("Partly met", not `partial`), a fact by its title in the catalog (not
// its id), and an ordinal value in words. The report of `@miotsec/maturity` carries these as
// data beside its own English sentence (`why`), which the studio does not show.
import type { Blocker } from "@miotsec/maturity";
import { t } from "../messages.js";
import { valueName } from "../value-name.js";

/**
 * Why `b` does not count, in one sentence. `factTitle` gives a fact's title in the catalog the
 * assessment is scored on; a fact it does not know is named by its id.
 */
export function whyWords(b: Blocker, factTitle: (id: string) => string | undefined): string {
  const m = b.measured;
  if (m !== undefined) {
    const fact = factTitle(m.fact) ?? m.fact;
    const need = t(`why.comparator.${m.comparator}`, { threshold: valueName(m.threshold) });
    return m.value === undefined
      ? t("why.factUnknown", { fact, need })
      : t("why.fact", { fact, value: valueName(m.value), need });
  }
  const answer = (status: "met" | "partial" | "unmet" | "na") => t(`assess.answer.${status}`);
  switch (b.answer) {
    case "met":
      return t("why.metWithoutEvidence", { met: answer("met") });
    case "partial":
      return t("why.partial", { partial: answer("partial"), met: answer("met") });
    case "unmet":
      return t("why.unmet", { unmet: answer("unmet") });
    case "na":
      return t("why.na", { na: answer("na") });
    default:
      return t("why.unanswered");
  }
}
