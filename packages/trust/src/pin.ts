import { fail, issue, ok, type PathSegment, parseWith, type Result } from "@miotsec/core";
import { pathText } from "@miotsec/core/internal";
import { type CryptoKey, importJWK } from "jose";
import { algorithmOf, type Jwks, jwksSchema, keyMembers, type SignatureAlgorithm } from "./keys.js";

/** One pinned key as a verification uses it. */
export interface PinnedKey {
  /** The algorithm its type and curve are for; undefined for a kind no label signature uses. */
  readonly algorithm: SignatureAlgorithm | undefined;
  /** The key's own `alg` member, where it has one. */
  readonly declaredAlg: string | undefined;
  /** The imported public key, where the kind is one a label signature uses. */
  readonly key: CryptoKey | undefined;
}

/**
 * A JWK Set imported once, for verifying many labels and status documents against the same
 * keys: make it with {@link pinKeys} and pass it as `keys` to `verifyLabel`. Opaque: only
 * {@link pinKeys} makes one, and an object that merely looks like one is refused.
 *
 * @since 0.2.0
 */
export interface PinnedKeys {
  /** The number of keys in the set. */
  readonly size: number;
  /** The key ids, in the set's order. */
  readonly kids: readonly string[];
}

const byKidOf = new WeakMap<PinnedKeys, ReadonlyMap<string, readonly PinnedKey[]>>();

/** The keys of a pinned set by `kid`, or undefined when the object was not made by {@link pinKeys}. */
export function keysOf(pinned: unknown): ReadonlyMap<string, readonly PinnedKey[]> | undefined {
  return typeof pinned === "object" && pinned !== null ? byKidOf.get(pinned as PinnedKeys) : undefined;
}

/** Whether a value is a set of keys {@link pinKeys} made. */
export function isPinnedKeys(value: unknown): value is PinnedKeys {
  return keysOf(value) !== undefined;
}

/**
 * Imports a JWK Set (RFC 7517 §5) of public keys once, for verifying many labels against it.
 * `verifyLabel` takes a JWKS as well and imports it on every call; a set pinned here is imported
 * once, which saves most of a verification's time when the same keys verify many labels.
 *
 * Keys of a kind no label signature uses (RSA, symmetric, another curve) and keys sharing a
 * `kid` are kept: a signature naming them gets its reason (`key-not-allowed`, `duplicate-kid`)
 * when it is verified. Only the public members of a key are imported, so a set that holds a
 * private key by mistake still verifies. A set that is not a JWKS, and a key whose members do
 * not make a key, are answered with issues.
 *
 * @example
 * ```ts
 * import { pinKeys, verifyLabel } from "@miotsec/trust";
 * declare const jwks: import("@miotsec/trust").Jwks;
 * declare const labels: import("@miotsec/label").DeviceLabel[];
 * const pinned = await pinKeys(jwks);
 * if (pinned.ok) for (const label of labels) await verifyLabel(label, { keys: pinned.value, asOf: "2026-12-02" });
 * ```
 * @since 0.2.0
 */
export function pinKeys(jwks: Jwks): Promise<Result<PinnedKeys>> {
  return pinAt(jwks, ["jwks"]);
}

/** {@link pinKeys} of a JWKS found at a path of the caller's arguments, which its issues name. */
export async function pinAt(jwks: unknown, at: readonly PathSegment[]): Promise<Result<PinnedKeys>> {
  const given = parseWith(jwksSchema, jwks, { path: [...at] });
  if (!given.ok) return given;
  const byKid = new Map<string, PinnedKey[]>();
  for (const [i, jwk] of given.value.keys.entries()) {
    const algorithm = algorithmOf(jwk);
    let key: CryptoKey | undefined;
    if (algorithm !== undefined) {
      try {
        key = (await importJWK(keyMembers(jwk, false), algorithm)) as CryptoKey;
      } catch {
        const path = [...at, "keys", i];
        return fail([
          issue("invalid-value", `${pathText(path)} is not a usable key: its members do not make one.`, path),
        ]);
      }
    }
    const entry: PinnedKey = { algorithm, declaredAlg: jwk.alg, key };
    byKid.set(jwk.kid, [...(byKid.get(jwk.kid) ?? []), entry]);
  }
  const pinned: PinnedKeys = Object.freeze({
    size: given.value.keys.length,
    kids: Object.freeze(given.value.keys.map((k) => k.kid)),
  });
  byKidOf.set(pinned, byKid);
  return ok(pinned);
}
