import type { BestBefore } from "@miotsec/best-before";
import { escapeText } from "@miotsec/core/internal";
import type { DeviceLabel } from "@miotsec/label";
import type { MaturityReport } from "@miotsec/maturity";
import type { EndpointAppraisal } from "@miotsec/runtime-facts";
import type { CompareSummary } from "./commands/compare.js";
import { inWords, labelWords, serverCountries, statusWords, thirdParties } from "./words.js";

/** One label of the demo with everything computed from it. */
export interface DemoLabel {
  readonly file: string;
  readonly label: DeviceLabel;
  readonly svg: string;
  readonly bestBefore?: BestBefore;
  readonly traffic?: EndpointAppraisal;
}

/** Everything the demo computed, as the report page shows it. */
export interface DemoResults {
  readonly asOf: string;
  readonly report: MaturityReport;
  /** The report's catalog and policy in words (`describeCatalog`, `describePolicy` of `@miotsec/maturity`). */
  readonly words: { readonly catalog: string; readonly policy: string };
  readonly labels: readonly DemoLabel[];
  readonly runtime: readonly { readonly file: string; readonly label: string; readonly summary: CompareSummary }[];
}

const e = escapeText;
const levelWords = ["not reached", "beginnings", "first steps", "on the way", "developed", "mature"];
const tierColour: Readonly<Record<string, string>> = {
  affirming: "#1b5e20",
  valid: "#1b5e20",
  warning: "#8a4b00",
  "due-soon": "#8a4b00",
  contraindicated: "#b00020",
  expired: "#b00020",
  none: "#444",
};
const reactionChain = new Set(["pause-operation", "isolate-from-network", "notify", "require-re-integration"]);
const badge = (word: string) =>
  `<span class="badge" style="background:${tierColour[word] ?? "#444"}">${e(inWords(statusWords, word))}</span>`;

