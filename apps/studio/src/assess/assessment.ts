// The assessment being answered, as the plain document the command reads and writes
// (`miotsec assess FILE`), and the changes the questionnaire makes to it. Every change returns
// a new document; nothing is changed in place.

import { parseWith, type Result } from "@miotsec/core";
import { type AnswerStatus, type Catalog, miotCatalog } from "@miotsec/criteria";
import { type Answer, assessmentSchema } from "@miotsec/maturity";
import { stringify } from "yaml";

/** What the studio keeps of an assessment in progress. */
export interface Draft {
  readonly schemaVersion: 1;
  readonly id?: string;
  readonly asOf: string;
  readonly subject?: {
    readonly kind: "facility" | "device" | "product-family" | "other";
    readonly name: string;
    readonly id?: string;
  };
  readonly catalog?: { readonly id: string; readonly version?: string };
  readonly answers: Readonly<Record<string, Answer | null>>;
  readonly facts?: Readonly<Record<string, unknown>>;
}

/** An empty assessment of `catalog` as of `asOf`. */
export function emptyDraft(asOf: string, catalog: Catalog = miotCatalog): Draft {
  return { schemaVersion: 1, asOf, catalog: { id: catalog.id, version: catalog.version }, answers: {} };
}

/** The status of an answer, whatever its form. */
export function statusOf(answer: Answer | null | undefined): AnswerStatus {
  if (answer == null) return "unknown";
  return typeof answer === "string" ? answer : answer.status;
}

type AnswerObject = Exclude<Answer, string>;

function objectOf(answer: Answer | null | undefined): AnswerObject {
  if (answer == null) return { status: "unknown" };
  return typeof answer === "string" ? { status: answer } : answer;
}

/** The plainest form of an answer: a bare status when it has nothing else. */
function simplest(answer: AnswerObject): Answer {
  return answer.justification === undefined && answer.evidence === undefined ? answer.status : answer;
}

function withAnswer(draft: Draft, id: string, answer: AnswerObject): Draft {
  const answers = { ...draft.answers };
  if (answer.status === "unknown" && answer.justification === undefined && answer.evidence === undefined)
    delete answers[id];
  else answers[id] = simplest(answer);
  return { ...draft, answers };
}

/** The draft with requirement `id` answered `status` (its justification and evidence kept). */
export function setStatus(draft: Draft, id: string, status: AnswerObject["status"]): Draft {
  return withAnswer(draft, id, { ...objectOf(draft.answers[id]), status });
}

/** The draft with the justification of `id` set (or dropped when blank). */
export function setJustification(draft: Draft, id: string, text: string): Draft {
  const { justification: _, ...rest } = objectOf(draft.answers[id]);
  return withAnswer(draft, id, text.trim() === "" ? rest : { ...rest, justification: text });
}

/** The draft with the first evidence link of `id` set (or dropped when blank). */
export function setEvidenceLink(draft: Draft, id: string, href: string): Draft {
  const answer = objectOf(draft.answers[id]);
  const [first, ...others] = answer.evidence ?? [];
  const { href: _, ...firstRest } = first ?? {};
  const head = href.trim() === "" ? firstRest : { ...firstRest, href: href.trim() };
  const evidence = Object.keys(head).length === 0 ? others : [head, ...others];
  const { evidence: __, ...rest } = answer;
  return withAnswer(draft, id, evidence.length === 0 ? rest : { ...rest, evidence });
}

/** The first evidence link of an answer, or "". */
export function evidenceLinkOf(answer: Answer | null | undefined): string {
  return objectOf(answer).evidence?.[0]?.href ?? "";
}

/** The justification of an answer, or "". */
export function justificationOf(answer: Answer | null | undefined): string {
  return objectOf(answer).justification ?? "";
}

/** A fact's value in the draft (facts with a dot, such as maxDowntimeHours.low, are nested). */
export function factOf(draft: Draft, fact: string): unknown {
  const [head, tail] = fact.split(".") as [string, string | undefined];
  const value = draft.facts?.[head];
  if (tail === undefined) return value;
  return value !== null && typeof value === "object" ? (value as Record<string, unknown>)[tail] : undefined;
}

/** The draft with a fact set, or removed when `value` is undefined. */
export function setFact(draft: Draft, fact: string, value: number | string | undefined): Draft {
  const [head, tail] = fact.split(".") as [string, string | undefined];
  const facts: Record<string, unknown> = { ...draft.facts };
  if (tail === undefined) {
    if (value === undefined) delete facts[head];
    else facts[head] = value;
  } else {
    const group = facts[head];
    const inner: Record<string, unknown> = group !== null && typeof group === "object" ? { ...(group as object) } : {};
    if (value === undefined) delete inner[tail];
    else inner[tail] = value;
    if (Object.keys(inner).length === 0) delete facts[head];
    else facts[head] = inner;
  }
  const { facts: _, ...rest } = draft;
  return Object.keys(facts).length === 0 ? rest : { ...rest, facts };
}

/** How many of the catalog's requirements have an answer (a measured one counts once its fact is known). */
export function answeredCount(draft: Draft, catalog: Catalog): number {
  let n = 0;
  for (const r of catalog.requirements)
    if (
      r.kind === "measured"
        ? r.rule !== undefined && factOf(draft, r.rule.fact) != null
        : statusOf(draft.answers[r.id]) !== "unknown"
    )
      n++;
  return n;
}

/** The draft as YAML, with a header that says what it is. */
export function toYaml(draft: Draft, catalog: Catalog): string {
  const header = `# A self-assessment on ${catalog.title} (${catalog.id} ${catalog.version}), saved by miotsec studio.\n# Assess it with:  miotsec assess FILE\n`;
  return header + stringify(draft, { lineWidth: 0 });
}

/**
 * A document read as an assessment: checked by the maturity package's schema, so that an
 * answer list that is not one (null, a word, a hostile file) is a list of issues and never
 * reaches the questionnaire.
 */
export function readDraft(document: unknown): Result<Draft> {
  return parseWith(assessmentSchema, document) as Result<Draft>;
}
