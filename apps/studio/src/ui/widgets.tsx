// Small pieces the journeys share: a file picker that also takes a dropped file, a list of
// issues, and the "as of" date.
import type { Issue } from "@miotsec/core";
import { useRef, useState } from "preact/hooks";
import { type Opened, openFile } from "../files.js";
import { t } from "../messages.js";

/** A button that opens a file (JSON or YAML), and a zone that takes a dropped one. */
export function FilePicker(props: {
  readonly label: string;
  readonly onOpen: (opened: Opened & { ok: true }) => void;
  readonly onError: (message: string) => void;
  readonly accept?: string;
  readonly testId?: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = async (file: File | undefined) => {
    if (file === undefined) return;
    const opened = await openFile(file);
    if (opened.ok) props.onOpen(opened);
    else props.onError(opened.message);
  };
  return (
    <fieldset
      aria-label={props.label}
      class={over ? "drop over" : "drop"}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void take(e.dataTransfer?.files[0]);
      }}
    >
      <label class="button">
        {props.label}
        <input
          ref={input}
          type="file"
          class="visually-hidden"
          accept={props.accept ?? ".json,.yaml,.yml,.har"}
          data-testid={props.testId}
          onChange={(e) => {
            const target = e.currentTarget;
            void take(target.files?.[0]).then(() => {
              target.value = "";
            });
          }}
        />
      </label>
      <span class="hint">{t("file.drop")}</span>
    </fieldset>
  );
}

/** Issues as one line each: where, and what is wrong. */
export function IssueList(props: { readonly issues: readonly Issue[]; readonly id?: string }) {
  if (props.issues.length === 0) return null;
  return (
    <div class="issues" role="alert" id={props.id}>
      <p>{props.issues.length === 1 ? t("issues.one") : t("issues.title", { count: props.issues.length })}</p>
      <ul>
        {props.issues.slice(0, 50).map((i) => (
          <li key={`${i.path.join(".")}:${i.code}`}>{i.message}</li>
        ))}
      </ul>
    </div>
  );
}

/** A status line read out to screen readers when it changes. */
export function Notice(props: { readonly message: string | undefined; readonly error?: boolean }) {
  return (
    <p class={props.error ? "notice error" : "notice"} role={props.error ? "alert" : "status"}>
      {props.message ?? ""}
    </p>
  );
}

/** The day the studio judges on. */
export function AsOf(props: {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly id: string;
}) {
  return (
    <div class="field inline">
      <label for={props.id}>{t("date.asOf")}</label>
      <input
        id={props.id}
        type="date"
        value={props.value}
        aria-describedby={`${props.id}-help`}
        onInput={(e) => {
          const v = e.currentTarget.value;
          if (/^\d{4}-\d{2}-\d{2}$/.test(v)) props.onChange(v);
        }}
      />
      <span id={`${props.id}-help`} class="hint">
        {t("date.asOfHelp")}
      </span>
    </div>
  );
}
