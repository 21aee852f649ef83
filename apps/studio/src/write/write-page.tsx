// The Write journey: a vendor fills in the label field by field, sees the issues next to the
// fields they concern and the label as printed beside the form, and saves the label and its
// exports (SVG, HTML, CycloneDX, Cyber Trust Mark, MUD). The draft is kept in the browser.
import { type Issue, mapResult, ok, type Result } from "@miotsec/core";
import { type DeviceLabel, labelJsonSchema, parseLabel, toCyberTrustMark, toCycloneDx, toMud } from "@miotsec/label";
import { renderLabelHtml, renderLabelSvg } from "@miotsec/render";
import { useCallback, useLayoutEffect, useMemo, useState } from "preact/hooks";
import { download, type Opened } from "../files.js";
import { type MessageKey, t } from "../messages.js";
import { keep, load } from "../store.js";
import { today } from "../today.js";
import { AsOf, FilePicker, Notice } from "../ui/widgets.js";
import { emptyOf, fieldId, issueWords, type Path, type SchemaNode, setIn } from "./json-schema.js";
import { Field, type FormContext } from "./schema-form.js";

// The label's JSON Schema, built once and only when a label is written (it takes a while).
let schemaOnce: SchemaNode | undefined;
const labelSchema = (): SchemaNode => {
  schemaOnce ??= labelJsonSchema() as SchemaNode;
  return schemaOnce;
};
const emptyLabel = () => emptyOf(labelSchema());

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** A file the label is saved as: its button, its name after the label's id, and how it is made. */
interface Export {
  readonly label: MessageKey;
  readonly file: string;
  readonly type: string;
  readonly make: (label: DeviceLabel, asOf: string) => Result<string>;
}

const exports: readonly Export[] = [
  { label: "write.saveJson", file: "label.json", type: "application/json", make: (label) => ok(json(label)) },
  {
    label: "write.saveSvg",
    file: "label.svg",
    type: "image/svg+xml",
    make: (label, asOf) => renderLabelSvg(label, { asOf }),
  },
  {
    label: "write.saveHtml",
    file: "label.html",
    type: "text/html",
    make: (label, asOf) => renderLabelHtml(label, { asOf }),
  },
  {
    label: "write.saveCycloneDx",
    file: "cdx.json",
    type: "application/vnd.cyclonedx+json",
    make: (label) => mapResult(toCycloneDx(label), json),
  },
  {
    label: "write.saveMud",
    file: "mud.json",
    type: "application/mud+json",
    make: (label) => mapResult(toMud(label), (m) => json(m.mud)),
  },
];

