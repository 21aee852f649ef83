// The catalog as a questionnaire: dimension, criterion, level, requirement, each with its
// text and where the paper says it; an answer, a justification where the catalog asks for one,
// and an evidence link. Measured requirements read the facts of Table IV, asked once below.
import type { Catalog } from "@miotsec/criteria";
import { answerStatuses } from "@miotsec/criteria";
import { memo } from "preact/compat";
import { useMemo } from "preact/hooks";
import { t } from "../messages.js";
import { valueName } from "../value-name.js";
import {
  type Draft,
  evidenceLinkOf,
  factOf,
  justificationOf,
  setEvidenceLink,
  setFact,
  setJustification,
  setStatus,
  statusOf,
} from "./assessment.js";

type Requirement = Catalog["requirements"][number];
type Update = (change: (draft: Draft) => Draft) => void;

const domId = (id: string) => `q-${id.replace(/[^a-z0-9-]/g, "-")}`;

function sourceText(source: Requirement["source"]): string | undefined {
  if (source === undefined) return undefined;
  return [
    t("assess.sourceTable", { table: source.table }),
    source.row !== undefined ? t("assess.sourceRow", { row: source.row }) : undefined,
    source.column,
    source.bullet !== undefined ? t("assess.sourceBullet", { bullet: source.bullet }) : undefined,
    source.section !== undefined ? t("assess.sourceSection", { section: source.section }) : undefined,
  ]
    .filter((x) => x !== undefined)
    .join(", ");
}

/** One requirement's question. Memoised: an answer elsewhere does not re-render it. */
const Question = memo(function Question(props: {
  readonly requirement: Requirement;
  readonly answer: Draft["answers"][string] | undefined;
  readonly update: Update;
  readonly factTitles: ReadonlyMap<string, string>;
}) {
  const { requirement: r, answer, update, factTitles } = props;
  const id = domId(r.id);
  const status = statusOf(answer);
  const source = sourceText(r.source);
  const options = answerStatuses.filter((s) => s !== "na" || r.naAllowed);
  return (
    <li class="question" id={id}>
      <fieldset>
        <legend>
          <span class="req-id">{r.id}</span> {r.text}
        </legend>
        {source !== undefined && <p class="hint">{t("assess.source", { source })}</p>}
        {r.note !== undefined && <p class="hint">{t("assess.note", { note: r.note })}</p>}
        {r.kind === "measured" && r.rule !== undefined ? (
          <p class="hint">{t("assess.measured", { fact: factTitles.get(r.rule.fact) ?? r.rule.fact })}</p>
        ) : (
          <div class="answers" role="radiogroup" aria-label={t("assess.answer", { id: r.id })}>
            {options.map((s) => (
              <label key={s} class={`answer answer-${s}`}>
                <input
                  type="radio"
                  name={`${id}-answer`}
                  value={s}
                  checked={status === s}
                  onChange={() => update((d) => setStatus(d, r.id, s))}
                />
                {t(`assess.answer.${s}`)}
              </label>
            ))}
          </div>
        )}
        {status === "na" && (
          <div class="field">
            <label for={`${id}-why`}>{t("assess.justification")}</label>
            {r.naJustificationRequired && (
              <span class="hint" id={`${id}-why-help`}>
                {t("assess.justificationRequired")}
              </span>
            )}
            <textarea
              id={`${id}-why`}
              rows={2}
              required={r.naJustificationRequired}
              aria-describedby={r.naJustificationRequired ? `${id}-why-help` : undefined}
              value={justificationOf(answer)}
              onChange={(e) => {
                const v = e.currentTarget.value;
                update((d) => setJustification(d, r.id, v));
              }}
            />
          </div>
        )}
        {r.kind === "attested" && status !== "unknown" && (
          <div class="field">
            <label for={`${id}-evidence`}>{t("assess.evidence")}</label>
            <input
              id={`${id}-evidence`}
              type="url"
              inputMode="url"
              value={evidenceLinkOf(answer)}
              aria-describedby={`${id}-evidence-help`}
              onChange={(e) => {
                const v = e.currentTarget.value;
                update((d) => setEvidenceLink(d, r.id, v));
              }}
            />
            <span class="hint" id={`${id}-evidence-help`}>
              {t("assess.evidenceHelp")}
            </span>
          </div>
        )}
      </fieldset>
    </li>
  );
});

