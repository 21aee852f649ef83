// The Assess journey: the questionnaire on one side, where it stands on the other; open and
// save the files the command reads; export the report; compare with an earlier assessment.
import type { Issue } from "@miotsec/core";
import type { Catalog } from "@miotsec/criteria";
import { assess, compareReports, type MaturityReport, toMarkdown, toOscalAssessmentResults } from "@miotsec/maturity";
import { useCallback, useLayoutEffect, useMemo, useState } from "preact/hooks";
import { download, type Opened } from "../files.js";
import { t } from "../messages.js";
import { keep, load } from "../store.js";
import { today } from "../today.js";
import { AsOf, FilePicker, IssueList, Notice } from "../ui/widgets.js";
import { answeredCount, type Draft, emptyDraft, readDraft, toYaml } from "./assessment.js";
import { type CatalogSource, catalogOf, kindOf, readSource } from "./catalog-source.js";
import { Questionnaire } from "./questionnaire.js";
import { ReportView } from "./report-view.js";

interface Baseline {
  readonly file: string;
  readonly document: unknown;
}

function initialDraft(): Draft {
  const kept = readDraft(load("assessment"));
  return kept.ok ? kept.value : emptyDraft(today());
}

/** Whether `draft` is what a first visit opens on: a blank assessment of the paper's catalog, dated today. */
const isNewDraft = (draft: Draft) => JSON.stringify(draft) === JSON.stringify(emptyDraft(today()));

function initialSource(): CatalogSource {
  return readSource(load("catalog-source"));
}

const fileBase = (draft: Draft) =>
  (draft.id ?? draft.subject?.name ?? "assessment").replace(/[^A-Za-z0-9._-]+/g, "-").slice(0, 80);

