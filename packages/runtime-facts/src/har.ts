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
import { defaultMaxItems, ownValue } from "@miotsec/core/internal";
import * as z from "zod/mini";
import { type ObservedConnection, observedConnectionSchema } from "./connection.js";

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

const hostKey = z.string().check(z.minLength(1), z.maxLength(253));

/** {@link HarOptions} as they are checked: the maps are read once, their values must be valid. */
const harOptionsSchema = z.strictObject({
  countries: z.optional(z.record(hostKey, countryCodeSchema)),
  tls: z.optional(z.record(hostKey, observedConnectionSchema.shape.tls.def.innerType)),
});

/**
 * Options of {@link parseHar} and {@link parseMitmproxyFlows}: what a capture does not say, by
 * host name or server IP address.
 *
 * @since 0.1.0
 */
export interface HarOptions {
  /** Country of a host or a server IP address (a GeoIP lookup or the operator's statement). */
  readonly countries?: Readonly<Record<string, CountryCode>>;
  /**
   * TLS version of a host or a server IP address, for a capture that does not record it: a HAR
   * export of mitmproxy carries none, a scan with `testssl.sh` or `nmap --script ssl-enum-ciphers`
   * tells. What the capture records wins; a plain `http:` URL is `none` whatever the map says.
   *
   * @since 0.2.0
   */
  readonly tls?: Readonly<Record<string, NonNullable<ObservedConnection["tls"]>>>;
}

/** A TLS version as a capture names it ("TLS 1.2" in Chromium's HAR, "TLSv1.2" in mitmproxy's). */
function tlsOf(protocol: string | undefined | null): ObservedConnection["tls"] {
  const m = /^TLS\s*v?1(?:\.([0-3]))?$/i.exec((protocol ?? "").trim());
  return m ? (`1.${m[1] ?? "0"}` as ObservedConnection["tls"]) : undefined;
}

/**
 * One connection from what a capture says of it, with what the options add: the version the
 * capture records, else `none` for a plain scheme, else the `tls` map's; the `countries` map's
 * country, by host first, then by server address.
 */
function connectionOf(
  host: string,
  port: number | undefined,
  scheme: string,
  recorded: ObservedConnection["tls"],
  address: string | undefined,
  maps: CaptureMaps,
): ObservedConnection {
  const byHostOrAddress = <T>(map: Readonly<Record<string, T>>): T | undefined =>
    ownValue(map, host) ?? (address === undefined ? undefined : ownValue(map, address));
  const plain = scheme === "http" || scheme === "ws";
  const tls = plain ? "none" : (recorded ?? byHostOrAddress(maps.tls));
  const country = byHostOrAddress(maps.countries);
  return {
    host,
    ...(port === undefined ? {} : { port }),
    ...(tls === undefined ? {} : { tls }),
    ...(country === undefined ? {} : { country }),
  };
}

/** The maps of {@link HarOptions} as a capture's reader uses them, empty where not given. */
interface CaptureMaps {
  readonly countries: Readonly<Record<string, CountryCode>>;
  readonly tls: NonNullable<HarOptions["tls"]>;
}

/** A capture and its options, each checked, their issues together (the options' under `options`). */
function readCapture<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  options: unknown,
): Result<{ readonly capture: z.infer<S>; readonly maps: CaptureMaps }> {
  const parsed = parseWith(schema, input);
  const checked = parseWith(harOptionsSchema, options === undefined ? {} : options, { path: ["options"] });
  if (!parsed.ok || !checked.ok)
    return fail([...(parsed.ok ? [] : parsed.issues), ...(checked.ok ? [] : checked.issues)]);
  return ok({
    capture: parsed.value,
    maps: { countries: checked.value.countries ?? {}, tls: checked.value.tls ?? {} },
  });
}

/** The distinct connections, sorted by host and port. */
function distinctSorted(connections: readonly ObservedConnection[]): ObservedConnection[] {
  const byKey = new Map<string, ObservedConnection>();
  for (const c of connections) {
    const key = JSON.stringify(c);
    if (!byKey.has(key)) byKey.set(key, c);
  }
  return [...byKey.values()].sort((a, b) =>
    a.host < b.host ? -1 : a.host > b.host ? 1 : (a.port ?? 0) - (b.port ?? 0),
  );
}