/** A horizontal bar chart of the criterion levels: reached (solid) and at best (outlined). */
export function levelChart(report: DemoResults["report"]): string {
  const rowHeight = 26;
  const left = 240;
  const unit = 80;
  const top = 34;
  const height = top + report.criteria.length * rowHeight + 10;
  const width = left + 5 * unit + 50;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="chart-title chart-desc">`,
    `<title id="chart-title">Maturity level per criterion</title>`,
    `<desc id="chart-desc">${e(report.criteria.map((c) => `${c.title}: level ${c.level}${c.levelIfUnknownsMet > c.level ? `, at best ${c.levelIfUnknownsMet}` : ""}`).join("; "))}</desc>`,
  ];
  for (let l = 0; l <= 5; l++) {
    const x = left + l * unit;
    parts.push(
      `<line x1="${x}" y1="${top - 6}" x2="${x}" y2="${height - 6}" stroke="#ccc"/>`,
      `<text x="${x}" y="${top - 12}" text-anchor="middle" font-size="11">${l}${l > 0 ? ` ${levelWords[l]}` : ""}</text>`,
    );
  }
  report.criteria.forEach((c, i) => {
    const y = top + i * rowHeight;
    parts.push(
      `<text x="${left - 8}" y="${y + 16}" text-anchor="end" font-size="13">${e(c.title)}</text>`,
      `<rect x="${left}" y="${y + 4}" width="${c.levelIfUnknownsMet * unit}" height="16" fill="none" stroke="#1f4e79" stroke-dasharray="4 3"/>`,
      `<rect x="${left}" y="${y + 4}" width="${c.level * unit}" height="16" fill="#1f4e79"/>`,
    );
  });
  parts.push("</svg>");
  return parts.join("");
}

/** A requirement as a person reads it: its id, its whole text, and why it does not count. */
const requirementItem = (b: MaturityReport["roadmap"][number]["steps"][number]) =>
  `<code>${e(b.requirement)}</code> ${e(b.text)} <span class="why">${e(b.why)}</span>`;

function maturitySection(report: DemoResults["report"], catalogWords: string, policyWords: string): string {
  const roadmap = report.roadmap
    .map(
      (stage) =>
        `<li><strong>Level ${stage.level} (${e(levelWords[stage.level] ?? "")})</strong>: ${
          stage.steps.length === 0
            ? "nothing more: the steps above reach this level too."
            : `${stage.steps.length} step${stage.steps.length === 1 ? "" : "s"}<ul>${stage.steps.map((b) => `<li>${requirementItem(b)}</li>`).join("")}</ul>`
        }</li>`,
    )
    .join("");
  const rows = report.criteria
    .map((c) => {
      const others = c.blockers.length - 1;
      const blocker = c.blockers[0]
        ? `${requirementItem(c.blockers[0])}${others > 0 ? ` <span class="why">And ${others} more requirement${others === 1 ? "" : "s"} of level ${c.blockers[0].level}, in the roadmap.</span>` : ""}`
        : "nothing: level 5";
      return `<tr><td>${e(c.title)}</td><td>${e(c.dimension)}</td><td>${c.level}</td><td>${c.levelIfUnknownsMet}</td><td>${blocker}</td></tr>`;
    })
    .join("");
  return `<section id="maturity">
<h2>Maturity: ${e(report.assessment.subject?.name ?? "the sample hospital")}</h2>
<p class="big">Level ${report.level}, <em>${e(report.levelName)}</em>${report.levelIfUnknownsMet > report.level ? `; at best ${report.levelIfUnknownsMet} once the open answers are in` : ""}. ${report.coverage.known} of ${report.coverage.requirements} requirements are known. Under the paper's gated rule a criterion reaches a level only when every requirement up to it is fulfilled, and the facility's level is that of its weakest criterion.</p>
<p class="note">Catalog: ${e(catalogWords)}. Policy: ${e(policyWords)}. Levels run from 0 (not reached) to 5 (mature).</p>
<div class="chart">${levelChart(report)}</div>
<p class="note">Solid: the level reached. Dashed: the best level the unanswered requirements still allow.</p>
<table><thead><tr><th>Criterion</th><th>Dimension</th><th>Level</th><th>At best</th><th>What blocks the next level</th></tr></thead><tbody>${rows}</tbody></table>
<h3>Roadmap</h3><ol>${roadmap}</ol>
<p>Files: <a href="assessment.json">assessment.json</a>, <a href="assessment.md">assessment.md</a>, <a href="assessment.oscal.json">assessment.oscal.json</a> (OSCAL assessment results).</p>
</section>`;
}

/**
 * What to do on the inspection day, for each label whose date is near or past: the paper's
 * actions with why, below the labels so that each label still prints whole on a page.
 */
function inspections(labels: DemoResults["labels"]): string {
  const due = labels.filter((l) => l.bestBefore !== undefined && l.bestBefore.status !== "valid");
  if (due.length === 0) return "";
  const blocks = due.map((l) => {
    const b = l.bestBefore as BestBefore;
    const steps = b.inspection.map((s) => `<li>${e(s.action)} <span class="note">${e(s.why)}</span></li>`).join("");
    return `<h4>${e(l.label.identity.product)}: ${e(b.bestBefore)} ${badge(b.status)}</h4><ol>${steps}</ol>`;
  });
  return `<h3>On the inspection day</h3><p>What the paper has an inspection do, for the labels whose date is near or past.</p>${blocks.join("")}`;
}

function labelsSection(labels: DemoResults["labels"]): string {
  const figures = labels
    .map((l) => {
      const base = l.file.replace(/^.*[\\/]/, "").replace(/\.label\.json$/, "");
      const b = l.bestBefore;
      return `<figure class="label" id="label-${e(base)}" data-label-id="${e(l.label.id)}">${l.svg}
<figcaption><strong>${e(l.label.identity.product)}</strong><br>${b ? `Best before inspection ${e(b.bestBefore)} ${badge(b.status)}, ${b.daysRemaining} days; ${e(inWords(labelWords, b.label))}` : "No lifecycle facts disclosed"}<br><a href="labels/${e(base)}.svg">SVG</a> · <a href="labels/${e(base)}.html">HTML</a> · <a href="labels/${e(base)}.cdx.json">CycloneDX</a> · <a href="labels/${e(base)}.mud.json">MUD</a></figcaption></figure>`;
    })
    .join("\n");
  return `<section id="labels"><h2>IoT Components Facts labels</h2><p>Each label's QR code opens its online label; scan it from the screen.</p><div class="labels">${figures}</div>${inspections(labels)}</section>`;
}

