import { countryCodeSchema } from "@miotsec/core";
import * as z from "zod/mini";
import type { Tier } from "./appraisal.js";

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
 * @since 0.1.0
 */
export type ObservedConnection = z.infer<typeof observedConnectionSchema>;

/**
 * A finding about network traffic.
 *
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
    | "port-not-declared"
    | "outside-declared-residency"
    | "plain-text-despite-declared-encryption"
    | "third-party-despite-declared-none";
  /** The observed host. */
  readonly host: string;
  /**
   * The tier: `declared` affirms; an undeclared third party, and what contradicts the label's
   * data protection (personal data outside its residency, plain text despite end-to-end
   * encryption, a third party where it declares none) contraindicate; the rest warn.
   */
  readonly tier: Tier;
  /** One sentence. */
  readonly explanation: string;
}

/**
 * Declared against observed endpoints: the worst tier, every finding, and a summary of hosts,
 * third parties and countries seen.
 *
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
  /**
   * Hosts seen without a country, sorted: no country came with the connection or from the
   * `countries` map. Unknown stays unknown; miotsec never guesses one.
   *
   * @since 0.2.0
   */
  readonly countryNotReported: readonly string[];
  /**
   * The third parties by organisation, most hosts first: `name` from the `organisations` map
   * (`named: true`), else the hosts' registrable domain under the ICANN suffixes
   * (`named: false`).
   *
   * @since 0.2.0
   */
  readonly organisations: readonly {
    readonly name: string;
    readonly named: boolean;
    readonly hosts: readonly string[];
  }[];
}
