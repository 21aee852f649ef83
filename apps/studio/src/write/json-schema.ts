import { formatPath, type Issue } from "@miotsec/core";
import { fieldWords, t } from "../messages.js";

// Reading the label's JSON Schema (labelJsonSchema) as a form: what kind of input a schema
// node asks for, how a value is set at a path, and how a field's name reads for a person.

/** The parts of a JSON Schema node the form reads. */
export interface SchemaNode {
  readonly type?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly additionalProperties?: SchemaNode | boolean;
  readonly propertyNames?: SchemaNode;
  readonly required?: readonly string[];
  readonly anyOf?: readonly SchemaNode[];
  readonly enum?: readonly (string | number)[];
  readonly const?: unknown;
  readonly items?: SchemaNode;
  readonly format?: string;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly description?: string;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly "x-miotsec-layer"?: "box" | "qr" | "procurement";
}

/** A path into the label: property names and item indexes. */
export type Path = readonly (string | number)[];

/** The two words a label says instead of a value. */
export const withheldWords = ["not-disclosed", "not-applicable"] as const;

/** The value part of a "disclosed" union (value, or not disclosed, or not applicable), if `node` is one. */
export function disclosedValue(node: SchemaNode): SchemaNode | undefined {
  const [value, words, ...rest] = node.anyOf ?? [];
  if (value === undefined || words === undefined || rest.length > 0) return undefined;
  const e = words.enum ?? [];
  return e.length === 2 && e[0] === withheldWords[0] && e[1] === withheldWords[1] ? value : undefined;
}

/** Which branch of an `anyOf` a value belongs to (the first that fits its shape), or 0. */
export function branchOf(node: SchemaNode, value: unknown): number {
  const branches = node.anyOf ?? [];
  const fits = (b: SchemaNode): boolean => {
    if (b.anyOf !== undefined) return b.anyOf.some(fits);
    if (b.enum !== undefined) return b.enum.includes(value as string);
    if (b.type === "array") return Array.isArray(value);
    if (b.type === "object") return value !== null && typeof value === "object" && !Array.isArray(value);
    if (b.type === "integer") return Number.isInteger(value);
    return typeof value === b.type;
  };
  const i = branches.findIndex(fits);
  return Math.max(i, 0);
}

/** An empty value of a node's kind, to start a new item or branch with. */
export function emptyOf(node: SchemaNode): unknown {
  if (node.const !== undefined) return node.const;
  const disclosed = disclosedValue(node);
  if (disclosed !== undefined) return emptyOf(disclosed);
  if (node.anyOf !== undefined) return emptyOf(node.anyOf[0] ?? {});
  if (node.type === "object") {
    const out: Record<string, unknown> = {};
    // Required constants, objects and lists are there from the start, so that an object whose
    // fields are all optional (a contact, say) or an empty list is never the one thing missing.
    for (const [k, child] of Object.entries(node.properties ?? {}))
      if (
        node.required?.includes(k) &&
        (child.const !== undefined || child.type === "object" || child.type === "array")
      )
        out[k] = emptyOf(child);
    return out;
  }
  if (node.type === "array") return [];
  return undefined;
}

/** The schema of a record's values (an object with keys of the user's choosing), if `node` is one. */
export function recordValues(node: SchemaNode): SchemaNode | undefined {
  return node.type === "object" && node.properties === undefined && typeof node.additionalProperties === "object"
    ? node.additionalProperties
    : undefined;
}

/** `record` with the key `from` renamed to `to`, in the same place; unchanged if `to` is taken. */
export function renameKey(
  record: Readonly<Record<string, unknown>>,
  from: string,
  to: string,
): Record<string, unknown> {
  if (from === to || Object.hasOwn(record, to)) return { ...record };
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k === from ? to : k, v]));
}

/** `root` with `value` at `path` (a property removed where `value` is undefined); `root` is not changed. */
export function setIn(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (typeof head === "number") {
    const list = Array.isArray(root) ? [...root] : [];
    list[head] = setIn(list[head], rest, value);
    return list;
  }
  const object: Record<string, unknown> =
    root !== null && typeof root === "object" && !Array.isArray(root) ? { ...(root as Record<string, unknown>) } : {};
  const next = setIn(object[head], rest, value);
  if (next === undefined) delete object[head];
  else object[head] = next;
  return object;
}

/** The value at `path`, or undefined. */
export function getIn(root: unknown, path: Path): unknown {
  let at = root;
  for (const key of path) {
    if (at === null || typeof at !== "object") return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at;
}

/**
 * A field's name as a person reads it: the message catalog's name for it (`field.qrTarget`), or
 * its key in words (`endToEndEncryption` → "End to end encryption").
 */
export function fieldName(key: string): string {
  const named = fieldWords(key);
  if (named !== undefined) return named;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .replace(/[-_]/g, " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The DOM id of the field at `path`. */
export function fieldId(path: Path): string {
  return `f-${path.join("-")}`.replace(/[^A-Za-z0-9_-]/g, "_");
}

/** The node and the branches of its choices (`anyOf`), flattened. */
const branches = (node: SchemaNode): SchemaNode[] => [node, ...(node.anyOf ?? []).flatMap(branches)];

/**
 * The names of the fields on the way to `path`, as the form labels them: "Identity", "Versions",
 * "Hardware"; a list's item as its entry ("Sensors 2"), an entry of a record by its own name.
 */
export function fieldTrail(root: SchemaNode, path: Path): string[] {
  const names: string[] = [];
  let nodes: SchemaNode[] = [root];
  for (const segment of path) {
    const options = nodes.flatMap(branches);
    if (typeof segment === "number") {
      const list = options.find((n) => n.items !== undefined);
      names.push(t("write.item", { what: names.pop() ?? t("write.entry"), n: segment + 1 }));
      nodes = list?.items === undefined ? [] : [list.items];
      continue;
    }
    const holder = options.find((n) => n.properties !== undefined && Object.hasOwn(n.properties, segment));
    const field = holder?.properties?.[segment];
    if (field !== undefined) {
      names.push(fieldName(segment));
      nodes = [field];
      continue;
    }
    // An entry of a record, named by its own key, as the form names it (recordValues).
    const values = options.map(recordValues).find((v) => v !== undefined);
    names.push(segment);
    nodes = values === undefined ? [] : [values];
  }
  return names;
}

/**
 * An issue of `parseLabel` as a person reads it on the form: the field by its name where the
 * message names it by its JSON path, and the form's words for the answers instead of a value
 * ("Not disclosed" for `"not-disclosed"`). `whole` names the field with its way from the top
 * ("Identity › Versions › Hardware"), for the list above the form; else by its own name, for
 * beside the field. A message that does not start with its path is left as it is.
 */
export function issueWords(root: SchemaNode, issue: Issue, whole: boolean): string {
  const at = formatPath(issue.path);
  const trail = fieldTrail(root, issue.path as Path);
  let problem = issue.message;
  for (const word of withheldWords)
    problem = problem.replaceAll(`"${word}"`, t("write.quoted", { text: t(`write.${word}`) }));
  if (!at.ok || trail.length === 0 || !problem.startsWith(`${at.value} `)) return problem;
  const field = whole ? trail.join(t("write.trailSeparator")) : (trail.at(-1) as string);
  return t("write.issue", { field, problem: problem.slice(at.value.length + 1) });
}
