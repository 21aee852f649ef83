/**
 * Signed device labels: {@link signLabel} signs a label of `@miotsec/label` with ES256 or
 * Ed25519 (a JWS in flattened JSON serialisation over the label's RFC 8785 canonical JSON),
 * {@link signLabelStatus} signs a label status document (`valid`, `superseded`, `withdrawn`,
 * `revoked`) the same way, and {@link verifyLabel} verifies a label's signatures offline against
 * pinned public keys, with a stable reason for each one that does not stand, folds a status in
 * and says whether a scanned QR payload names the label.
 *
 * @packageDocumentation
 */
export type { SignatureFailure, SignatureVerification } from "./jws.js";
export {
  type Jwk,
  type Jwks,
  jwkSchema,
  jwksSchema,
  type SignatureAlgorithm,
  type SignerRole,
  signatureAlgorithms,
  signerRoles,
} from "./keys.js";
export { type PinnedKeys, pinKeys } from "./pin.js";
export type { QrMatch, QrMismatch } from "./qr.js";
export { labelSignatureType, type SignOptions, signLabel } from "./sign.js";
export {
  type LabelStatus,
  type LabelStatusValue,
  labelStatuses,
  labelStatusJsonSchema,
  labelStatusSchema,
  labelStatusSchemaVersion,
  labelStatusSignatureType,
  parseLabelStatus,
  signLabelStatus,
} from "./status.js";
export {
  type LabelVerification,
  type StatusVerification,
  type VerifyOptions,
  verifyLabel,
} from "./verify.js";
