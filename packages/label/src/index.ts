/**
 * The device label of "Improving IT Security of Medical IoT Devices: A Maturity Evaluation and
 * a Labeling Approach" (§V): {@link deviceLabelSchema} puts the IoT Components Facts Label
 * (Table I), data practices, security facts, lifecycle facts, the runtime profile and the QR
 * target into one versioned document; {@link parseLabel}, {@link migrateLabel},
 * {@link labelJsonSchema} and {@link qrPayload} work with it.
 *
 * @packageDocumentation
 */

export { type CyberTrustMarkOptions, toCyberTrustMark } from "./cyber-trust-mark.js";
export { toCycloneDx } from "./cyclonedx.js";
export { type DeclaredProtection, declaredProtection } from "./declared-protection.js";
export { type LabelIssueCode, labelIssueCodes } from "./issue-codes.js";
export {
  type DeviceLabel,
  deviceLabelSchema,
  disclosedFieldPaths,
  labelSchemaVersion,
  labelSignatureSchema,
  withheld,
} from "./label.js";
export { type Layer, layerRegistry } from "./layers.js";
export { type MudExport, type MudOptions, toMud } from "./mud.js";
export {
  labelDigest,
  labelJsonSchema,
  labelPayload,
  migrateLabel,
  parseLabel,
  qrPayload,
} from "./parse-label.js";
export { qrBaseUrlMaxLength, qrPayloadMaxBytes } from "./url.js";
