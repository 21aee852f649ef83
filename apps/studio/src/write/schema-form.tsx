// A form built from the label's JSON Schema: every field of the label, with the schema's
// description as its help, "Not disclosed" and "Not applicable" as explicit choices where the
// label allows them, and the issues of `parseLabel` next to the fields they concern.
import type { Issue } from "@miotsec/core";
import type { JSX } from "preact";
import { t } from "../messages.js";
import { valueName } from "../value-name.js";
import {
  branchOf,
  disclosedValue,
  emptyOf,
  fieldId,
  fieldName,
  getIn,
  type Path,
  recordValues,
  renameKey,
  type SchemaNode,
  withheldWords,
} from "./json-schema.js";

/** What every field of the form shares. */
export interface FormContext {
  readonly root: unknown;
  readonly set: (path: Path, value: unknown) => void;
  readonly issuesAt: (path: Path) => readonly Issue[];
}

const regionNames =
  typeof Intl.DisplayNames === "function" ? new Intl.DisplayNames([t("app.locale")], { type: "region" }) : undefined;
const optionText = (v: string | number) => {
  if (typeof v === "string" && /^(?:[A-Z]{2}|EEA)$/.test(v)) {
    const name = v === "EU" || v === "EEA" ? t(`region.${v}`) : regionNames?.of(v);
    return name !== undefined && name !== v ? `${name} (${v})` : v;
  }
  return valueName(v);
};

function Help(props: { readonly id: string; readonly node: SchemaNode; readonly issues: readonly Issue[] }) {
  const layer = props.node["x-miotsec-layer"];
  return (
    <>
      {(props.node.description !== undefined || layer !== undefined) && (
        <span class="hint" id={`${props.id}-help`}>
          {props.node.description}
          {layer !== undefined && <span class="layer"> {t(`write.layer.${layer}`)}</span>}
        </span>
      )}
      {props.issues.map((i) => (
        <span class="field-issue" id={`${props.id}-issue`} key={i.code + i.message}>
          {i.message}
        </span>
      ))}
    </>
  );
}

const describedBy = (id: string, node: SchemaNode, issues: readonly Issue[]) =>
  [
    node.description !== undefined || node["x-miotsec-layer"] !== undefined ? `${id}-help` : "",
    issues.length > 0 ? `${id}-issue` : "",
  ]
    .filter(Boolean)
    .join(" ") || undefined;

/** One input for a value that is not an object or a list. */
function Scalar(props: {
  readonly node: SchemaNode;
  readonly path: Path;
  readonly label: string;
  readonly required: boolean;
  readonly ctx: FormContext;
  readonly parentDescription?: SchemaNode | undefined;
  readonly id: string;
}): JSX.Element {
  const { node, path, ctx, id } = props;
  const value = getIn(ctx.root, path);
  const issues = ctx.issuesAt(path);
  const help = props.parentDescription ?? node;
  const aria = {
    "aria-describedby": describedBy(id, help, issues),
    "aria-invalid": issues.length > 0 ? true : undefined,
  };
  let input: JSX.Element;
  if (node.enum !== undefined || node.type === "boolean") {
    const values: readonly (string | number | boolean)[] = node.enum ?? [true, false];
    input = (
      <select
        id={id}
        {...aria}
        value={value === undefined ? "" : String(value)}
        onChange={(e) => {
          const v = e.currentTarget.value;
          const chosen = values.find((x) => String(x) === v);
          ctx.set(path, chosen);
        }}
      >
        <option value="">{t("write.choose")}</option>
        {values.map((v) => (
          <option key={String(v)} value={String(v)}>
            {typeof v === "boolean" ? (v ? t("write.yes") : t("write.no")) : optionText(v)}
          </option>
        ))}
      </select>
    );
  } else if (node.type === "number" || node.type === "integer") {
    input = (
      <input
        id={id}
        type="number"
        step={node.type === "integer" ? 1 : "any"}
        {...aria}
        value={typeof value === "number" ? String(value) : ""}
        onInput={(e) => {
          const text = e.currentTarget.value;
          const n = Number(text);
          ctx.set(path, text === "" || !Number.isFinite(n) ? undefined : n);
        }}
      />
    );
  } else if ((node.maxLength ?? 0) >= 500 && (node.maxLength ?? 0) <= 1000) {
    input = (
      <textarea
        id={id}
        rows={3}
        {...aria}
        value={typeof value === "string" ? value : ""}
        onInput={(e) => {
          const v = e.currentTarget.value;
          ctx.set(path, v === "" ? undefined : v);
        }}
      />
    );
  } else {
    input = (
      <input
        id={id}
        type={node.format === "date" ? "date" : node.format === "email" ? "email" : "text"}
        {...aria}
        value={typeof value === "string" ? value : ""}
        onInput={(e) => {
          const v = e.currentTarget.value;
          ctx.set(path, v === "" ? undefined : v);
        }}
      />
    );
  }
  return (
    <div class={issues.length > 0 ? "field invalid" : "field"}>
      <label for={id}>
        {props.label}
        {!props.required && <span class="optional"> {t("write.optional")}</span>}
      </label>
      {input}
      <Help id={id} node={help} issues={issues} />
    </div>
  );
}

