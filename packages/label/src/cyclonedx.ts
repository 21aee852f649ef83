import { ok, type Result } from "@miotsec/core";
import { nameUuid } from "@miotsec/core/internal";
import type { DeviceLabel } from "./label.js";
import { parseLabel, payloadOf } from "./parse-label.js";

type Json = Record<string, unknown>;

const given = <T>(value: T | "not-disclosed" | "not-applicable"): value is T =>
  value !== "not-disclosed" && value !== "not-applicable";
const prop = (name: string, value: string | number | boolean) => ({ name, value: String(value) });

/** Lifecycle ends as CycloneDX taxonomy milestones (dates) or miotsec properties (over, date unknown). */
function lifecycleProperties(label: DeviceLabel): Json[] {
  const lifecycle = label.lifecycle;
  if (!given(lifecycle)) return [prop("miotsec:lifecycle", lifecycle)];
  const out: Json[] = [];
  const milestone = (name: string, end: string | boolean | undefined, fallback: string) => {
    if (typeof end === "string") out.push(prop(`cdx:lifecycle:milestone:${name}`, end));
    else if (end !== undefined) out.push(prop(`miotsec:lifecycle:${fallback}Passed`, end));
  };
  milestone("endOfSupport", lifecycle.supportPeriodEnd, "endOfSupport");
  milestone("endOfGuaranteedSupport", lifecycle.endOfSecurityUpdates, "endOfSecurityUpdates");
  milestone("endOfLife", lifecycle.endOfLife, "endOfLife");
  // The taxonomy has no end of sale; it gets a property of its own.
  if (typeof lifecycle.endOfSale === "string") out.push(prop("miotsec:lifecycle:endOfSale", lifecycle.endOfSale));
  else if (lifecycle.endOfSale !== undefined) out.push(prop("miotsec:lifecycle:endOfSalePassed", lifecycle.endOfSale));
  if (lifecycle.manufacturingDate) out.push(prop("miotsec:lifecycle:manufacturingDate", lifecycle.manufacturingDate));
  return out;
}

const vexFormats = { cyclonedx: "CycloneDX", openvex: "OpenVEX", csaf: "CSAF 2.0" } as const;

/**
 * Exports a label as a CycloneDX 1.6 BOM (JSON), valid against the official schema: the
 * device as the BOM's subject with its manufacturer, identifiers and lifecycle milestones
 * (`cdx:lifecycle:milestone:*` taxonomy properties), its firmware and software as components,
 * its hardware parts with their lifetimes, and each declared endpoint as a service with its
 * provider, endpoint URL, trust zone and outbound data flows. The serial number is a
 * name-based UUID of the label's content: the same label always gives the same BOM. The label
 * is checked as {@link parseLabel} checks it; a value that is not a label gets its issues.
 *
 * @example
 * ```ts
 * import { parseLabel, toCycloneDx } from "@miotsec/label";
 * declare const input: unknown;
 * const label = parseLabel(input);
 * const bom = label.ok ? toCycloneDx(label.value) : label;
 * if (bom.ok) JSON.stringify(bom.value, null, 2);
 * ```
 * @since 0.1.0
 */
export function toCycloneDx(labelInput: DeviceLabel): Result<Record<string, unknown>> {
  const checked = parseLabel(labelInput);
  return checked.ok ? ok(bomOf(checked.value)) : checked;
}

