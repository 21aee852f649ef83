import { fail, ok, parseWith, type Result } from "@miotsec/core";
import { getDomain } from "tldts";
import * as z from "zod/mini";
import { type Tier, worseTier } from "./appraisal.js";
import {
  type EndpointAppraisal,
  type EndpointFinding,
  type ObservedConnection,
  observedConnectionSchema,
} from "./connection.js";
import { type DeclaredEndpoint, endpointSchema } from "./profile.js";
import { residencyCountries, residencySchema } from "./residency.js";

/** The declared endpoints by host, so that each observed host is matched in a few look-ups. */
export interface DeclaredIndex {
  /** Exact hosts, lower-cased: the positions of their declarations. */
  readonly exact: Map<string, number[]>;
  /** `*.domain` declarations by `domain`, lower-cased. */
  readonly wildcard: Map<string, number[]>;
}

export function indexDeclared(declared: readonly DeclaredEndpoint[]): DeclaredIndex {
  const exact = new Map<string, number[]>();
  const wildcard = new Map<string, number[]>();
  declared.forEach((d, i) => {
    const host = d.host.toLowerCase();
    const [map, key] = host.startsWith("*.") ? [wildcard, host.slice(2)] : [exact, host];
    const list = map.get(key);
    if (list === undefined) map.set(key, [i]);
    else list.push(i);
  });
  return { exact, wildcard };
}

/**
 * The declarations that cover an observed host, in the order they are declared: `api.example`
 * covers itself, `*.example` every host with at least one label before `.example`.
 */
export function matchesOf(
  declared: readonly DeclaredEndpoint[],
  index: DeclaredIndex,
  host: string,
): DeclaredEndpoint[] {
  const h = host.toLowerCase();
  const positions = [...(index.exact.get(h) ?? [])];
  for (let dot = h.indexOf(".", 1); dot >= 0; dot = h.indexOf(".", dot + 1))
    positions.push(...(index.wildcard.get(h.slice(dot + 1)) ?? []));
  return positions.sort((a, b) => a - b).map((i) => declared[i] as DeclaredEndpoint);
}

/**
 * The party a host belongs to: its registrable domain by the Public Suffix List, private
 * suffixes included (`tracker.co.uk` of `collector.tracker.co.uk`, `bucket.s3.amazonaws.com` of
 * itself), or the host itself where it has none (an address, `localhost`).
 */
function baseDomain(host: string): string {
  const h = host.toLowerCase().replace(/^\*\./, "");
  return getDomain(h, { allowPrivateDomains: true }) ?? h;
}

const tlsRank: Readonly<Record<string, number>> = { none: 0, "1.0": 1, "1.1": 2, "1.2": 3, "1.3": 4 };

const endpointOptionsSchema = z.strictObject({
  organisations: z.optional(
    z.record(z.string().check(z.minLength(1), z.maxLength(253)), z.string().check(z.minLength(1), z.maxLength(200))),
  ),
  residency: z.optional(residencySchema),
  personalData: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(1000))),
  declared: z.optional(
    z.strictObject({ endToEndEncryption: z.optional(z.boolean()), noThirdParties: z.optional(z.boolean()) }),
  ),
});

/**
 * Options of {@link compareEndpoints}.
 *
 * @since 0.2.0
 */
export interface EndpointOptions {
  /**
   * Who runs a domain: a host or a domain (`googleapis.com`) to the organisation's name
   * (`Google`). A third-party host takes the name of its longest listed domain, so
   * `amazonaws.com` names every host under it. Third parties are grouped by it in
   * `organisations`; a host under no listed domain is grouped by its registrable domain (ICANN
   * suffixes only, so `amazonaws.com` for every AWS host).
   */
  readonly organisations?: Readonly<Record<string, string>>;
  /**
   * Where the label says personal data may go (`dataResidency`): countries, `EU`, `EEA`. A
   * server seen in another country is an `outside-declared-residency` finding, contraindicated
   * when the connection carries personal data, a warning otherwise.
   */
  readonly residency?: readonly string[];
  /**
   * Which declared data categories are personal data. Without it every category a declared
   * endpoint carries counts as personal; an undeclared host is assumed to carry none that is
   * known.
   */
  readonly personalData?: readonly string[];
  /**
   * What the label declares of data protection: end-to-end encryption (a connection seen
   * without TLS contradicts it) and no third parties (a third party seen receiving personal
   * data contradicts it). Each contradiction is a contraindicated finding.
   */
  readonly declared?: { readonly endToEndEncryption?: boolean; readonly noThirdParties?: boolean };
}

/**
 * The organisation of a host: the name of its longest listed domain, else its registrable
 * domain under the ICANN suffixes only: whoever runs `amazonaws.com` runs every bucket under
 * it, though each bucket is a party of its own (see `baseDomain`).
 */
