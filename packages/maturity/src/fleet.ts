import {
  andThen,
  describeValue,
  type Failure,
  fail,
  isLevel,
  isPlainObject,
  issue,
  issuesOf,
  type Level,
  ok,
  parseWith,
  prefixIssues,
  type Result,
} from "@miotsec/core";
import { pathText } from "@miotsec/core/internal";
import type { Catalog } from "@miotsec/criteria";
import * as z from "zod/mini";
import { type AssessOptions, score } from "./assess.js";
import { readAssessManyOptions } from "./options.js";
import { type MaturityRating, rate } from "./rating.js";
import type { MaturityReport } from "./report.js";
import { parseReport } from "./report-schema.js";
import { scorer } from "./scorer.js";

/**
 * Rates many assessments against one catalog, lazily: the catalog is checked and compiled
 * once, each assessment is scored when the consumer asks for it, and nothing is kept between
 * items, so a million assessments stream through in constant memory. Yields one result per
 * input, in order; a bad assessment yields its issues and the stream goes on. With
 * `detail: "levels"` it yields {@link MaturityRating}s, the fast path for large fleets.
 *
 * @example
 * ```ts
 * import { miotCatalog } from "@miotsec/criteria";
 * import { assessMany } from "@miotsec/maturity";
 * const devices = [{ schemaVersion: 1, asOf: "2026-11-28", answers: {} }];
 * for (const result of assessMany(miotCatalog, devices)) {
 *   if (result.ok) console.log(result.value.level);
 * }
 * ```
 * @since 0.1.0
 */
export function assessMany(
  catalog: Catalog,
  assessments: Iterable<unknown>,
  options?: AssessOptions & { readonly detail?: "report" },
): Generator<Result<MaturityReport>, void, undefined>;
export function assessMany(
  catalog: Catalog,
  assessments: Iterable<unknown>,
  options: AssessOptions & { readonly detail: "levels" },
): Generator<Result<MaturityRating>, void, undefined>;
export function* assessMany(
  catalog: Catalog,
  assessments: Iterable<unknown>,
  options?: AssessManyOptions,
): Generator<Result<MaturityReport | MaturityRating>, void, undefined> {
  const setup = prepare(catalog, options);
  if (!isIterable(assessments, Symbol.iterator)) {
    yield notIterable;
    return;
  }
  try {
    for (const assessment of assessments) yield setup.ok ? setup.value(assessment) : setup;
  } catch (error) {
    yield unreadable(error);
  }
}

/** Whether a value can be iterated with the given protocol; a getter or trap that throws says no. */
function isIterable(value: unknown, protocol: symbol): boolean {
  try {
    return (
      value !== null &&
      (typeof value === "object" || typeof value === "function") &&
      typeof (value as Record<symbol, unknown>)[protocol] === "function"
    );
  } catch {
    return false;
  }
}

const notIterable = fail([
  issue("invalid-type", "The assessments must be an iterable (an array, a generator, a stream of parsed documents)."),
]);

/** The one failure for a stream of assessments whose reading threw, with the first line of the reason. */
function unreadable(error: unknown): Failure {
  let reason = "";
  try {
    reason =
      String((error as Error)?.message ?? error)
        .split(/[\r\n\u2028\u2029]/u)[0]
        ?.slice(0, 200) ?? "";
  } catch {
    // A reason that cannot be read is left out.
  }
  return fail([
    issue("unreadable-input", `The assessments could not be read further${reason === "" ? "" : `: ${reason}`}.`),
  ]);
}

/**
 * Options of {@link assessMany}: the policy, and whether to build full reports (`"report"`,
 * the default) or only the levels (`"levels"`).
 *
 * @since 0.1.0
 */
export interface AssessManyOptions extends AssessOptions {
  /** `"report"` (default) for full reports, `"levels"` for levels only. */
  readonly detail?: "report" | "levels";
}

/**
 * {@link assessMany} over an async iterable (a Node stream of parsed lines, a Web
 * `ReadableStream` in runtimes where it is async-iterable, an async generator).
 *
 * @example
 * ```ts
 * import { miotCatalog } from "@miotsec/criteria";
 * import { assessManyAsync } from "@miotsec/maturity";
 * async function* source() { yield { schemaVersion: 1, asOf: "2026-11-28", answers: {} }; }
 * for await (const result of assessManyAsync(miotCatalog, source())) console.log(result.ok);
 * ```
 * @since 0.1.0
 */
