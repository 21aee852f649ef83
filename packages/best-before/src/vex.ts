import { fail, type IsoDate, issue, ok, parseWith, type Result } from "@miotsec/core";
import { readPlain } from "@miotsec/core/internal";
import { PackageURL } from "packageurl-js";
import * as z from "zod/mini";
import {
  checkedStatements,
  type VulnerabilitySeverity,
  type VulnerabilityStatement,
  type VulnerabilityStatus,
} from "./vulnerability.js";

/**
 * How a device is named in vulnerability documents: its package URL, its CPE, and its product
 * ids in a CSAF document's product tree. A statement is about the device when it names one of
 * them; a package URL or CPE given with a version matches that version only, one without a
 * version matches them all.
 *
 * @since 0.2.0
 */
export interface ProductIdentifiers {
  /** The device's package URL (`pkg:generic/example/infusion-pump@4.2.1`). */
  readonly purl?: string;
  /** The device's CPE 2.3 name. */
  readonly cpe?: string;
  /** Its product ids in a CSAF document (`CSAFPID-0001`). */
  readonly csafProductIds?: readonly string[];
}

const text = (max: number) => z.string().check(z.maxLength(max));
const productSchema = z.strictObject({
  purl: z.optional(text(2000)),
  cpe: z.optional(text(2000)),
  csafProductIds: z.optional(z.array(text(200)).check(z.maxLength(1000))),
});
/** The product identifiers as read. */
type Device = z.infer<typeof productSchema>;

/** A package URL or CPE as the name of a product and its version, to match by; undefined when it is neither. */
function nameAndVersion(id: string): { name: string; version: string | undefined } | undefined {
  if (id.startsWith("cpe:2.3:")) {
    // CPE 2.3's formatted string: part, vendor, product, version, ...; `*` and `-` name no version.
    const parts = id.split(":");
    const version = parts[5];
    return {
      name: parts.slice(0, 5).join(":").toLowerCase(),
      version: version === undefined || version === "*" || version === "-" ? undefined : version,
    };
  }
  if (!id.startsWith("pkg:")) return undefined;
  try {
    // The Package URL library normalises each type as its specification says (case, encoding);
    // qualifiers and subpath do not name another product.
    const purl = PackageURL.fromString(id);
    return {
      name: JSON.stringify([purl.type, purl.namespace ?? "", purl.name]),
      version: purl.version ?? undefined,
    };
  } catch {
    return undefined;
  }
}

/** Whether an identifier a document names is the device's. */
function names(given: string | undefined, device: string | undefined): boolean {
  if (given === undefined || device === undefined) return false;
  const a = nameAndVersion(given);
  const b = nameAndVersion(device);
  if (a === undefined || b === undefined) return false;
  return a.name === b.name && (a.version === undefined || b.version === undefined || a.version === b.version);
}

const dateOf = (value: unknown): IsoDate | undefined =>
  typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value) ? (value.slice(0, 10) as IsoDate) : undefined;

const severities: readonly VulnerabilitySeverity[] = ["critical", "high", "medium", "low", "none"];
const severityOf = (value: unknown): VulnerabilitySeverity | undefined => {
  const word = typeof value === "string" ? value.toLowerCase() : "";
  return word === "info" ? "none" : severities.find((s) => s === word);
};
const worst = (a: VulnerabilitySeverity | undefined, b: VulnerabilitySeverity | undefined) =>
  a === undefined ? b : b === undefined ? a : severities.indexOf(a) <= severities.indexOf(b) ? a : b;
const scoreOf = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= 10 ? value : undefined;

const limitStatements = 20_000;

