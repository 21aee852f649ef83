import type { Level } from "@miotsec/core";
import type { Catalog } from "@miotsec/criteria";
import type { Answer, Assessment, Blocker, MaturityReport } from "@miotsec/maturity";
import type { Context } from "../context.js";
import { choice, emit, positional } from "../context.js";
import { issueLine, readDocument, UsageError } from "../io.js";
import type { Style } from "../style.js";
import { oneLine, shorten } from "../terminal.js";
import { json, readLabel } from "./shared.js";

/** `--policy partial=met --policy na=unmet` as a partial policy object; the scorer checks the values. */
function policyOf(pairs: readonly string[] | undefined): Record<string, string> {
  const policy: Record<string, string> = {};
  for (const pair of pairs ?? []) {
    const m = /^([A-Za-z]+)=([A-Za-z-]+)$/.exec(pair);
    if (m === null) throw new UsageError(`--policy takes KEY=VALUE (partial=met), not "${pair}"`);
    Object.defineProperty(policy, m[1] as string, { value: m[2], enumerable: true });
  }
  return policy;
}

/** The catalog to assess on: `--catalog` tailored by `--profile`, else the paper's. */
export async function catalogOf(catalogFile: string | undefined, profileFile: string | undefined): Promise<Catalog> {
  const criteria = await import("@miotsec/criteria");
  let catalog = criteria.miotCatalog;
  if (catalogFile !== undefined) {
    const parsed = criteria.parseCatalog(await readDocument(catalogFile));
    if (!parsed.ok) throw new UsageError(await issueLine(catalogFile, parsed.issues));
    catalog = parsed.value;
  }
  if (profileFile !== undefined) {
    const tailored = criteria.applyProfile(catalog, await readDocument(profileFile));
    if (!tailored.ok) throw new UsageError(await issueLine(profileFile, tailored.issues));
    catalog = tailored.value;
  }
  return catalog;
}

/** `miotsec assess <assessment>`: levels, blockers and roadmap in text, JSON, Markdown or OSCAL. */
export async function assessCommand(context: Context): Promise<number> {
  const { options } = context;
  const labelFile = options["from-label"];
  if (options.template || labelFile !== undefined) {
    const how = labelFile === undefined ? "--template" : "--from-label";
    if (context.args.length > 0)
      throw new UsageError(`assess ${how} writes a new questionnaire and reads no assessment (miotsec assess --help)`);
    for (const option of ["format", "json", "policy", "min-level"] as const)
      if (options[option] !== undefined) throw new UsageError(`assess ${how} does not take --${option}`);
    const catalog = await catalogOf(options.catalog, options.profile);
    const maturity = await import("@miotsec/maturity");
    const words = maturity.describeCatalog({
      id: catalog.id,
      version: catalog.version,
      ...(catalog.profiles === undefined ? {} : { profiles: catalog.profiles }),
    });
    let prefilled: Assessment | undefined;
    if (labelFile !== undefined) {
      const r = maturity.assessmentFromLabel(await readLabel(labelFile), catalog, { asOf: context.asOf });
      if (!r.ok) throw new UsageError(await issueLine(labelFile, r.issues));
      prefilled = r.value;
    }
    await emit(context, questionnaire(catalog, words, context.asOf, prefilled));
    return 0;
  }
  if (options["as-of"] !== undefined)
    throw new UsageError(
      "assess takes its date from the assessment's asOf; --as-of goes with --template or --from-label",
    );
  const [file] = positional(context, "an assessment file") as [string];
  const format = choice(
    "format",
    options.json ? "json" : options.format,
    ["text", "json", "markdown", "oscal"],
    "text",
  );
  const minLevelText = options["min-level"];
  const minLevel = minLevelText === undefined ? 0 : Number(minLevelText);
  if (!/^[0-5]$/.test(minLevelText ?? "0")) throw new UsageError(`--min-level must be 0 to 5, not "${minLevelText}"`);
  const maturity = await import("@miotsec/maturity");
  // The policy is checked on its own first, so that its issues are named as --policy's.
  const policy = maturity.resolvePolicy(policyOf(options.policy));
  if (!policy.ok) throw new UsageError(await issueLine("--policy", policy.issues));
  const catalog = await catalogOf(options.catalog, options.profile);
  const assessment = await readDocument(file);
  const r = maturity.assess(catalog, assessment, { policy: policy.value });
  if (!r.ok) throw new UsageError(await issueLine(file, r.issues));
  const report = r.value;
  const { unwrap } = await import("@miotsec/core");
  if (report.level < minLevel)
    context.io.err(`miotsec: ${oneLine(file)}: level ${report.level} is below --min-level ${minLevel}; exit code 1\n`);
  const text =
    format === "json"
      ? json(report)
      : format === "markdown"
        ? unwrap(maturity.toMarkdown(report))
        : format === "oscal"
          ? json(unwrap(maturity.toOscalAssessmentResults(report)))
          : await reportText(report, context.style);
  await emit(context, text, format === "markdown" ? "markup" : "text");
  return report.level < minLevel ? 1 : 0;
}