export function assessManyAsync(
  catalog: Catalog,
  assessments: AsyncIterable<unknown> | Iterable<unknown>,
  options?: AssessOptions & { readonly detail?: "report" },
): AsyncGenerator<Result<MaturityReport>, void, undefined>;
export function assessManyAsync(
  catalog: Catalog,
  assessments: AsyncIterable<unknown> | Iterable<unknown>,
  options: AssessOptions & { readonly detail: "levels" },
): AsyncGenerator<Result<MaturityRating>, void, undefined>;
export async function* assessManyAsync(
  catalog: Catalog,
  assessments: AsyncIterable<unknown> | Iterable<unknown>,
  options?: AssessManyOptions,
): AsyncGenerator<Result<MaturityReport | MaturityRating>, void, undefined> {
  const setup = prepare(catalog, options);
  if (!isIterable(assessments, Symbol.asyncIterator) && !isIterable(assessments, Symbol.iterator)) {
    yield notIterable;
    return;
  }
  try {
    for await (const assessment of assessments) yield setup.ok ? setup.value(assessment) : setup;
  } catch (error) {
    yield unreadable(error);
  }
}

function prepare(
  catalog: Catalog,
  options: unknown,
): Result<(assessment: unknown) => Result<MaturityReport | MaturityRating>> {
  return andThen(
    readAssessManyOptions(options),
    ({ policy, detail }): Result<(assessment: unknown) => Result<MaturityReport | MaturityRating>> =>
      detail === "levels" ? scorer(catalog, policy, rate) : scorer(catalog, policy, score),
  );
}

/**
 * Counts of reports per level, 0 to 5.
 *
 * @since 0.1.0
 */
export type LevelDistribution = [number, number, number, number, number, number];

/**
 * What a fleet looks like: how many devices sit at each level, per criterion too, and which
 * requirements block the most devices.
 *
 * @since 0.1.0
 */
export interface FleetSummary {
  /** Reports summarised. */
  readonly count: number;
  /** Reports per overall level. */
  readonly levels: LevelDistribution;
  /** Reports per overall level, unknowns counted as fulfilled. */
  readonly levelsIfUnknownsMet: LevelDistribution;
  /** The mean of the reports' continuous scores; 0 for no reports. */
  readonly meanScore: number;
  /** The mean share of requirements with a known outcome; 0 for no reports. */
  readonly meanCoverage: number;
  /** Per criterion, in the order first seen: reports per level. */
  readonly criteria: readonly { readonly id: string; readonly levels: LevelDistribution }[];
  /** The requirements that block a criterion's next level in the most reports, most first (ties by id). */
  readonly commonBlockers: readonly {
    readonly requirement: string;
    readonly reports: number;
    readonly share: number;
  }[];
}

const summarizeOptionsSchema = z.strictObject({ topBlockers: z.optional(z.int().check(z.gte(0), z.lte(100_000))) });

/** `summarize`'s options, read once; `topBlockers` defaults to 10. */
function readTopBlockers(options: unknown): Result<number> {
  const read = parseWith(summarizeOptionsSchema, options ?? {}, { path: ["options"] });
  return read.ok ? ok(read.value.topBlockers ?? 10) : read;
}

/** What `summarize` reads of one report. */
interface SummaryOfReport {
  readonly level: Level;
  readonly levelIfUnknownsMet: Level;
  readonly score: number;
  readonly ratio: number;
  readonly criteria: readonly { readonly id: string; readonly level: Level; readonly blockers: readonly string[] }[];
}

/**
 * What `summarize` reads of a report, each value read once and checked, or an issue naming the
 * first value that is not what a report holds. Only these values, not the whole report: a
 * fleet's summary stays a pass over counters (checking whole reports with `parseReport` would
 * cost as much as assessing them again; docs/benchmarks.md).
 */