// CycloneDX 1.4 to 1.6: the BOM's vulnerabilities, each with the components it affects.
const cyclonedxSchema = z.looseObject({
  bomFormat: z.literal("CycloneDX"),
  specVersion: z.enum(["1.4", "1.5", "1.6"]),
  serialNumber: z.optional(text(200)),
  metadata: z.optional(
    z.looseObject({
      component: z.optional(
        z.looseObject({ "bom-ref": z.optional(text(1000)), purl: z.optional(text(2000)), cpe: z.optional(text(2000)) }),
      ),
    }),
  ),
  components: z.optional(
    z
      .array(
        z.looseObject({ "bom-ref": z.optional(text(1000)), purl: z.optional(text(2000)), cpe: z.optional(text(2000)) }),
      )
      .check(z.maxLength(100_000)),
  ),
  vulnerabilities: z.optional(
    z
      .array(
        z.looseObject({
          id: text(200),
          references: z.optional(z.array(z.looseObject({ id: text(200) })).check(z.maxLength(100))),
          ratings: z.optional(
            z
              .array(z.looseObject({ score: z.optional(z.number()), severity: z.optional(text(20)) }))
              .check(z.maxLength(50)),
          ),
          published: z.optional(text(40)),
          updated: z.optional(text(40)),
          analysis: z.optional(
            z.looseObject({
              state: z.optional(
                z.enum([
                  "resolved",
                  "resolved_with_pedigree",
                  "exploitable",
                  "in_triage",
                  "false_positive",
                  "not_affected",
                ]),
              ),
              justification: z.optional(text(100)),
              detail: z.optional(text(10_000)),
              lastUpdated: z.optional(text(40)),
            }),
          ),
          affects: z.optional(
            z
              .array(
                z.looseObject({
                  ref: text(2000),
                  versions: z.optional(
                    z
                      .array(
                        z.looseObject({
                          version: z.optional(text(200)),
                          range: z.optional(text(1000)),
                          status: z.optional(text(20)),
                        }),
                      )
                      .check(z.maxLength(1000)),
                  ),
                }),
              )
              .check(z.maxLength(10_000)),
          ),
        }),
      )
      .check(z.maxLength(limitStatements)),
  ),
});

const cyclonedxStates: Readonly<Record<string, VulnerabilityStatus>> = {
  exploitable: "affected",
  in_triage: "under-investigation",
  resolved: "fixed",
  resolved_with_pedigree: "fixed",
  false_positive: "not-affected",
  not_affected: "not-affected",
};

function fromCycloneDx(doc: z.infer<typeof cyclonedxSchema>, product: Device): VulnerabilityStatement[] {
  const mine = (c: { purl?: string | undefined; cpe?: string | undefined }) =>
    names(c.purl, product.purl) || names(c.cpe, product.cpe);
  const refs = new Set<string>();
  for (const c of [...(doc.metadata?.component ? [doc.metadata.component] : []), ...(doc.components ?? [])])
    if (c["bom-ref"] !== undefined && mine(c)) refs.add(c["bom-ref"]);
  const document = doc.serialNumber ?? "CycloneDX BOM";
  const out: VulnerabilityStatement[] = [];
  for (const v of doc.vulnerabilities ?? []) {
    const affects = (v.affects ?? []).filter((a) => refs.has(a.ref) || names(a.ref, product.purl));
    if (affects.length === 0) continue;
    const state = v.analysis?.state;
    const severity = (v.ratings ?? []).reduce<VulnerabilitySeverity | undefined>(
      (w, r) => worst(w, severityOf(r.severity)),
      undefined,
    );
    const score = (v.ratings ?? []).reduce<number | undefined>((m, r) => {
      const s = scoreOf(r.score);
      return s === undefined ? m : m === undefined ? s : Math.max(m, s);
    }, undefined);
    const fixedIn = affects.flatMap((a) =>
      (a.versions ?? []).flatMap((x) => (x.status === "unaffected" && x.version ? [x.version] : [])),
    );
    out.push(
      statement({
        id: v.id,
        aliases: (v.references ?? []).map((r) => r.id),
        // Listed without an analysis, a vulnerability is known but not yet judged.
        status: state === undefined ? "under-investigation" : (cyclonedxStates[state] as VulnerabilityStatus),
        severity,
        score,
        justification: v.analysis?.justification,
        fixedIn,
        published: dateOf(v.published),
        updated: dateOf(v.updated ?? v.analysis?.lastUpdated),
        source: { format: "cyclonedx", document },
      }),
    );
  }
  return out;
}

