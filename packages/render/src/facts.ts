import {
  type BestBefore,
  computeBestBefore,
  type LifecycleFacts,
  type VulnerabilityStatement,
  vulnerabilityStatementSchema,
} from "@miotsec/best-before";
import { fail, type Issue, issue, ok, parseIsoDate, parseWith, prefixIssues, type Result } from "@miotsec/core";
import { sha256OfText } from "@miotsec/core/internal";
import { type DeviceLabel, parseLabel, qrPayload } from "@miotsec/label";
import { payloadOf } from "@miotsec/label/internal";
import * as z from "zod/mini";
import { type QrSymbol, qrSymbol } from "./qr.js";

/**
 * Options of {@link renderLabelSvg} and {@link renderLabelHtml}.
 *
 * @since 0.1.0
 */
export interface RenderOptions {
  /** The date the best-before-inspection status is judged on (`YYYY-MM-DD`); the renderer never reads a clock. */
  readonly asOf: string;
  /** The base URL of the QR code's payload. Default: the label's `qrTarget`. */
  readonly qrBaseUrl?: string;
  /**
   * The verification of the label's signatures, as `verifyLabel` of `@miotsec/trust` returns
   * it: the label then shows who signed it and whether that verified. The renderer verifies
   * nothing itself (it stays pure and synchronous); without a verification, a signed label says
   * only how many signatures it carries, unverified. A verification of another label (another
   * digest) is an issue.
   */
  readonly verification?: SignatureCheck;
  /**
   * Vulnerability statements about the device (`parseVex` of `@miotsec/best-before/vex`): they
   * move the best-before date as `computeBestBefore` has them do, and the label shows how many
   * are open. Without them, the label says nothing of vulnerabilities.
   */
  readonly vulnerabilities?: readonly VulnerabilityStatement[];
  /** Ids of vulnerabilities known to be exploited, as `computeBestBefore` takes them. */
  readonly knownExploited?: readonly string[];
}

/**
 * What the renderer reads of a verification of the label's signatures: the shape of
 * `LabelVerification` of `@miotsec/trust`, whose other members it ignores.
 *
 * @since 0.2.0
 */
export interface SignatureCheck {
  readonly valid: boolean;
  readonly digest: string;
  readonly signatures: readonly {
    readonly kid: string;
    readonly valid: boolean;
    readonly role?: string;
    readonly signer?: string;
  }[];
  readonly status?: { readonly status: string; readonly stale?: boolean };
}

/** {@link RenderOptions} as they are read; `asOf` is judged after, so that its issue says what it must be. */
const renderOptionsSchema = z.strictObject({
  asOf: z.unknown(),
  qrBaseUrl: z.optional(z.string().check(z.maxLength(10_000))),
  vulnerabilities: z.optional(z.array(vulnerabilityStatementSchema).check(z.maxLength(20_000))),
  knownExploited: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.maxLength(100_000))),
  verification: z.optional(
    z.looseObject({
      valid: z.boolean(),
      digest: z.string().check(z.maxLength(64)),
      signatures: z
        .array(
          z.looseObject({
            kid: z.string().check(z.maxLength(200)),
            valid: z.boolean(),
            role: z.optional(z.string().check(z.maxLength(50))),
            signer: z.optional(z.string().check(z.maxLength(200))),
          }),
        )
        .check(z.maxLength(16)),
      status: z.optional(z.looseObject({ status: z.string().check(z.maxLength(50)), stale: z.optional(z.boolean()) })),
    }),
  ),
});

const roleNames: Readonly<Record<string, string>> = {
  manufacturer: "manufacturer",
  "test-lab": "test lab",
  hospital: "hospital",
};

/**
 * The signatures, as one row: who signed and whether it verified, and whether the label stands,
 * only from a verification passed in. One row, so that a signed label still prints on one page.
 */
function signatureSection(
  label: DeviceLabel,
  verification: z.infer<typeof renderOptionsSchema>["verification"],
  asOf: string,
): FactSection | undefined {
  const count = label.signatures?.length ?? 0;
  if (verification === undefined)
    return count === 0 ? undefined : { title: "Signatures", rows: [row("Signed", `${count}, not verified here`)] };
  const status = verification.status;
  const said = [
    status === undefined || status.status === "valid" ? "" : status.status,
    status?.stale === true ? "stale status" : "",
  ].filter((s) => s !== "");
  const signers = verification.signatures.map(
    (sig) =>
      `${sig.signer ?? `key ${sig.kid}`}${sig.role !== undefined && Object.hasOwn(roleNames, sig.role) ? ` (${roleNames[sig.role]})` : ""}: ${sig.valid ? "verified" : "not verified"}`,
  );
  const standing = `${verification.valid ? "Valid" : "Not valid"} as of ${asOf}${said.length > 0 ? ` (${said.join(", ")})` : ""}`;
  return {
    title: "Signatures",
    rows: [row("Signed by", `${signers.length > 0 ? `${signers.join("; ")}. ` : "No one. "}${standing}`)],
  };
}

