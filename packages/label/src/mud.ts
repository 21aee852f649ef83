import { fail, httpsUrlSchema, issuesOf, ok, parseWith, type Result } from "@miotsec/core";
import { isoDateRange } from "@miotsec/core/internal";
import * as z from "zod/mini";
import type { DeviceLabel } from "./label.js";
import { parseLabel } from "./parse-label.js";
import { withoutTrailingSlashes } from "./url.js";

type Json = Record<string, unknown>;

const udpProtocols = new Set(["coap", "coaps", "dtls", "udp", "quic", "ntp", "dns", "syslog"]);

/**
 * Options of {@link toMud}.
 *
 * @since 0.1.0
 */
export interface MudOptions {
  /** Where the MUD file is published; default `<qrTarget>/mud.json`. */
  readonly mudUrl?: string;
  /** The MUD file's last update (YYYY-MM-DD); default the newest date in the lifecycle facts. */
  readonly lastUpdate?: string;
}

/** {@link MudOptions} as they are checked: RFC 8520 wants an https MUD URL (§3.1). */
const mudOptionsSchema = z.strictObject({
  mudUrl: z.optional(httpsUrlSchema("must be an https:// URL (RFC 8520, section 3.1)")),
  lastUpdate: z.optional(isoDateRange("1900-01-01", "2999-12-31")),
});

/**
 * A MUD file and the declared endpoints it could not express.
 *
 * @since 0.1.0
 */
export interface MudExport {
  /** The RFC 8520 document: `ietf-mud:mud` and `ietf-access-control-list:acls`. */
  readonly mud: Record<string, unknown>;
  /** Declared hosts MUD cannot name: `*.domain` wildcards (MUD matches exact DNS names). */
  readonly notExpressible: readonly string[];
}

function newestDate(label: DeviceLabel): string {
  const lifecycle = label.lifecycle;
  if (typeof lifecycle !== "object") return "1970-01-01";
  const dates = [
    lifecycle.manufacturingDate,
    lifecycle.purchaseDate,
    ...(lifecycle.updates ?? []).map((u) => u.date),
  ].filter((d): d is NonNullable<typeof d> => d !== undefined);
  return dates.sort().pop() ?? "1970-01-01";
}

/**
 * Where the SBOM and the vulnerability statements live, in RFC 9472's transparency extension of
 * MUD: `extensions` names it, and `ietf-mud-transparency:transparency` holds `sbom-url` and
 * `vuln-url`. Nothing when the label declares neither.
 */
function transparency(label: DeviceLabel): Record<string, unknown> {
  const sbom = label.security.sbom;
  const disclosures = label.security.vulnerabilityDisclosure;
  const sbomUrl = typeof sbom === "object" && sbom.url !== undefined ? sbom.url : undefined;
  const vulnUrls = typeof disclosures === "object" ? disclosures.map((d) => d.url) : [];
  if (sbomUrl === undefined && vulnUrls.length === 0) return {};
  return {
    extensions: ["transparency"],
    "ietf-mud-transparency:transparency": {
      ...(sbomUrl === undefined ? {} : { "sbom-url": sbomUrl }),
      ...(vulnUrls.length === 0 ? {} : { "vuln-url": vulnUrls }),
    },
  };
}

/**
 * Exports a label's declared endpoints as an RFC 8520 MUD file that allows exactly those
 * endpoints: for each, an access-control entry from the device (destination DNS name, protocol,
 * destination port, initiated by the device) and one to the device (source DNS name and port);
 * everything else is denied by MUD's default. TCP unless the protocol is a UDP one (CoAP, DTLS,
 * QUIC, NTP, DNS, syslog). A `*.domain` endpoint cannot be written in MUD, which matches exact
 * names; it is listed in `notExpressible` instead of being widened or narrowed silently.
 *
 * The label is checked as {@link parseLabel} checks it, and the options too: a `mudUrl` that is
 * not an https URL, a `lastUpdate` that is not a real date, unknown options and a `null` are
 * issues.
 *
 * @example
 * ```ts
 * import { parseLabel, toMud } from "@miotsec/label";
 * declare const input: unknown;
 * const label = parseLabel(input);
 * const mud = label.ok ? toMud(label.value) : label;
 * if (mud.ok) mud.value.mud["ietf-mud:mud"];
 * ```
 * @since 0.1.0
 */
