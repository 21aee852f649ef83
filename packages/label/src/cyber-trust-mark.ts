import { dateTimeSchema, fail, type Issue, issue, issuesOf, ok, parseWith, type Result } from "@miotsec/core";
import { isoDateRange } from "@miotsec/core/internal";
import * as z from "zod/mini";
import type { DeviceLabel } from "./label.js";
import { parseLabel } from "./parse-label.js";

/**
 * What a US Cyber Trust Mark label needs that a device label does not hold: who authorized and
 * tested the product, when, and the registry record's timestamps. The library reads no clock.
 *
 * @since 0.1.0
 */
export interface CyberTrustMarkOptions {
  /** The day the mark was authorized (YYYY-MM-DD). */
  readonly authorizationDate: string;
  /** The cybersecurity label administrator that authorized it. */
  readonly authorizedBy: { readonly name: string; readonly contact: string };
  /** The lab that tested the product. */
  readonly testedBy: { readonly name: string; readonly contact: string };
  /** When the registry record was created (RFC 3339 date-time). */
  readonly created: string;
  /** When it was last modified (RFC 3339 date-time). */
  readonly modified: string;
}

const given = <T>(value: T | "not-disclosed" | "not-applicable"): value is T =>
  value !== "not-disclosed" && value !== "not-applicable";
const party = z.strictObject({
  name: z.string().check(z.minLength(1), z.maxLength(200), z.regex(/\S/, { error: "must not be blank" })),
  contact: z.string().check(z.minLength(1), z.maxLength(320), z.regex(/\S/, { error: "must not be blank" })),
});

/** {@link CyberTrustMarkOptions} as they are checked. */
const cyberTrustMarkOptionsSchema = z.strictObject({
  authorizationDate: isoDateRange("1900-01-01", "2999-12-31"),
  authorizedBy: party,
  testedBy: party,
  created: dateTimeSchema,
  modified: dateTimeSchema,
});

const sensingWords = {
  audio: /\b(audio|sound|microphone|voice)\b/i,
  images: /image|camera|video|ultrasound|echo/i,
  position: /position|location|gps|latitude|longitude/i,
} as const;

const accessControlTerms: Readonly<Record<string, string>> = {
  password: "password",
  pin: "password",
  biometric: "biometric",
  certificate: "passkey",
  "multi-factor": "MFA",
  none: "no_control",
};

/**
 * Exports a label as the registry and label data of the US Cyber Trust Mark (CTA-2120,
 * USCTM schema 1.0.0), valid against that published schema. The label gives the product,
 * manufacturer, sensors (as CTA's audio, images and position), access control, update
 * mechanism, support date, data deletion, security contact, SBOM and HBOM; the options give
 * what only the certification process knows (checked: a real authorization date, RFC 3339
 * date-times, a name and a contact for each party). Fails with `missing-support-date` when the
 * label declares no support period or end of security updates, and `missing-security-contact`
 * when it names no contact, as the mark requires both.
 *
 * @example
 * ```ts
 * import { parseLabel, toCyberTrustMark } from "@miotsec/label";
 * declare const input: unknown;
 * const label = parseLabel(input);
 * if (label.ok) {
 *   toCyberTrustMark(label.value, {
 *     authorizationDate: "2026-10-01",
 *     authorizedBy: { name: "Example CLA", contact: "cla@example.org" },
 *     testedBy: { name: "Example Lab", contact: "lab@example.org" },
 *     created: "2026-10-01T00:00:00Z",
 *     modified: "2026-11-28T00:00:00Z",
 *   });
 * }
 * ```
 * @since 0.1.0
 */