function summaryOf(report: unknown, index: number): Result<SummaryOfReport> {
  const at = ["reports", index];
  const wrong = (path: readonly (string | number)[], what: string) =>
    fail([issue("invalid-type", `${pathText([...at, ...path])} must be ${what}.`, [...at, ...path])]);
  try {
    if (!isPlainObject(report)) return wrong([], "a maturity report");
    const { level, levelIfUnknownsMet, score, coverage, criteria: criteriaIn } = report;
    if (!isLevel(level)) return wrong(["level"], "a level from 0 to 5");
    if (!isLevel(levelIfUnknownsMet)) return wrong(["levelIfUnknownsMet"], "a level from 0 to 5");
    if (typeof score !== "number" || !(score >= 0 && score <= 6)) return wrong(["score"], "a number from 0 to 6");
    const ratio = isPlainObject(coverage) ? coverage.ratio : undefined;
    if (typeof ratio !== "number" || !(ratio >= 0 && ratio <= 1))
      return wrong(["coverage", "ratio"], "a number from 0 to 1");
    if (!Array.isArray(criteriaIn)) return wrong(["criteria"], "a list of criteria");
    const criteria: SummaryOfReport["criteria"][number][] = [];
    for (let i = 0; i < criteriaIn.length; i++) {
      const c: unknown = criteriaIn[i];
      if (!isPlainObject(c)) return wrong(["criteria", i], "a criterion's result");
      const { id, level: cLevel, blockers: blockersIn } = c;
      if (typeof id !== "string") return wrong(["criteria", i, "id"], "a criterion's id");
      if (!isLevel(cLevel)) return wrong(["criteria", i, "level"], "a level from 0 to 5");
      if (!Array.isArray(blockersIn)) return wrong(["criteria", i, "blockers"], "a list of blockers");
      const ids: string[] = [];
      for (let j = 0; j < blockersIn.length; j++) {
        const b: unknown = blockersIn[j];
        const requirement = isPlainObject(b) ? b.requirement : undefined;
        if (typeof requirement !== "string")
          return wrong(["criteria", i, "blockers", j, "requirement"], "a requirement's id");
        ids.push(requirement);
      }
      criteria.push({ id, level: cLevel, blockers: ids });
    }
    return ok({ level, levelIfUnknownsMet, score, ratio, criteria });
  } catch {
    return fail([issue("unreadable-input", `Report ${index} could not be read (a getter or proxy threw).`, at)]);
  }
}

/**
 * Summarises reports, streaming: it reads each report once and keeps only counters. It reads
 * and checks only the values it counts (levels, score, coverage, criteria and their blockers'
 * ids); a value that is not what a report holds, an iterable that is not one, or options out of
 * range are answered with issues.
 *
 * @example
 * ```ts
 * import { miotCatalog } from "@miotsec/criteria";
 * import { assess, summarize } from "@miotsec/maturity";
 * const r = assess(miotCatalog, { schemaVersion: 1, asOf: "2026-11-28", answers: {} });
 * if (r.ok) unwrap(summarize([r.value])).levels; // [1, 0, 0, 0, 0, 0]
 * ```
 * @since 0.1.0
 */
export function summarize(
  reports: Iterable<MaturityReport>,
  options: { readonly topBlockers?: number } = {},
): Result<FleetSummary> {
  const top = readTopBlockers(options);
  if (!top.ok) return top;
  let iterator: Iterator<unknown>;
  try {
    iterator = (reports as Iterable<unknown>)[Symbol.iterator]();
  } catch {
    iterator = undefined as never;
  }
  if (typeof iterator?.next !== "function")
    return fail([
      issue("invalid-type", `The reports must be an iterable of reports, got ${describeValue(reports)}.`, ["reports"]),
    ]);
  const levels: LevelDistribution = [0, 0, 0, 0, 0, 0];
  const levelsIfUnknownsMet: LevelDistribution = [0, 0, 0, 0, 0, 0];
  const criteria = new Map<string, LevelDistribution>();
  const blockers = new Map<string, number>();
  let count = 0;
  let scoreSum = 0;
  let coverageSum = 0;
  for (;;) {
    let step: IteratorResult<unknown>;
    try {
      step = iterator.next();
    } catch {
      return fail([
        issue("unreadable-input", `Report ${count} could not be read: the iterable threw.`, ["reports", count]),
      ]);
    }
    if (step.done) break;
    const checked = summaryOf(step.value, count);
    if (!checked.ok) return checked;
    const report = checked.value;
    count++;
    levels[report.level]++;
    levelsIfUnknownsMet[report.levelIfUnknownsMet]++;
    scoreSum += report.score;
    coverageSum += report.ratio;
    for (const c of report.criteria) {
      let d = criteria.get(c.id);
      if (!d) {
        d = [0, 0, 0, 0, 0, 0];
        criteria.set(c.id, d);
      }
      d[c.level]++;
      for (const b of c.blockers) blockers.set(b, (blockers.get(b) ?? 0) + 1);
    }
  }
  const commonBlockers = [...blockers]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, top.value)
    .map(([requirement, n]) => ({ requirement, reports: n, share: n / count }));
  return ok({
    count,
    levels,
    levelsIfUnknownsMet,
    meanScore: count === 0 ? 0 : scoreSum / count,
    meanCoverage: count === 0 ? 0 : coverageSum / count,
    criteria: [...criteria].map(([id, d]) => ({ id, levels: d })),
    commonBlockers,
  });
}

