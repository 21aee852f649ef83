/**
 * A URL without its trailing slashes, in one pass (a `/\/+$/` replace is quadratic on a long
 * run of slashes not at the end).
 */
export function withoutTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url.charCodeAt(end - 1) === 0x2f) end--;
  return url.slice(0, end);
}

/**
 * The most bytes a QR code holds: version 40 at error correction level M, in byte mode
 * (ISO/IEC 18004, table 7). Every payload `qrPayload` returns fits.
 *
 * @example
 * ```ts
 * import { qrPayloadMaxBytes } from "@miotsec/label";
 * qrPayloadMaxBytes; // 2331
 * ```
 * @since 0.2.0
 */
export const qrPayloadMaxBytes = 2331;

/**
 * The most characters a `qrTarget` (or the base URL given to `qrPayload`) may take once its
 * characters outside ASCII are percent-encoded. What is left of a QR code's capacity
 * ({@link qrPayloadMaxBytes}) when the longest label id (200 characters), the schema version and
 * the digest are written after it is 2,108 bytes; the limit keeps a margin for longer versions.
 *
 * @example
 * ```ts
 * import { qrBaseUrlMaxLength } from "@miotsec/label";
 * qrBaseUrlMaxLength; // 2000
 * ```
 * @since 0.2.0
 */
export const qrBaseUrlMaxLength = 2000;

/**
 * A URL with every character outside printable ASCII percent-encoded as UTF-8 (`ü` is
 * `%C3%BC`), as a QR code in byte mode carries it and every reader opens it; undefined for text
 * that is not well-formed (a lone surrogate has no UTF-8 form).
 */
export function asciiUrl(url: string): string | undefined {
  let out = "";
  for (const c of url) {
    const code = c.codePointAt(0) as number;
    if (code >= 0x21 && code <= 0x7e) out += c;
    else if (code >= 0xd800 && code <= 0xdfff) return undefined;
    else out += encodeURIComponent(c);
  }
  return out;
}

/** An https URL without query or fragment: what a QR code's payload is built on. */
export const qrBaseUrlPattern = /^https:\/\/[^\s/?#]+(?:\/[^\s?#]*)?$/;
