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
  /**
   * The public key, imported: by {@link pinKeys} at once, for a JWK Set passed to `verifyLabel`
   * when a signature names it. Undefined for a kind no label signature uses, and for a key whose
   * members make no key.
   */
  readonly key: () => Promise<CryptoKey | undefined>;
  /** Where the key is in the caller's arguments, for the issue of a key whose members make no key. */
  readonly path: readonly PathSegment[];
}

/** The keys of a set by `kid`. */
export type KeysByKid = ReadonlyMap<string, readonly PinnedKey[]>;

/** Imports the public members of a key, or undefined when they make no key. */
async function imported(jwk: Jwks["keys"][number], algorithm: SignatureAlgorithm): Promise<CryptoKey | undefined> {
  try {
    return (await importJWK(keyMembers(jwk, false), algorithm)) as CryptoKey;
  } catch {
    return undefined;
  }
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

const byKidOf = new WeakMap<PinnedKeys, KeysByKid>();

/** The keys of a pinned set by `kid`, or undefined when the object was not made by {@link pinKeys}. */
export function keysOf(pinned: unknown): KeysByKid | undefined {
  return typeof pinned === "object" && pinned !== null ? byKidOf.get(pinned as PinnedKeys) : undefined;
}

/**
 * Imports a JWK Set (RFC 7517 §5) of public keys once, for verifying many labels against it.
 * `verifyLabel` takes a JWKS as well and imports, on every call, the keys its signatures name; a
 * set pinned here is imported once, which takes about 40 % off each verification when the same
 * keys verify many labels (`docs/benchmarks.md`).
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
export async function pinKeys(jwks: Jwks): Promise<Result<PinnedKeys>> {
  const given = keysAt(jwks, ["jwks"]);
  if (!given.ok) return given;
  // Every key imported now: a key whose members make no key is an issue here, not when used.
  for (const keys of given.value.byKid.values())
    for (const pinned of keys)
      if (pinned.algorithm !== undefined && (await pinned.key()) === undefined)
        return fail([
          issue("invalid-value", `${pathText(pinned.path)} is not a usable key: its members do not make one.`, [
            ...pinned.path,
          ]),
        ]);
  const pinned: PinnedKeys = Object.freeze({ size: given.value.kids.length, kids: Object.freeze(given.value.kids) });
  byKidOf.set(pinned, given.value.byKid);
  return ok(pinned);
}

/**
 * The keys of a JWKS found at a path of the caller's arguments, by `kid`, each imported the
 * first time it is asked for, once.
 */
export function keysAt(jwks: unknown, at: readonly PathSegment[]): Result<{ byKid: KeysByKid; kids: string[] }> {
  const given = parseWith(jwksSchema, jwks, { path: [...at] });
  if (!given.ok) return given;
  const byKid = new Map<string, PinnedKey[]>();
  for (const [i, jwk] of given.value.keys.entries()) {
    const algorithm = algorithmOf(jwk);
    let once: Promise<CryptoKey | undefined> | undefined;
    const key = () => {
      if (algorithm === undefined) return Promise.resolve(undefined);
      once ??= imported(jwk, algorithm);
      return once;
    };
    const entry: PinnedKey = { algorithm, declaredAlg: jwk.alg, key, path: [...at, "keys", i] };
    byKid.set(jwk.kid, [...(byKid.get(jwk.kid) ?? []), entry]);
  }
  return ok({ byKid, kids: given.value.keys.map((k) => k.kid) });
}
