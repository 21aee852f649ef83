import { fail, issue, ok, parseWith, type Result } from "@miotsec/core";
import { type DeviceLabel, parseLabel } from "@miotsec/label";
import { payloadOf } from "@miotsec/label/internal";
import { type CryptoKey, importJWK } from "jose";
import * as z from "zod/mini";
import { type LabelSignature, signPayload } from "./jws.js";
import {
  algorithmOf,
  type Jwk,
  jwkSchema,
  keyMembers,
  type SignatureAlgorithm,
  type SignerRole,
  signerRoles,
} from "./keys.js";

/**
 * The `typ` of a label signature's protected header.
 *
 * @since 0.2.0
 */
export const labelSignatureType = "miotsec-label+jws";

/**
 * Options of {@link signLabel} and `signLabelStatus`.
 *
 * @since 0.2.0
 */
export interface SignOptions {
  /** The signer's private key as a JWK: EC on P-256 (`ES256`) or OKP on Ed25519 (`EdDSA`). */
  readonly privateKey: Jwk;
  /** The key id a verifier looks the public key up by in its JWKS. */
  readonly kid: string;
  /** Who signs: `manufacturer`, `test-lab` or `hospital`. */
  readonly role: SignerRole;
  /** The signer's name, as a person reads it ("Example Medical GmbH"). */
  readonly signer: string;
}

const optionsSchema = z.strictObject({
  privateKey: jwkSchema,
  kid: z.string().check(z.minLength(1), z.maxLength(200)),
  role: z.enum(signerRoles),
  signer: z.string().check(z.minLength(1), z.maxLength(200), z.regex(/\S/)),
});

/** The signing key and header fields of checked options. */
interface Signing {
  readonly key: CryptoKey;
  readonly alg: SignatureAlgorithm;
  readonly kid: string;
  readonly role: SignerRole;
  readonly signer: string;
}

/** Reads and checks the options of a signing function, and imports its key. */
async function signingOf(options: unknown): Promise<Result<Signing>> {
  const given = parseWith(optionsSchema, options, { path: ["options"] });
  if (!given.ok) return given;
  const { privateKey, kid, role, signer } = given.value;
  const alg = algorithmOf(privateKey);
  if (alg === undefined || privateKey.d === undefined)
    return fail([
      issue(
        "invalid-value",
        "$.options.privateKey must be a private EC key on P-256 or a private OKP key on Ed25519.",
        ["options", "privateKey"],
      ),
    ]);
  try {
    const key = (await importJWK(keyMembers(privateKey, true), alg)) as CryptoKey;
    return ok({ key, alg, kid, role, signer });
  } catch {
    return fail([
      issue("invalid-value", "$.options.privateKey is not a usable key: its members do not make one.", [
        "options",
        "privateKey",
      ]),
    ]);
  }
}

/**
 * Signs a parsed document (a label, a label status) with checked options: one more signature
 * over `payload(document)`, with `typ` in its header. The issues of the document and of the
 * options are answered together; a document that holds 16 signatures already takes no more.
 */
export async function signParsed<T extends { readonly signatures?: readonly LabelSignature[] | undefined }>(
  parsed: Result<T>,
  options: unknown,
  payload: (document: T) => string,
  typ: string,
  kind: string,
): Promise<Result<T>> {
  const signing = await signingOf(options);
  if (!parsed.ok || !signing.ok)
    return fail([...(parsed.ok ? [] : parsed.issues), ...(signing.ok ? [] : signing.issues)]);
  const signatures = parsed.value.signatures ?? [];
  if (signatures.length >= 16)
    return fail([
      issue("too-big", `$.signatures already holds 16 signatures, as many as ${kind} takes.`, ["signatures"]),
    ]);
  const signature = await signPayload(payload(parsed.value), signing.value.key, { ...signing.value, typ });
  return ok({ ...parsed.value, signatures: [...signatures, signature] });
}

/**
 * Signs a label: returns it with one more entry in `signatures`, a JWS in flattened JSON
 * serialisation with a detached payload (RFC 7515 §7.2.2 and Appendix F). The payload is the
 * label's canonical JSON without its signatures (`labelPayload` of `@miotsec/label`); the
 * protected header carries `alg` (from the key: `ES256` or `EdDSA`), `kid`,
 * `typ: "miotsec-label+jws"` and the signer's role and name as the `miotsec` claim. Signatures
 * already there stay, so a manufacturer and a test lab can both sign.
 *
 * Asynchronous, as Web Crypto is. A label that does not parse, options that are not what they
 * say, and a key that is not a private EC P-256 or Ed25519 key are answered with issues.
 *
 * @example
 * ```ts
 * import { signLabel } from "@miotsec/trust";
 * declare const label: import("@miotsec/label").DeviceLabel;
 * declare const privateKey: import("@miotsec/trust").Jwk;
 * const signed = await signLabel(label, { privateKey, kid: "vendor-2026", role: "manufacturer", signer: "Example Medical GmbH" });
 * ```
 * @since 0.2.0
 */
export function signLabel(label: DeviceLabel, options: SignOptions): Promise<Result<DeviceLabel>> {
  return signParsed(parseLabel(label), options, payloadOf, labelSignatureType, "a label");
}
