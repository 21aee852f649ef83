// Where the assessment stands: the overall level, a chart of every criterion's level, what
// blocks each criterion's next level, and the roadmap; and, given an earlier report, what
// improved and what regressed. Every requirement is shown with its text, never its id alone.
import { levelNames } from "@miotsec/core";
import {
  type Blocker,
  describeCatalog,
  describePolicy,
  type MaturityReport,
  type ReportComparison,
} from "@miotsec/maturity";
import { t } from "../messages.js";
import { whyWords } from "./why.js";

/** The level of every criterion as a bar chart (SVG that scales with its box). */
function LevelChart(props: { readonly report: MaturityReport }) {
  const rows = props.report.criteria;
  const rowHeight = 22;
  const labelWidth = 200;
  const barWidth = 300;
  const height = rows.length * rowHeight + 24;
  const x = (level: number) => labelWidth + (level / 5) * barWidth;
  return (
    <figure class="chart">
      <figcaption id="chart-caption">{t("report.chart")}</figcaption>
      <svg viewBox={`0 0 ${labelWidth + barWidth + 10} ${height}`} role="img" aria-labelledby="chart-title chart-desc">
        <title id="chart-title">{t("report.chart")}</title>
        <desc id="chart-desc">
          {rows.map((c) => t("report.chartBar", { title: c.title, level: c.level })).join("; ")}
        </desc>
        {[0, 1, 2, 3, 4, 5].map((l) => (
          <g key={l}>
            <line x1={x(l)} x2={x(l)} y1={0} y2={height - 20} class="grid" />
            <text x={x(l)} y={height - 6} class="tick" text-anchor="middle">
              {l}
            </text>
          </g>
        ))}
        {rows.map((c, i) => (
          <g key={c.id}>
            <text x={labelWidth - 6} y={i * rowHeight + 15} text-anchor="end" class="bar-label">
              {c.title.length > 28 ? `${c.title.slice(0, 27)}…` : c.title}
            </text>
            <rect
              x={labelWidth}
              y={i * rowHeight + 4}
              width={x(c.levelIfUnknownsMet) - labelWidth}
              height={14}
              class="bar-open"
            />
            <rect x={labelWidth} y={i * rowHeight + 4} width={x(c.level) - labelWidth} height={14} class="bar" />
          </g>
        ))}
      </svg>
    </figure>
  );
}

function Step(props: { readonly step: Blocker; readonly factTitle: (id: string) => string | undefined }) {
  const s = props.step;
  return (
    <li>
      <span class="req-id">{s.requirement}</span> {s.text}
      <br />
      <span class="hint">{t("report.why", { why: whyWords(s, props.factTitle) })}</span>
    </li>
  );
}

/** The comparison with an earlier report. */
function Comparison(props: {
  readonly comparison: ReportComparison;
  readonly file: string;
  readonly report: MaturityReport;
}) {
  const { comparison: c, report } = props;
  const title = (id: string) => report.criteria.find((x) => x.id === id)?.title ?? id;
  const text = (id: string) => `${id} ${report.requirements.find((x) => x.id === id)?.text ?? ""}`;
  const change = (id: string) => {
    const x = c.criteria.find((y) => y.id === id);
    return `${title(id)}: ${x?.before} → ${x?.after}`;
  };
  const list = (ids: readonly string[], words: (id: string) => string) =>
    ids.length === 0 ? (
      <p>{t("report.none")}</p>
    ) : (
      <ul>
        {ids.map((id) => (
          <li key={id}>{words(id)}</li>
        ))}
      </ul>
    );
  return (
    <section class="comparison" aria-labelledby="comparison-title">
      <h3 id="comparison-title">{t("report.comparison", { file: props.file })}</h3>
      <p>{t("report.overall", { before: c.overall.before, after: c.overall.after })}</p>
      <h4>{t("report.improved")}</h4>
      {list(c.improved, change)}
      <h4>{t("report.regressed")}</h4>
      {list(c.regressed, change)}
      <h4>{t("report.newlyFulfilled")}</h4>
      {list(c.newlyFulfilled, text)}
      <h4>{t("report.noLongerFulfilled")}</h4>
      {list(c.noLongerFulfilled, text)}
    </section>
  );
}

/** The report of the assessment as answered so far. */
export function ReportView(props: {
  readonly report: MaturityReport;
  /** A fact's title in the catalog the report is scored on. */
  readonly factTitle: (id: string) => string | undefined;
  readonly comparison?: { readonly value: ReportComparison; readonly file: string } | undefined;
}) {
  const { report } = props;
  const blocked = report.criteria.filter((c) => c.blockers.length > 0);
  return (
    <section class="report" aria-labelledby="report-title">
      <h2 id="report-title">{t("report.title")}</h2>
      <p class="level" data-testid="overall-level">
        {t("report.level", { level: report.level, name: report.levelName })}
      </p>
      {report.levelIfUnknownsMet !== report.level && (
        <p>
          {t("report.levelOpen", { level: report.levelIfUnknownsMet, name: levelNames[report.levelIfUnknownsMet] })}
        </p>
      )}
      <p class="hint">{t("report.catalog", { catalog: describeCatalog(report.catalog) })}</p>
      <p class="hint">{t("report.policy", { policy: describePolicy(report.policy) })}</p>
      <LevelChart report={report} />
      {props.comparison !== undefined && (
        <Comparison comparison={props.comparison.value} file={props.comparison.file} report={report} />
      )}
      <h3>{t("report.blockers")}</h3>
      {blocked.length === 0 ? (
        <p>{t("report.noBlockers")}</p>
      ) : (
        <ul class="blockers" data-testid="blockers">
          {blocked.map((c) => (
            <li key={c.id}>
              <strong>
                {c.title} ({c.level})
              </strong>
              <ul>
                {c.blockers.map((b) => (
                  <Step key={b.requirement} step={b} factTitle={props.factTitle} />
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <h3>{t("report.roadmap")}</h3>
      {report.roadmap.length === 0 ? (
        <p>{t("report.roadmapEmpty")}</p>
      ) : (
        <ol class="roadmap" data-testid="roadmap">
          {report.roadmap.map((stage) => (
            <li key={stage.level}>
              <h4 class="stage-title">{t("report.roadmapStage", { level: stage.level })}</h4>
              <ul>
                {stage.steps.map((s) => (
                  <Step key={s.requirement} step={s} factTitle={props.factTitle} />
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
