// The §VI traffic check: what a label declares of its network endpoints against a capture of
// what the device did. A capture is a HAR file, mitmproxy's list of flows, or a list of
// observed connections; the label's data practices add the residency and protection checks,
// as `miotsec check-traffic` does.
import type { Result } from "@miotsec/core";
import { type DeviceLabel, declaredProtection } from "@miotsec/label";
import type { RuntimeProfile } from "@miotsec/runtime-facts";
import {
  captureKind,
  compareEndpoints,
  type EndpointAppraisal,
  parseHar,
  parseMitmproxyFlows,
} from "@miotsec/runtime-facts/endpoints";

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
  const kind = captureKind(capture);
  if (kind !== "observed") {
    const options = maps.countries === undefined ? undefined : ({ countries: maps.countries } as never);
    const parsed = kind === "mitmproxy-flows" ? parseMitmproxyFlows(capture, options) : parseHar(capture, options);
    if (!parsed.ok) return parsed;
    observed = parsed.value;
  }
  const protection = declaredProtection(label);
  if (!protection.ok) return protection;
  return compareEndpoints(declared.endpoints, observed, {
    ...(maps.organisations !== undefined && { organisations: maps.organisations as never }),
    ...protection.value,
  });
}