/**
 * Turns a HAR 1.2 capture (from a browser's developer tools or mitmproxy) into the distinct
 * connections it shows: host, port, TLS version (from Chromium's `_securityDetails` where
 * present, plain `http:` is `none`, else from `options.tls`), and the country where
 * `options.countries` names it. Feed the result to `compareEndpoints` (from
 * `@miotsec/runtime-facts/endpoints`): the §VI test of the paper in one call. mitmproxy's HAR
 * export records no TLS version; its flows in JSON do ({@link parseMitmproxyFlows}).
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
  const read = readCapture(harSchema, har, options);
  if (!read.ok) return read;
  const { capture, maps } = read.value;
  const issues: Issue[] = [];
  const connections: ObservedConnection[] = [];
  capture.log.entries.forEach((entry, i) => {
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
    const recorded = tlsOf(entry._securityDetails?.protocol);
    connections.push(connectionOf(host, port, url.protocol.slice(0, -1), recorded, entry.serverIPAddress, maps));
  });
  if (issues.length > 0) return fail(issues);
  return ok(distinctSorted(connections));
}

/** The part of a mitmproxy flow read here, as mitmweb serves it; everything else passes. */
const address = z.nullish(z.array(z.union([z.string().check(z.maxLength(253)), z.int()])).check(z.maxLength(4)));
const flowsSchema = z
  .array(
    z.looseObject({
      type: z.optional(z.string().check(z.maxLength(50))),
      request: z.optional(
        z.looseObject({
          scheme: z.string().check(z.maxLength(20)),
          host: z.string().check(z.minLength(1), z.maxLength(253)),
          port: z.int().check(z.gte(0), z.lte(65535)),
          pretty_host: z.optional(z.string().check(z.maxLength(253))),
        }),
      ),
      server_conn: z.optional(
        z.looseObject({
          tls_version: z.nullish(z.string().check(z.maxLength(50))),
          peername: address,
          ip_address: address,
        }),
      ),
    }),
  )
  .check(z.maxLength(1_000_000));

/**
 * What a capture file holds, by its shape: mitmproxy's list of flows (a list with an entry that
 * has a `request` or a `server_conn`), another list (observed connections, as
 * `compareEndpoints` takes them), or anything else, read as a HAR capture. One rule for
 * every reader of captures (the command's `check-traffic`, the studio), so that they never
 * tell the same file apart differently. A value that cannot be read is called a HAR capture,
 * and {@link parseHar} answers it with its issues.
 *
 * @example
 * ```ts
 * import { captureKind } from "@miotsec/runtime-facts";
 * captureKind([{ request: { scheme: "https", host: "a.example", port: 443 } }]); // "mitmproxy-flows"
 * captureKind([{ host: "a.example", port: 443 }]); // "observed"
 * captureKind({ log: { entries: [] } }); // "har"
 * ```
 * @since 0.2.0
 */
export function captureKind(capture: unknown): "har" | "mitmproxy-flows" | "observed" {
  try {
    if (!Array.isArray(capture)) return "har";
    const flow = (f: unknown) => typeof f === "object" && f !== null && ("request" in f || "server_conn" in f);
    // No more entries are looked at than a capture may hold: a list that says it is longer (a
    // sparse `Array(2 ** 32 - 1)`) is refused by its parser as too big, and is not walked here.
    const length = Math.min(capture.length, defaultMaxItems);
    for (let i = 0; i < length; i++) if (flow(capture[i])) return "mitmproxy-flows";
    return "observed";
  } catch {
    return "har";
  }
}

/**
 * Turns mitmproxy's flows in JSON into the distinct connections they show, as {@link parseHar}
 * does for a HAR capture. The paper's §VI capture was made with mitmproxy, whose HAR export
 * records no TLS version; its flows do. The JSON read is the list of flows that mitmweb serves
 * at `/flows` (the `flow_to_json` of `mitmproxy/tools/web/app.py`): per flow `request.scheme`,
 * `request.host` (or `request.pretty_host`, the Host header, where present), `request.port`,
 * `server_conn.tls_version` (`TLSv1.2`; an SSL version is left unknown) and the server's
 * address (`server_conn.peername`, or `ip_address` in older versions) for the maps. Flows that
 * are not HTTP (TCP, UDP, DNS) carry no request and are skipped.
 *
 * @example
 * ```ts
 * import { parseMitmproxyFlows } from "@miotsec/runtime-facts";
 * const flows = [{ type: "http", request: { scheme: "https", host: "api.segment.io", port: 443 }, server_conn: { tls_version: "TLSv1.2" } }];
 * const r = parseMitmproxyFlows(flows);
 * if (r.ok) r.value; // [{ host: "api.segment.io", port: 443, tls: "1.2" }]
 * ```
 * @since 0.2.0
 */
export function parseMitmproxyFlows(flows: unknown, options?: HarOptions): Result<ObservedConnection[]> {
  const read = readCapture(flowsSchema, flows, options);
  if (!read.ok) return read;
  const { capture, maps } = read.value;
  const connections: ObservedConnection[] = [];
  for (const flow of capture) {
    const request = flow.request;
    if (request === undefined) continue;
    const host = (request.pretty_host || request.host).replace(/^\[|\]$/g, "").toLowerCase();
    const server = flow.server_conn;
    const ip = (server?.peername ?? server?.ip_address)?.[0];
    const recorded = tlsOf(server?.tls_version);
    connections.push(
      connectionOf(
        host,
        request.port,
        request.scheme.toLowerCase(),
        recorded,
        typeof ip === "string" ? ip : undefined,
        maps,
      ),
    );
  }
  return ok(distinctSorted(connections));
}
