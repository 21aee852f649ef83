import { fail, ok, parseWith, type Result } from "@miotsec/core";
import { isoDateRange } from "@miotsec/core/internal";
import type { Catalog } from "@miotsec/criteria";
import * as z from "zod/mini";
import {
  type Answer,
  type Assessment,
  type answerStatusSchema,
  assessmentSchemaVersion,
  earliestAsOf,
  latestAsOf,
} from "./assessment.js";
import { compileCatalog } from "./compile.js";

type AnswerStatus = z.infer<typeof answerStatusSchema>;

/**
 * The part of a device label (`@miotsec/label`) this module reads: only the facts that evidence a
 * requirement. The label package is not imported (the packages' arrows point the other way); a
 * whole label passes, and a field that is absent or withheld (`not-disclosed`) evidences nothing.
 */
const labelFactsSchema = z.looseObject({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  identity: z.looseObject({ product: z.string().check(z.minLength(1), z.maxLength(200)) }),
  qrTarget: z.optional(z.string().check(z.maxLength(2000))),
  dataPractices: z.optional(z.looseObject({ endToEndEncryption: z.optional(z.unknown()) })),
  security: z.optional(
    z.looseObject({
      updateMechanism: z.optional(z.unknown()),
      defaultCredentials: z.optional(z.unknown()),
      securityContact: z.optional(z.unknown()),
      disclosurePolicy: z.optional(z.unknown()),
      sbom: z.optional(z.unknown()),
    }),
  ),
  lifecycle: z.optional(z.unknown()),
});

type LabelFacts = z.infer<typeof labelFactsSchema>;

/**
 * One requirement a label fact evidences, and how, in words.
 *
 * @since 0.2.0
 */
export interface LabelEvidence {
  /** The requirement of the paper's catalog (or a catalog that keeps its ids). */
  readonly requirement: string;
  /** The label field, as a dotted path. */
  readonly field: string;
  /** How the field's values answer the requirement. */
  readonly reading: string;
}

/** A {@link LabelEvidence} with the reading as code: the field's value to an answer, or undefined. */
interface Rule extends LabelEvidence {
  readonly answer: (value: unknown) => { readonly status: AnswerStatus; readonly why: string } | undefined;
}

const said = (status: AnswerStatus, why: string) => ({ status, why });
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/** The label facts that evidence requirements, in the order they are tried. */
const rules: readonly Rule[] = [
  {
    requirement: "authentication.1.1",
    field: "security.defaultCredentials",
    reading: "none is met, unique-per-device partial, shared unmet",
    answer: (v) =>
      v === "none"
        ? said("met", "The label declares no default credentials.")
        : v === "unique-per-device"
          ? said("partial", "The label declares default credentials unique to each device, not none.")
          : v === "shared"
            ? said("unmet", "The label declares default credentials shared between devices.")
            : undefined,
  },
  {
    requirement: "updates.1.1",
    field: "security.updateMechanism",
    reading: "none is unmet; any other mechanism says nothing of how regular updates are",
    answer: (v) => (v === "none" ? said("unmet", "The label declares that the device gets no updates.") : undefined),
  },
  {
    requirement: "updates.3.1",
    field: "security.updateMechanism",
    reading: "automatic is met; user-initiated, service-technician and none are unmet",
    answer: (v) =>
      v === "automatic"
        ? said("met", "The label declares automatic updates.")
        : v === "user-initiated" || v === "service-technician" || v === "none"
          ? said(
              "unmet",
              `The label declares ${v === "none" ? "no updates" : `updates that are ${v}`}, not automatic ones.`,
            )
          : undefined,
  },
  {
    requirement: "data-management.2.1",
    field: "dataPractices.endToEndEncryption",
    reading: "true is met, false unmet",
    answer: (v) =>
      v === true
        ? said("met", "The label declares end-to-end encryption.")
        : v === false
          ? said("unmet", "The label declares that data is not encrypted end to end.")
          : undefined,
  },
  {
    requirement: "malfunction-management.3.1",
    field: "security.disclosurePolicy",
    reading: "a disclosure policy's URL is met",
    answer: (v) =>
      typeof v === "string" && v.startsWith("https://")
        ? said("met", `The label links the manufacturer's vulnerability disclosure policy (${v}).`)
        : undefined,
  },
  {
    requirement: "malfunction-management.3.1",
    field: "security.securityContact",
    reading: "a security contact without a disclosure policy is partial",
    answer: (v) =>
      isObject(v) && (v.email !== undefined || v.url !== undefined)
        ? said("partial", "The label gives a security contact, but no disclosure policy says how reports are handled.")
        : undefined,
  },
  {
    requirement: "updates.3.2",
    field: "security.sbom",
    reading: "an available SBOM is partial: it lists the libraries, not that they are maintained",
    answer: (v) =>
      isObject(v) && v.available === true
        ? said(
            "partial",
            "The label says an SBOM is available: it lists the libraries, which lets anyone check that they are maintained; it does not show that they are.",
          )
        : undefined,
  },
  {
    requirement: "updates.5.2",
    field: "lifecycle.supportPeriodEnd",
    reading: "a declared end of the support period is partial: a complete end-of-life strategy asks for more",
    answer: (v) =>
      typeof v === "string"
        ? said(
            "partial",
            `The label declares the end of the support period (${v}); a complete end-of-life strategy asks for more.`,
          )
        : undefined,
  },
];

