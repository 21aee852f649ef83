import { ok, type Result } from "@miotsec/core";
import { describeCatalog, describePolicy } from "./policy.js";
import type { Blocker, MaturityReport } from "./report.js";
import { parseReport } from "./report-schema.js";

// Text from a document as one line of Markdown: characters Markdown reads as markup are
// escaped, and every line terminator (CR, LF, CRLF, NEL, U+2028, U+2029, and the vertical tab
// and form feed some tools break on) becomes a space, so that no text can start a heading, a
// table row or a list of its own.
const inline = (text: string) =>
  text.replace(/([\\`*_[\]|<>])/g, "\\$1").replace(/\r\n|[\n\v\f\r\u0085\u2028\u2029]/gu, " ");
const percent = (ratio: number) => `${Math.round(ratio * 100)} %`;

function step(b: Blocker): string {
  return `- \`${b.requirement}\` ${inline(b.text)} (level ${b.level}, ${b.outcome === "unknown" ? "not known yet" : "not fulfilled"}): ${inline(b.why)}`;
}

/**
 * The report as Markdown for people: the overall level and what the evidence still allows,
 * coverage, a table of dimensions and criteria, what blocks each criterion's next level, and
 * the roadmap. Deterministic: the same report gives the same text. The report is checked
 * first ({@link parseReport}): anything else is answered with issues.
 *
 * @example
 * ```ts
 * import { miotCatalog } from "@miotsec/criteria";
 * import { unwrap } from "@miotsec/core";
 * import { assess, toMarkdown } from "@miotsec/maturity";
 * const r = assess(miotCatalog, { schemaVersion: 1, asOf: "2026-11-28", answers: {} });
 * if (r.ok) console.log(unwrap(toMarkdown(r.value)));
 * ```
 * @since 0.1.0
 */
export function toMarkdown(reportInput: MaturityReport): Result<string> {
  const checked = parseReport(reportInput);
  if (!checked.ok) return checked;
  const report = checked.value;
  const subject = report.assessment.subject ? `${inline(report.assessment.subject.name)}, ` : "";
  const lines = [
    `# Maturity report: ${subject}${report.assessment.asOf}`,
    "",
    `Catalog: ${inline(describeCatalog(report.catalog))}. Policy: ${describePolicy(report.policy)}.`,
    "",
    `**Level ${report.level} (${report.levelName})**, score ${report.score.toFixed(2)}; at most level ${report.levelIfUnknownsMet} once every unknown is known.`,
    `Known outcomes: ${report.coverage.known} of ${report.coverage.requirements} requirements (${percent(report.coverage.ratio)}).`,
    "",
    "| dimension | criterion | level | if unknowns met | score | blockers |",
    "| --- | --- | ---: | ---: | ---: | ---: |",
  ];
  for (const d of report.dimensions) {
    lines.push(`| **${inline(d.title)}** | | **${d.level}** | **${d.levelIfUnknownsMet}** | | |`);
    for (const c of report.criteria.filter((x) => x.dimension === d.id)) {
      lines.push(
        `| | ${inline(c.title)} | ${c.level} | ${c.levelIfUnknownsMet} | ${c.score.toFixed(2)} | ${c.blockers.length} |`,
      );
    }
  }
  const blocked = report.criteria.filter((c) => c.blockers.length > 0);
  if (blocked.length > 0) {
    lines.push("", "## What stops each criterion's next level", "");
    for (const c of blocked) {
      lines.push(`### ${inline(c.title)}: level ${c.level} → ${c.level + 1}`, "", ...c.blockers.map(step), "");
    }
    lines.pop();
  }
  if (report.roadmap.length > 0) {
    lines.push("", "## Roadmap", "");
    for (const stage of report.roadmap) {
      lines.push(`### To reach level ${stage.level}`, "");
      lines.push(
        ...(stage.steps.length > 0 ? stage.steps.map(step) : ["- Nothing more: the steps above reach this level too."]),
        "",
      );
    }
    lines.pop();
  }
  return ok(`${lines.join("\n")}\n`);
}