function runtimeSection(runtime: DemoResults["runtime"]): string {
  const blocks = runtime
    .map((r) => {
      const rows = r.summary.devices
        .map((d) => {
          const fired = d.events.filter((ev) => ev.kind !== "resolved");
          const detail = fired
            .slice(0, 4)
            .map(
              (ev) =>
                `<li>${e(new Date(ev.at).toISOString().slice(11, 16))} ${e(ev.kind)} <code>${e(ev.metric)}</code>: ${e(ev.explanation)}</li>`,
            )
            .join("");
          const chain =
            d.actions.length > 0
              ? `<p class="chain">${d.actions.map((a) => `<span${reactionChain.has(a) ? ' class="react"' : ""}>${e(a)}</span>`).join(" → ")}</p>`
              : "";
          return `<tr><td><code>${e(d.device)}</code></td><td>${badge(d.status)}</td><td>${d.samples}</td><td>${detail ? `<ul>${detail}</ul>` : "within the declared values"}${chain}</td></tr>`;
        })
        .join("");
      return `<h3><code>${e(r.file)}</code> against <code>${e(r.label)}</code></h3><p>${r.summary.samples} samples, ${r.summary.stage} stage, a breach of the stage range must last 120 s; fail-safe breaches fire at once.</p><table><thead><tr><th>Device</th><th>Appraisal</th><th>Samples</th><th>Findings and actions</th></tr></thead><tbody>${rows}</tbody></table>`;
    })
    .join("");
  return `<section id="runtime"><h2>Runtime facts</h2><p>Samples compared with the reference values the labels declare. A fail-safe breach ends in the paper's reaction chain: pause operation, isolate from the network, notify, require re-integration.</p>${blocks}<p>File: <a href="runtime.json">runtime.json</a>.</p></section>`;
}

function trafficSection(labels: DemoResults["labels"]): string {
  const blocks = labels
    .filter((l) => l.traffic !== undefined)
    .map((l) => {
      const t = l.traffic as NonNullable<typeof l.traffic>;
      const rows = t.findings
        .map((f) => `<tr><td><code>${e(f.host)}</code></td><td>${badge(f.tier)}</td><td>${e(f.explanation)}</td></tr>`)
        .join("");
      return `<h3>${e(l.label.identity.product)} ${badge(t.status)}</h3><p>${t.hosts.length} hosts; third parties: ${e(thirdParties(t))}; server countries: ${e(serverCountries(t))}.</p><table><thead><tr><th>Host</th><th>Appraisal</th><th>Finding</th></tr></thead><tbody>${rows}</tbody></table>`;
    })
    .join("");
  return `<section id="traffic"><h2>Network traffic against the declared endpoints</h2><p>What each scanner app was seen connecting to (the security test of the paper's section VI), compared with the endpoints its label declares.</p>${blocks}<p>File: <a href="traffic.json">traffic.json</a>.</p></section>`;
}

/** The demo's report: one self-contained page (no scripts, no network), with the labels drawn inline. */
export function demoPage(results: DemoResults): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>miotsec demo report, ${e(results.asOf)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#111;background:#fff;margin:0 auto;max-width:1200px;padding:1.5rem;line-height:1.45}
h1{margin:0 0 .25rem}h2{border-bottom:2px solid #111;padding-bottom:.2rem;margin-top:2.5rem}
table{border-collapse:collapse;width:100%;margin:.75rem 0;font-size:.92rem}th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#eee}
code{font-size:.88em}td code{white-space:nowrap}.big{font-size:1.15rem}.note{color:#444;font-size:.9rem}
.badge{color:#fff;border-radius:3px;padding:0 .4em;font-size:.85em;white-space:nowrap}
.labels{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:flex-start}.label{margin:0;padding:12px;background:#fff}
.chain span{background:#8a4b00;color:#fff;padding:.1em .4em;border-radius:3px;white-space:nowrap}
span.react{background:#b00020}ul{margin:.2rem 0;padding-left:1.2rem}.why{color:#444}
.chart svg{max-width:100%;height:auto}.labels svg{max-width:100%;height:auto}.chain{display:flex;flex-wrap:wrap;gap:.2em}
@media (max-width:600px){body{padding:.75rem}table{display:block;overflow-x:auto;font-size:.85rem}td code{white-space:normal;overflow-wrap:anywhere}}
@media print{@page{margin:12mm}body{max-width:none;padding:0}nav{display:none}.labels svg{width:auto;max-height:215mm}h2{break-after:avoid}figure.label,tr{break-inside:avoid}
a[href]::after{content:" (" attr(href) ")";font-size:.85em;color:#444}a[href^="#"]::after{content:""}}
</style></head><body>
<header><h1>miotsec demo report</h1><p>As of ${e(results.asOf)}. Everything on this page was computed by <code>miotsec demo</code> from the files in <code>examples/</code>, with the model and the labeling approach of “Improving IT Security of Medical IoT Devices: A Maturity Evaluation and a Labeling Approach”.</p>
<nav><a href="#maturity">Maturity</a> · <a href="#labels">Labels</a> · <a href="#runtime">Runtime facts</a> · <a href="#traffic">Traffic</a></nav></header>
${maturitySection(results.report, results.words.catalog, results.words.policy)}
${labelsSection(results.labels)}
${runtimeSection(results.runtime)}
${trafficSection(results.labels)}
</body></html>
`;
}