/**
 * The label facts that evidence device-level requirements of the paper's catalog, and how each
 * reads, in the order {@link assessmentFromLabel} tries them. Each answer is a starting point for
 * a person to review, never a finding: a label is the manufacturer's word. Where a fact is
 * withheld or absent, the requirement is left unanswered.
 *
 * @example
 * ```ts
 * import { labelEvidence } from "@miotsec/maturity";
 * labelEvidence.map((e) => e.requirement).includes("authentication.1.1"); // true
 * ```
 * @since 0.2.0
 */
export const labelEvidence: readonly LabelEvidence[] = Object.freeze(
  rules.map(({ requirement, field, reading }) => Object.freeze({ requirement, field, reading })),
);

/** The value at a dotted path of the label's facts, or undefined. */
function valueAt(facts: LabelFacts, path: string): unknown {
  let at: unknown = facts;
  for (const key of path.split(".")) at = isObject(at) && Object.hasOwn(at, key) ? at[key] : undefined;
  return at;
}

/**
 * Options of {@link assessmentFromLabel}.
 *
 * @since 0.2.0
 */
export interface FromLabelOptions {
  /** The date of the assessment (`YYYY-MM-DD`); the library never reads a clock. */
  readonly asOf: string;
}

const optionsSchema = z.strictObject({ asOf: isoDateRange(earliestAsOf, latestAsOf) });

/**
 * Pre-fills a device's assessment from its label (`@miotsec/label`): every requirement of the
 * catalog that a label fact evidences ({@link labelEvidence}: default credentials, the update
 * mechanism, end-to-end encryption, the security contact and disclosure policy, the SBOM, the
 * support period) gets an answer with the label as its evidence (`method: "examine"`, the fact
 * and why in the description, the label's QR target as `href`). Where two facts answer one
 * requirement, the first in {@link labelEvidence} that says something wins. Requirements the
 * catalog does not have, or that are measured, are left out; so are facts the label withholds.
 *
 * The result is an assessment for a hospital to review and complete, not a verdict: a label is
 * the manufacturer's word. The label is read, not checked in full; parse it with `parseLabel`
 * first. Bad input (a value that is not a label, a catalog that does not parse, a bad `asOf`)
 * is answered with issues.
 *
 * @example
 * ```ts
 * import { miotCatalog } from "@miotsec/criteria";
 * import { assessmentFromLabel } from "@miotsec/maturity";
 * const label = { id: "pump-1", identity: { product: "Infusion pump" }, security: { defaultCredentials: "none" } };
 * const r = assessmentFromLabel(label, miotCatalog, { asOf: "2026-12-02" });
 * if (r.ok) r.value.answers["authentication.1.1"]; // { status: "met", evidence: [...] }
 * ```
 * @since 0.2.0
 */
export function assessmentFromLabel(label: unknown, catalog: Catalog, options: FromLabelOptions): Result<Assessment> {
  const facts = parseWith(labelFactsSchema, label, { path: ["label"] });
  const given = parseWith(optionsSchema, options, { path: ["options"] });
  const compiled = compileCatalog(catalog);
  if (!facts.ok || !given.ok || !compiled.ok)
    return fail([
      ...(facts.ok ? [] : facts.issues),
      ...(given.ok ? [] : given.issues),
      ...(compiled.ok ? [] : compiled.issues.map((i) => ({ ...i, path: ["catalog", ...i.path] }))),
    ]);
  const attested = new Set(
    compiled.value.requirements.filter((r) => r.requirement.kind === "attested").map((r) => r.requirement.id),
  );
  const href = facts.value.qrTarget;
  const answers: Record<string, Answer> = {};
  for (const evidence of rules) {
    if (!attested.has(evidence.requirement) || Object.hasOwn(answers, evidence.requirement)) continue;
    const said = evidence.answer(valueAt(facts.value, evidence.field));
    if (said === undefined) continue;
    answers[evidence.requirement] = {
      status: said.status,
      evidence: [
        {
          ...(href?.startsWith("https://") ? { href } : {}),
          method: "examine",
          date: given.value.asOf,
          description: `Label ${facts.value.id}, ${evidence.field}: ${said.why}`,
        },
      ],
    };
  }
  return ok({
    schemaVersion: assessmentSchemaVersion,
    asOf: given.value.asOf,
    subject: { kind: "device", id: facts.value.id, name: facts.value.identity.product },
    catalog: { id: compiled.value.catalog.id, version: compiled.value.catalog.version },
    answers,
  });
}