/** The BOM of a checked label. */
function bomOf(label: DeviceLabel): Record<string, unknown> {
  const { identity } = label;
  const versions = identity.versions;
  const manufacturer: Json = {
    name: identity.manufacturer.name,
    ...(identity.manufacturer.contact.url ? { url: [identity.manufacturer.contact.url] } : {}),
    ...(identity.manufacturer.contact.email || identity.manufacturer.contact.phone
      ? {
          contact: [
            {
              ...(identity.manufacturer.contact.email ? { email: identity.manufacturer.contact.email } : {}),
              ...(identity.manufacturer.contact.phone ? { phone: identity.manufacturer.contact.phone } : {}),
            },
          ],
        }
      : {}),
  };
  const components: Json[] = [];
  if (given(versions.firmware))
    components.push({
      type: "firmware",
      "bom-ref": "firmware",
      name: `${identity.model} firmware`,
      version: versions.firmware,
    });
  if (given(versions.software))
    components.push({
      type: "application",
      "bom-ref": "software",
      name: `${identity.product} software`,
      version: versions.software,
    });
  const lifecycle = label.lifecycle;
  if (given(lifecycle)) {
    (lifecycle.components ?? []).forEach((c, i) => {
      const life =
        c.ratedHours !== undefined
          ? prop("miotsec:hardware:ratedHours", c.ratedHours)
          : c.mtbfHours !== undefined
            ? prop("miotsec:hardware:mtbfHours", c.mtbfHours)
            : prop("miotsec:hardware:weibull", `beta=${c.weibull?.beta};etaHours=${c.weibull?.etaHours}`);
      components.push({
        type: "device",
        "bom-ref": `hardware-${i + 1}`,
        name: c.name,
        properties: [life, ...(c.dutyCycle === undefined ? [] : [prop("miotsec:hardware:dutyCycle", c.dutyCycle)])],
      });
    });
  }
  const runtime = label.runtime;
  const services = given(runtime)
    ? runtime.endpoints.map((e, i) => ({
        "bom-ref": `service-${i + 1}`,
        provider: { name: e.operator },
        name: e.purpose,
        endpoints: [
          `${e.protocol}://${e.host.replace(/^\*\./, "wildcard.")}${e.port === undefined ? "" : `:${e.port}`}`,
        ],
        trustZone: e.thirdParty ? "third-party" : "manufacturer",
        "x-trust-boundary": e.thirdParty,
        ...(e.dataCategories.length > 0
          ? { data: e.dataCategories.map((category) => ({ flow: "outbound", classification: category })) }
          : {}),
        properties: [
          prop("miotsec:endpoint:host", e.host),
          ...(e.country ? [prop("miotsec:endpoint:country", e.country)] : []),
          ...(e.tlsMinimum ? [prop("miotsec:endpoint:tlsMinimum", e.tlsMinimum)] : []),
        ],
      }))
    : [];
  // Where the SBOM and the vulnerability statements live, as CycloneDX's reference types name them:
  // a VEX, in any of the three formats, is an `exploitability-statement`.
  const sbom = label.security.sbom;
  const disclosures = label.security.vulnerabilityDisclosure;
  const references = [
    ...(given(sbom) && sbom.url !== undefined ? [{ type: "bom", url: sbom.url }] : []),
    ...(disclosures !== undefined && given(disclosures)
      ? disclosures.map((d) => ({
          type: "exploitability-statement",
          url: d.url,
          comment: `VEX (${vexFormats[d.format]})`,
        }))
      : []),
  ];
  return {
    bomFormat: "CycloneDX",
    specVersion: "1.6",
    serialNumber: `urn:uuid:${nameUuid(`cyclonedx:${payloadOf(label)}`)}`,
    version: 1,
    metadata: {
      component: {
        type: "device",
        "bom-ref": "device",
        name: identity.product,
        version: identity.model,
        ...(identity.intendedUse ? { description: `Intended use: ${identity.intendedUse}` } : {}),
        manufacturer,
        ...(identity.identifiers.purl ? { purl: identity.identifiers.purl } : {}),
        ...(identity.identifiers.cpe ? { cpe: identity.identifiers.cpe } : {}),
        properties: [
          prop("miotsec:label:id", label.id),
          prop("miotsec:label:qrTarget", label.qrTarget),
          ...(identity.identifiers.gtin ? [prop("miotsec:identifier:gtin", identity.identifiers.gtin)] : []),
          ...(given(versions.hardware) ? [prop("miotsec:hardwareVersion", versions.hardware)] : []),
          ...(identity.category ? [prop("miotsec:product:category", identity.category)] : []),
          ...(identity.intendedUse ? [prop("miotsec:product:intendedUse", identity.intendedUse)] : []),
          ...(identity.criticality ? [prop("miotsec:product:criticality", identity.criticality)] : []),
          ...(label.dataPractices.dataResidency === undefined
            ? []
            : [
                prop(
                  "miotsec:dataResidency",
                  given(label.dataPractices.dataResidency)
                    ? label.dataPractices.dataResidency.join(",")
                    : label.dataPractices.dataResidency,
                ),
              ]),
          ...lifecycleProperties(label),
        ],
      },
      manufacturer,
    },
    ...(components.length > 0 ? { components } : {}),
    ...(services.length > 0 ? { services } : {}),
    ...(references.length > 0 ? { externalReferences: references } : {}),
  };
}
