import { fail, type Issue, issue, ok, type PathSegment, parseWith, type Result } from "@miotsec/core";
import { pathText } from "@miotsec/core/internal";
import type { labelSignatureSchema } from "@miotsec/label";
import { base64url, type CryptoKey, FlattenedSign, flattenedVerify } from "jose";
import * as z from "zod/mini";
import type { SignatureAlgorithm, SignerRole } from "./keys.js";
import { signerRoles } from "./keys.js";
import type { KeysByKid, PinnedKey } from "./pin.js";

/** A signature as a label or a status document carries it. */
export type LabelSignature = z.infer<typeof labelSignatureSchema>;

/**
 * Why a signature does not stand, as a stable code:
 * - `unknown-kid`: no key of the JWKS has its `kid`;
 * - `duplicate-kid`: more than one key has it, so which one signed is not known;
 * - `alg-not-allowed`: its `alg` is none of `ES256` and `EdDSA` (`none`, HMAC, RSA, ...);
 * - `key-not-allowed`: the key with its `kid` is of a kind no label signature uses (RSA, a
 *   symmetric key, another curve);
 * - `key-mismatch`: the key is of another type than the `alg` says;
 * - `header-not-allowed`: the header is not a label signature's (`typ` is not
 *   `miotsec-label+jws`, or `miotsec-label-status+jws` on a status document, the `miotsec`
 *   claim is missing or wrong, or it has a `crit`: miotsec understands no extension, and RFC 7515
 *   forbids an empty one);
 * - `bad-signature`: the signature is not over this document by this key: the document was
 *   changed, or the signature is of another one.
 *
 * @since 0.2.0
 */
export type SignatureFailure =
  | "unknown-kid"
  | "duplicate-kid"
  | "alg-not-allowed"
  | "key-not-allowed"
  | "key-mismatch"
  | "header-not-allowed"
  | "bad-signature";

/**
 * What one signature says and whether it stands.
 *
 * @since 0.2.0
 */
export interface SignatureVerification {
  /** The key id of its protected header. */
  readonly kid: string;
  /** Its algorithm, as its protected header gives it. */
  readonly alg: string;
  /** The signer's role, where the header gives a valid one. */
  readonly role?: SignerRole;
  /** The signer's name, where the header gives one. */
  readonly signer?: string;
  /** Whether it verifies with the pinned key of its `kid`. */
  readonly valid: boolean;
  /** Why not, where it does not. */
  readonly reason?: SignatureFailure;
}

/** The protected header as a signature carries it; anything else is a reason, not an issue. */
const headerSchema = z.looseObject({
  alg: z.string().check(z.maxLength(50)),
  kid: z.string().check(z.minLength(1), z.maxLength(200)),
  typ: z.optional(z.string().check(z.maxLength(100))),
  crit: z.optional(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(20))),
  miotsec: z.optional(z.unknown()),
});
type Header = z.infer<typeof headerSchema>;

const claimSchema = z.strictObject({
  role: z.enum(signerRoles),
  signer: z.string().check(z.minLength(1), z.maxLength(200)),
});

/** The protected header decoded, or undefined when it is not base64url of a JSON object. */
function decodeHeader(encoded: string): unknown {
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(base64url.decode(encoded)));
  } catch {
    return undefined;
  }
}

/** Signs a payload: the flattened JWS with the payload left out (RFC 7515 Appendix F). */
export async function signPayload(
  payload: string,
  key: CryptoKey,
  header: { alg: SignatureAlgorithm; kid: string; typ: string; role: SignerRole; signer: string },
): Promise<LabelSignature> {
  const { alg, kid, typ, role, signer } = header;
  const jws = await new FlattenedSign(new TextEncoder().encode(payload))
    .setProtectedHeader({ alg, kid, typ, miotsec: { role, signer } })
    .sign(key);
  return { protected: jws.protected as string, signature: jws.signature };
}

/**
 * Verifies the signatures of a document over its payload against pinned keys. A protected
 * header that is not base64url of a JSON object with `alg` and `kid` is an issue at
 * `<at>.signatures[i].protected`; every other way a signature fails is a reason.
 */
export async function verifySignatures(
  signatures: readonly LabelSignature[],
  payload: string,
  typ: string,
  keys: KeysByKid,
  at: readonly PathSegment[],
): Promise<Result<SignatureVerification[]>> {
  const headers: Header[] = [];
  const malformed: Issue[] = [];
  for (const [i, signature] of signatures.entries()) {
    const header = parseWith(headerSchema, decodeHeader(signature.protected));
    if (header.ok) headers.push(header.value);
    else {
      const path = [...at, "signatures", i, "protected"];
      malformed.push(
        issue("invalid-format", `${pathText(path)} must be base64url of a JSON object with alg and kid.`, path),
      );
    }
  }
  if (malformed.length > 0) return fail(malformed);
  const encodedPayload = base64url.encode(payload);
  const results: SignatureVerification[] = [];
  for (const [i, signature] of signatures.entries()) {
    const header = headers[i] as Header;
    const claim = claimSchema.safeParse(header.miotsec);
    const about = {
      kid: header.kid,
      alg: header.alg,
      ...(claim.success ? { role: claim.data.role, signer: claim.data.signer } : {}),
    };
    const reason = await failureOf(header, typ, claim.success, keys.get(header.kid), {
      protected: signature.protected,
      signature: signature.signature,
      payload: encodedPayload,
    });
    if (typeof reason === "object")
      return fail([
        issue("invalid-value", `${pathText(reason.malformed)} is not a usable key: its members do not make one.`, [
          ...reason.malformed,
        ]),
      ]);
    results.push(reason === undefined ? { ...about, valid: true } : { ...about, valid: false, reason });
  }
  return ok(results);
}

/**
 * Whether signatures stand together: at least one verifies, and every other one either verifies
 * or is by a key the verifier does not pin (`unknown-kid`): a signer the verifier does not know is
 * not evidence against a document, a signature that fails is.
 */
export function standing(signatures: readonly SignatureVerification[]): boolean {
  return signatures.some((s) => s.valid) && signatures.every((s) => s.valid || s.reason === "unknown-kid");
}

/** Why one signature does not stand, checked from the cheapest to the signature itself. */
async function failureOf(
  header: Header,
  typ: string,
  claimValid: boolean,
  keys: readonly PinnedKey[] | undefined,
  jws: { protected: string; signature: string; payload: string },
): Promise<SignatureFailure | { readonly malformed: readonly PathSegment[] } | undefined> {
  if (header.alg !== "ES256" && header.alg !== "EdDSA") return "alg-not-allowed";
  // No extension is understood, and an empty `crit` is not allowed (RFC 7515 §4.1.11): any `crit` is refused.
  if (header.typ !== typ || !claimValid || header.crit !== undefined) return "header-not-allowed";
  if (keys === undefined) return "unknown-kid";
  if (keys.length > 1) return "duplicate-kid";
  const pinned = keys[0] as PinnedKey;
  if (pinned.algorithm === undefined) return "key-not-allowed";
  if (pinned.algorithm !== header.alg || (pinned.declaredAlg !== undefined && pinned.declaredAlg !== header.alg))
    return "key-mismatch";
  const key = await pinned.key();
  if (key === undefined) return { malformed: pinned.path };
  try {
    await flattenedVerify(jws, key, { algorithms: [pinned.algorithm] });
    return undefined;
  } catch {
    return "bad-signature";
  }
}