// OpenVEX 0.2.0.
const openvexSchema = z.looseObject({
  "@context": z.string().check(z.startsWith("https://openvex.dev/ns"), z.maxLength(200)),
  "@id": text(2000),
  timestamp: z.optional(text(40)),
  last_updated: z.optional(text(40)),
  statements: z
    .array(
      z.looseObject({
        vulnerability: z.looseObject({
          name: text(200),
          aliases: z.optional(z.array(text(200)).check(z.maxLength(50))),
        }),
        timestamp: z.optional(text(40)),
        last_updated: z.optional(text(40)),
        products: z.optional(
          z
            .array(
              z.looseObject({
                "@id": z.optional(text(2000)),
                identifiers: z.optional(
                  z.looseObject({
                    purl: z.optional(text(2000)),
                    cpe23: z.optional(text(2000)),
                    cpe22: z.optional(text(2000)),
                  }),
                ),
              }),
            )
            .check(z.maxLength(10_000)),
        ),
        status: z.enum(["not_affected", "affected", "fixed", "under_investigation"]),
        justification: z.optional(text(100)),
        impact_statement: z.optional(text(10_000)),
      }),
    )
    .check(z.maxLength(limitStatements)),
});

const openvexStatuses: Readonly<Record<string, VulnerabilityStatus>> = {
  affected: "affected",
  under_investigation: "under-investigation",
  fixed: "fixed",
  not_affected: "not-affected",
};

function fromOpenVex(doc: z.infer<typeof openvexSchema>, product: Device): VulnerabilityStatement[] {
  const out: VulnerabilityStatement[] = [];
  for (const s of doc.statements) {
    const about = (s.products ?? []).some(
      (p) =>
        names(p["@id"], product.purl) ||
        names(p.identifiers?.purl, product.purl) ||
        names(p.identifiers?.cpe23, product.cpe) ||
        names(p["@id"], product.cpe),
    );
    if (!about) continue;
    out.push(
      statement({
        id: s.vulnerability.name,
        aliases: s.vulnerability.aliases ?? [],
        status: openvexStatuses[s.status] as VulnerabilityStatus,
        severity: undefined,
        score: undefined,
        justification: s.justification ?? s.impact_statement,
        fixedIn: [],
        published: dateOf(s.timestamp ?? doc.timestamp),
        updated: dateOf(s.last_updated ?? doc.last_updated),
        source: { format: "openvex", document: doc["@id"] },
      }),
    );
  }
  return out;
}

// CSAF 2.0, the VEX profile.
type Branch = { category?: string; name?: string; product?: Helper; branches?: Branch[] };
type Helper = {
  product_id: string;
  product_identification_helper?: { purl?: string | undefined; cpe?: string | undefined } | undefined;
};
const helperSchema = z.looseObject({
  product_id: text(200),
  product_identification_helper: z.optional(
    z.looseObject({ purl: z.optional(text(2000)), cpe: z.optional(text(2000)) }),
  ),
});
const branchSchema: z.ZodMiniType<Branch> = z.looseObject({
  category: z.optional(text(100)),
  name: z.optional(text(1000)),
  product: z.optional(helperSchema),
  get branches() {
    return z.optional(z.array(branchSchema).check(z.maxLength(10_000)));
  },
}) as never;
const ids = z.optional(z.array(text(200)).check(z.maxLength(100_000)));
const csafSchema = z.looseObject({
  document: z.looseObject({
    category: z.literal("csaf_vex"),
    csaf_version: z.literal("2.0"),
    tracking: z.looseObject({ id: text(1000), initial_release_date: text(40), current_release_date: text(40) }),
  }),
  product_tree: z.optional(
    z.looseObject({
      branches: z.optional(z.array(branchSchema).check(z.maxLength(10_000))),
      full_product_names: z.optional(z.array(helperSchema).check(z.maxLength(100_000))),
      relationships: z.optional(
        z
          .array(
            z.looseObject({
              full_product_name: helperSchema,
              product_reference: text(200),
              relates_to_product_reference: text(200),
            }),
          )
          .check(z.maxLength(100_000)),
      ),
    }),
  ),
  vulnerabilities: z.optional(
    z
      .array(
        z.looseObject({
          cve: z.optional(text(200)),
          ids: z.optional(z.array(z.looseObject({ text: text(200) })).check(z.maxLength(50))),
          release_date: z.optional(text(40)),
          product_status: z.optional(
            z.looseObject({
              known_affected: ids,
              first_affected: ids,
              last_affected: ids,
              under_investigation: ids,
              fixed: ids,
              first_fixed: ids,
              known_not_affected: ids,
            }),
          ),
          scores: z.optional(
            z
              .array(
                z.looseObject({
                  products: z.array(text(200)).check(z.maxLength(100_000)),
                  cvss_v3: z.optional(
                    z.looseObject({ baseScore: z.optional(z.number()), baseSeverity: z.optional(text(20)) }),
                  ),
                  cvss_v2: z.optional(z.looseObject({ baseScore: z.optional(z.number()) })),
                }),
              )
              .check(z.maxLength(1000)),
          ),
          flags: z.optional(z.array(z.looseObject({ label: text(100), product_ids: ids })).check(z.maxLength(1000))),
        }),
      )
      .check(z.maxLength(limitStatements)),
  ),
});

