/**
 * Name-based UUIDs (version 5, SHA-1), so that documents miotsec generates (OSCAL catalogs,
 * assessment results, CycloneDX BOMs) carry stable identifiers without any randomness: the
 * same name always gives the same UUID. SHA-1 is `@noble/hashes`' (RFC 9562 asks for it here;
 * it is not used for security).
 */
import { sha1 } from "@noble/hashes/legacy";
import { hexToBytes, utf8ToBytes } from "@noble/hashes/utils";
import { argumentIssue } from "./issue.js";
import { fail, ok, type Result } from "./result.js";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The namespace of miotsec's name-based UUIDs: the version-5 UUID of the URL
 * `https://github.com/miotsec/miotsec` in the RFC 4122 URL namespace.
 *
 * @example
 * ```ts
 * import { miotsecUuidNamespace, uuidV5 } from "@miotsec/core";
 * uuidV5("catalog/miot-maturity/1.0.0", miotsecUuidNamespace);
 * ```
 * @since 0.1.0
 */
export const miotsecUuidNamespace = "5c957ef2-8ce3-55a6-bbb3-cfbe6de8e2d4";

/**
 * A version-5 (name-based, SHA-1) UUID as RFC 9562 defines it, in lower case. The name is
 * encoded as UTF-8. A name that is not text or a namespace that is not a UUID is answered with
 * an `invalid-argument` issue.
 *
 * @example
 * ```ts
 * import { uuidV5 } from "@miotsec/core";
 * uuidV5("python.org", "6ba7b810-9dad-11d1-80b4-00c04fd430c8");
 * // { ok: true, value: "886313e1-3b8a-5372-9b90-0c9aee199e5d" }
 * ```
 * @since 0.1.0
 */
export function uuidV5(name: string, namespace: string = miotsecUuidNamespace): Result<string> {
  if (typeof name !== "string") return fail([argumentIssue("uuidV5", "the name must be text", ["name"])]);
  if (typeof namespace !== "string" || !uuidPattern.test(namespace))
    return fail([argumentIssue("uuidV5", "the namespace must be a UUID", ["namespace"])]);
  return ok(uuidOf(name, namespace));
}

/**
 * {@link uuidV5} of a name in miotsec's namespace, unchecked: for miotsec's packages, which
 * name what they made.
 *
 * @example
 * ```ts
 * import { nameUuid } from "@miotsec/core/internal";
 * nameUuid("catalog/miot-maturity/1.0.0"); // the same UUID every time
 * ```
 * @since 0.2.0
 */
export function nameUuid(name: string): string {
  return uuidOf(name, miotsecUuidNamespace);
}

function uuidOf(name: string, namespace: string): string {
  const nameBytes = utf8ToBytes(name);
  const bytes = new Uint8Array(16 + nameBytes.length);
  bytes.set(hexToBytes(namespace.replace(/-/g, "")));
  bytes.set(nameBytes, 16);
  const hash = sha1(bytes).slice(0, 16);
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
  const hex = Array.from(hash, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
