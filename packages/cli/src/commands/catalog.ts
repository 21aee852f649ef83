import { type Catalog, comparatorWords, type Requirement } from "@miotsec/criteria";
import type { Context } from "../context.js";
import { UsageError } from "../io.js";
import { didYouMean } from "../suggest.js";
import { oneLine } from "../terminal.js";
import { catalogOf } from "./assess.js";
import { json } from "./shared.js";

/** `--level N` as a level from 1 to 5, or a usage error. */
function levelOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[1-5]$/.test(text)) throw new UsageError(`--level must be 1 to 5, not "${text}"`);
  return Number(text);
}

/** The requirements `--criterion` and `--level` select, in catalog order. */
function selected(catalog: Catalog, criterion: string | undefined, level: number | undefined): Requirement[] {
  if (criterion !== undefined && !catalog.criteria.some((c) => c.id === criterion)) {
    const ids = catalog.criteria.map((c) => c.id);
    throw new UsageError(
      `--criterion: the catalog has no criterion "${criterion}"${didYouMean(criterion, ids)} (it has ${ids.join(", ")})`,
    );
  }
  return catalog.requirements.filter(
    (r) => (criterion === undefined || r.criterion === criterion) && (level === undefined || r.level === level),
  );
}

/** `miotsec catalog`: the criteria and requirements, each with its level, kind and text. */
export async function catalogCommand(context: Context): Promise<number> {
  const { io, options, style: s } = context;
  if (context.args.length > 0)
    throw new UsageError(
      `catalog takes no argument; to see one requirement: miotsec catalog show ${context.args[0]} (miotsec catalog --help)`,
    );
  const level = levelOption(options.level);
  const catalog = await catalogOf(options.catalog, options.profile);
  const requirements = selected(catalog, options.criterion, level);
  if (options.json) {
    io.out(
      json({
        catalog: {
          id: catalog.id,
          version: catalog.version,
          title: catalog.title,
          ...(catalog.profiles === undefined ? {} : { profiles: catalog.profiles }),
        },
        requirements: requirements.map((r) => ({
          id: r.id,
          criterion: r.criterion,
          level: r.level,
          kind: r.kind,
          text: r.text,
        })),
      }),
    );
    return 0;
  }
  const { describeCatalog } = await import("@miotsec/maturity");
  const lines = [
    `${s.bold(oneLine(catalog.title))}`,
    `${oneLine(describeCatalog({ id: catalog.id, version: catalog.version, ...(catalog.profiles ? { profiles: catalog.profiles } : {}) }))}: ${requirements.length} requirement${requirements.length === 1 ? "" : "s"}${requirements.length < catalog.requirements.length ? ` of ${catalog.requirements.length}` : ""}`,
  ];
  const width = Math.max(0, ...requirements.map((r) => oneLine(r.id).length));
  for (const criterion of catalog.criteria) {
    const own = requirements.filter((r) => r.criterion === criterion.id);
    if (own.length === 0) continue;
    const dimension = catalog.dimensions.find((d) => d.id === criterion.dimension);
    lines.push(
      "",
      `${s.bold(oneLine(criterion.title))} ${s.dim(`(${oneLine(criterion.id)}, ${oneLine(dimension?.title ?? criterion.dimension)})`)}`,
    );
    for (const r of own)
      lines.push(`  ${oneLine(r.id).padEnd(width)}  level ${r.level}  ${r.kind.padEnd(8)}  ${oneLine(r.text)}`);
  }
  lines.push(
    "",
    s.dim("attested: someone answers it; measured: computed from a fact. miotsec catalog show ID tells more."),
  );
  io.out(`${lines.join("\n")}\n`);
  return 0;
}

/** Where a requirement comes from, in words: 'Table III, row 2, column "Updates", bullet 3'. */
function sourceWords(r: Requirement): string | undefined {
  const src = r.source;
  if (src === undefined) return undefined;
  return [
    `Table ${src.table}`,
    src.row === undefined ? undefined : `row ${src.row}`,
    src.column === undefined ? undefined : `column "${src.column}"`,
    src.bullet === undefined ? undefined : `bullet ${src.bullet}`,
    src.section === undefined ? undefined : `section ${src.section}`,
  ]
    .filter((w) => w !== undefined)
    .join(", ");
}

/** `miotsec catalog show ID`: one requirement whole: source, note, answers and mappings. */
export async function showCommand(context: Context): Promise<number> {
  const { io, options, style: s } = context;
  if (context.args.length !== 1)
    throw new UsageError(`catalog show needs one requirement id, such as updates.2.3 (miotsec catalog show --help)`);
  const id = context.args[0] as string;
  const catalog = await catalogOf(options.catalog, options.profile);
  const r = catalog.requirements.find((x) => x.id === id);
  if (r === undefined) {
    const hint = didYouMean(
      id,
      catalog.requirements.map((x) => x.id),
    );
    throw new UsageError(`the catalog has no requirement "${id}"${hint} (miotsec catalog lists them)`);
  }
  if (options.json) {
    io.out(json(r));
    return 0;
  }
  const criterion = catalog.criteria.find((c) => c.id === r.criterion);
  const rule = r.rule;
  const parameter = rule && catalog.parameters.find((p) => p.id === rule.parameter);
  const fact = rule && catalog.facts.find((f) => f.id === rule.fact);
  const answers =
    r.kind === "measured"
      ? `computed from the fact ${rule?.fact ?? "?"}${fact?.kind === "number" && fact.unit ? ` (${fact.unit})` : ""}: this level needs it ${rule ? comparatorWords[rule.comparator] : "?"} ${parameter?.value ?? "?"}${r.naAllowed ? "; or answered na" : ""}`
      : `met, partial, unmet, unknown${r.naAllowed ? `, or na${r.naJustificationRequired ? " with a justification" : ""}` : ""}`;
  const rows: [string, string | undefined][] = [
    ["criterion", criterion ? `${criterion.title} (${criterion.id})` : r.criterion],
    ["level", String(r.level)],
    ["kind", r.kind === "attested" ? "attested: someone answers it" : "measured: computed from a fact"],
    ["answers", answers],
    ["evidence", r.evidenceRequired ? "required for met to count" : "not required"],
    ["source", sourceWords(r)],
    ["note", r.note],
    ["tags", r.tags.length > 0 ? r.tags.join(", ") : undefined],
  ];
  const lines = [`${s.bold(oneLine(r.id))}  ${oneLine(r.text)}`, ""];
  for (const [name, value] of rows) if (value !== undefined) lines.push(`  ${s.dim(name.padEnd(9))} ${oneLine(value)}`);
  if (r.mappings.length > 0) {
    lines.push(`  ${s.dim("mappings")}`);
    for (const m of r.mappings) lines.push(`    ${oneLine(m.framework)} ${oneLine(m.id)} (${m.relation})`);
  }
  io.out(`${lines.join("\n")}\n`);
  return 0;
}
