import type { DeviceLabel } from "@miotsec/label";
import type { EndpointAppraisal } from "@miotsec/runtime-facts";
import type { Context } from "../context.js";
import { positional } from "../context.js";
import { issueLine, readDocument, UsageError } from "../io.js";
import { tierStyle } from "../style.js";
import { oneLine } from "../terminal.js";
import { serverCountries } from "../words.js";
import { json, readLabel } from "./shared.js";

/**
 * Declared against observed endpoints: a HAR capture (with countries from `countriesFile`) or a
 * JSON list of observed connections, compared with the endpoints of a label already read from
 * `labelFile`.
 */
export async function checkTraffic(
  label: DeviceLabel,
  labelFile: string,
  captureFile: string,
  countriesFile: string | undefined,
): Promise<EndpointAppraisal> {
  if (typeof label.runtime !== "object")
    throw new UsageError(`${labelFile}: $.runtime: the label does not disclose its network endpoints`);
  const rf = await import("@miotsec/runtime-facts/endpoints");
  const capture = await readDocument(captureFile);
  let observed: unknown = capture;
  if (!Array.isArray(capture)) {
    let countries: Record<string, string> = {};
    if (countriesFile !== undefined) {
      const doc = await readDocument(countriesFile);
      if (typeof doc !== "object" || doc === null || Array.isArray(doc))
        throw new UsageError(`${countriesFile}: $: expected an object of host to country code`);
      countries = doc as Record<string, string>;
    }
    const { isCountryCode } = await import("@miotsec/core");
    for (const [host, code] of Object.entries(countries))
      if (!isCountryCode(code))
        throw new UsageError(`${countriesFile}: $[${JSON.stringify(host)}]: not an ISO 3166-1 alpha-2 code`);
    const parsed = rf.parseHar(capture, { countries: countries as never });
    if (!parsed.ok) throw new UsageError(await issueLine(captureFile, parsed.issues));
    observed = parsed.value;
  }
  const r = rf.compareEndpoints(label.runtime.endpoints, observed);
  if (!r.ok) throw new UsageError(await issueLine(captureFile, r.issues));
  return r.value;
}

/** `miotsec check-traffic <label> <capture>`. */
export async function checkTrafficCommand(context: Context): Promise<number> {
  const [labelFile, captureFile] = positional(context, "a label file", "a capture file") as [string, string];
  const { io, options, style: s } = context;
  const r = await checkTraffic(await readLabel(labelFile), labelFile, captureFile, options.countries);
  const findings = r.findings.some((f) => f.kind !== "declared");
  if (options.json) {
    io.out(json(r));
    return findings ? 1 : 0;
  }
  io.out(
    `${oneLine(captureFile)}: ${tierStyle(s, r.status)(r.status)}: ${r.hosts.length} hosts, ${r.thirdParties.length} third part${r.thirdParties.length === 1 ? "y" : "ies"}, countries ${serverCountries(r)}\n`,
  );
  for (const f of r.findings) {
    const mark = f.kind === "declared" ? s.good("ok  ") : tierStyle(s, f.tier)("FAIL");
    io.out(`  ${mark} ${oneLine(f.host)}: ${oneLine(f.explanation)}\n`);
  }
  return findings ? 1 : 0;
}
