import { fail, isoDateSchema, issue, ok, parseWith, type Result } from "@miotsec/core";
import { memberApart, sha256OfText, withoutSchemaKey } from "@miotsec/core/internal";
import { type DeviceLabel, parseLabel } from "@miotsec/label";
import { payloadOf } from "@miotsec/label/internal";
import * as z from "zod/mini";
import { type SignatureVerification, standing, verifySignatures } from "./jws.js";
import type { Jwks } from "./keys.js";
import { type KeysByKid, keysAt, keysOf, type PinnedKeys } from "./pin.js";
import { type QrMatch, qrMatchOf } from "./qr.js";
import { labelSignatureType } from "./sign.js";
import {
  type LabelStatus,
  type LabelStatusValue,
  labelStatusSchema,
  labelStatusSignatureType,
  statusPayloadOf,
} from "./status.js";

/**
 * What a label status document passed to {@link verifyLabel} says, and whether it counts.
 *
 * @since 0.2.0
 */
export interface StatusVerification {
  /** What it says of the label. */
  readonly status: LabelStatusValue;
  /** Whether it names this label: its id and its digest. */
  readonly appliesTo: boolean;
  /** Whether its signatures stand against the pinned keys, as a label's do. */
  readonly verified: boolean;
  /** Whether the verification's date is after its `nextUpdate`: a newer status should exist. */
  readonly stale: boolean;
  /** When it was issued. */
  readonly issued: string;
  /** When the next status document is due. */
  readonly nextUpdate: string;
  /** The newer label, where it says `superseded` and names one. */
  readonly successor?: { readonly digest?: string; readonly url?: string };
  /** Its reason, for people. */
  readonly reason?: string;
  /** Each of its signatures, in its order. */
  readonly signatures: readonly SignatureVerification[];
}

/**
 * The verification of a label: its signatures, and, where they were passed in, its status and
 * whether a QR payload names it.
 *
 * @since 0.2.0
 */
export interface LabelVerification {
  /**
   * Whether the label stands: at least one signature verifies, and every other one either
   * verifies or is by a key the JWKS does not pin (`unknown-kid`): a signer the verifier does not
   * know is not evidence against the label, a signature that fails is. Where a status document
   * was passed in, it must name this label, its signatures must stand, and it must not say
   * `withdrawn` or `revoked`; a stale status is reported, and does not change this.
   */
  readonly valid: boolean;
  /** The label's digest (`labelDigest` of `@miotsec/label`), which every signature covers. */
  readonly digest: string;
  /** Each signature, in the label's order. */
  readonly signatures: readonly SignatureVerification[];
  /** The status document's verdict, where one was passed in. */
  readonly status?: StatusVerification;
  /** Whether the QR payload passed in names this label, where one was. */
  readonly qr?: QrMatch;
}

/**
 * Options of {@link verifyLabel}.
 *
 * @since 0.2.0
 */
export interface VerifyOptions {
  /**
   * The pinned public keys: a JWK Set (RFC 7517 §5), each key with its `kid`, or the same set
   * imported once by `pinKeys`, which is faster when many labels are verified.
   */
  readonly keys: Jwks | PinnedKeys;
  /** The date of the verification (`YYYY-MM-DD`), which a status is judged on: the library never reads a clock. */
  readonly asOf: string;
  /** A label status document for this label, signed by a pinned key, to fold into the verdict. */
  readonly status?: LabelStatus;
  /** A scanned QR payload, to report whether it names this label. */
  readonly qr?: string;
}

const optionsSchema = z.strictObject({
  asOf: isoDateSchema,
  status: z.optional(labelStatusSchema),
  qr: z.optional(z.string().check(z.maxLength(4096))),
});

/** The `keys` of the options apart from the rest, each read once; a throwing getter is an issue. */
function splitOptions(options: unknown): Result<{ keys: unknown; rest: Record<string, unknown> }> {
  if (typeof options !== "object" || options === null || Array.isArray(options))
    return fail([issue("invalid-type", "$.options must be an object with keys and asOf.", ["options"])]);
  const apart = memberApart(options, "keys");
  if (apart === undefined)
    return fail([
      issue("unreadable-input", "$.options could not be read as plain data (a getter or proxy threw).", ["options"]),
    ]);
  return ok({ keys: apart.member, rest: apart.rest });
}