/** The device's product ids in a CSAF product tree, and the version each product id names. */
function csafProducts(
  tree: z.infer<typeof csafSchema>["product_tree"],
  product: Device,
): { mine: Set<string>; versions: Map<string, string> } {
  const mine = new Set(product.csafProductIds ?? []);
  const versions = new Map<string, string>();
  const isMine = (h: Helper) =>
    names(h.product_identification_helper?.purl, product.purl) ||
    names(h.product_identification_helper?.cpe, product.cpe);
  // Depth first, with an explicit stack: a deep tree is walked, never recursed into.
  const stack: { branch: Branch; version: string | undefined }[] = (tree?.branches ?? []).map((branch) => ({
    branch,
    version: undefined,
  }));
  while (stack.length > 0) {
    const { branch, version: above } = stack.pop() as { branch: Branch; version: string | undefined };
    const version = branch.category === "product_version" ? branch.name : above;
    if (branch.product !== undefined) {
      if (isMine(branch.product)) mine.add(branch.product.product_id);
      if (version !== undefined) versions.set(branch.product.product_id, version);
    }
    for (const b of branch.branches ?? []) stack.push({ branch: b, version });
  }
  for (const h of tree?.full_product_names ?? []) if (isMine(h)) mine.add(h.product_id);
  // A component of the device, or the device with a component installed, is the device too.
  for (const r of tree?.relationships ?? [])
    if (mine.has(r.product_reference) || mine.has(r.relates_to_product_reference) || isMine(r.full_product_name))
      mine.add(r.full_product_name.product_id);
  return { mine, versions };
}

function fromCsaf(doc: z.infer<typeof csafSchema>, product: Device): VulnerabilityStatement[] {
  const { mine, versions } = csafProducts(doc.product_tree, product);
  const out: VulnerabilityStatement[] = [];
  const tracking = doc.document.tracking;
  for (const v of doc.vulnerabilities ?? []) {
    const ps = v.product_status ?? {};
    const hit = (list: readonly string[] | undefined) => (list ?? []).some((id) => mine.has(id));
    const status: VulnerabilityStatus | undefined =
      hit(ps.known_affected) || hit(ps.first_affected) || hit(ps.last_affected)
        ? "affected"
        : hit(ps.under_investigation)
          ? "under-investigation"
          : hit(ps.fixed) || hit(ps.first_fixed)
            ? "fixed"
            : hit(ps.known_not_affected)
              ? "not-affected"
              : undefined;
    const otherIds = (v.ids ?? []).map((i) => i.text);
    const id = v.cve ?? otherIds[0];
    if (status === undefined || id === undefined) continue;
    let severity: VulnerabilitySeverity | undefined;
    let score: number | undefined;
    for (const s of v.scores ?? []) {
      if (!s.products.some((p) => mine.has(p))) continue;
      severity = worst(severity, severityOf(s.cvss_v3?.baseSeverity));
      const value = scoreOf(s.cvss_v3?.baseScore ?? s.cvss_v2?.baseScore);
      if (value !== undefined) score = score === undefined ? value : Math.max(score, value);
    }
    const flag = (v.flags ?? []).find((f) => (f.product_ids ?? []).some((p) => mine.has(p)));
    const fixedIds = [...(ps.fixed ?? []), ...(ps.first_fixed ?? [])];
    const fixedIn = [...new Set(fixedIds.flatMap((p) => (versions.has(p) ? [versions.get(p) as string] : [])))];
    out.push(
      statement({
        id,
        aliases: otherIds.filter((a) => a !== id),
        status,
        severity,
        score,
        justification: status === "not-affected" ? flag?.label : undefined,
        fixedIn,
        published: dateOf(v.release_date ?? tracking.initial_release_date),
        updated: dateOf(tracking.current_release_date),
        source: { format: "csaf", document: tracking.id },
      }),
    );
  }
  return out;
}