const samePath = (a: readonly PropertyKey[], b: Path) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The Write page. */
export function WritePage() {
  const [draft, setDraft] = useState<unknown>(() => load("label") ?? emptyLabel());
  const [asOf, setAsOf] = useState(today());
  const [notice, setNotice] = useState<{ message: string; error?: boolean } | undefined>(undefined);
  const [ctm, setCtm] = useState({
    authorizationDate: today(),
    authorizedBy: { name: "", contact: "" },
    testedBy: { name: "", contact: "" },
  });
  // Kept as soon as the page changes, not after the next paint: a reload right after typing keeps it.
  useLayoutEffect(() => keep("label", draft), [draft]);

  const parsed = useMemo(() => parseLabel(draft), [draft]);
  const issues: readonly Issue[] = parsed.ok ? [] : parsed.issues;
  const set = useCallback((path: Path, value: unknown) => setDraft((d: unknown) => setIn(d, path, value)), []);
  const ctx: FormContext = useMemo(
    () => ({
      root: draft,
      set,
      // Beside its field, an issue names the field by its own name, in words, not by its JSON path.
      issuesAt: (path: Path) =>
        issues
          .filter((i) => samePath(i.path, path))
          .map((i) => ({ ...i, message: issueWords(labelSchema(), i, false) })),
    }),
    [draft, set, issues],
  );
  const svg = useMemo(() => (parsed.ok ? renderLabelSvg(parsed.value, { asOf }) : undefined), [parsed, asOf]);

  const base = parsed.ok ? parsed.value.id : "label";
  const save = (name: string, text: string, type: string) => {
    download(name, text, type);
    setNotice({ message: t("file.saved", { file: name }) });
  };
  const saveExport = (e: Export, label: DeviceLabel) => {
    const made = e.make(label, asOf);
    if (made.ok) save(`${base}.${e.file}`, made.value, e.type);
    else setNotice({ message: made.issues.map((i) => i.message).join("; "), error: true });
  };
  const open = (o: Opened & { ok: true }) => {
    setDraft(o.document);
    setNotice({ message: t("file.opened", { file: o.name }) });
  };
  return (
    <div class="page write">
      <header class="page-head">
        <h2>{t("write.title")}</h2>
        <p>{t("write.intro")}</p>
      </header>
      <div class="toolbar no-print">
        <FilePicker
          label={t("write.openLabel")}
          onOpen={open}
          onError={(m) => setNotice({ message: m, error: true })}
          testId="write-open"
        />
        <button
          type="button"
          onClick={() => {
            if (globalThis.confirm(t("write.newConfirm"))) setDraft(emptyLabel());
          }}
        >
          {t("write.new")}
        </button>
      </div>
      <Notice message={notice?.message} error={notice?.error ?? false} />
      <div class="columns">
        <form class="main-column label-form" onSubmit={(e) => e.preventDefault()} aria-describedby="write-state">
          <p id="write-state" class={parsed.ok ? "good" : "bad"} role="status" data-testid="write-state">
            {parsed.ok
              ? t("write.valid")
              : issues.length === 1
                ? t("write.invalidOne")
                : t("write.invalid", { count: issues.length })}
          </p>
          {!parsed.ok && (
            <ul class="issue-links">
              {issues.slice(0, 12).map((i) => (
                <li key={i.path.join(".") + i.code}>
                  <a href={`#${fieldId(i.path as Path)}`}>{issueWords(labelSchema(), i, true)}</a>
                </li>
              ))}
            </ul>
          )}
          <Field node={labelSchema()} path={[]} label={t("write.title")} required ctx={ctx} />
        </form>
        <aside class="side-column label-view" aria-labelledby="preview-title">
          <h3 id="preview-title">{t("write.preview")}</h3>
          <AsOf id="write-as-of" value={asOf} onChange={setAsOf} />
          <div class="toolbar no-print">
            <span class="toolbar-label">{t("write.save")}</span>
            {exports.map((e) => (
              <button
                key={e.label}
                type="button"
                disabled={!parsed.ok}
                onClick={() => parsed.ok && saveExport(e, parsed.value)}
              >
                {t(e.label)}
              </button>
            ))}
          </div>
          <details class="ctm no-print">
            <summary>{t("write.ctmTitle")}</summary>
            <p class="hint">{t("write.ctmIntro")}</p>
            <div class="field">
              <label for="ctm-date">{t("write.ctm.authorizationDate")}</label>
              <input
                id="ctm-date"
                type="date"
                value={ctm.authorizationDate}
                onInput={(e) => setCtm({ ...ctm, authorizationDate: e.currentTarget.value })}
              />
            </div>
            {(["authorizedBy", "testedBy"] as const).map((party) => (
              <fieldset key={party} class="group">
                <legend>{t(`write.ctm.${party}`)}</legend>
                {(["name", "contact"] as const).map((k) => (
                  <div class="field" key={k}>
                    <label for={`ctm-${party}-${k}`}>{t(`write.ctm.${k}`)}</label>
                    <input
                      id={`ctm-${party}-${k}`}
                      type="text"
                      value={ctm[party][k]}
                      onInput={(e) => setCtm({ ...ctm, [party]: { ...ctm[party], [k]: e.currentTarget.value } })}
                    />
                  </div>
                ))}
              </fieldset>
            ))}
            <button
              type="button"
              disabled={!parsed.ok}
              onClick={() => {
                const now = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
                const mark: Export = {
                  label: "write.saveCtm",
                  file: "cyber-trust-mark.json",
                  type: "application/json",
                  make: (label) => mapResult(toCyberTrustMark(label, { ...ctm, created: now, modified: now }), json),
                };
                if (parsed.ok) saveExport(mark, parsed.value);
              }}
            >
              {t("write.saveCtm")}
            </button>
          </details>
          {svg?.ok ? (
            <div class="label-svg" data-testid="label-svg" dangerouslySetInnerHTML={{ __html: svg.value }} />
          ) : (
            <p>{t("write.previewInvalid")}</p>
          )}
        </aside>
      </div>
    </div>
  );
}
