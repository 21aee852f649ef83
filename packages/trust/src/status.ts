import { canonicalJson, httpsUrlSchema, isoDateSchema, ok, parseWith, type Result, unwrap } from "@miotsec/core";
import { schemaKey, withoutSchemaKey } from "@miotsec/core/internal";
import { labelSignatureSchema } from "@miotsec/label";
import * as z from "zod/mini";
import { type SignOptions, signParsed } from "./sign.js";

/**
 * The `typ` of a label status document's signatures.
 *
 * @since 0.2.0
 */
export const labelStatusSignatureType = "miotsec-label-status+jws";

/**
 * What a label status document may say of a label:
 * - `valid`: the label stands;
 * - `superseded`: a newer label replaces it (its `successor`); this one still stands;
 * - `withdrawn`: the manufacturer took it back (a product no longer sold, a label made in
 *   error); it no longer stands;
 * - `revoked`: it must not be relied on (a false claim, a signing key that leaked); it no longer
 *   stands.
 *
 * @example
 * ```ts
 * import { labelStatuses } from "@miotsec/trust";
 * labelStatuses; // ["valid", "superseded", "withdrawn", "revoked"]
 * ```
 * @since 0.2.0
 */
export const labelStatuses = ["valid", "superseded", "withdrawn", "revoked"] as const;

/**
 * A label's status; see {@link labelStatuses}.
 *
 * @since 0.2.0
 */
export type LabelStatusValue = (typeof labelStatuses)[number];

/**
 * The schema version of label status documents.
 *
 * @since 0.2.0
 */
export const labelStatusSchemaVersion = 1;

const hex64 = z.string().check(z.regex(/^[0-9a-f]{64}$/, { error: "must be a SHA-256 digest in lowercase hex" }));

/**
 * A label status document: whether a label still stands, said by its manufacturer (or another
 * signer the verifier pins) and signed as a label is. It names the label by its id and digest
 * (`labelDigest` of `@miotsec/label`), says `valid`, `superseded`, `withdrawn` or `revoked`,
 * with the successor's digest and URL where a newer label replaces it and a reason for people,
 * and when it was issued and when the next one will be (`nextUpdate`): a status read after that
 * date is stale, as a certificate revocation list past its next update is.
 *
 * @example
 * ```ts
 * import { labelStatusSchema } from "@miotsec/trust";
 * labelStatusSchema.safeParse({ schemaVersion: 1, label: { id: "x", digest: "0".repeat(64) }, status: "valid", issued: "2026-12-01", nextUpdate: "2027-01-01" }).success; // true
 * ```
 * @since 0.2.0
 */
export const labelStatusSchema = z
  .strictObject({
    $schema: schemaKey,
    schemaVersion: z.literal(labelStatusSchemaVersion),
    label: z.strictObject({
      id: z.string().check(z.minLength(1), z.maxLength(200)),
      digest: hex64,
    }),
    status: z.enum(labelStatuses),
    successor: z.optional(
      z.strictObject({
        digest: z.optional(hex64),
        url: z.optional(httpsUrlSchema()),
      }),
    ),
    reason: z.optional(z.string().check(z.minLength(1), z.maxLength(1000))),
    issued: isoDateSchema,
    nextUpdate: isoDateSchema,
    signatures: z.optional(z.array(labelSignatureSchema).check(z.maxLength(16))),
  })
  .check(
    z.refine((d) => d.nextUpdate >= d.issued, { error: "must not be before issued", path: ["nextUpdate"] }),
    z.refine((d) => d.successor === undefined || d.status === "superseded", {
      error: "is only for a superseded label",
      path: ["successor"],
    }),
    z.refine((d) => d.successor === undefined || d.successor.digest !== undefined || d.successor.url !== undefined, {
      error: "needs a digest, a url or both",
      path: ["successor"],
    }),
  );

/**
 * A label status document; see {@link labelStatusSchema}.
 *
 * @since 0.2.0
 */
export type LabelStatus = z.infer<typeof labelStatusSchema>;

/**
 * Parses and checks a label status document. Never throws, never mutates its input; the
 * `$schema` key a document may carry is dropped.
 *
 * @example
 * ```ts
 * import { parseLabelStatus } from "@miotsec/trust";
 * parseLabelStatus({ schemaVersion: 1 }).ok; // false
 * ```
 * @since 0.2.0
 */
export function parseLabelStatus(input: unknown): Result<LabelStatus> {
  const parsed = parseWith(labelStatusSchema, input);
  return parsed.ok ? ok(withoutSchemaKey(parsed.value)) : parsed;
}

/** What the signatures of a parsed status document sign: its canonical JSON without them. */
export function statusPayloadOf(status: LabelStatus): string {
  const { signatures: _, ...unsigned } = status;
  // A parsed document is JSON through and through: its canonical form always exists.
  return unwrap(canonicalJson(unsigned));
}

/**
 * The JSON Schema (2020-12) of label status documents, for editors and other languages.
 *
 * @example
 * ```ts
 * import { labelStatusJsonSchema } from "@miotsec/trust";
 * labelStatusJsonSchema().title; // "miotsec label status"
 * ```
 * @since 0.2.0
 */
export function labelStatusJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(labelStatusSchema, { target: "draft-2020-12", io: "input" }),
    title: "miotsec label status",
  };
}

/**
 * Signs a label status document as {@link signLabel} signs a label: one more JWS in its
 * `signatures`, over its canonical JSON without them, with `typ: "miotsec-label-status+jws"`
 * so that a label's signature cannot pass for a status's or the other way round.
 *
 * @example
 * ```ts
 * import { signLabelStatus } from "@miotsec/trust";
 * declare const status: import("@miotsec/trust").LabelStatus;
 * declare const privateKey: import("@miotsec/trust").Jwk;
 * await signLabelStatus(status, { privateKey, kid: "vendor-2026", role: "manufacturer", signer: "Example Medical GmbH" });
 * ```
 * @since 0.2.0
 */
export function signLabelStatus(status: LabelStatus, options: SignOptions): Promise<Result<LabelStatus>> {
  return signParsed(parseLabelStatus(status), options, statusPayloadOf, labelStatusSignatureType, "a status document");
}