/**
 * A change of level between two reports.
 *
 * @since 0.1.0
 */
export interface LevelChange {
  /** The level in the earlier report. */
  readonly before: Level;
  /** The level in the later report. */
  readonly after: Level;
  /** Whether it went up, down or stayed. */
  readonly change: "improved" | "regressed" | "unchanged";
}

/**
 * What changed between two reports of the same subject.
 *
 * @since 0.1.0
 */
export interface ReportComparison {
  /** The overall level's change. */
  readonly overall: LevelChange;
  /** Each criterion present in both reports, in the later report's order. */
  readonly criteria: readonly ({ readonly id: string } & LevelChange)[];
  /** Criteria whose level went up. */
  readonly improved: readonly string[];
  /** Criteria whose level went down. */
  readonly regressed: readonly string[];
  /** Requirements fulfilled now that were not before. */
  readonly newlyFulfilled: readonly string[];
  /** Requirements fulfilled before that are not now. */
  readonly noLongerFulfilled: readonly string[];
  /** Criteria only in one of the reports (the catalogs differ). */
  readonly onlyBefore: readonly string[];
  /** Criteria only in the later report. */
  readonly onlyAfter: readonly string[];
}

function change(before: Level, after: Level): LevelChange {
  return { before, after, change: after > before ? "improved" : after < before ? "regressed" : "unchanged" };
}

/**
 * Compares two reports, for example of a device before and after a remediation. Both are
 * checked first ({@link parseReport}); issues are under `before` or `after`.
 *
 * @example
 * ```ts
 * import { miotCatalog } from "@miotsec/criteria";
 * import { assess, compareReports } from "@miotsec/maturity";
 * const before = assess(miotCatalog, { schemaVersion: 1, asOf: "2026-01-10", answers: {} });
 * const after = assess(miotCatalog, { schemaVersion: 1, asOf: "2026-11-28", answers: { "updates.1.1": "met" } });
 * if (before.ok && after.ok) unwrap(compareReports(before.value, after.value)).newlyFulfilled; // ["updates.1.1"]
 * ```
 * @since 0.1.0
 */
export function compareReports(beforeInput: MaturityReport, afterInput: MaturityReport): Result<ReportComparison> {
  const first = parseReport(beforeInput);
  const second = parseReport(afterInput);
  if (!first.ok || !second.ok)
    return fail([...prefixIssues(["before"], issuesOf(first)), ...prefixIssues(["after"], issuesOf(second))]);
  const before = first.value;
  const after = second.value;
  const earlier = new Map(before.criteria.map((c) => [c.id, c] as const));
  const later = new Set(after.criteria.map((c) => c.id));
  const criteria = after.criteria.flatMap((c) => {
    const old = earlier.get(c.id);
    return old ? [{ id: c.id, ...change(old.level, c.level) }] : [];
  });
  const wasFulfilled = new Set(before.requirements.filter((r) => r.outcome === "fulfilled").map((r) => r.id));
  const isFulfilled = new Set(after.requirements.filter((r) => r.outcome === "fulfilled").map((r) => r.id));
  return ok({
    overall: change(before.level, after.level),
    criteria,
    improved: criteria.filter((c) => c.change === "improved").map((c) => c.id),
    regressed: criteria.filter((c) => c.change === "regressed").map((c) => c.id),
    newlyFulfilled: after.requirements
      .filter((r) => r.outcome === "fulfilled" && !wasFulfilled.has(r.id))
      .map((r) => r.id),
    noLongerFulfilled: before.requirements
      .filter((r) => r.outcome === "fulfilled" && !isFulfilled.has(r.id))
      .map((r) => r.id),
    onlyBefore: before.criteria.filter((c) => !later.has(c.id)).map((c) => c.id),
    onlyAfter: after.criteria.filter((c) => !earlier.has(c.id)).map((c) => c.id),
  });
}
