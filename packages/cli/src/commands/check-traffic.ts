import type { Issue } from "@miotsec/core";
import type { DeviceLabel } from "@miotsec/label";
import type { EndpointAppraisal } from "@miotsec/runtime-facts";
import type { Context } from "../context.js";
import { positional } from "../context.js";
import { issueLine, readDocument, UsageError } from "../io.js";
import { tierStyle } from "../style.js";
import { oneLine } from "../terminal.js";
import { serverCountries, thirdParties } from "../words.js";
import { json, readLabel } from "./shared.js";

/** The files of maps a capture needs beside it: `--countries`, `--organisations`, `--tls`. */
export interface TrafficMaps {
  readonly countries?: string | undefined;
  readonly organisations?: string | undefined;
  readonly tls?: string | undefined;
}

/** A map file: an object of host (or domain, or address) to a value, checked by the caller. */
async function readMap(file: string | undefined, what: string): Promise<Record<string, unknown> | undefined> {
  if (file === undefined) return undefined;
  const doc = await readDocument(file);
  if (typeof doc !== "object" || doc === null || Array.isArray(doc))
    throw new UsageError(`${file}: $: expected an object of host to ${what}`);
  return doc as Record<string, unknown>;
}

/**
 * Declared against observed endpoints: a HAR capture, mitmproxy's flows in JSON, or a JSON list
 * of observed connections, compared with the endpoints of a label already read from
 * `labelFile`. A capture takes its countries and, where it records none, its TLS versions from
 * the map files; third parties are grouped by the organisations map; what the label declares of
 * data protection (residency, end-to-end encryption, no third parties) is checked too.
 */
export async function checkTraffic(
  label: DeviceLabel,
  labelFile: string,
  captureFile: string,
  maps: TrafficMaps,
): Promise<EndpointAppraisal> {
  if (typeof label.runtime !== "object")
    throw new UsageError(`${labelFile}: $.runtime: the label does not disclose its network endpoints`);
  const rf = await import("@miotsec/runtime-facts/endpoints");
  const { declaredProtection } = await import("@miotsec/label");
  const capture = await readDocument(captureFile);
  const [countries, organisations, tls] = [
    await readMap(maps.countries, "country code"),
    await readMap(maps.organisations, "organisation"),
    await readMap(maps.tls, "TLS version"),
  ];
  const { isCountryCode, unwrap } = await import("@miotsec/core");
  for (const [host, code] of Object.entries(countries ?? {}))
    if (!isCountryCode(code))
      throw new UsageError(`${maps.countries}: $[${JSON.stringify(host)}]: not an ISO 3166-1 alpha-2 code`);
  let observed: unknown = capture;
  const kind = rf.captureKind(capture);
  if (kind !== "observed") {
    const options = { ...(countries && { countries }), ...(tls && { tls }) } as never;
    const parsed =
      kind === "mitmproxy-flows" ? rf.parseMitmproxyFlows(capture, options) : rf.parseHar(capture, options);
    if (!parsed.ok) throw new UsageError(await failureLine(captureFile, maps.tls, parsed.issues));
    observed = parsed.value;
  }
  const r = rf.compareEndpoints(label.runtime.endpoints, observed, {
    ...(organisations && { organisations: organisations as never }),
    // readLabel checked the label, so what it declares can always be read.
    ...unwrap(declaredProtection(label)),
  });
  if (!r.ok) throw new UsageError(await failureLine(captureFile, maps.organisations, r.issues));
  return r.value;
}

/**
 * The one line of a failed parse or comparison: an issue under `options` is the map file's
 * (`options.tls.<host>` is `$["<host>"]` of the --tls file, say), any other the capture's.
 */
async function failureLine(
  captureFile: string,
  mapFile: string | undefined,
  issues: readonly Issue[],
): Promise<string> {
  if (mapFile === undefined || issues[0]?.path[0] !== "options") return issueLine(captureFile, issues);
  const inFile = issues.map((i) => ({
    ...i,
    path: i.path.slice(2),
    message: i.message.replace(/^\$\.options\.\w+/, "$"),
  }));
  return issueLine(mapFile, inFile);
}

/** `miotsec check-traffic <label> <capture>`. */
export async function checkTrafficCommand(context: Context): Promise<number> {
  const [labelFile, captureFile] = positional(context, "a label file", "a capture file") as [string, string];
  const { io, options, style: s } = context;
  const r = await checkTraffic(await readLabel(labelFile), labelFile, captureFile, options);
  const findings = r.findings.some((f) => f.kind !== "declared");
  if (options.json) {
    io.out(json(r));
    return findings ? 1 : 0;
  }
  io.out(
    `${oneLine(captureFile)}: ${tierStyle(s, r.status)(r.status)}: ${r.hosts.length} hosts; third parties: ${oneLine(thirdParties(r))}; server countries: ${serverCountries(r)}\n`,
  );
  for (const f of r.findings) {
    const mark = f.kind === "declared" ? s.good("ok  ") : tierStyle(s, f.tier)("FAIL");
    io.out(`  ${mark} ${oneLine(f.host)}: ${oneLine(f.explanation)}\n`);
  }
  return findings ? 1 : 0;
}
