/**
 * Signed device labels: {@link signLabel} signs a label of `@miotsec/label` with ES256 or
 * Ed25519 (a JWS in flattened JSON serialisation over the label's RFC 8785 canonical JSON), and
 * {@link verifyLabel} verifies its signatures offline against pinned public keys, with a stable
 * reason for each one that does not stand.
 *
 * @packageDocumentation
 */
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
export { labelSignatureType, type SignOptions, signLabel } from "./sign.js";
export {
  type LabelVerification,
  type SignatureFailure,
  type SignatureVerification,
  type VerifyOptions,
  verifyLabel,
} from "./verify.js";
