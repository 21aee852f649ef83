import * as z from "zod/mini";

/**
 * The algorithms a label signature may use: ECDSA on P-256 with SHA-256 (`ES256`) and Ed25519
 * (`EdDSA`). Nothing else is accepted: no `none`, no HMAC (a shared secret proves nothing of
 * who signed), no RSA.
 *
 * @example
 * ```ts
 * import { signatureAlgorithms } from "@miotsec/trust";
 * signatureAlgorithms; // ["ES256", "EdDSA"]
 * ```
 * @since 0.2.0
 */
export const signatureAlgorithms = ["ES256", "EdDSA"] as const;

/**
 * A signature algorithm; see {@link signatureAlgorithms}.
 *
 * @since 0.2.0
 */
export type SignatureAlgorithm = (typeof signatureAlgorithms)[number];

/**
 * Who signs a label: its `manufacturer`, a `test-lab` that checked it, or a `hospital` that
 * vouches for it in its own fleet.
 *
 * @example
 * ```ts
 * import { signerRoles } from "@miotsec/trust";
 * signerRoles; // ["manufacturer", "test-lab", "hospital"]
 * ```
 * @since 0.2.0
 */
export const signerRoles = ["manufacturer", "test-lab", "hospital"] as const;

/**
 * A signer's role; see {@link signerRoles}.
 *
 * @since 0.2.0
 */
export type SignerRole = (typeof signerRoles)[number];

const b64 = (max: number) => z.string().check(z.minLength(1), z.maxLength(max), z.regex(/^[A-Za-z0-9_-]+$/));
const kid = z.string().check(z.minLength(1), z.maxLength(200));

/**
 * A public or private JSON Web Key (RFC 7517) of the kinds a label signature uses, as read: an
 * EC key on P-256 or an OKP key on Ed25519. Any other member passes; an RSA or symmetric key
 * is refused where it is used, with a reason.
 */
/**
 * @example
 * ```ts
 * import { jwkSchema } from "@miotsec/trust";
 * jwkSchema.safeParse({ kty: "OKP", crv: "Ed25519", x: "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo" }).success; // true
 * ```
 * @since 0.2.0
 */
export const jwkSchema = z.looseObject({
  kty: z.string().check(z.minLength(1), z.maxLength(10)),
  kid: z.optional(kid),
  crv: z.optional(z.string().check(z.maxLength(20))),
  x: z.optional(b64(200)),
  y: z.optional(b64(200)),
  d: z.optional(b64(200)),
  alg: z.optional(z.string().check(z.maxLength(20))),
});

/**
 * A JSON Web Key; see {@link jwkSchema}.
 *
 * @since 0.2.0
 */
export type Jwk = z.infer<typeof jwkSchema>;

/** A JWK Set (RFC 7517 §5) of public keys, each with its `kid`. */
/**
 * @example
 * ```ts
 * import { jwksSchema } from "@miotsec/trust";
 * jwksSchema.safeParse({ keys: [] }).success; // true
 * ```
 * @since 0.2.0
 */
export const jwksSchema = z.strictObject({
  keys: z.array(z.extend(jwkSchema, { kid })).check(z.maxLength(10_000)),
});

/**
 * A JWK Set; see {@link jwksSchema}.
 *
 * @since 0.2.0
 */
export type Jwks = z.infer<typeof jwksSchema>;

/**
 * The members of a key that make it, and only those (`kty`, `crv`, `x`, `y`, and `d` where
 * `private`): what is imported, so that no other member changes how the key is used.
 */
export function keyMembers(key: Jwk, withPrivate: boolean): { kty: string; [member: string]: string } {
  const out: { kty: string; [member: string]: string } = { kty: key.kty };
  for (const member of withPrivate ? (["crv", "x", "y", "d"] as const) : (["crv", "x", "y"] as const)) {
    const value = key[member];
    if (value !== undefined) out[member] = value;
  }
  return out;
}

/** The algorithm a key is for, by its type and curve, or undefined for any other key. */
export function algorithmOf(key: {
  readonly kty: string;
  readonly crv?: string | undefined;
}): SignatureAlgorithm | undefined {
  if (key.kty === "EC" && key.crv === "P-256") return "ES256";
  if (key.kty === "OKP" && key.crv === "Ed25519") return "EdDSA";
  return undefined;
}
