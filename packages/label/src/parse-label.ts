import { canonicalJson, fail, issue, ok, parseWith, prefixIssues, type Result, unwrap } from "@miotsec/core";
import { readPlain, sha256OfText, withoutSchemaKey } from "@miotsec/core/internal";
import { envelopeOf } from "@miotsec/runtime-facts/internal";
import * as z from "zod/mini";
import { fieldHelp } from "./field-help.js";
import { type DeviceLabel, deviceLabelSchema, labelSchemaVersion } from "./label.js";
import { layerRegistry } from "./layers.js";
import { asciiUrl, qrBaseUrlMaxLength, qrBaseUrlPattern, withoutTrailingSlashes } from "./url.js";

/**
 * Parses and checks a label document: its shape (unknown keys are rejected with the key's
 * path), and that its runtime profile keeps every integration and operating range inside the
 * fail-safe envelope. Never throws, never mutates its input.
 *
 * @example
 * ```ts
 * import { parseLabel } from "@miotsec/label";
 * const r = parseLabel({ schemaVersion: 1 });
 * r.ok; // false: the label is missing its fields
 * ```
 * @since 0.1.0
 */
export function parseLabel(input: unknown): Result<DeviceLabel> {
  const parsed = parseWith(deviceLabelSchema, input);
  if (!parsed.ok) return parsed;
  const runtime = parsed.value.runtime;
  const envelope = typeof runtime === "object" ? envelopeOf(runtime) : [];
  return envelope.length > 0 ? fail(prefixIssues(["runtime"], envelope)) : ok(withoutSchemaKey(parsed.value));
}

/** A schema version as the message shows it: a number or a short string as JSON, anything else by its kind. */
function describeVersion(version: unknown): string {
  if (version === undefined) return "is missing";
  if (typeof version === "number" || typeof version === "boolean" || version === null) return String(version);
  if (typeof version === "string") return version.length <= 20 ? JSON.stringify(version) : "is a long string";
  return Array.isArray(version)
    ? "is an array"
    : `is ${typeof version === "object" ? "an object" : `a ${typeof version}`}`;
}

/**
 * Brings a label of any known `schemaVersion` to the current one ({@link labelSchemaVersion})
 * and parses it. Version 1 is the first, so today this is {@link parseLabel} for version 1 and
 * an `unsupported-schema-version` issue for any other; each later version adds one step to the
 * chain, so a label of any age migrates through every step in turn.
 *
 * @example
 * ```ts
 * import { migrateLabel } from "@miotsec/label";
 * migrateLabel({ schemaVersion: 0 }); // { ok: false, issues: [{ code: "unsupported-schema-version", ... }] }
 * ```
 * @since 0.1.0
 */
export function migrateLabel(input: unknown): Result<DeviceLabel> {
  // Read once, into a plain copy: the version that is checked is the version that is parsed.
  const plain = readPlain(input);
  if (!plain.ok) return plain;
  const copy = plain.value;
  const version =
    copy !== null && typeof copy === "object" && !Array.isArray(copy)
      ? (copy as { schemaVersion?: unknown }).schemaVersion
      : undefined;
  if (version !== labelSchemaVersion) {
    return fail([
      issue(
        "unsupported-schema-version",
        `$.schemaVersion ${describeVersion(version)}: this version of @miotsec/label reads label versions 1 to ${labelSchemaVersion}.`,
        ["schemaVersion"],
      ),
    ]);
  }
  return parseLabel(copy);
}

/**
 * The JSON Schema (draft 2020-12) of a label, generated from the zod schema: every object
 * closes with `additionalProperties: false`, every field carries its layer as
 * `x-miotsec-layer`, and (since 0.2.0) the fields a person fills in carry a `description` of
 * what they ask. For validators in other languages, for editors and for forms.
 *
 * @example
 * ```ts
 * import { labelJsonSchema } from "@miotsec/label";
 * labelJsonSchema().$schema; // "https://json-schema.org/draft/2020-12/schema"
 * ```
 * @since 0.1.0
 */
export function labelJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(deviceLabelSchema, {
    target: "draft-2020-12",
    io: "input",
    metadata: layerRegistry,
  }) as JsonSchemaNode & Record<string, unknown>;
  for (const [path, description] of Object.entries(fieldHelp())) {
    const node = fieldAt(schema, path);
    if (node !== undefined) node.description = description;
  }
  return { ...schema, title: "miotsec device label" };
}

interface JsonSchemaNode {
  properties?: Record<string, JsonSchemaNode>;
  anyOf?: JsonSchemaNode[];
  description?: string;
}

/**
 * The node of the field at a dotted path, looking through a "disclosed" field's options to the
 * one with fields. Exported for the test that every described path exists.
 */
