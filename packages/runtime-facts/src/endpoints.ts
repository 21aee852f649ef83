import { countryCodeSchema, fail, ok, parseWith, type Result } from "@miotsec/core";
import * as z from "zod/mini";
import { type Tier, worse } from "./appraisal.js";
import { type DeclaredEndpoint, endpointSchema } from "./profile.js";

/**
 * A connection the device (or its app) was seen to make: host, port, TLS version if known
 * (`1.0`, `1.1`, `1.2`, `1.3`, or `none` for plain text), and the server's country if known.
 *
 * @example
 * ```ts
 * import { observedConnectionSchema } from "@miotsec/runtime-facts";
 * observedConnectionSchema.parse({ host: "api.segment.io", port: 443, tls: "1.2", country: "US" });
 * ```
 * @since 0.1.0
 */
export const observedConnectionSchema = z.strictObject({
  host: z.string().check(z.minLength(1), z.maxLength(253)),
  port: z.optional(z.int().check(z.gte(0), z.lte(65535))),
  tls: z.optional(z.enum(["none", "1.0", "1.1", "1.2", "1.3"])),
  country: z.optional(countryCodeSchema),
});

/**
 * An observed connection; see {@link observedConnectionSchema}.
 *
 * @example
 * ```ts
 * import type { ObservedConnection } from "@miotsec/runtime-facts";
 * const c: ObservedConnection = { host: "firehose.eu-west-1.amazonaws.com", port: 443, tls: "1.2" };
 * ```
 * @since 0.1.0
 */
export type ObservedConnection = z.infer<typeof observedConnectionSchema>;

/**
 * A finding about network traffic.
 *
 * @example
 * ```ts
 * import type { EndpointFinding } from "@miotsec/runtime-facts";
 * const f: EndpointFinding = { kind: "undeclared-third-party", host: "api.segment.io", tier: "contraindicated", explanation: "..." };
 * ```
 * @since 0.1.0
 */
export interface EndpointFinding {
  /** What is wrong, or `declared` when the connection matches the declaration. */
  readonly kind:
    | "declared"
    | "undeclared-host"
    | "undeclared-third-party"
    | "country-not-declared"
    | "tls-below-declared"
    | "tls-below-1.2"
    | "port-not-declared";
  /** The observed host. */
  readonly host: string;
  /** The tier: `declared` affirms; an undeclared third party contraindicates; the rest warn. */
  readonly tier: Tier;
  /** One sentence. */
  readonly explanation: string;
}

/**
 * Declared against observed endpoints: the worst tier, every finding, and a summary of hosts,
 * third parties and countries seen.
 *
 * @example
 * ```ts
 * import type { EndpointAppraisal } from "@miotsec/runtime-facts";
 * const a: Pick<EndpointAppraisal, "status"> = { status: "affirming" };
 * ```
 * @since 0.1.0
 */
export interface EndpointAppraisal {
  /** The worst tier; `none` when nothing was observed. */
  readonly status: Tier;
  /** One or more findings per observed connection, in host order. */
  readonly findings: readonly EndpointFinding[];
  /** Distinct hosts seen, sorted. */
  readonly hosts: readonly string[];
  /** Hosts that are declared as third parties or are undeclared outside the manufacturer's domains, sorted. */
  readonly thirdParties: readonly string[];
  /** Countries seen, sorted. */
  readonly countries: readonly string[];
}

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

/** The last two labels of a host name: a registrable domain, without the Public Suffix List. */
function baseDomain(host: string): string {
  return host.toLowerCase().replace(/^\*\./, "").split(".").slice(-2).join(".");
}

const tlsRank: Readonly<Record<string, number>> = { none: 0, "1.0": 1, "1.1": 2, "1.2": 3, "1.3": 4 };

// Made once: parseWith compiles each schema on its first parse and keeps it for the next ones.
const observedConnectionsSchema = z.array(observedConnectionSchema).check(z.maxLength(1_000_000));
const declaredEndpointsSchema = z.array(endpointSchema).check(z.maxLength(10_000));

/**
 * Compares what a device was seen to talk to with what it declares, as the security test of
 * §VI of the paper did by hand: undeclared hosts; undeclared third parties (an undeclared host
 * outside every first-party domain; the domain is the host's last two labels, so
 * `co.uk`-style suffixes count as one party); servers in undeclared countries; TLS below the
 * declared minimum, and below 1.2 always; ports not declared.
 *
 * Both lists are checked: declarations as a runtime profile's endpoints (their issues under
 * `declared`), connections as {@link observedConnectionSchema}.
 *
 * The time taken grows with the number of connections (each distinct one is matched in a few
 * look-ups) and with how many declarations cover each host; see `docs/benchmarks.md` for a
 * million connections.
 *
 * @example
 * ```ts
 * import { compareEndpoints } from "@miotsec/runtime-facts";
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
): Result<EndpointAppraisal> {
  const checked = parseWith(declaredEndpointsSchema, declaredInput, { path: ["declared"] });
  const parsed = parseWith(observedConnectionsSchema, observedInput);
  if (!checked.ok || !parsed.ok)
    return fail([...(checked.ok ? [] : checked.issues), ...(parsed.ok ? [] : parsed.issues)]);
  const declared = checked.value;
  const firstParty = new Set(declared.filter((d) => !d.thirdParty).map((d) => baseDomain(d.host)));
  const index = indexDeclared(declared);
  const findings: EndpointFinding[] = [];
  const hosts = new Set<string>();
  const thirdParties = new Set<string>();
  const countries = new Set<string>();
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
    if (matches.length === 0) {
      // An address says nothing about who runs it: undeclared, but not provably a third party.
      const third = !/^[\d.]+$|:/.test(c.host) && !firstParty.has(baseDomain(c.host));
      if (third) {
        thirdParties.add(c.host);
        add(
          "undeclared-third-party",
          "contraindicated",
          `${c.host} is not declared and belongs to none of the manufacturer's domains: an undeclared third party${c.country ? ` with servers in ${c.country}` : ""}.`,
        );
      } else {
        add("undeclared-host", "warning", `${c.host} is not declared.`);
      }
      continue;
    }
    if (matches.some((d) => d.thirdParty)) thirdParties.add(c.host);
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
  for (const f of findings) status = worse(status, f.tier);
  return ok({
    status,
    findings,
    hosts: [...hosts].sort(),
    thirdParties: [...thirdParties].sort(),
    countries: [...countries].sort(),
  });
}
