// The §VI traffic check: what a label declares of its network endpoints against a capture of
// what the device did. A capture is a HAR file, mitmproxy's list of flows, or a list of
// observed connections; the label's data practices add the residency and protection checks,
// as `miotsec check-traffic` does.
import type { Result } from "@miotsec/core";
import type { DeviceLabel } from "@miotsec/label";
import type { RuntimeProfile } from "@miotsec/runtime-facts";
import {
  compareEndpoints,
  type EndpointAppraisal,
  parseHar,
  parseMitmproxyFlows,
} from "@miotsec/runtime-facts/endpoints";

const isFlowList = (capture: unknown[]) =>
  capture.length > 0 &&
  capture.every((f) => f !== null && typeof f === "object" && "request" in f && "server_conn" in f);

/**
 * What the capture does not record: the country of each server (host to ISO 3166-1 code) and
 * the organisation behind each domain (domain to name), as `--countries` and `--organisations`
 * give them to the command.
 */
export interface TrafficMaps {
  readonly countries?: unknown;
  readonly organisations?: unknown;
}

/**
 * The comparison of the endpoints declared in a runtime profile (opened on its own, or the
 * label's) with a capture, or undefined if neither declares any.
 */
export function checkTraffic(
  label: DeviceLabel,
  capture: unknown,
  maps: TrafficMaps = {},
  profile?: RuntimeProfile,
): Result<EndpointAppraisal> | undefined {
  const declared = profile ?? (typeof label.runtime === "object" ? label.runtime : undefined);
  if (declared === undefined) return undefined;
  let observed: unknown = capture;
  const options = maps.countries === undefined ? undefined : ({ countries: maps.countries } as never);
  if (!Array.isArray(capture)) {
    const parsed = parseHar(capture, options);
    if (!parsed.ok) return parsed;
    observed = parsed.value;
  } else if (isFlowList(capture)) {
    const parsed = parseMitmproxyFlows(capture, options);
    if (!parsed.ok) return parsed;
    observed = parsed.value;
  }
  const d = label.dataPractices;
  return compareEndpoints(declared.endpoints, observed, {
    ...(maps.organisations !== undefined && { organisations: maps.organisations as never }),
    ...(Array.isArray(d.dataResidency) && { residency: d.dataResidency }),
    declared: {
      ...(typeof d.endToEndEncryption === "boolean" && { endToEndEncryption: d.endToEndEncryption }),
      noThirdParties: Array.isArray(d.thirdParties) ? d.thirdParties.length === 0 : d.thirdParties === "not-applicable",
    },
  });
}
