// Words for people in place of the enum values documents carry: what a report prints where a
// person reads it. JSON output keeps the values.

/** A best-before status in words. */
export const statusWords: Readonly<Record<string, string>> = {
  valid: "valid",
  "due-soon": "due soon",
  expired: "expired",
};

/** A best-before label in words, with what it means. */
export const labelWords: Readonly<Record<string, string>> = {
  positive: "positive label (supported, security updates on record, no end in sight)",
  limited: "limited support (sale ended, an end is near, or no security update on record)",
  negative: "negative label (support, security updates or service life have ended)",
};

/** The paper's inspection actions (the ids of `computeBestBefore`'s `inspection`), short. */
export const inspectionWords: Readonly<Record<string, string>> = {
  "apply-fix": "apply the open fixes",
  "check-firmware": "check the firmware",
  "compare-runtime-facts": "restart and compare the runtime facts",
  "check-support": "check that support is active",
  reassess: "assess again",
};

/** An enum value in words: the entry of `words`, else the value with its hyphens as spaces. */
export function inWords(words: Readonly<Record<string, string>>, value: string): string {
  return Object.hasOwn(words, value) ? (words[value] as string) : value.replace(/-/g, " ");
}

/**
 * Where the servers of a traffic check were, in words: the countries seen, and how many hosts
 * came without one ("US; country not reported for 3 hosts"). Unknown stays unknown.
 */
export function serverCountries(traffic: {
  readonly countries: readonly string[];
  readonly countryNotReported: readonly string[];
}): string {
  const unknown = traffic.countryNotReported.length;
  const missing = unknown === 1 ? "country not reported for 1 host" : `country not reported for ${unknown} hosts`;
  if (traffic.countries.length === 0) return unknown === 0 ? "no host seen" : missing;
  return unknown === 0 ? traffic.countries.join(", ") : `${traffic.countries.join(", ")}; ${missing}`;
}

/**
 * The third parties of a traffic check, in words: how many hosts of how many organisations, and
 * which, most hosts first ("7 hosts of 4 organisations: Google, LaunchDarkly, Amazon Web
 * Services, Segment"). Where the organisations map names not all of them, they are "parties"
 * and an unnamed one is its domain.
 */
export function thirdParties(traffic: {
  readonly thirdParties: readonly string[];
  readonly organisations: readonly { readonly name: string; readonly named: boolean }[];
}): string {
  const hosts = traffic.thirdParties.length;
  const count = traffic.organisations.length;
  if (hosts === 0) return "none";
  const [one, many] = traffic.organisations.every((o) => o.named)
    ? ["organisation", "organisations"]
    : ["party", "parties"];
  const names = traffic.organisations.map((o) => o.name).join(", ");
  return `${hosts} host${hosts === 1 ? "" : "s"} of ${count} ${count === 1 ? one : many}: ${names}`;
}

/** Why a signature does not stand (the `reason` of `verifyLabel`), in words. */
const signatureFailures: Readonly<Record<string, string>> = {
  "unknown-kid": "no pinned key has its key id",
  "duplicate-kid": "more than one pinned key has its key id",
  "alg-not-allowed": "its algorithm is not ES256 or EdDSA",
  "key-not-allowed": "the pinned key is of a kind label signatures do not use",
  "key-mismatch": "the pinned key does not fit its algorithm",
  "header-not-allowed": "its header is not a miotsec label signature's",
  "bad-signature": "the document was changed after it was signed, or another one was signed",
};

/** A signature's failure in words, with its code for whoever looks it up: "… (bad-signature)". */
export function signatureFailureWords(reason: string): string {
  return `${inWords(signatureFailures, reason)} (${reason})`;
}