/** One line of the label: a name and its value as plain text. */
export interface FactRow {
  readonly name: string;
  readonly value: string;
}

/** A titled block of rows, the sections of Table I of the paper. */
export interface FactSection {
  readonly title: string;
  readonly rows: readonly FactRow[];
}

/** Everything the renderers draw, as plain text, worked out once. */
export interface LabelFacts {
  readonly id: string;
  readonly product: string;
  readonly model: string;
  readonly manufacturer: string;
  /** The best-before-inspection date, or undefined when the lifecycle is withheld. */
  readonly bestBefore: BestBefore | undefined;
  readonly sections: readonly FactSection[];
  readonly qrPayload: string;
  /** The QR code of the payload. */
  readonly qr: QrSymbol;
}

/** The label's enum words, spelled out. Free text is never changed. */
const words: Readonly<Record<string, string>> = {
  "not-disclosed": "Not disclosed",
  "not-applicable": "Not applicable",
  "user-initiated": "User-initiated",
  "service-technician": "By a service technician",
  "unique-per-device": "Unique per device",
  "multi-factor": "Multi-factor",
  "web-portal": "Web portal",
  "not-possible": "Not possible",
  app: "App",
  device: "Device",
  none: "None",
  easy: "Easy",
  moderate: "Moderate",
  complex: "Complex",
  low: "Low",
  medium: "Medium",
  high: "High",
  automatic: "Automatic",
  shared: "Shared",
  password: "Password",
  pin: "PIN",
  biometric: "Biometric",
  certificate: "Certificate",
};

/**
 * A value of the label as one line of plain text. The label's enum words are spelled out at the
 * top of a field (`web-portal` becomes `Web portal`), never inside an object, where a word is a
 * unit, a scope or text the vendor wrote (`ml` stays `ml`).
 */
function say(value: unknown, nested = false): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") {
    const word = Object.hasOwn(words, value) ? words[value] : undefined;
    return word !== undefined && !nested ? word : value;
  }
  if (Array.isArray(value)) return value.length === 0 ? "None" : value.map((v) => say(v, nested)).join("; ");
  if (typeof value === "object") {
    const parts = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) =>
        typeof v === "object" && v !== null && !Array.isArray(v) ? `${k}: ${say(v, true)}` : say(v, true),
      );
    const [first, ...rest] = parts;
    return rest.length === 0 ? (first ?? "") : `${first} (${rest.join(", ")})`;
  }
  return "";
}

/** A row; a field the label leaves out reads "Not declared", never blank. */
const row = (name: string, value: unknown): FactRow => ({ name, value: say(value) || "Not declared" });

/** The last security update on record, or a sentence saying there is none. */
function lastSecurityUpdate(lifecycle: LifecycleFacts): string {
  const dates = (lifecycle.updates ?? [])
    .filter((u) => u.security)
    .map((u) => `${u.date} (${u.version ?? "no version"})`);
  return dates.length === 0 ? "None on record" : (dates.sort().at(-1) ?? "");
}

function supportRows(label: DeviceLabel, bestBefore: BestBefore | undefined): FactRow[] {
  const lifecycle = label.lifecycle;
  if (typeof lifecycle !== "object") return [row("Lifecycle facts", lifecycle)];
  const end = (v: unknown) => (v === false ? "Not announced" : v === true ? "Reached" : v);
  // Only when statements were passed in: a label says nothing of what it was not told.
  const known = bestBefore?.vulnerabilities;
  return [
    row("Support period ends", lifecycle.supportPeriodEnd),
    row("End of security updates", end(lifecycle.endOfSecurityUpdates)),
    row("End of sale", end(lifecycle.endOfSale)),
    row("Last security update", lastSecurityUpdate(lifecycle)),
    ...(known === undefined
      ? []
      : [
          row(
            "Known vulnerabilities",
            known.open.length === 0
              ? `None open (${known.considered} considered)`
              : `${known.open.length} open: ${known.open.join(", ")}`,
          ),
        ]),
  ];
}