function organisationOf(
  host: string,
  names: Readonly<Record<string, string>>,
): { readonly name: string; readonly named: boolean } {
  // The host itself, then each parent domain: the longest listed one names it.
  for (let domain = host.toLowerCase(); ; ) {
    if (Object.hasOwn(names, domain)) return { name: names[domain] as string, named: true };
    const dot = domain.indexOf(".");
    if (dot < 0) return { name: getDomain(host.toLowerCase()) ?? host.toLowerCase(), named: false };
    domain = domain.slice(dot + 1);
  }
}

/** Third-party hosts grouped by organisation: most hosts first, then by name. */
function groupByOrganisation(
  hosts: readonly string[],
  names: Readonly<Record<string, string>>,
): EndpointAppraisal["organisations"] {
  const groups = new Map<string, { name: string; named: boolean; hosts: string[] }>();
  for (const host of hosts) {
    const { name, named } = organisationOf(host, names);
    const group = groups.get(name);
    if (group === undefined) groups.set(name, { name, named, hosts: [host] });
    else group.hosts.push(host);
  }
  return [...groups.values()].sort((a, b) => b.hosts.length - a.hosts.length || (a.name < b.name ? -1 : 1));
}

// Made once: parseWith compiles each schema on its first parse and keeps it for the next ones.
const observedConnectionsSchema = z.array(observedConnectionSchema).check(z.maxLength(1_000_000));
const declaredEndpointsSchema = z.array(endpointSchema).check(z.maxLength(10_000));

/**
 * Compares what a device was seen to talk to with what it declares, as the security test of
 * §VI of the paper did by hand: undeclared hosts; undeclared third parties (an undeclared host
 * outside every first-party domain, domains as the Public Suffix List draws them, private
 * suffixes such as `s3.amazonaws.com` included); servers in undeclared countries; TLS below the
 * declared minimum, and below 1.2 always; ports not declared. Third parties are also grouped by
 * organisation, as the paper counted them ("four different companies"), by the
 * `options.organisations` map. What a label declares of data protection is checked where the
 * options give it: servers outside its data residency, plain text despite end-to-end
 * encryption, a third party receiving personal data where it declares none.
 *
 * Both lists are checked: declarations as a runtime profile's endpoints (their issues under
 * `declared`), connections as {@link observedConnectionSchema}, options under `options`.
 *
 * The time taken grows with the number of connections (each distinct one is matched in a few
 * look-ups) and with how many declarations cover each host; see `docs/benchmarks.md` for a
 * million connections.
 *
 * @example
 * ```ts
 * import { compareEndpoints } from "@miotsec/runtime-facts/endpoints";
 * const r = compareEndpoints(
 *   [{ host: "*.scanner-cloud.example", port: 443, protocol: "https", purpose: "upload", operator: "Vendor", thirdParty: false, country: "DE", dataCategories: [], tlsMinimum: "1.2" }],
 *   [{ host: "eu.scanner-cloud.example", port: 443, tls: "1.3", country: "DE" }, { host: "api.segment.io", port: 443, tls: "1.2", country: "US" }],
 * );
 * if (r.ok) r.value.thirdParties; // ["api.segment.io"]
 * ```
 * @since 0.1.0
 */