/** The Assess page. */
export function AssessPage() {
  const [draft, setDraft] = useState<Draft>(initialDraft);
  const [source, setSource] = useState<CatalogSource>(initialSource);
  const [baseline, setBaseline] = useState<Baseline | undefined>(undefined);
  const [notice, setNotice] = useState<{ message: string; error?: boolean } | undefined>(undefined);

  // Kept as soon as the page changes, not after the next paint: a reload right after an answer
  // keeps it. A blank assessment dated today and the paper's catalog are what a first visit
  // opens on, so nothing is kept for them, and the page can show them before the studio has
  // started (first-visit.ts).
  useLayoutEffect(() => keep("assessment", isNewDraft(draft) ? undefined : draft), [draft]);
  useLayoutEffect(
    () => keep("catalog-source", source.catalog === undefined && source.profile === undefined ? undefined : source),
    [source],
  );

  const update = useCallback((change: (d: Draft) => Draft) => setDraft((d) => change(d)), []);
  const catalog = useMemo(() => catalogOf(source), [source]);
  const report = useMemo(() => (catalog.ok ? assess(catalog.value, draft) : catalog), [catalog, draft]);
  const factTitle = useMemo(() => {
    const titles = new Map(catalog.ok ? catalog.value.facts.map((f) => [f.id, f.title]) : []);
    return (id: string) => titles.get(id);
  }, [catalog]);
  const comparison = useMemo(() => {
    if (baseline === undefined || !catalog.ok || !report.ok) return undefined;
    const before = assess(catalog.value, baseline.document);
    if (!before.ok) return { issues: before.issues };
    const c = compareReports(before.value, report.value);
    return c.ok ? { value: c.value, file: baseline.file } : { issues: c.issues };
  }, [baseline, catalog, report]);

  const open = (opened: Opened & { ok: true }) => {
    const kind = kindOf(opened.document);
    if (kind === "assessment") {
      const read = readDraft(opened.document);
      if (!read.ok) {
        setNotice({
          message: t("file.notAssessment", { file: opened.name, issue: read.issues[0]?.message ?? "" }),
          error: true,
        });
        return;
      }
      setDraft(read.value);
    } else if (kind === "catalog") {
      setSource({ catalog: { file: opened.name, document: opened.document } });
    } else if (kind === "profile") {
      setSource((s) => ({ ...s, profile: { file: opened.name, document: opened.document } }));
    } else {
      setNotice({ message: t("file.unknownKind", { file: opened.name }), error: true });
      return;
    }
    setNotice({ message: t("file.opened", { file: opened.name }) });
  };
  const save = (name: string, text: string, type: string) => {
    download(name, text, type);
    setNotice({ message: t("file.saved", { file: name }) });
  };
  const exportReport = (kind: "markdown" | "json" | "oscal") => {
    if (!report.ok) return;
    const base = fileBase(draft);
    if (kind === "markdown") {
      const md = toMarkdown(report.value);
      if (md.ok) save(`${base}.report.md`, md.value, "text/markdown");
    } else if (kind === "json")
      save(`${base}.report.json`, `${JSON.stringify(report.value, null, 2)}\n`, "application/json");
    else {
      const oscal = toOscalAssessmentResults(report.value);
      if (oscal.ok) save(`${base}.oscal-ar.json`, `${JSON.stringify(oscal.value, null, 2)}\n`, "application/json");
    }
  };

  const c: Catalog | undefined = catalog.ok ? catalog.value : undefined;
  const issues: readonly Issue[] = !catalog.ok ? catalog.issues : !report.ok ? report.issues : [];
  return (
    <div class="page assess">
      <header class="page-head">
        <h2>{t("assess.title")}</h2>
        <p>{t("assess.intro")}</p>
      </header>
      <div class="toolbar no-print">
        <FilePicker
          label={t("assess.openFile")}
          onOpen={open}
          onError={(m) => setNotice({ message: m, error: true })}
          testId="assess-open"
        />
        <FilePicker
          label={t("assess.openBaseline")}
          onOpen={(o) => setBaseline({ file: o.name, document: o.document })}
          onError={(m) => setNotice({ message: m, error: true })}
          testId="assess-baseline"
        />
        {baseline !== undefined && (
          <button type="button" onClick={() => setBaseline(undefined)}>
            {t("assess.clearBaseline")}
          </button>
        )}
        <button
          type="button"
          onClick={() => {
            if (globalThis.confirm(t("assess.resetConfirm"))) {
              setDraft(emptyDraft(draft.asOf));
              setSource({});
            }
          }}
        >
          {t("assess.reset")}
        </button>
      </div>
      <Notice message={notice?.message} error={notice?.error ?? false} />
      <div class="columns">
        <div class="main-column">
          <section class="meta" aria-labelledby="meta-title">
            <h3 id="meta-title">{t("assess.subject")}</h3>
            <p class="hint">
              {c === undefined
                ? ""
                : source.catalog === undefined
                  ? t("assess.catalogPaper", { id: c.id, version: c.version, count: c.requirements.length })
                  : t("assess.catalogFile", {
                      title: c.title,
                      id: c.id,
                      version: c.version,
                      count: c.requirements.length,
                      file: source.catalog.file,
                    })}
              {source.profile !== undefined && c?.profiles?.[0] !== undefined
                ? `, ${t("assess.profile", { title: c.profiles[0].title })}`
                : ""}
            </p>
            <div class="field">
              <label for="subject-name">{t("assess.subjectName")}</label>
              <input
                id="subject-name"
                type="text"
                maxLength={500}
                value={draft.subject?.name ?? ""}
                onChange={(e) => {
                  const name = e.currentTarget.value.trim();
                  update((d) => {
                    const { subject: _, ...rest } = d;
                    return name === "" ? rest : { ...rest, subject: { kind: d.subject?.kind ?? "facility", name } };
                  });
                }}
              />
            </div>
            <div class="field">
              <label for="subject-kind">{t("assess.subjectKind")}</label>
              <select
                id="subject-kind"
                value={draft.subject?.kind ?? "facility"}
                onChange={(e) => {
                  const kind = e.currentTarget.value as NonNullable<Draft["subject"]>["kind"];
                  update((d) => (d.subject === undefined ? d : { ...d, subject: { ...d.subject, kind } }));
                }}
              >
                {(["facility", "device", "product-family", "other"] as const).map((k) => (
                  <option key={k} value={k}>
                    {t(`assess.kind.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            <AsOf id="assess-as-of" value={draft.asOf} onChange={(asOf) => update((d) => ({ ...d, asOf }))} />
            {c !== undefined && (
              <p class="progress" data-testid="answered">
                {t("assess.answered", { answered: answeredCount(draft, c), total: c.requirements.length })}
              </p>
            )}
          </section>
          <IssueList issues={issues} />
          {c !== undefined && <Questionnaire catalog={c} draft={draft} update={update} />}
        </div>
        <aside class="side-column" aria-label={t("report.title")}>
          <div class="toolbar no-print">
            <span class="toolbar-label">{t("assess.save")}</span>
            <button
              type="button"
              disabled={c === undefined}
              onClick={() => c && save(`${fileBase(draft)}.assessment.yaml`, toYaml(draft, c), "application/yaml")}
            >
              {t("assess.saveYaml")}
            </button>
            <button
              type="button"
              onClick={() =>
                save(`${fileBase(draft)}.assessment.json`, `${JSON.stringify(draft, null, 2)}\n`, "application/json")
              }
            >
              {t("assess.saveJson")}
            </button>
          </div>
          <div class="toolbar no-print">
            <span class="toolbar-label">{t("assess.export")}</span>
            <button type="button" disabled={!report.ok} onClick={() => exportReport("markdown")}>
              {t("assess.exportMarkdown")}
            </button>
            <button type="button" disabled={!report.ok} onClick={() => exportReport("json")}>
              {t("assess.exportJson")}
            </button>
            <button type="button" disabled={!report.ok} onClick={() => exportReport("oscal")}>
              {t("assess.exportOscal")}
            </button>
            <button type="button" disabled={!report.ok} onClick={() => globalThis.print()}>
              {t("assess.print")}
            </button>
          </div>
          {comparison !== undefined && "issues" in comparison && <IssueList issues={comparison.issues ?? []} />}
          {report.ok && (
            <ReportView
              report={report.value as MaturityReport}
              factTitle={factTitle}
              comparison={
                comparison !== undefined && "value" in comparison && comparison.value !== undefined
                  ? { value: comparison.value, file: comparison.file }
                  : undefined
              }
            />
          )}
        </aside>
      </div>
    </div>
  );
}
