// Scoring device assessments against the paper's catalog, side by side with a hand-written
// loop over the same precompiled data (the practical floor: no validation, no report, levels
// only). The goals: at least 250,000 assessments/s on one core, within 1.5 x of the floor.
//
// The floor walks each document's answers with for...in and finds each answer's requirement in
// a Map: on 100,000 JSON documents whose answer objects differ in shape, that is about twice as
// fast as reading every requirement's answer by its id (the second floor, kept for comparison
// with earlier tables), because a look-up by id on objects of thousands of shapes misses V8's
// inline caches every time.
import { miotCatalog } from "@miotsec/criteria";
import { assess, assessLevels, assessMany } from "@miotsec/maturity";
import { compare } from "../../../scripts/bench.mjs";
import { deviceAssessments } from "./fixtures.mjs";

const N = 100_000;
const assessments = [...deviceAssessments(N)];

// The floor: requirements precompiled to arrays; per assessment, read each answer or fact,
// decide fulfilled / not / unknown, and take the gated minimum. Nothing is checked or built.
const reqs = miotCatalog.requirements.map((r) => {
  const criterion = miotCatalog.criteria.findIndex((c) => c.id === r.criterion);
  if (!r.rule) return { id: r.id, criterion, level: r.level };
  const [head, tail] = r.rule.fact.split(".");
  const p = miotCatalog.parameters.find((q) => q.id === r.rule.parameter).value;
  const fact = miotCatalog.facts.find((f) => f.id === r.rule.fact);
  const threshold = typeof p === "string" ? fact.values.indexOf(p) : p;
  const ranks = fact.kind === "ordinal" ? new Map(fact.values.map((v, i) => [v, i])) : undefined;
  return { id: r.id, criterion, level: r.level, head, tail, comparator: r.rule.comparator, threshold, ranks };
});
const criteriaCount = miotCatalog.criteria.length;
// Whether a measured value (an ordinal value's rank) meets its requirement's threshold.
const meets = (r, x) =>
  r.comparator === "lt"
    ? x < r.threshold
    : r.comparator === "lte"
      ? x <= r.threshold
      : r.comparator === "gt"
        ? x > r.threshold
        : x >= r.threshold;
function floorById(a) {
  const firstGap = new Array(criteriaCount).fill(6);
  for (const r of reqs) {
    let fulfilled;
    if (r.head === undefined) fulfilled = a.answers[r.id] === "met";
    else {
      let v = a.facts[r.head];
      if (r.tail !== undefined) v = v?.[r.tail];
      if (v === undefined) fulfilled = false;
      else {
        fulfilled = meets(r, r.ranks ? r.ranks.get(v) : v);
      }
    }
    if (!fulfilled && r.level < firstGap[r.criterion]) firstGap[r.criterion] = r.level;
  }
  let min = 5;
  for (const g of firstGap) if (g - 1 < min) min = g - 1;
  return min;
}

const indexOf = new Map(reqs.map((r, k) => [r.id, k]));
const measured = reqs.flatMap((r, k) => (r.head === undefined ? [] : [{ ...r, k }]));
const fulfilled = new Uint8Array(reqs.length);
function floor(a) {
  fulfilled.fill(0);
  const answers = a.answers;
  for (const id in answers) {
    if (answers[id] !== "met") continue;
    const k = indexOf.get(id);
    if (k !== undefined) fulfilled[k] = 1;
  }
  for (const r of measured) {
    let v = a.facts[r.head];
    if (r.tail !== undefined) v = v?.[r.tail];
    if (v === undefined) continue;
    if (meets(r, r.ranks ? r.ranks.get(v) : v)) fulfilled[r.k] = 1;
  }
  const firstGap = new Array(criteriaCount).fill(6);
  for (let k = 0; k < reqs.length; k++) {
    const r = reqs[k];
    if (fulfilled[k] === 0 && r.level < firstGap[r.criterion]) firstGap[r.criterion] = r.level;
  }
  let min = 5;
  for (const g of firstGap) if (g - 1 < min) min = g - 1;
  return min;
}
// One pass over every document before measuring: V8 builds a walk of an object's keys the first
// time it walks an object of that shape, and one measurement covers only part of the documents,
// so without this pass the first round would pay for those walks in whichever case came first.
for (const a of assessments) {
  if (floor(a) !== floorById(a)) throw new Error("the two floors disagree");
  assessLevels(miotCatalog, a);
}

let i = 0;
const nextAssessment = () => assessments[i++ % N];
await compare(
  `@miotsec/maturity: score one device assessment against miotCatalog (${N.toLocaleString("en")} distinct documents)`,
  [
    { name: "baseline: hand-written loop over precompiled data (levels only)", fn: () => floor(nextAssessment()) },
    {
      name: "the earlier floor: the same, reading each requirement's answer by id",
      fn: () => floorById(nextAssessment()),
    },
    { name: "assessLevels (checked input, levels only)", fn: () => assessLevels(miotCatalog, nextAssessment()) },
    {
      name: "assess (checked input, full report with blockers and roadmap)",
      fn: () => assess(miotCatalog, nextAssessment()),
    },
    {
      name: "assessMany, detail: levels, over 1,000 documents, per document",
      fn: () => {
        let n = 0;
        const start = i;
        i += 1000;
        for (const r of assessMany(miotCatalog, assessments.slice(start % N, (start % N) + 1000), { detail: "levels" }))
          if (r.ok) n++;
        return n;
      },
      opsPerCall: 1000,
    },
  ],
);
