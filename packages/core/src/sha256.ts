import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";
import { argumentIssue } from "./issue.js";
import { fail, ok, type Result } from "./result.js";

// The most bytes `sha256Hex` copies from a byte array: 256 MiB.
const maxBytes = 2 ** 28;

/**
 * The SHA-256 digest of a string (encoded as UTF-8) or of bytes, as 64 lower-case hex digits.
 * The hash is `@noble/hashes` (audited, synchronous, the same in browsers), so that content
 * digests need neither Node's crypto nor the asynchronous Web Crypto API. Bytes are copied
 * once before they are hashed; anything other than a string or a `Uint8Array` is answered with
 * an `invalid-argument` issue.
 *
 * @example
 * ```ts
 * import { sha256Hex } from "@miotsec/core";
 * sha256Hex("abc"); // { ok: true, value: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" }
 * ```
 * @since 0.1.0
 */
export function sha256Hex(input: string | Uint8Array): Result<string> {
  if (typeof input === "string") return ok(sha256OfText(input));
  const refused = fail([argumentIssue("sha256Hex", "the input must be a string or a Uint8Array")]);
  try {
    if (!(input instanceof Uint8Array) || input.length > maxBytes) return refused;
    return ok(bytesToHex(sha256(Uint8Array.from(input))));
  } catch {
    return refused;
  }
}

/**
 * The SHA-256 digest of a string, encoded as UTF-8, as 64 lower-case hex digits: for miotsec's
 * packages, which hash text they made; {@link sha256Hex} checks its argument first.
 *
 * @example
 * ```ts
 * import { sha256OfText } from "@miotsec/core/internal";
 * sha256OfText("abc"); // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
 * ```
 * @since 0.2.0
 */
export function sha256OfText(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
