import { fail, isoDateSchema, issue, ok, parseWith, type Result } from "@miotsec/core";
import { sha256OfText } from "@miotsec/core/internal";
import { type DeviceLabel, labelPayload, parseLabel } from "@miotsec/label";
import { base64url, flattenedVerify, importJWK } from "jose";
import * as z from "zod/mini";
import {
  algorithmOf,
  type Jwks,
  jwksSchema,
  keyMembers,
  type SignatureAlgorithm,
  type SignerRole,
  signerRoles,
} from "./keys.js";
import { labelSignatureType } from "./sign.js";

/**
 * Why a signature does not stand, as a stable code:
 * - `unknown-kid`: no key of the JWKS has its `kid`;
 * - `duplicate-kid`: more than one key has it, so which one signed is not known;
 * - `alg-not-allowed`: its `alg` is none of `ES256` and `EdDSA` (`none`, HMAC, RSA, ...);
 * - `key-not-allowed`: the key with its `kid` is of a kind no label signature uses (RSA, a
 *   symmetric key, another curve);
 * - `key-mismatch`: the key is of another type than the `alg` says;
 * - `header-not-allowed`: the header is not a label signature's (`typ` is not
 *   `miotsec-label+jws`, the `miotsec` claim is missing or wrong, or `crit` is not empty);
 * - `bad-signature`: the signature is not over this label by this key: the label was changed,
 *   or the signature is of another label.
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
 * What one signature of a label says and whether it stands.
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

/**
 * The verification of a label's signatures.
 *
 * @since 0.2.0
 */
export interface LabelVerification {
  /**
   * Whether the label stands: at least one signature verifies, and every other one either
   * verifies or is by a key the JWKS does not pin (`unknown-kid`): a signer the verifier does not
   * know is not evidence against the label, a signature that fails is.
   */
  readonly valid: boolean;
  /** The label's digest (`labelDigest` of `@miotsec/label`), which every signature covers. */
  readonly digest: string;
  /** Each signature, in the label's order. */
  readonly signatures: readonly SignatureVerification[];
}

/**
 * Options of {@link verifyLabel}.
 *
 * @since 0.2.0
 */
export interface VerifyOptions {
  /** The pinned public keys, a JWK Set (RFC 7517 §5); each key has its `kid`. */
  readonly keys: Jwks;
  /**
   * The date of the verification (`YYYY-MM-DD`); the library never reads a clock. A label
   * status, which a later release folds in, is judged on it.
   */
  readonly asOf: string;
}

const optionsSchema = z.strictObject({ keys: jwksSchema, asOf: isoDateSchema });

/** The protected header as a label signature carries it; anything else is a reason, not an issue. */
const headerSchema = z.looseObject({
  alg: z.string().check(z.maxLength(50)),
  kid: z.string().check(z.minLength(1), z.maxLength(200)),
  typ: z.optional(z.string().check(z.maxLength(100))),
  crit: z.optional(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(20))),
  miotsec: z.optional(z.unknown()),
});

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

/**
 * Verifies a label's signatures (made by {@link signLabel}, or by any JWS library following the
 * same format) offline, against pinned public keys: each signature's `kid` names its key in the
 * JWKS, its `alg` must be `ES256` or `EdDSA` and fit the key, its header must be a label
 * signature's, and it must be over this label's canonical JSON without signatures. Every way a
 * signature can fail gives `valid: false` with a stable `reason` ({@link SignatureFailure}),
 * never a throw. A label without signatures is not valid.
 *
 * Asynchronous, as Web Crypto is. A label that does not parse, a JWKS or date that is not one,
 * and a protected header that is not base64url of a JSON object with `alg` and `kid` are answered
 * with issues.
 *
 * @example
 * ```ts
 * import { verifyLabel } from "@miotsec/trust";
 * declare const label: import("@miotsec/label").DeviceLabel;
 * declare const keys: import("@miotsec/trust").Jwks;
 * const r = await verifyLabel(label, { keys, asOf: "2026-12-02" });
 * if (r.ok) r.value.signatures.map((s) => s.reason ?? "valid");
 * ```
 * @since 0.2.0
 */
