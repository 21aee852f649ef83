import { canonicalJson, ok, type Result, unwrap } from "@miotsec/core";
import { nameUuid } from "@miotsec/core/internal";
import type { Catalog, Parameter, Requirement } from "./model.js";
import { parseCatalog } from "./parse-catalog.js";

/**
 * The OSCAL version the exported documents are written against.
 *
 * @example
 * ```ts
 * import { oscalVersion } from "@miotsec/criteria";
 * oscalVersion; // "1.1.2"
 * ```
 * @since 0.1.0
 */
export const oscalVersion = "1.1.2";

/**
 * The namespace of the OSCAL properties miotsec defines (`level`, `kind`, `tag`, `mapping`, ...).
 *
 * @example
 * ```ts
 * import { oscalNamespace } from "@miotsec/criteria";
 * oscalNamespace; // "https://github.com/miotsec/miotsec/ns/oscal"
 * ```
 * @since 0.1.0
 */
export const oscalNamespace = "https://github.com/miotsec/miotsec/ns/oscal";

type Json = { [key: string]: unknown };

/** OSCAL's markup-line and string types allow no line breaks and no outer white space. */
const line = (text: string) => text.replace(/\s+/g, " ").trim();

const prop = (name: string, value: string, extra: Json = {}): Json => ({
  name,
  ns: oscalNamespace,
  value: line(value),
  ...extra,
});

function parameter(p: Parameter): Json {
  return {
    id: p.id,
    label: line(p.label),
    ...(p.unit === undefined ? {} : { props: [prop("unit", p.unit)] }),
    ...(p.description === undefined ? {} : { usage: p.description }),
    values: [String(p.value)],
  };
}

function control(r: Requirement, parameters: ReadonlyMap<string, Parameter>): Json {
  const props = [
    prop("level", String(r.level)),
    prop("kind", r.kind),
    prop("na-allowed", String(r.naAllowed)),
    prop("na-justification-required", String(r.naJustificationRequired)),
    prop("evidence-required", String(r.evidenceRequired)),
    ...(r.source
      ? [
          prop(
            "source",
            [
              `Table ${r.source.table}`,
              r.source.row && `row ${r.source.row}`,
              r.source.column,
              r.source.bullet && `bullet ${r.source.bullet}`,
            ]
              .filter(Boolean)
              .join(", "),
          ),
        ]
      : []),
    ...(r.rule ? [prop("rule", `${r.rule.fact} ${r.rule.comparator} ${r.rule.parameter}`)] : []),
    ...r.tags.map((t) => prop("tag", t)),
    ...r.mappings.map((m) => prop("mapping", `${m.framework}:${m.id}`, { class: m.relation })),
  ];
  const used = r.rule ? parameters.get(r.rule.parameter) : undefined;
  const statement = r.rule
    ? `${r.text}\n\nMeasured: fulfilled when \`${r.rule.fact}\` ${r.rule.comparator} {{ insert: param, ${r.rule.parameter} }}.`
    : r.text;
  return {
    id: r.id,
    class: r.kind,
    title: line(r.text),
    ...(used ? { params: [parameter(used)] } : {}),
    props,
    parts: [
      { id: `${r.id}_smt`, name: "statement", prose: statement },
      ...(r.note === undefined ? [] : [{ id: `${r.id}_gdn`, name: "guidance", prose: r.note }]),
    ],
  };
}

/** An OSCAL group for a dimension or a criterion, its description as the overview part. */
function group(
  entry: { id: string; title: string; description?: string | undefined },
  kind: "dimension" | "criterion",
  childKey: "groups" | "controls",
  children: Json[],
): Json {
  return {
    id: entry.id,
    class: kind,
    title: line(entry.title),
    ...(entry.description === undefined
      ? {}
      : { parts: [{ id: `${entry.id}_ovw`, name: "overview", prose: entry.description }] }),
    ...(children.length > 0 ? { [childKey]: children } : {}),
  };
}

/**
 * Exports a catalog as an OSCAL catalog JSON document (`{ catalog: ... }`), valid against
 * NIST's published OSCAL catalog JSON schema: dimensions and criteria become nested groups,
 * requirements become controls with their level, kind, metadata, tags and mappings as props,
 * their text as the statement part, any note as guidance, and a measured requirement's
 * threshold as a control parameter. Identifiers are name-based UUIDs of the catalog's canonical
 * JSON (RFC 8785, `canonicalJson` of `@miotsec/core`), so the same catalog always exports byte
 * for byte the same document, whatever the order of its keys. The catalog is checked first
 * ({@link parseCatalog}): anything else is answered with issues.
 *
 * @example
 * ```ts
 * import { miotCatalog, toOscalCatalog } from "@miotsec/criteria";
 * const oscal = toOscalCatalog(miotCatalog);
 * if (oscal.ok) JSON.stringify(oscal.value).length > 0;
 * ```
 * @since 0.1.0
 */
export function toOscalCatalog(catalogInput: Catalog): Result<{ catalog: Record<string, unknown> }> {
  const checked = parseCatalog(catalogInput);
  if (!checked.ok) return checked;
  const catalog = checked.value;
  const parameters = new Map(catalog.parameters.map((p) => [p.id, p] as const));
  // Ids of the content's canonical JSON (RFC 8785): the same catalog, whatever the order of its
  // keys, has the same ids. A catalog is JSON through and through; one that is not is a
  // programmer's error, and `unwrap` says where.
  const identity = nameUuid(`oscal-catalog:${unwrap(canonicalJson(catalog))}`);
  const sourceUuid = nameUuid(`source:${unwrap(canonicalJson(catalog.source))}`);
  const remarks = catalog.provenance.map(
    (p) =>
      `- ${p.profile}${p.profileVersion ? ` ${p.profileVersion}` : ""}: ${p.operation} \`${p.target}\`${p.detail ? ` (${p.detail})` : ""}`,
  );
  const controlsOf = new Map<string, Json[]>();
  for (const r of catalog.requirements)
    controlsOf.set(r.criterion, [...(controlsOf.get(r.criterion) ?? []), control(r, parameters)]);
  const criteriaOf = new Map<string, Json[]>();
  for (const c of catalog.criteria) {
    const criterion = group(c, "criterion", "controls", controlsOf.get(c.id) ?? []);
    criteriaOf.set(c.dimension, [...(criteriaOf.get(c.dimension) ?? []), criterion]);
  }
  const groups = catalog.dimensions.map((d) => group(d, "dimension", "groups", criteriaOf.get(d.id) ?? []));
  const citation = [
    catalog.source.authors?.join(", "),
    catalog.source.title,
    catalog.source.publication,
    catalog.source.year,
  ]
    .filter((part) => part !== undefined && part !== "")
    .join(". ");
  return ok({
    catalog: {
      uuid: identity,
      metadata: {
        title: line(catalog.title),
        "last-modified": `${catalog.lastModified}T00:00:00Z`,
        version: catalog.version,
        "oscal-version": oscalVersion,
        props: [
          prop("catalog-id", catalog.id),
          ...catalog.levels.map((l) => prop("level-name", `${l.level}: ${l.name}`)),
        ],
        ...(remarks.length > 0 ? { remarks: `Tailored by profiles:\n\n${remarks.join("\n")}` } : {}),
      },
      groups,
      "back-matter": {
        resources: [
          {
            uuid: sourceUuid,
            title: line(catalog.source.title),
            citation: { text: line(citation) },
            ...(catalog.source.url ? { rlinks: [{ href: catalog.source.url }] } : {}),
          },
        ],
      },
    },
  });
}
