import {
  type CountryCode,
  countryCodeSchema,
  fail,
  type Issue,
  issue,
  ok,
  parseWith,
  type Result,
} from "@miotsec/core";
import { ownValue } from "@miotsec/core/internal";
import * as z from "zod/mini";
import type { ObservedConnection } from "./connection.js";

/** The part of HAR 1.2 read here; everything else (including `_`-prefixed fields) passes. */
const harSchema = z.looseObject({
  log: z.looseObject({
    entries: z
      .array(
        z.looseObject({
          request: z.looseObject({ url: z.string().check(z.maxLength(100_000)) }),
          serverIPAddress: z.optional(z.string().check(z.maxLength(100))),
          _securityDetails: z.optional(z.looseObject({ protocol: z.optional(z.string().check(z.maxLength(50))) })),
        }),
      )
      .check(z.maxLength(1_000_000)),
  }),
});

/** {@link HarOptions} as they are checked: the map is read once, its countries must be codes. */
const harOptionsSchema = z.strictObject({
  countries: z.optional(z.record(z.string().check(z.minLength(1), z.maxLength(253)), countryCodeSchema)),
});

/**
 * Options of {@link parseHar}: where servers are, by host name or IP address (a HAR file does
 * not say; a GeoIP lookup or the operator's statement does).
 *
 * @since 0.1.0
 */
export interface HarOptions {
  /** Country of a host or a server IP address. */
  readonly countries?: Readonly<Record<string, CountryCode>>;
}

function tlsOf(protocol: string | undefined, scheme: string): ObservedConnection["tls"] {
  if (scheme === "http:" || scheme === "ws:") return "none";
  const m = /TLS\s*1\.([0-3])/i.exec(protocol ?? "");
  return m ? (`1.${m[1]}` as ObservedConnection["tls"]) : undefined;
}

/**
 * Turns a HAR 1.2 capture (from a browser's developer tools or mitmproxy) into the distinct
 * connections it shows: host, port, TLS version (from Chromium's `_securityDetails` where
 * present; plain `http:` is `none`), and the country where `options.countries` names it. Feed
 * the result to `compareEndpoints` (from `@miotsec/runtime-facts/endpoints`): the §VI test of
 * the paper in one call.
 *
 * @example
 * ```ts
 * import { parseHar } from "@miotsec/runtime-facts";
 * const r = parseHar({ log: { version: "1.2", entries: [{ request: { url: "https://api.segment.io/v1/batch" }, _securityDetails: { protocol: "TLS 1.2" } }] } });
 * if (r.ok) r.value; // [{ host: "api.segment.io", port: 443, tls: "1.2" }]
 * ```
 * @since 0.1.0
 */
export function parseHar(har: unknown, options?: HarOptions): Result<ObservedConnection[]> {
  const parsed = parseWith(harSchema, har);
  const checkedOptions = parseWith(harOptionsSchema, options === undefined ? {} : options);
  if (!parsed.ok || !checkedOptions.ok)
    return fail([...(parsed.ok ? [] : parsed.issues), ...(checkedOptions.ok ? [] : checkedOptions.issues)]);
  const countries = checkedOptions.value.countries ?? {};
  const issues: Issue[] = [];
  const byKey = new Map<string, ObservedConnection>();
  parsed.value.log.entries.forEach((entry, i) => {
    let url: URL;
    try {
      url = new URL(entry.request.url);
    } catch {
      issues.push(
        issue("invalid-format", `$.log.entries[${i}].request.url is not a URL.`, [
          "log",
          "entries",
          i,
          "request",
          "url",
        ]),
      );
      return;
    }
    const host = url.hostname.replace(/^\[|\]$/g, "");
    const port =
      url.port !== ""
        ? Number(url.port)
        : url.protocol === "https:" || url.protocol === "wss:"
          ? 443
          : url.protocol === "http:" || url.protocol === "ws:"
            ? 80
            : undefined;
    const tls = tlsOf(entry._securityDetails?.protocol, url.protocol);
    const named =
      ownValue(countries, host) ??
      (entry.serverIPAddress === undefined ? undefined : ownValue(countries, entry.serverIPAddress));
    const country = named;
    const connection: ObservedConnection = {
      host,
      ...(port === undefined ? {} : { port }),
      ...(tls === undefined ? {} : { tls }),
      ...(country === undefined ? {} : { country }),
    };
    const key = JSON.stringify(connection);
    if (!byKey.has(key)) byKey.set(key, connection);
  });
  if (issues.length > 0) return fail(issues);
  return ok(
    [...byKey.values()].sort((a, b) => (a.host < b.host ? -1 : a.host > b.host ? 1 : (a.port ?? 0) - (b.port ?? 0))),
  );
}