/** A status's successor without members it leaves out. */
function successorOf(successor: NonNullable<LabelStatus["successor"]>): { digest?: string; url?: string } {
  return {
    ...(successor.digest === undefined ? {} : { digest: successor.digest }),
    ...(successor.url === undefined ? {} : { url: successor.url }),
  };
}

/** The keys the options name: a set made by `pinKeys` as it is, a JWKS read now and imported as used. */
function keysFrom(keys: unknown): Result<KeysByKid> {
  const pinned = keysOf(keys);
  if (pinned !== undefined) return ok(pinned);
  const read = keysAt(keys, ["options", "keys"]);
  return read.ok ? ok(read.value.byKid) : read;
}

/**
 * Verifies a label's signatures (made by `signLabel`, or by any JWS library following the
 * same format) offline, against pinned public keys: each signature's `kid` names its key in the
 * JWKS, its `alg` must be `ES256` or `EdDSA` and fit the key, its header must be a label
 * signature's, and it must be over this label's canonical JSON without signatures. Every way a
 * signature can fail gives `valid: false` with a stable `reason` ({@link SignatureFailure}),
 * never a throw. A label without signatures is not valid.
 *
 * A label status document (`status`) is folded in: verified against the same keys, it must
 * name this label, and a label it says is `withdrawn` or `revoked` is not valid; a status past
 * its `nextUpdate` on `asOf` is reported as stale. A scanned QR payload (`qr`) is reported as
 * naming this label or not, with the reason.
 *
 * Asynchronous, as Web Crypto is. A label that does not parse, keys, dates, a status or a QR
 * payload that are not what they say, and a protected header that is not base64url of a JSON
 * object with `alg` and `kid` are answered with issues.
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
  const split = splitOptions(options);
  const rest = split.ok ? parseWith(optionsSchema, split.value.rest, { path: ["options"] }) : split;
  const keys = split.ok ? keysFrom(split.value.keys) : split;
  const issues = [parsed, rest, keys].flatMap((r) => (r.ok ? [] : r.issues));
  if (!parsed.ok || !rest.ok || !keys.ok) return fail(split.ok ? issues : [...new Set(issues)]);
  const payload = payloadOf(parsed.value);
  const digest = sha256OfText(payload);
  const signatures = await verifySignatures(parsed.value.signatures ?? [], payload, labelSignatureType, keys.value, []);
  if (!signatures.ok) return signatures;
  const { asOf, qr } = rest.value;
  const given = rest.value.status === undefined ? undefined : withoutSchemaKey(rest.value.status);
  let status: StatusVerification | undefined;
  if (given !== undefined) {
    const statusSignatures = await verifySignatures(
      given.signatures ?? [],
      statusPayloadOf(given),
      labelStatusSignatureType,
      keys.value,
      ["options", "status"],
    );
    if (!statusSignatures.ok) return statusSignatures;
    status = {
      status: given.status,
      appliesTo: given.label.id === parsed.value.id && given.label.digest === digest,
      verified: standing(statusSignatures.value),
      stale: asOf > given.nextUpdate,
      issued: given.issued,
      nextUpdate: given.nextUpdate,
      ...(given.successor === undefined ? {} : { successor: successorOf(given.successor) }),
      ...(given.reason === undefined ? {} : { reason: given.reason }),
      signatures: statusSignatures.value,
    };
  }
  const statusStands =
    status === undefined ||
    (status.appliesTo && status.verified && status.status !== "withdrawn" && status.status !== "revoked");
  return ok({
    valid: standing(signatures.value) && statusStands,
    digest,
    signatures: signatures.value,
    ...(status === undefined ? {} : { status }),
    ...(qr === undefined
      ? {}
      : { qr: qrMatchOf(qr, { id: parsed.value.id, schemaVersion: parsed.value.schemaVersion, digest }) }),
  });
}