export function fieldAt(schema: JsonSchemaNode, path: string): JsonSchemaNode | undefined {
  let node: JsonSchemaNode | undefined = schema;
  for (const key of path.split(".")) {
    const holder: JsonSchemaNode | undefined = node?.properties
      ? node
      : node?.anyOf?.find((o) => o.properties !== undefined);
    node = holder?.properties?.[key];
  }
  return node;
}

/**
 * The canonical JSON of a parsed label without its signatures: what its signatures sign, what
 * its digest and the QR code's are of, and what the CycloneDX serial number is made from.
 */
export function payloadOf(label: DeviceLabel): string {
  const { signatures: _, ...unsigned } = label;
  // A parsed label is JSON through and through: its canonical form always exists.
  return unwrap(canonicalJson(unsigned));
}

/**
 * The payload a label's signatures sign and its digest is of: the RFC 8785 canonical JSON of
 * the label without `signatures` (and without `$schema`, as {@link parseLabel} reads it). The
 * label is checked as {@link parseLabel} checks it.
 *
 * @example
 * ```ts
 * import { labelPayload } from "@miotsec/label";
 * declare const label: import("@miotsec/label").DeviceLabel;
 * labelPayload(label); // { ok: true, value: '{"components":...}' }
 * ```
 * @since 0.2.0
 */
export function labelPayload(labelInput: DeviceLabel): Result<string> {
  const checked = parseLabel(labelInput);
  return checked.ok ? ok(payloadOf(checked.value)) : checked;
}

/**
 * The digest of a label: the SHA-256, in lowercase hex, of {@link labelPayload}. Signatures do
 * not change it; any other change does. The QR payload carries its first 16 digits, so that a
 * scanned code, a label file and a signature can be matched.
 *
 * @example
 * ```ts
 * import { labelDigest } from "@miotsec/label";
 * declare const label: import("@miotsec/label").DeviceLabel;
 * labelDigest(label); // { ok: true, value: "30d8347b7f0090c2..." }
 * ```
 * @since 0.2.0
 */
export function labelDigest(labelInput: DeviceLabel): Result<string> {
  const payload = labelPayload(labelInput);
  return payload.ok ? ok(sha256OfText(payload.value)) : payload;
}

/**
 * The payload of the label's QR code: a short, versioned https URL
 * `<baseUrl>/<label id>/v<schemaVersion>?d=<digest>`, where the digest is the first 16 hex
 * digits (64 bits) of the label's digest ({@link labelDigest}: the SHA-256 of its canonical JSON,
 * RFC 8785, without its signatures). A scanned code thus names the exact label version it was
 * printed for; any change to the label but a signature changes the digest.
 *
 * The payload is ASCII: characters of the base URL outside ASCII are percent-encoded as UTF-8,
 * as the QR code carries them. A base URL that is not an https URL without query or fragment,
 * holds a lone surrogate, or is longer than `qrBaseUrlMaxLength` once encoded is an issue,
 * so every payload fits a QR code (`qrPayloadMaxBytes`). The label is checked as
 * {@link parseLabel} checks it.
 *
 * @example
 * ```ts
 * import { qrPayload } from "@miotsec/label";
 * declare const label: import("@miotsec/label").DeviceLabel;
 * qrPayload(label, "https://labels.example"); // "https://labels.example/us-wifi-1/v1?d=3f2a..."
 * ```
 * @since 0.1.0
 */
export function qrPayload(labelInput: DeviceLabel, baseUrl: string): Result<string> {
  // The label is checked as parseLabel checks it: its digest is of the label as read, once.
  const checked = parseLabel(labelInput);
  if (!checked.ok) return checked;
  const label = checked.value;
  if (typeof baseUrl !== "string" || !qrBaseUrlPattern.test(baseUrl)) {
    return fail([
      issue("invalid-format", "The base URL must be an https:// URL without query or fragment.", ["baseUrl"]),
    ]);
  }
  const base = asciiUrl(withoutTrailingSlashes(baseUrl));
  if (base === undefined)
    return fail([issue("invalid-format", "The base URL holds a lone surrogate, which no URL can carry.", ["baseUrl"])]);
  if (base.length > qrBaseUrlMaxLength)
    return fail([
      issue(
        "too-big",
        `The base URL takes ${base.length} characters once percent-encoded; a QR code leaves room for ${qrBaseUrlMaxLength}.`,
        ["baseUrl"],
      ),
    ]);
  const digest = sha256OfText(payloadOf(label)).slice(0, 16);
  return ok(`${base}/${encodeURIComponent(label.id)}/v${label.schemaVersion}?d=${digest}`);
}