export function toMud(labelInput: DeviceLabel, optionsInput?: MudOptions): Result<MudExport> {
  const checked = parseLabel(labelInput);
  const read = parseWith(mudOptionsSchema, optionsInput === undefined ? {} : optionsInput);
  if (!checked.ok || !read.ok) return fail([...issuesOf(checked), ...issuesOf(read)]);
  const label = checked.value;
  const options = read.value;
  const base = label.id.replace(/[^A-Za-z0-9-]/g, "-");
  const fromName = `mud-${base}-v4fr`;
  const toName = `mud-${base}-v4to`;
  const runtime = label.runtime;
  const endpoints = typeof runtime === "object" ? runtime.endpoints : [];
  const notExpressible = endpoints.filter((e) => e.host.startsWith("*.")).map((e) => e.host);
  const exact = endpoints.filter((e) => !e.host.startsWith("*."));
  const from: Json[] = [];
  const to: Json[] = [];
  exact.forEach((e, i) => {
    const udp = udpProtocols.has(e.protocol.toLowerCase());
    const transport = udp ? "udp" : "tcp";
    const isIp = /^\d{1,3}(\.\d{1,3}){3}$/.test(e.host);
    const destination = isIp ? { "destination-ipv4-network": `${e.host}/32` } : { "ietf-acldns:dst-dnsname": e.host };
    const source = isIp ? { "source-ipv4-network": `${e.host}/32` } : { "ietf-acldns:src-dnsname": e.host };
    from.push({
      name: `cl${i}-frdev`,
      matches: {
        ipv4: { protocol: udp ? 17 : 6, ...destination },
        [transport]: {
          ...(e.port === undefined ? {} : { "destination-port": { operator: "eq", port: e.port } }),
          ...(udp ? {} : { "ietf-mud:direction-initiated": "from-device" }),
        },
      },
      actions: { forwarding: "accept" },
    });
    to.push({
      name: `cl${i}-todev`,
      matches: {
        ipv4: { protocol: udp ? 17 : 6, ...source },
        [transport]: e.port === undefined ? {} : { "source-port": { operator: "eq", port: e.port } },
      },
      actions: { forwarding: "accept" },
    });
  });
  const firmware = label.identity.versions.firmware;
  const lifecycle = label.lifecycle;
  const unsupported =
    typeof lifecycle === "object" && (lifecycle.endOfSecurityUpdates === true || lifecycle.endOfLife === true);
  return ok({
    notExpressible,
    mud: {
      "ietf-mud:mud": {
        "mud-version": 1,
        "mud-url": options.mudUrl ?? `${withoutTrailingSlashes(label.qrTarget)}/mud.json`,
        "last-update": `${options.lastUpdate ?? newestDate(label)}T00:00:00Z`,
        "cache-validity": 48,
        "is-supported": !unsupported,
        systeminfo: label.identity.product.slice(0, 60),
        "mfg-name": label.identity.manufacturer.name,
        "model-name": label.identity.model,
        ...(typeof firmware === "string" && firmware !== "not-disclosed" && firmware !== "not-applicable"
          ? { "firmware-rev": firmware }
          : {}),
        documentation: label.qrTarget,
        ...transparency(label),
        "from-device-policy": { "access-lists": { "access-list": [{ name: fromName }] } },
        "to-device-policy": { "access-lists": { "access-list": [{ name: toName }] } },
      },
      "ietf-access-control-list:acls": {
        acl: [
          { name: fromName, type: "ipv4-acl-type", aces: { ace: from } },
          { name: toName, type: "ipv4-acl-type", aces: { ace: to } },
        ],
      },
    },
  });
}