/** Text as YAML comment lines, each starting with `prefix` and "# "; a line break starts a new one. */
const comment = (text: string, prefix = "") =>
  text
    .split(/\r\n|[\n\v\f\r\u0085\u2028\u2029]/u)
    .map((line) => `${prefix}# ${line}`.trimEnd())
    .join("\n");

/** What a pre-filled answer's evidence says, for the comment above it. */
const whyOf = (answer: Answer) =>
  typeof answer === "object" ? (answer.evidence?.[0]?.description ?? answer.status) : answer;

/**
 * An id as a YAML key. Requirement and fact ids are letters, digits, dots and hyphens, starting
 * with a letter: plain YAML, but for `null`, which YAML reads as an empty key.
 */
const yamlKey = (id: string) => (id === "null" ? '"null"' : id);

/**
 * The questionnaire of `assess --template`: an assessment in YAML with every attested
 * requirement's text as a comment above its empty answer (`null`, not answered yet), and every
 * fact with its title and unit, by criterion. It assesses as it is (everything unknown). With
 * `prefilled` (`assess --from-label`), its subject and the answers it has are written in, each
 * with the label as evidence, for a person to review.
 */
export function questionnaire(catalog: Catalog, catalogWords: string, asOf: string, prefilled?: Assessment): string {
  const subject = prefilled?.subject;
  const lines = [
    comment(`A questionnaire on ${catalog.title}`),
    comment(`(${catalogWords}).`),
    "# Answer each requirement: met, partial, unmet or unknown; na only where it says so. An",
    "# answer may also be an object: { status: met, evidence: [{ href: ..., method: examine }] },",
    "# or { status: na, justification: ... }. An empty answer is not answered yet.",
    "# Then: miotsec assess <this file>",
    "schemaVersion: 1",
    `asOf: "${asOf}"`,
    ...(subject === undefined
      ? [
          "# subject:",
          "#   kind: facility  # or device, product-family, other",
          "#   name: The facility or device assessed",
        ]
      : [
          "# Pre-filled from a device label: review every answer marked so; the label is the manufacturer's word.",
          `subject: ${JSON.stringify(subject)}`,
        ]),
    `catalog: { id: ${catalog.id}, version: "${catalog.version}" }`,
    "answers:",
  ];
  for (const criterion of catalog.criteria) {
    const attested = catalog.requirements.filter((r) => r.criterion === criterion.id && r.kind === "attested");
    if (attested.length === 0) continue;
    lines.push("", comment(`${criterion.title.toUpperCase()}`, "  "));
    for (const r of attested) {
      const na = r.naAllowed ? (r.naJustificationRequired ? "; na allowed, with a justification" : "; na allowed") : "";
      const evidence = r.evidenceRequired ? "; met counts only with evidence" : "";
      const answer = prefilled?.answers[r.id];
      lines.push(
        comment(`Level ${r.level}: ${r.text}${na}${evidence}`, "  "),
        // JSON is YAML: the pre-filled answer, with its evidence, on one line.
        answer == null
          ? `  ${yamlKey(r.id)}:`
          : `${comment(`To review, from the label: ${whyOf(answer)}`, "  ")}\n  ${yamlKey(r.id)}: ${JSON.stringify(answer)}`,
      );
    }
  }
  if (catalog.facts.length > 0) {
    lines.push("", "# Facts for the measured requirements (Table IV). Empty is not known yet.", "facts:");
    const branches = new Map<string, typeof catalog.facts>();
    for (const f of catalog.facts) {
      const [head] = f.id.split(".") as [string];
      branches.set(head, [...(branches.get(head) ?? []), f]);
    }
    for (const [head, facts] of branches) {
      const nested = facts.some((f) => f.id.includes("."));
      if (nested) lines.push(`  ${yamlKey(head)}:`);
      for (const f of facts) {
        const what =
          f.kind === "ordinal"
            ? `one of ${f.values.join(", ")}`
            : (f.unit ?? (f.integer ? "a whole number" : "a number"));
        lines.push(
          comment(`${f.title}: ${what}`, nested ? "    " : "  "),
          nested ? `    ${yamlKey(f.id.slice(head.length + 1))}:` : `  ${yamlKey(f.id)}:`,
        );
      }
    }
  }
  return `${lines.join("\n")}\n`;
}