export async function verifyLabel(label: DeviceLabel, options: VerifyOptions): Promise<Result<LabelVerification>> {
  const parsed = parseLabel(label);
  const given = parseWith(optionsSchema, options, { path: ["options"] });
  if (!parsed.ok || !given.ok) return fail([...(parsed.ok ? [] : parsed.issues), ...(given.ok ? [] : given.issues)]);
  const signatures = parsed.value.signatures ?? [];
  const headers = signatures.map((s) => parseWith(headerSchema, decodeHeader(s.protected)));
  const malformed = headers.flatMap((h, i) =>
    h.ok
      ? []
      : [
          issue("invalid-format", `$.signatures[${i}].protected must be base64url of a JSON object with alg and kid.`, [
            "signatures",
            i,
            "protected",
          ]),
        ],
  );
  if (malformed.length > 0) return fail(malformed);
  const payload = labelPayload(parsed.value);
  if (!payload.ok) return payload;
  // The digest is labelDigest's, of the payload at hand: the label is not read a third time.
  const digest = sha256OfText(payload.value);
  const encodedPayload = base64url.encode(payload.value);
  const byKid = new Map<string, Jwks["keys"]>();
  for (const key of given.value.keys.keys) byKid.set(key.kid, [...(byKid.get(key.kid) ?? []), key]);
  const results: SignatureVerification[] = [];
  for (const [i, signature] of signatures.entries()) {
    const header = (headers[i] as { ok: true; value: z.infer<typeof headerSchema> }).value;
    const claim = claimSchema.safeParse(header.miotsec);
    const about = {
      kid: header.kid,
      alg: header.alg,
      ...(claim.success ? { role: claim.data.role, signer: claim.data.signer } : {}),
    };
    const reason = await failureOf(header, claim.success, byKid.get(header.kid), {
      protected: signature.protected,
      signature: signature.signature,
      payload: encodedPayload,
    });
    if (typeof reason === "object") {
      const at = given.value.keys.keys.indexOf(reason.malformed);
      return fail([
        issue("invalid-value", `$.options.keys.keys[${at}] is not a usable key: its members do not make one.`, [
          "options",
          "keys",
          "keys",
          at,
        ]),
      ]);
    }
    results.push(reason === undefined ? { ...about, valid: true } : { ...about, valid: false, reason });
  }
  const standing = results.some((s) => s.valid) && results.every((s) => s.valid || s.reason === "unknown-kid");
  return ok({ valid: standing, digest, signatures: results });
}

/** Why one signature does not stand, checked from the cheapest to the signature itself. */
async function failureOf(
  header: z.infer<typeof headerSchema>,
  claimValid: boolean,
  keys: Jwks["keys"] | undefined,
  jws: { protected: string; signature: string; payload: string },
): Promise<SignatureFailure | { readonly malformed: Jwks["keys"][number] } | undefined> {
  if (header.alg !== "ES256" && header.alg !== "EdDSA") return "alg-not-allowed";
  if (header.typ !== labelSignatureType || !claimValid || (header.crit !== undefined && header.crit.length > 0))
    return "header-not-allowed";
  if (keys === undefined) return "unknown-kid";
  if (keys.length > 1) return "duplicate-kid";
  const key = keys[0] as Jwks["keys"][number];
  const keyAlg = algorithmOf(key);
  if (keyAlg === undefined) return "key-not-allowed";
  if (keyAlg !== (header.alg as SignatureAlgorithm) || (key.alg !== undefined && key.alg !== header.alg))
    return "key-mismatch";
  let cryptoKey: Awaited<ReturnType<typeof importJWK>>;
  try {
    // Only the public part: a JWKS that holds a private key by mistake still verifies.
    cryptoKey = await importJWK(keyMembers(key, false), keyAlg);
  } catch {
    return { malformed: key };
  }
  try {
    await flattenedVerify(jws, cryptoKey, { algorithms: [keyAlg] });
    return undefined;
  } catch {
    return "bad-signature";
  }
}