/** The label's facts in the order of the printed label. */
function sections(label: DeviceLabel, bestBefore: BestBefore | undefined): FactSection[] {
  const c = label.components;
  const d = label.dataPractices;
  const s = label.security;
  const i = label.identity;
  return [
    {
      title: "Product",
      rows: [row("Category", i.category), row("Intended use", i.intendedUse), row("Criticality", i.criticality)],
    },
    { title: "Support", rows: supportRows(label, bestBefore) },
    {
      title: "IoT components",
      rows: [
        row("Sensors", c.sensors),
        row("Actuators", c.actuators),
        row("Connectivity", c.connectivity),
        row("Gateways", c.gateways),
        row("Cloud location", c.cloudLocation),
        row("Storage location", c.storageLocation),
        row("Responsible entity", c.responsibleEntity),
        row("Stored attributes", c.storedAttributes),
        row("User control", c.userControl),
        row(
          "Data deletion",
          typeof c.dataDeletion === "object"
            ? `${say(c.dataDeletion.from)} to ${say(c.dataDeletion.to).toLowerCase()}`
            : c.dataDeletion,
        ),
      ],
    },
    {
      title: "Data practices",
      rows: [
        row("Purposes", d.purposes),
        row("Retention", d.retention),
        row(
          "Third parties",
          Array.isArray(d.thirdParties)
            ? d.thirdParties.map((t) => ({
                name: t.name,
                country: t.country ?? "country not disclosed",
                purpose: t.purpose,
              }))
            : d.thirdParties,
        ),
        row("End-to-end encryption", d.endToEndEncryption),
        row("Data residency", d.dataResidency),
      ],
    },
    {
      title: "Security",
      rows: [
        row("Updates", s.updateMechanism),
        row("Access control", s.accessControl),
        row("Default credentials", s.defaultCredentials),
        row("Security contact", s.securityContact),
        row("Disclosure policy", s.disclosurePolicy),
        row("SBOM", s.sbom),
        row("HBOM", s.hbom),
      ],
    },
  ];
}

/**
 * Parses the label, works out its best-before-inspection date as of `asOf` and its QR payload,
 * and lays out every fact as text. Every renderer starts here, so they show the same facts.
 */
export function labelFacts(input: unknown, optionsInput: RenderOptions): Result<LabelFacts> {
  const parsed = parseLabel(input);
  if (!parsed.ok) return parsed;
  const label = parsed.value;
  // The options are read once, into a checked copy: the date judged is the date shown.
  const read = parseWith(renderOptionsSchema, optionsInput);
  if (!read.ok) return read;
  const options = read.value;
  const problems: Issue[] = [];
  const asOf = parseIsoDate(options.asOf);
  if (!asOf.ok) problems.push(...prefixIssues(["asOf"], asOf.issues));
  let bestBefore: BestBefore | undefined;
  if (asOf.ok && typeof label.lifecycle === "object") {
    const r = computeBestBefore(label.lifecycle, {
      asOf: asOf.value,
      ...(options.vulnerabilities === undefined ? {} : { vulnerabilities: options.vulnerabilities }),
      ...(options.knownExploited === undefined ? {} : { knownExploited: options.knownExploited }),
    });
    if (r.ok) bestBefore = r.value;
    // The lifecycle passed the label schema, so what is left to refuse is an option (`asOf`
    // outside 1900-2999), and the issue's path already names it.
    else problems.push(...r.issues);
  }
  const payload = qrPayload(label, options.qrBaseUrl ?? label.qrTarget);
  const source = options.qrBaseUrl === undefined ? "qrTarget" : "qrBaseUrl";
  if (!payload.ok) problems.push(...payload.issues.map((i) => ({ ...i, path: [source] })));
  const verification = options.verification;
  if (verification !== undefined) {
    if (sha256OfText(payloadOf(label)) !== verification.digest)
      problems.push(
        issue("invalid-value", "The verification passed in is of another label: its digest is not this label's.", [
          "verification",
          "digest",
        ]),
      );
  }
  if (problems.length > 0 || !payload.ok) return fail(problems);
  const signed = asOf.ok ? signatureSection(label, verification, asOf.value) : undefined;
  const qr = qrSymbol(payload.value);
  if (!qr.ok) return fail(qr.issues.map((i) => ({ ...i, path: [source] })));
  return ok({
    id: label.id,
    product: label.identity.product,
    model: label.identity.model,
    manufacturer: label.identity.manufacturer.name,
    bestBefore,
    sections: signed === undefined ? sections(label, bestBefore) : [...sections(label, bestBefore), signed],
    qrPayload: payload.value,
    qr: qr.value,
  });
}