export function compareEndpoints(
  declaredInput: readonly DeclaredEndpoint[],
  observedInput: unknown,
  options?: EndpointOptions,
): Result<EndpointAppraisal> {
  const checked = parseWith(declaredEndpointsSchema, declaredInput, { path: ["declared"] });
  const parsed = parseWith(observedConnectionsSchema, observedInput);
  const given = parseWith(endpointOptionsSchema, options === undefined ? {} : options, { path: ["options"] });
  if (!checked.ok || !parsed.ok || !given.ok)
    return fail([
      ...(checked.ok ? [] : checked.issues),
      ...(parsed.ok ? [] : parsed.issues),
      ...(given.ok ? [] : given.issues),
    ]);
  const names = Object.fromEntries(
    Object.entries(given.value.organisations ?? {}).map(([domain, name]) => [domain.toLowerCase(), name]),
  );
  const { residency, personalData, declared: protection } = given.value;
  const allowed = residency === undefined ? undefined : residencyCountries(residency);
  const personal = personalData === undefined ? undefined : new Set(personalData);
  /** The personal data categories the declarations covering a host carry. */
  const personalOf = (matches: readonly DeclaredEndpoint[]) => [
    ...new Set(matches.flatMap((d) => d.dataCategories.filter((c) => personal === undefined || personal.has(c)))),
  ];
  const declared = checked.value;
  const firstParty = new Set(declared.filter((d) => !d.thirdParty).map((d) => baseDomain(d.host)));
  const index = indexDeclared(declared);
  const findings: EndpointFinding[] = [];
  const hosts = new Set<string>();
  const thirdParties = new Set<string>();
  const countries = new Set<string>();
  const countryNotReported = new Set<string>();
  // Hosts with a finding other than `declared` so far: one of their connections went wrong.
  const flagged = new Set<string>();
  // The first connection of each kind (host in any case, port, TLS, country), in key order.
  const distinct = new Map<string, ObservedConnection>();
  for (const c of parsed.value) {
    const key = `${c.host.toLowerCase()}|${String(c.port ?? "").padStart(5, "0")}|${c.tls ?? ""}|${c.country ?? ""}`;
    if (!distinct.has(key)) distinct.set(key, c);
  }
  const observed = [...distinct].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [, c] of observed) {
    hosts.add(c.host);
    if (c.country) countries.add(c.country);
    else countryNotReported.add(c.host);
    const matches = matchesOf(declared, index, c.host);
    const add = (kind: EndpointFinding["kind"], tier: Tier, explanation: string) => {
      findings.push({ kind, host: c.host, tier, explanation });
      if (kind !== "declared") flagged.add(c.host);
    };
    if (c.tls !== undefined && (tlsRank[c.tls] ?? 0) < 3)
      add(
        "tls-below-1.2",
        "warning",
        `${c.host} was reached ${c.tls === "none" ? "without TLS" : `with TLS ${c.tls}`}, below TLS 1.2.`,
      );
    if (protection?.endToEndEncryption === true && c.tls === "none")
      add(
        "plain-text-despite-declared-encryption",
        "contraindicated",
        `${c.host} was reached without TLS, though the label declares end-to-end encryption.`,
      );
    // Only a check of what the label declares needs to know what the connection carries.
    const carried = allowed !== undefined || protection?.noThirdParties === true ? personalOf(matches) : [];
    if (allowed !== undefined && c.country !== undefined && !allowed.has(c.country))
      add(
        "outside-declared-residency",
        carried.length > 0 ? "contraindicated" : "warning",
        `${c.host} answered from ${c.country}, outside where the label says data resides (${(residency ?? []).join(", ")})${carried.length > 0 ? `, and carries ${carried.join(", ")}` : ""}.`,
      );
    if (matches.length === 0) {
      // An address says nothing about who runs it: undeclared, but not provably a third party.
      const third = !/^[\d.]+$|:/.test(c.host) && !firstParty.has(baseDomain(c.host));
      if (third) {
        thirdParties.add(c.host);
        add(
          "undeclared-third-party",
          "contraindicated",
          `${c.host} is not declared and belongs to none of the manufacturer's domains: an undeclared third party${c.country ? ` with servers in ${c.country}` : ", country not reported"}.`,
        );
      } else {
        add("undeclared-host", "warning", `${c.host} is not declared.`);
      }
      continue;
    }
    if (matches.some((d) => d.thirdParty)) {
      thirdParties.add(c.host);
      if (protection?.noThirdParties === true && carried.length > 0)
        add(
          "third-party-despite-declared-none",
          "contraindicated",
          `${c.host} is a third party receiving ${carried.join(", ")}, though the label declares no third parties.`,
        );
    }
    const ports = matches.filter((d) => d.port !== undefined).map((d) => d.port);
    if (c.port !== undefined && ports.length === matches.length && !ports.includes(c.port))
      add("port-not-declared", "warning", `${c.host} was reached on port ${c.port}, which is not declared.`);
    const declaredCountries = matches.flatMap((d) => (d.country ? [d.country] : []));
    if (c.country && declaredCountries.length > 0 && !declaredCountries.includes(c.country)) {
      add(
        "country-not-declared",
        "warning",
        `${c.host} answered from ${c.country}; ${declaredCountries.join(", ")} is declared.`,
      );
    }
    const minimum = Math.min(...matches.map((d) => (d.tlsMinimum ? (tlsRank[d.tlsMinimum] ?? 0) : 0)));
    if (c.tls !== undefined && (tlsRank[c.tls] ?? 0) < minimum)
      add("tls-below-declared", "warning", `${c.host} was reached with TLS ${c.tls}, below the declared minimum.`);
    if (!flagged.has(c.host))
      add("declared", "affirming", `${c.host} is declared (${matches.map((d) => d.purpose).join("; ")}).`);
  }
  let status: Tier = "none";
  for (const f of findings) status = worseTier(status, f.tier);
  const third = [...thirdParties].sort();
  return ok({
    status,
    findings,
    hosts: [...hosts].sort(),
    thirdParties: third,
    organisations: groupByOrganisation(third, names),
    countries: [...countries].sort(),
    countryNotReported: [...countryNotReported].sort(),
  });
}
