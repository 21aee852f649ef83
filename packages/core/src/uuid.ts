/**
 * Name-based UUIDs (version 5, SHA-1), so that documents miotsec generates (OSCAL catalogs,
 * assessment results, CycloneDX BOMs) carry stable identifiers without any randomness: the
 * same name always gives the same UUID.
 */

function sha1(message: Uint8Array): Uint8Array {
  const length = message.length;
  const words = new Uint32Array((((length + 8) >> 6) + 1) * 16);
  for (let i = 0; i < length; i++)
    words[i >> 2] = (words[i >> 2] as number) | ((message[i] as number) << (24 - (i % 4) * 8));
  words[length >> 2] = (words[length >> 2] as number) | (0x80 << (24 - (length % 4) * 8));
  words[words.length - 1] = length * 8;
  const w = new Uint32Array(80);
  let h0 = 0x67452301;
  let h1 = 0xefcdab89;
  let h2 = 0x98badcfe;
  let h3 = 0x10325476;
  let h4 = 0xc3d2e1f0;
  for (let block = 0; block < words.length; block += 16) {
    for (let t = 0; t < 16; t++) w[t] = words[block + t] as number;
    for (let t = 16; t < 80; t++) {
      const x = (w[t - 3] as number) ^ (w[t - 8] as number) ^ (w[t - 14] as number) ^ (w[t - 16] as number);
      w[t] = (x << 1) | (x >>> 31);
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    for (let t = 0; t < 80; t++) {
      const f = t < 20 ? (b & c) | (~b & d) : t < 40 ? b ^ c ^ d : t < 60 ? (b & c) | (b & d) | (c & d) : b ^ c ^ d;
      const k = t < 20 ? 0x5a827999 : t < 40 ? 0x6ed9eba1 : t < 60 ? 0x8f1bbcdc : 0xca62c1d6;
      const temp = (((a << 5) | (a >>> 27)) + f + e + k + (w[t] as number)) >>> 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = temp;
    }
    h0 = (h0 + a) >>> 0;
    h1 = (h1 + b) >>> 0;
    h2 = (h2 + c) >>> 0;
    h3 = (h3 + d) >>> 0;
    h4 = (h4 + e) >>> 0;
  }
  const out = new Uint8Array(20);
  [h0, h1, h2, h3, h4].forEach((h, i) => {
    out[i * 4] = h >>> 24;
    out[i * 4 + 1] = (h >>> 16) & 0xff;
    out[i * 4 + 2] = (h >>> 8) & 0xff;
    out[i * 4 + 3] = h & 0xff;
  });
  return out;
}

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
 * encoded as UTF-8. Throws for a namespace that is not a UUID: that is a programmer error.
 *
 * @example
 * ```ts
 * import { uuidV5 } from "@miotsec/core";
 * uuidV5("python.org", "6ba7b810-9dad-11d1-80b4-00c04fd430c8"); // "886313e1-3b8a-5372-9b90-0c9aee199e5d"
 * ```
 * @since 0.1.0
 */
export function uuidV5(name: string, namespace: string = miotsecUuidNamespace): string {
  if (!uuidPattern.test(namespace)) throw new Error(`uuidV5(): "${namespace}" is not a UUID`);
  const ns = namespace.replace(/-/g, "");
  const nameBytes = new TextEncoder().encode(name);
  const bytes = new Uint8Array(16 + nameBytes.length);
  for (let i = 0; i < 16; i++) bytes[i] = Number.parseInt(ns.slice(i * 2, i * 2 + 2), 16);
  bytes.set(nameBytes, 16);
  const hash = sha1(bytes).slice(0, 16);
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
  const hex = Array.from(hash, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