/** A statement without the members that are not there. */
function statement(
  s: {
    [K in keyof VulnerabilityStatement]-?: VulnerabilityStatement[K] | undefined;
  },
): VulnerabilityStatement {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) if (v !== undefined) out[k] = v;
  return out as VulnerabilityStatement;
}

/** Which format a document is in, by the members each format requires. */
function formatOf(doc: unknown): "cyclonedx" | "openvex" | "csaf" | undefined {
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) return undefined;
  const d = doc as Record<string, unknown>;
  if (Object.hasOwn(d, "bomFormat")) return "cyclonedx";
  if (Object.hasOwn(d, "@context")) return "openvex";
  if (Object.hasOwn(d, "document") && Object.hasOwn(d, "product_tree")) return "csaf";
  if (Object.hasOwn(d, "document")) return "csaf";
  return undefined;
}

/**
 * Reads a vulnerability document in any of three formats and returns the statements it makes
 * about one device, as {@link VulnerabilityStatement}s that `computeBestBefore` takes:
 * - a CycloneDX 1.4 to 1.6 BOM with `vulnerabilities` (`analysis.state`: `exploitable`,
 *   `in_triage`, `resolved`, `resolved_with_pedigree`, `false_positive`, `not_affected`; a
 *   vulnerability without an analysis counts as under investigation), matched to the device by
 *   the `affects` references of its components' package URLs or CPEs;
 * - an OpenVEX 0.2.0 document (`affected`, `under_investigation`, `fixed`, `not_affected`),
 *   matched by its products' ids and identifiers;
 * - a CSAF 2.0 document of the VEX profile (`product_status`, `scores`, `flags`), matched by the
 *   device's product ids, or by the package URLs and CPEs of the product tree.
 *
 * The list is checked and frozen, so `computeBestBefore` takes it without checking it again.
 * The versions that fix a vulnerability are the `unaffected` versions (CycloneDX) and the
 * product versions of its `fixed` products (CSAF); OpenVEX names none. A document of another
 * kind, or one that does not follow its format, is answered with issues and a path.
 *
 * @example
 * ```ts
 * import { parseVex } from "@miotsec/best-before/vex";
 * declare const openvex: unknown;
 * const r = parseVex(openvex, { purl: "pkg:generic/example/scanner@2.1.0" });
 * if (r.ok) r.value.map((s) => `${s.id}: ${s.status}`);
 * ```
 * @since 0.2.0
 */
export function parseVex(document: unknown, product: ProductIdentifiers): Result<readonly VulnerabilityStatement[]> {
  const device = parseWith(productSchema, product, { path: ["product"] });
  if (!device.ok) return device;
  const p = device.value;
  if (p.purl === undefined && p.cpe === undefined && (p.csafProductIds ?? []).length === 0)
    return fail([
      issue("invalid-value", "$.product needs a purl, a cpe or csafProductIds to match statements by.", ["product"]),
    ]);
  // Read once, into a plain copy: which format it is in is judged on the copy, never on getters.
  const read = readPlain(document);
  if (!read.ok) return read;
  switch (formatOf(read.value)) {
    case "cyclonedx": {
      const doc = parseWith(cyclonedxSchema, read.value);
      return doc.ok ? ok(checkedStatements(fromCycloneDx(doc.value, p))) : doc;
    }
    case "openvex": {
      const doc = parseWith(openvexSchema, read.value);
      return doc.ok ? ok(checkedStatements(fromOpenVex(doc.value, p))) : doc;
    }
    case "csaf": {
      const doc = parseWith(csafSchema, read.value);
      return doc.ok ? ok(checkedStatements(fromCsaf(doc.value, p))) : doc;
    }
    default:
      return fail([
        issue("unknown-format", "The document is not a CycloneDX BOM, an OpenVEX document or a CSAF VEX document.", []),
      ]);
  }
}