/** A field of any kind, at `path`. */
export function Field(props: {
  readonly node: SchemaNode;
  readonly path: Path;
  readonly label: string;
  readonly required: boolean;
  readonly ctx: FormContext;
  readonly helpNode?: SchemaNode | undefined;
  /** The value inside a "disclosed" choice: the choice's fieldset holds the path's id and legend. */
  readonly inner?: boolean;
}): JSX.Element | null {
  const { node, path, ctx } = props;
  if (node.const !== undefined) return null;
  const id = props.inner ? `${fieldId(path)}-value` : fieldId(path);
  const value = getIn(ctx.root, path);
  const disclosed = disclosedValue(node);
  if (disclosed !== undefined) {
    const choice = withheldWords.includes(value as never) ? (value as string) : value === undefined ? "" : "disclosed";
    const issues = ctx.issuesAt(path).filter((i) => choice !== "disclosed" || i.path.length === path.length);
    return (
      <fieldset class={issues.length > 0 ? "disclosed invalid" : "disclosed"} id={id}>
        <legend>
          {props.label}
          {!props.required && <span class="optional"> {t("write.optional")}</span>}
        </legend>
        <Help id={id} node={node} issues={issues} />
        <div
          class="choices"
          role="radiogroup"
          aria-label={props.label}
          aria-describedby={describedBy(id, node, issues)}
        >
          {(["disclosed", ...withheldWords] as const).map((c) => (
            <label key={c}>
              <input
                type="radio"
                name={`${id}-choice`}
                value={c}
                checked={choice === c}
                onChange={() => ctx.set(path, c === "disclosed" ? (emptyOf(disclosed) ?? "") : c)}
              />
              {t(`write.${c}`)}
            </label>
          ))}
        </div>
        {choice === "disclosed" && (
          <Field node={disclosed} path={path} label={props.label} required ctx={ctx} helpNode={{}} inner />
        )}
      </fieldset>
    );
  }
  if (node.anyOf !== undefined) {
    const branch = branchOf(node, value);
    const chosen = node.anyOf[branch] ?? {};
    const kinds = node.anyOf.map((b) =>
      t(
        b.format === "date"
          ? "write.kind.date"
          : b.type === "boolean"
            ? "write.kind.boolean"
            : b.type === "object"
              ? "write.kind.range"
              : b.enum !== undefined
                ? "write.kind.list"
                : "write.kind.text",
      ),
    );
    return (
      <div class="variant">
        <div class="field inline">
          <label for={`${id}-variant`}>
            {props.label}: {t("write.variant")}
          </label>
          <select
            id={`${id}-variant`}
            value={String(branch)}
            onChange={(e) => ctx.set(path, emptyOf(node.anyOf?.[Number(e.currentTarget.value)] ?? {}))}
          >
            {kinds.map((k, i) => (
              <option key={k + String(i)} value={String(i)}>
                {k}
              </option>
            ))}
          </select>
        </div>
        <Field
          node={chosen}
          path={path}
          label={props.label}
          required={props.required}
          ctx={ctx}
          helpNode={node}
          inner={props.inner ?? false}
        />
      </div>
    );
  }
  const values = recordValues(node);
  if (values !== undefined) {
    const record =
      value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    const issues = ctx.issuesAt(path);
    const what = t("write.entry");
    const fresh = () => {
      let n = Object.keys(record).length + 1;
      while (Object.hasOwn(record, `name${n}`)) n++;
      return `name${n}`;
    };
    return (
      <fieldset class="group list" id={id}>
        <legend>
          {props.label}
          {!props.required && <span class="optional"> {t("write.optional")}</span>}
        </legend>
        <Help id={id} node={props.helpNode ?? node} issues={issues} />
        <ol>
          {Object.keys(record).map((key, i) => (
            <li key={key}>
              <div class="field">
                <label for={`${id}-key-${i}`}>{t("write.entryName")}</label>
                <input
                  id={`${id}-key-${i}`}
                  type="text"
                  value={key}
                  onChange={(e) => {
                    const to = e.currentTarget.value.trim();
                    if (to !== "") ctx.set(path, renameKey(record, key, to));
                  }}
                />
              </div>
              <Field node={values} path={[...path, key]} label={key} required ctx={ctx} />
              <button
                type="button"
                class="small"
                onClick={() => {
                  const { [key]: _, ...rest } = record;
                  ctx.set(path, rest);
                }}
              >
                {t("write.remove", { what: key })}
              </button>
            </li>
          ))}
        </ol>
        <button type="button" class="small" onClick={() => ctx.set(path, { ...record, [fresh()]: emptyOf(values) })}>
          {t("write.add", { what })}
        </button>
      </fieldset>
    );
  }
  if (node.type === "object") {
    const issues = ctx.issuesAt(path);
    const fields = Object.entries(node.properties ?? {})
      .filter(([k]) => k !== "$schema" && k !== "signatures")
      .map(([k, child]) => (
        <Field
          key={k}
          node={child}
          path={[...path, k]}
          label={fieldName(k)}
          required={node.required?.includes(k) ?? false}
          ctx={ctx}
        />
      ));
    // Inside a "disclosed" choice, whose fieldset already names the object and shows its issues.
    if (props.inner) return <div class="group-inner">{fields}</div>;
    return (
      <fieldset class="group" id={id}>
        <legend>
          {props.label}
          {!props.required && <span class="optional"> {t("write.optional")}</span>}
        </legend>
        <Help id={id} node={props.helpNode ?? node} issues={issues} />
        {fields}
      </fieldset>
    );
  }
  if (node.type === "array") {
    const items = node.items ?? {};
    const list = Array.isArray(value) ? value : [];
    const issues = ctx.issuesAt(path);
    const what = props.label.toLowerCase();
    if (items.enum !== undefined && items.enum.length <= 12) {
      return (
        <fieldset class="group" id={id}>
          <legend>{props.label}</legend>
          <Help id={id} node={props.helpNode ?? node} issues={issues} />
          {items.enum.map((v) => (
            <label key={String(v)} class="check">
              <input
                type="checkbox"
                checked={list.includes(v)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  ctx.set(path, on ? [...list, v] : list.filter((x) => x !== v));
                }}
              />
              {optionText(v)}
            </label>
          ))}
        </fieldset>
      );
    }
    return (
      <fieldset class="group list" id={id}>
        <legend>{props.label}</legend>
        <Help id={id} node={props.helpNode ?? node} issues={issues} />
        <ol>
          {list.map((_, i) => (
            <li key={i}>
              <Field
                node={items}
                path={[...path, i]}
                label={t("write.item", { what: props.label, n: i + 1 })}
                required
                ctx={ctx}
              />
              <button
                type="button"
                class="small"
                onClick={() =>
                  ctx.set(
                    path,
                    list.filter((__, j) => j !== i),
                  )
                }
              >
                {t("write.remove", { what: t("write.item", { what, n: i + 1 }) })}
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          class="small"
          disabled={node.maxItems !== undefined && list.length >= node.maxItems}
          onClick={() => ctx.set(path, [...list, emptyOf(items)])}
        >
          {t("write.add", { what })}
        </button>
      </fieldset>
    );
  }
  return (
    <Scalar
      node={node}
      path={path}
      label={props.label}
      required={props.required}
      ctx={ctx}
      parentDescription={props.helpNode}
      id={id}
    />
  );
}
