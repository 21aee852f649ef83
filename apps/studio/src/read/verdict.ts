// What a label's verification means, in words: whether its signatures stand by themselves, and,
// where a status document was opened, whether it counts and what it says.
import type { LabelVerification } from "@miotsec/trust";
import { t } from "../messages.js";

/**
 * The verdict on a label, from its verification with the status document folded in (`v`) and
 * whether its signatures stand without it (`signaturesStand`, the `valid` of a verification
 * without the status). "Does not verify" is said only of signatures that do not: a label that is
 * revoked, or a status document that does not count, is said as such.
 */
export function verdictOf(v: LabelVerification, signaturesStand: boolean): string {
  const status = v.status;
  if (v.valid) return status === undefined ? t("read.valid") : t("read.validWithStatus");
  if (!signaturesStand || status === undefined) return t("read.invalid");
  if (!status.verified) return t("read.statusUnverified");
  if (!status.appliesTo) return t("read.statusElsewhere");
  return t("read.statusEnds", { status: t(`read.labelStatus.${status.status}`) });
}

/** The line on the status document: what it says, and, where it does not count, why not. */
export function statusLine(status: NonNullable<LabelVerification["status"]>): string {
  const says = t(`read.labelStatus.${status.status}`);
  if (!status.verified) return t("read.statusDocUnverified", { status: says });
  if (!status.appliesTo) return t("read.statusDocElsewhere", { status: says });
  return t("read.statusDoc", { status: says, stale: status.stale ? t("read.stale") : "" });
}