export function toCyberTrustMark(
  labelInput: DeviceLabel,
  optionsInput: CyberTrustMarkOptions,
): Result<Record<string, unknown>> {
  const checked = parseLabel(labelInput);
  const read = parseWith(cyberTrustMarkOptionsSchema, optionsInput);
  if (!checked.ok || !read.ok) return fail([...issuesOf(checked), ...issuesOf(read)]);
  const label = checked.value;
  const options = read.value;
  const issues: Issue[] = [];
  const lifecycle = given(label.lifecycle) ? label.lifecycle : undefined;
  const supportDate =
    lifecycle?.supportPeriodEnd ??
    (typeof lifecycle?.endOfSecurityUpdates === "string" ? lifecycle.endOfSecurityUpdates : undefined);
  if (supportDate === undefined) {
    issues.push(
      issue(
        "missing-support-date",
        "The Cyber Trust Mark needs a support date: declare lifecycle.supportPeriodEnd or a date for lifecycle.endOfSecurityUpdates.",
        ["lifecycle", "supportPeriodEnd"],
      ),
    );
  }
  const security = label.security;
  const contact = given(security.securityContact)
    ? (security.securityContact.email ?? security.securityContact.url)
    : undefined;
  const securityContact =
    contact ?? label.identity.manufacturer.contact.email ?? label.identity.manufacturer.contact.url;
  if (securityContact === undefined) {
    issues.push(
      issue(
        "missing-security-contact",
        "The Cyber Trust Mark needs a security contact: declare security.securityContact or a manufacturer email.",
        ["security", "securityContact"],
      ),
    );
  }
  if (issues.length > 0) return fail(issues);

  const sensors = given(label.components.sensors) ? label.components.sensors : [];
  const sensorData = (Object.keys(sensingWords) as Array<keyof typeof sensingWords>).map((sensing) => {
    const matching = sensors.filter((s) => sensingWords[sensing].test(`${s.name} ${s.measures}`));
    return {
      sensing,
      has: matching.length > 0,
      description:
        matching.length > 0
          ? matching.map((s) => `${s.name}: ${s.measures}`).join("; ")
          : `No ${sensing} sensor is declared.`,
    };
  });
  const update = security.updateMechanism;
  const [updateDefault, updateOther] =
    update === "automatic"
      ? ["Other", "Automatic updates; the label does not say whether users may opt out."]
      : update === "user-initiated"
        ? ["Manual", undefined]
        : update === "service-technician"
          ? ["Other", "Updates are installed by a service technician."]
          : update === "none"
            ? ["No updates", undefined]
            : ["Not disclosed", undefined];
  const accessControl = given(security.accessControl)
    ? [...new Set(security.accessControl.map((a) => accessControlTerms[a] ?? "not_disclosed"))]
    : ["not_disclosed"];
  const versions = label.identity.versions;
  const text = (value: unknown, fallback = "Not disclosed") =>
    typeof value === "string" && given(value) ? value : fallback;
  const deletion = label.components.dataDeletion;
  const e2e = label.dataPractices.endToEndEncryption;
  const sbom = given(security.sbom) ? security.sbom : undefined;
  const hbom = given(security.hbom) ? security.hbom : undefined;
  return ok({
    schema_version: "1.0.0",
    QR_code_url: label.qrTarget,
    product_name: label.identity.product,
    product_model: label.identity.model,
    manufacturer_name: label.identity.manufacturer.name,
    product_manufacturer: label.identity.manufacturer.name,
    authorization_date: options.authorizationDate,
    authorized_by: { name: options.authorizedBy.name, contact: options.authorizedBy.contact },
    tested_by: { name: options.testedBy.name, contact: options.testedBy.contact },
    sensor_data_collection: sensorData,
    access_control: { password_options: accessControl },
    securing_this_product: {
      text: "How to secure this product",
      url: given(security.disclosurePolicy) ? security.disclosurePolicy : label.qrTarget,
    },
    security_update_information: { update_default: updateDefault, update_options: [updateDefault] },
    ...(updateOther === undefined ? {} : { security_update_information_other: updateOther }),
    support_date: supportDate,
    version_and_model_numbers: {
      model: label.identity.model,
      hardware: text(versions.hardware),
      firmware: text(versions.firmware),
      software: text(versions.software),
    },
    delete_data: {
      text: given(deletion)
        ? `Deleting data is ${typeof deletion === "string" ? deletion.replace("-", " ") : `${deletion.from.replace("-", " ")} to ${deletion.to.replace("-", " ")}`}.`
        : "Not disclosed",
      url: label.qrTarget,
    },
    account_deactivation: { text: "See the details behind the QR code.", url: label.qrTarget },
    encryption_and_key_management: {
      text: given(e2e)
        ? e2e
          ? "Data is encrypted end to end."
          : "Data is not encrypted end to end."
        : "Not disclosed",
    },
    general_user_information: {
      // The mark has no field for intended use; its general information is the closest place.
      text: label.identity.intendedUse ? `Intended use: ${label.identity.intendedUse}` : "Label details",
      url: label.qrTarget,
    },
    security_contact: securityContact,
    sbom_hbom_available: { sbom: sbom?.available ?? false, hbom: hbom?.available ?? false },
    sbom_hbom_maintained: { sbom_maintained: sbom?.available ?? false, hbom_maintained: hbom?.available ?? false },
    created: options.created,
    modified: options.modified,
  });
}