const percent = (ratio: number) => `${Math.floor(ratio * 100)} %`;

/** How many characters of a requirement's text a line of the terminal report shows. */
const textWidth = 72;
/** How many steps of a roadmap stage the terminal report lists; `--format markdown` lists all. */
const stepsShown = 5;

/** The report for a terminal: the level, dimensions, criteria with their first blocker, the roadmap. */
export async function reportText(report: MaturityReport, s: Style): Promise<string> {
  const { levelNames } = await import("@miotsec/core");
  const { describeCatalog, describePolicy } = await import("@miotsec/maturity");
  const { assessment, coverage } = report;
  const named = (level: Level) => `${level} (${levelNames[level]})`;
  const range = (level: Level, atBest: Level) =>
    atBest > level ? `${named(level)} to ${named(atBest)}` : named(level);
  const lines: string[] = [];
  const subject = oneLine(assessment.subject?.name ?? assessment.id ?? "the assessment");
  lines.push(
    `${s.bold(subject)}, as of ${assessment.asOf}, on ${oneLine(describeCatalog(report.catalog))}`,
    `Policy: ${describePolicy(report.policy)}.`,
  );
  const atBest =
    report.levelIfUnknownsMet > report.level
      ? `; at best ${named(report.levelIfUnknownsMet)} once the open answers are in`
      : "";
  lines.push(
    `Level ${s.bold(named(report.level))}${atBest}`,
    `${coverage.known} of ${coverage.requirements} requirements known (${percent(coverage.ratio)})`,
    "",
  );
  // Ids and texts come from the catalog, which a file may give: each is made safe for the terminal once.
  const id = (text: string) => oneLine(text);
  const what = (b: Blocker) => `${id(b.requirement)}  ${oneLine(shorten(b.text, textWidth))}`;
  const width = Math.max(9, ...report.criteria.map((c) => id(c.id).length));
  lines.push(s.dim(`${"dimension".padEnd(width)}  level (at best, once the open answers are in)`));
  for (const d of report.dimensions) lines.push(`${id(d.id).padEnd(width)}  ${range(d.level, d.levelIfUnknownsMet)}`);
  lines.push("", s.dim(`${"criterion".padEnd(width)}  level, and what blocks the next one`));
  for (const c of report.criteria) {
    lines.push(`${id(c.id).padEnd(width)}  ${range(c.level, c.levelIfUnknownsMet)}`);
    const blocker = c.blockers[0];
    if (blocker === undefined) continue;
    const others = c.blockers.length - 1;
    lines.push(
      `${" ".repeat(width)}    ${what(blocker)}`,
      `${" ".repeat(width)}    ${s.dim(`${oneLine(blocker.why)}${others > 0 ? ` And ${others} more requirement${others === 1 ? "" : "s"} of level ${blocker.level}.` : ""}`)}`,
    );
  }
  if (report.roadmap.length > 0) {
    lines.push("", "Roadmap:");
    for (const stage of report.roadmap) {
      const n = stage.steps.length;
      lines.push(`  to level ${named(stage.level)}: ${n === 0 ? "nothing more" : `${n} step${n === 1 ? "" : "s"}`}`);
      for (const b of stage.steps.slice(0, stepsShown)) lines.push(`    ${what(b)}`);
      if (n > stepsShown) lines.push(s.dim(`    and ${n - stepsShown} more (--format markdown lists every step)`));
    }
  }
  return `${lines.join("\n")}\n`;
}