/** The facts measured requirements read, each with its unit. */
function Facts(props: { readonly catalog: Catalog; readonly draft: Draft; readonly update: Update }) {
  const { catalog, draft, update } = props;
  if (catalog.facts.length === 0) return null;
  return (
    <section class="facts" aria-labelledby="facts-title">
      <h3 id="facts-title">{t("assess.facts")}</h3>
      <p class="hint">{t("assess.factsIntro")}</p>
      {catalog.facts.map((f) => {
        const id = `fact-${f.id.replace(/\./g, "-")}`;
        const value = factOf(draft, f.id);
        return (
          <div class="field" key={f.id}>
            <label for={id}>
              {f.title}
              {f.kind === "number" && f.unit !== undefined && <span class="unit"> ({f.unit})</span>}
            </label>
            {f.description !== undefined && (
              <span class="hint" id={`${id}-help`}>
                {f.description}
              </span>
            )}
            {f.kind === "number" ? (
              <input
                id={id}
                type="number"
                step="any"
                min={f.minimum}
                max={f.maximum}
                value={typeof value === "number" ? String(value) : ""}
                aria-describedby={f.description !== undefined ? `${id}-help` : undefined}
                onChange={(e) => {
                  const text = e.currentTarget.value;
                  const n = text === "" ? undefined : Number(text);
                  update((d) => setFact(d, f.id, n !== undefined && Number.isFinite(n) ? n : undefined));
                }}
              />
            ) : (
              <select
                id={id}
                value={typeof value === "string" ? value : ""}
                aria-describedby={f.description !== undefined ? `${id}-help` : undefined}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  update((d) => setFact(d, f.id, v === "" ? undefined : v));
                }}
              >
                <option value="">{t("assess.factUnknown")}</option>
                {f.values.map((v) => (
                  <option key={v} value={v}>
                    {valueName(v)}
                  </option>
                ))}
              </select>
            )}
          </div>
        );
      })}
    </section>
  );
}

/** The whole questionnaire. */
export function Questionnaire(props: { readonly catalog: Catalog; readonly draft: Draft; readonly update: Update }) {
  const { catalog, draft, update } = props;
  const levelName = (level: number) => catalog.levels.find((l) => l.level === level)?.name ?? "";
  const factTitles = useMemo(() => new Map(catalog.facts.map((f) => [f.id, f.title])), [catalog]);
  return (
    <div class="questionnaire">
      {catalog.dimensions.map((dimension) => {
        const criteria = catalog.criteria.filter((c) => c.dimension === dimension.id);
        if (criteria.length === 0) return null;
        return (
          <section key={dimension.id} class="dimension" aria-labelledby={`dim-${dimension.id}`}>
            <h3 id={`dim-${dimension.id}`}>{t("assess.dimension", { title: dimension.title })}</h3>
            {criteria.map((criterion) => {
              const requirements = catalog.requirements.filter((r) => r.criterion === criterion.id);
              const levels = [...new Set(requirements.map((r) => r.level))].sort();
              return (
                <details key={criterion.id} class="criterion" open>
                  <summary>
                    <h4>{t("assess.criterion", { title: criterion.title })}</h4>
                  </summary>
                  {criterion.description !== undefined && <p class="hint">{criterion.description}</p>}
                  {levels.map((level) => (
                    <div key={level} class="level">
                      <h5>{t("assess.level", { level, name: levelName(level) })}</h5>
                      <ol class="questions">
                        {requirements
                          .filter((r) => r.level === level)
                          .map((r) => (
                            <Question
                              key={r.id}
                              requirement={r}
                              answer={draft.answers[r.id]}
                              update={update}
                              factTitles={factTitles}
                            />
                          ))}
                      </ol>
                    </div>
                  ))}
                </details>
              );
            })}
          </section>
        );
      })}
      <Facts catalog={catalog} draft={draft} update={update} />
    </div>
  );
}
