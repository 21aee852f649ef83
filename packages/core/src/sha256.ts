import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";

/**
 * The SHA-256 digest of a string (encoded as UTF-8) or of bytes, as 64 lower-case hex digits.
 * The hash is `@noble/hashes` (audited, synchronous, the same in browsers), so that content
 * digests need neither Node's crypto nor the asynchronous Web Crypto API.
 *
 * @example
 * ```ts
 * import { sha256Hex } from "@miotsec/core";
 * sha256Hex("abc"); // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
 * ```
 * @since 0.1.0
 */
export function sha256Hex(input: string | Uint8Array): string {
  return bytesToHex(sha256(typeof input === "string" ? utf8ToBytes(input) : input));
}
