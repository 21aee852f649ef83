/**
 * Why a QR payload does not name a label, as a stable code:
 * - `not-a-label-code`: it is not a label's QR payload (`https://…/<id>/v<version>?d=<16 hex digits>`);
 * - `other-label`: it names a label with another id;
 * - `other-version`: it names the label under another schema version;
 * - `other-digest`: it names this label's id, but another content: the label was changed
 *   since the code was printed, or the code is of an earlier or later version of it.
 *
 * @since 0.2.0
 */
export type QrMismatch = "not-a-label-code" | "other-label" | "other-version" | "other-digest";

/**
 * Whether a scanned QR payload names a label.
 *
 * @since 0.2.0
 */
export interface QrMatch {
  /** Whether the payload names this label: its id, schema version and digest. */
  readonly matches: boolean;
  /** Why not, where it does not. */
  readonly reason?: QrMismatch;
}

// `qrPayload` of @miotsec/label writes `<base>/<encoded id>/v<schema version>?d=<16 hex digits>`.
const qrPattern = /^https:\/\/[^\s?#]+\/([^/?#\s]+)\/v(\d{1,6})\?d=([0-9a-f]{16})$/;

/** Whether a QR payload names the label of this id, schema version and (full) digest. */
export function qrMatchOf(qr: string, label: { id: string; schemaVersion: number; digest: string }): QrMatch {
  const parts = qr.length <= 2000 ? qrPattern.exec(qr) : null;
  let id: string | undefined;
  try {
    id = parts === null ? undefined : decodeURIComponent(parts[1] as string);
  } catch {
    id = undefined;
  }
  if (parts === null || id === undefined) return { matches: false, reason: "not-a-label-code" };
  if (id !== label.id) return { matches: false, reason: "other-label" };
  if (Number(parts[2]) !== label.schemaVersion) return { matches: false, reason: "other-version" };
  if (parts[3] !== label.digest.slice(0, 16)) return { matches: false, reason: "other-digest" };
  return { matches: true };
}
