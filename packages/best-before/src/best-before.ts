import {
  fail,
  type IsoDate,
  type Issue,
  isIsoDate,
  issue,
  issuesOf,
  ok,
  parseWith,
  prefixIssues,
  type Result,
} from "@miotsec/core";
import { epochDay, epochDayAfterMonths, fromEpochDay, memberApart } from "@miotsec/core/internal";
import * as z from "zod/mini";
import { type ComponentLifetime, lifetimeOf } from "./hardware.js";
import { isCheckedFacts, type LifecycleFacts, lifecycleFactsSchema } from "./lifecycle.js";
import { type BestBeforePolicy, resolveBestBeforePolicy } from "./policy.js";
import { isCheckedStatements, parseVulnerabilityStatements, type VulnerabilityStatement } from "./vulnerability.js";
import { cachedEffectsOf } from "./vulnerability-effects.js";

/**
 * One factor that moved (or would have moved) the date: which, in which direction, by how
 * many days, and why, in a sentence.
 *
 * @since 0.1.0
 */
export interface Contribution {
  /** The factor. */
  readonly factor:
    | "base"
    | "security-updates"
    | "still-purchasable"
    | "product-line-active"
    | "new-variants"
    | "recent-security-update"
    | "support-period-end"
    | "assumed-support-period"
    | "end-of-security-updates"
    | "end-of-life"
    | "manufacturer-average-end-of-life"
    | "hardware-limit"
    | "vulnerability"
    | "maximum";
  /**
   * `positive` moves the date later, `negative` earlier; `neutral` is the starting point, and new
   * variants where the policy gives them no months.
   */
  readonly direction: "positive" | "negative" | "neutral";
  /** Days the factor moved the date (0 when it did not bind). */
  readonly days: number;
  /** One sentence. */
  readonly explanation: string;
}

/**
 * The best-before-inspection date and everything that explains it.
 *
 * @since 0.1.0
 */
export interface BestBefore {
  /** The date by which the device must be inspected again. */
  readonly bestBefore: IsoDate;
  /** `expired` after the date, `due-soon` within the warning window before it, else `valid`. */
  readonly status: "valid" | "due-soon" | "expired";
  /** Days from `asOf` to the date (negative once expired). */
  readonly daysRemaining: number;
  /** `negative` once support, security updates or life have ended (absorbing); `limited` when sale has ended, an end is near or no security update is on record; else `positive`. */
  readonly label: "positive" | "limited" | "negative";
  /** Why the label is not positive, one sentence each. */
  readonly labelReasons: readonly string[];
  /** The IMDRF legacy-device stage the label corresponds to. */
  readonly stage: "support" | "limited-support" | "end-of-support";
  /** The date the calculation starts from: manufacturing, else purchase. */
  readonly anchor: { readonly kind: "manufacturing" | "purchase"; readonly date: IsoDate };
  /** Every factor, in the order applied. */
  readonly contributions: readonly Contribution[];
  /** The date the shortest-lived component reaches its B10 life, if components were given. */
  readonly hardwareLimit?: IsoDate;
  /** That component. */
  readonly limitingComponent?: ComponentLifetime;
  /** The date the result describes. */
  readonly asOf: IsoDate;
  /** The policy used, defaults filled in. */
  readonly policy: BestBeforePolicy;
  /**
   * What to do on the inspection day, in the paper's order (§V-B): check the firmware, reboot
   * and compare the runtime facts with the label, check that support is still active, and
   * start a new threat model or maturity assessment.
   *
   * @since 0.2.0
   */
  readonly inspection: readonly InspectionStep[];
  /**
   * Where vulnerability statements were passed in: the ids of those that affect the device with no
   * fix on record (`open`, in id order), and how many statements were considered in all.
   */
  readonly vulnerabilities?: { readonly open: readonly string[]; readonly considered: number };
}

/** The paper's inspection actions (§V-B), each with why and what the facts say of it. */
function inspectionSteps(
  facts: LifecycleFacts,
  latestSecurity: IsoDate | undefined,
  asOf: IsoDate,
  toFix: readonly string[],
): InspectionStep[] {
  const support =
    facts.supportPeriodEnd === undefined
      ? "The label declares no end of the support period."
      : facts.supportPeriodEnd <= asOf
        ? `The support period ended on ${facts.supportPeriodEnd}.`
        : `The support period is declared to end on ${facts.supportPeriodEnd}.`;
  const fixes: InspectionStep[] =
    toFix.length === 0
      ? []
      : [
          {
            id: "apply-fix",
            action: `Apply the fix for ${toFix.join(", ")}.`,
            why: "A vulnerability that affects the device, with no security update on record that fixes it, caps the date at the end of its remediation window.",
          },
        ];
  return [
    ...fixes,
    {
      id: "check-firmware",
      action: "Check that the firmware is up to date.",
      why: `The paper's first inspection is a screening of whether the firmware is current; ${latestSecurity === undefined ? "no security update is on record" : `the last security update on record dates from ${latestSecurity}`}.`,
    },
    {
      id: "compare-runtime-facts",
      action: "Restart the device and compare the values measured while it boots with the label's runtime facts.",
      why: "Values outside the manufacturer's integration-stage reference values show a device that was tampered with or misconfigured.",
    },
    {
      id: "check-support",
      action: "Check that the manufacturer's support activities are still active.",
      why: `Support that has stopped makes the label negative, and the date was computed assuming it goes on. ${support}`,
    },
    {
      id: "reassess",
      action: "Start a new threat model or maturity assessment.",
      why: "The date marks when the device must be evaluated again; the paper suggests the maturity model of its §IV for it.",
    },
  ];
}

/**
 * One thing to do on the inspection day, as §V-B of the paper lists them, with why.
 *
 * @since 0.2.0
 */
export interface InspectionStep {
  /**
   * A stable id: `apply-fix` (where a vulnerability affects the device without a fix on record),
   * `check-firmware`, `compare-runtime-facts`, `check-support` or `reassess`.
   */
  readonly id: "apply-fix" | "check-firmware" | "compare-runtime-facts" | "check-support" | "reassess";
  /** What to do, in one sentence. */
  readonly action: string;
  /** Why, with what the lifecycle facts say where they bear on it. */
  readonly why: string;
}

/**
 * Options of {@link computeBestBefore}: the date to judge the status on (required, `YYYY-MM-DD`)
 * and deviations from {@link defaultBestBeforePolicy}.
 *
 * @since 0.1.0
 */
export interface BestBeforeOptions {
  /** The date of the judgement; the library never reads a clock. */
  readonly asOf: string;
  /** Deviations from the default policy. */
  readonly policy?: Partial<BestBeforePolicy>;
  /**
   * Vulnerability statements about the device (`parseVex` of `@miotsec/best-before/vex` reads
   * them from CycloneDX, OpenVEX and CSAF). One that affects the device, with no security update
   * on record of a version that fixes it, caps the date at its publication plus the policy's
   * remediation window for its severity; one under investigation makes the label `limited`; the
   * rest are listed as considered.
   */
  readonly vulnerabilities?: readonly VulnerabilityStatement[];
  /**
   * Ids of vulnerabilities known to be exploited (CVE ids, as in CISA's Known Exploited
   * Vulnerabilities catalog): an affecting one gets the shortest window.
   */
  readonly knownExploited?: readonly string[];
}

// The options as they are read: asOf is judged after, so that its issue says what it must be.
const optionsSchema = z.strictObject({
  asOf: z.optional(z.unknown()),
  policy: z.optional(z.unknown()),
  knownExploited: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.maxLength(100_000))),
});

const ended = (end: IsoDate | boolean | undefined, asOf: IsoDate) =>
  end === true || (typeof end === "string" && end <= asOf);

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

/**
 * Computes the best-before-inspection date of §V-B of the paper: from the manufacturing date
 * (else the purchase date), moved later by positive factors (security updates on record, a
 * recent security update, the product still sold, its line alive, new variants) and capped by
 * negative ones (the declared or assumed support period, the end of security updates, the end
 * of life, the manufacturer's average end-of-life period, the hardware limit of the
 * shortest-lived component, the policy's maximum). Every factor is returned with the days it
 * moved the date.
 *
 * The label is `negative` as soon as support, security updates or life have ended, whatever
 * else is true. The status compares the date with `asOf`.
 *
 * The hardware limit uses the shortest component life. For components in series that is
 * optimistic: the device fails when the first of them fails, so its B10 life is shorter than
 * the shortest component's.
 *
 * Input rules: a manufacturing or purchase date is required; an end of support, security
 * updates or life before the manufacturing date is refused (`dates-out-of-order`); a purchase
 * before manufacturing is accepted (a pre-order), and so are updates older than the unit.
 *
 * Facts returned by {@link parseLifecycleFacts} (typed `CheckedLifecycleFacts`) are not checked
 * again, so that a fleet judged every day pays for the check once.
 *
 * @example
 * ```ts
 * import { computeBestBefore } from "@miotsec/best-before";
 * const r = computeBestBefore(
 *   { manufacturingDate: "2024-05-01", supportPeriodEnd: "2029-05-01", updates: [{ date: "2026-02-01", security: true }], stillPurchasable: true },
 *   { asOf: "2026-11-28" },
 * );
 * if (r.ok) console.log(r.value.bestBefore, r.value.status, r.value.label); // "2027-02-01" "due-soon" "positive"
 * ```
 * @since 0.1.0
 */
export function computeBestBefore(facts: unknown, options: BestBeforeOptions): Result<BestBefore> {
  const issues: Issue[] = [];
  // The options are read once, into a plain copy, and only the copy is used; statements checked
  // once (parseVulnerabilityStatements, parseVex) are taken as they are.
  const split = withoutStatements(options === undefined ? {} : options);
  if (!split.ok) return split;
  const read = parseWith(optionsSchema, split.value.rest);
  const statements =
    split.value.vulnerabilities === undefined
      ? ok(undefined)
      : prefixIssuesOf(parseVulnerabilityStatements(split.value.vulnerabilities));
  if (!read.ok || !statements.ok) return fail([...issuesOf(read), ...issuesOf(statements)]);
  const { asOf, policy: policyInput, knownExploited = [] } = read.value;
  const vulnerabilities = statements.value;
  if (!isIsoDate(asOf) || asOf < "1900-01-01" || asOf > "2999-12-31") {
    issues.push(
      issue("invalid-date", "The asOf option must be a real date from 1900 to 2999, written YYYY-MM-DD.", ["asOf"]),
    );
  }
  const policy = resolveBestBeforePolicy(policyInput);
  if (!policy.ok) issues.push(...policy.issues);
  const checked = isCheckedFacts(facts);
  const parsed = checked ? ok(facts) : parseWith(lifecycleFactsSchema, facts);
  if (!parsed.ok) issues.push(...parsed.issues);
  if (issues.length > 0 || !parsed.ok || !policy.ok) return fail(issues);
  return compute(parsed.value, checked, asOf as IsoDate, policy.value, {
    given: vulnerabilities !== undefined,
    vulnerabilities: vulnerabilities ?? [],
    knownExploited,
  });
}

/** The options without their `vulnerabilities`, each read once; a getter that throws is an issue. */
function withoutStatements(options: unknown): Result<{ vulnerabilities: unknown; rest: unknown }> {
  if (typeof options !== "object" || options === null || Array.isArray(options))
    return ok({ vulnerabilities: undefined, rest: options });
  const apart = memberApart(options, "vulnerabilities");
  if (apart === undefined)
    return fail([
      issue("unreadable-input", "The options could not be read as plain data (a getter or proxy threw).", []),
    ]);
  return ok({ vulnerabilities: apart.member, rest: apart.rest });
}

/** Issues of the statements at `vulnerabilities`. */
function prefixIssuesOf<T>(r: Result<T>): Result<T> {
  return r.ok ? r : fail(prefixIssues(["vulnerabilities"], r.issues));
}

/** What is known of the device's vulnerabilities, as the options give it. */
interface Vulnerabilities {
  /** Whether the options gave statements at all (an empty list included). */
  readonly given: boolean;
  readonly vulnerabilities: readonly VulnerabilityStatement[];
  readonly knownExploited: readonly string[];
}

// The order of each checked (frozen) list of statements, worked out once.
const orderCache = new WeakMap<readonly VulnerabilityStatement[], VulnerabilityStatement[]>();

/**
 * The statements in one order whatever order or format they came in: by id, then by what they
 * say; a statement said twice (the same facts in two documents) counts once.
 */
function statementsInOrder(statements: readonly VulnerabilityStatement[]): VulnerabilityStatement[] {
  const cached = orderCache.get(statements);
  if (cached !== undefined) return cached;
  const ordered = orderOf(statements);
  if (isCheckedStatements(statements)) orderCache.set(statements, ordered);
  return ordered;
}

/** {@link statementsInOrder}, worked out. */
function orderOf(statements: readonly VulnerabilityStatement[]): VulnerabilityStatement[] {
  const key = (s: VulnerabilityStatement) =>
    JSON.stringify([
      s.id,
      s.status,
      s.severity ?? "",
      s.score ?? -1,
      s.published ?? "",
      [...s.fixedIn].sort(),
      s.justification ?? "",
    ]);
  const byKey = new Map<string, VulnerabilityStatement>();
  for (const s of statements) if (!byKey.has(key(s))) byKey.set(key(s), s);
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, s]) => s);
}

/** What the date needs from the update history and the components, worked out once per facts. */
interface Derived {
  readonly distinctSecurity: number;
  readonly latestSecurity: IsoDate | undefined;
  readonly limiting: ComponentLifetime | undefined;
  readonly hardwareText: string;
}

// Facts from parseLifecycleFacts are frozen, so what is derived from them holds for good.
const derivedCache = new WeakMap<LifecycleFacts, Derived>();

function derivedOf(facts: LifecycleFacts, checked: boolean): Derived {
  const cached = checked ? derivedCache.get(facts) : undefined;
  if (cached !== undefined) return cached;
  const securityDates: IsoDate[] = [];
  for (const u of facts.updates ?? []) if (u.security) securityDates.push(u.date);
  securityDates.sort();
  let distinctSecurity = 0;
  for (let i = 0; i < securityDates.length; i++) if (securityDates[i] !== securityDates[i - 1]) distinctSecurity++;
  let limiting: ComponentLifetime | undefined;
  for (const component of facts.components ?? []) {
    const life = lifetimeOf(component);
    if (limiting === undefined || life.calendarDays < limiting.calendarDays) limiting = life;
  }
  const derived: Derived = {
    distinctSecurity,
    latestSecurity: securityDates[securityDates.length - 1],
    limiting,
    hardwareText:
      limiting === undefined
        ? ""
        : `The shortest-lived component, ${limiting.name}, reaches its B10 life after ${limiting.calendarDays} days (${limiting.method}, Arrhenius factor ${limiting.arrheniusFactor.toFixed(3)}, duty cycle ${limiting.dutyCycle}).`,
  };
  if (checked) {
    // Shared by every result computed from these facts: frozen, so that no caller can change
    // another's.
    if (limiting !== undefined) Object.freeze(limiting);
    derivedCache.set(facts, derived);
  }
  return derived;
}

/** The date from checked facts; `checked` when they came from parseLifecycleFacts (frozen). */
function compute(
  facts: LifecycleFacts,
  checked: boolean,
  asOf: IsoDate,
  policy: BestBeforePolicy,
  known: Vulnerabilities,
): Result<BestBefore> {
  const anchorDate = facts.manufacturingDate ?? facts.purchaseDate;
  if (anchorDate === undefined) {
    return fail([
      issue("missing-anchor", "A manufacturingDate or a purchaseDate is needed to start from.", ["manufacturingDate"]),
    ]);
  }
  const anchor = { kind: facts.manufacturingDate ? "manufacturing" : "purchase", date: anchorDate } as const;
  if (facts.manufacturingDate) {
    const made = facts.manufacturingDate;
    const order: Issue[] = [];
    for (const key of ["supportPeriodEnd", "endOfSecurityUpdates", "endOfLife"] as const) {
      const end = facts[key];
      if (typeof end === "string" && end < made) {
        order.push(issue("dates-out-of-order", `${key} (${end}) is before the manufacturingDate (${made}).`, [key]));
      }
    }
    if (order.length > 0) return fail(order);
  }

  const contributions: Contribution[] = [];
  // Positive factors in whole months, added to the anchor once.
  const { distinctSecurity, latestSecurity, limiting, hardwareText } = derivedOf(facts, checked);
  const saleEnded = ended(facts.endOfSale, asOf);
  const sold = facts.stillPurchasable === true && !saleEnded;
  const lineAlive = facts.productLineActive === true;
  const variants = facts.newVariants ?? 0;
  let months = 0;
  const anchorDay = epochDay(anchor.date);
  const asOfDay = epochDay(asOf);
  let day = anchorDay;
  // New variants move nothing unless the policy gives them months: the paper gives no direction.
  const neutral = (factor: Contribution["factor"]) =>
    factor === "base" || (factor === "new-variants" && policy.monthsPerNewVariant === 0);
  const bonus = (factor: Contribution["factor"], add: number, why: string) => {
    months += add;
    const next = epochDayAfterMonths(anchor.date, months);
    contributions.push({
      factor,
      direction: neutral(factor) ? "neutral" : "positive",
      days: next - day,
      explanation: factor === "base" ? why : `${why} ${add > 0 ? `+${plural(add, "month")}` : "No change"}.`,
    });
    day = next;
  };
  bonus(
    "base",
    policy.baseMonths,
    `Starting point: the ${anchor.kind} date ${anchor.date} plus ${plural(policy.baseMonths, "month")}.`,
  );
  bonus(
    "security-updates",
    Math.min(distinctSecurity * policy.monthsPerSecurityUpdate, policy.maxSecurityUpdateMonths),
    `${plural(distinctSecurity, "security update")} on record.`,
  );
  bonus(
    "still-purchasable",
    sold ? policy.stillPurchasableMonths : 0,
    sold ? "The product is still sold." : "The product is not known to be sold any more.",
  );
  bonus(
    "product-line-active",
    lineAlive ? policy.productLineActiveMonths : 0,
    lineAlive ? "The product line is alive." : "The product line is not known to be alive.",
  );
  bonus(
    "new-variants",
    Math.min(variants * policy.monthsPerNewVariant, policy.maxNewVariantMonths),
    policy.monthsPerNewVariant === 0 && variants > 0
      ? `${plural(variants, "new variant")} of the product released; they count as neutral, as the paper gives them no direction.`
      : `${plural(variants, "new variant")} of the product released.`,
  );
  if (latestSecurity !== undefined) {
    const candidate = epochDayAfterMonths(latestSecurity, policy.securityUpdateValidityMonths);
    const moved = Math.max(0, candidate - day);
    contributions.push({
      factor: "recent-security-update",
      direction: "positive",
      days: moved,
      explanation: `The latest security update (${latestSecurity}) keeps the device good until ${fromEpochDay(candidate)}${moved > 0 ? "" : ", which is no later"}.`,
    });
    day = Math.max(day, candidate);
  }

  // Caps: each can only move the date earlier.
  const cap = (factor: Contribution["factor"], limit: number, why: string, notBinding = `${why} It does not bind.`) => {
    const moved = Math.min(0, limit - day);
    contributions.push({ factor, direction: "negative", days: moved, explanation: moved < 0 ? why : notBinding });
    day = Math.min(day, limit);
  };
  const dayBeforeAsOf = asOfDay - 1;
  if (facts.supportPeriodEnd)
    cap("support-period-end", epochDay(facts.supportPeriodEnd), `Support ends on ${facts.supportPeriodEnd}.`);
  else if (policy.assumedSupportYears !== null && typeof facts.endOfSecurityUpdates !== "string") {
    const assumedDay = epochDayAfterMonths(anchor.date, policy.assumedSupportYears * 12);
    const assumed = fromEpochDay(assumedDay);
    cap(
      "assumed-support-period",
      assumedDay,
      `No support period is declared; ${plural(policy.assumedSupportYears, "year")} are assumed, until ${assumed}.`,
    );
  }
  const endCap = (
    factor: Contribution["factor"],
    end: IsoDate | boolean | undefined,
    planned: string,
    over: string,
  ): void => {
    if (typeof end === "string") cap(factor, epochDay(end), `${planned} ${end}.`);
    else if (end === true) cap(factor, dayBeforeAsOf, `${over}, on a date not given (before ${asOf}).`);
  };
  endCap(
    "end-of-security-updates",
    facts.endOfSecurityUpdates,
    "Security updates end on",
    "Security updates have ended",
  );
  endCap("end-of-life", facts.endOfLife, "The end of life is on", "The end of life has passed");
  if (facts.manufacturerAverageEndOfLifeYears !== undefined) {
    const limit = anchorDay + Math.floor(facts.manufacturerAverageEndOfLifeYears * 365.2425);
    cap(
      "manufacturer-average-end-of-life",
      limit,
      `The manufacturer's products reach their end of life after ${facts.manufacturerAverageEndOfLifeYears} years on average.`,
    );
  }
  let hardwareLimit: IsoDate | undefined;
  if (limiting !== undefined) {
    const limit = anchorDay + limiting.calendarDays;
    const maxDay = epochDayAfterMonths(anchor.date, policy.maxMonths);
    if (limit <= maxDay) hardwareLimit = fromEpochDay(limit);
    cap("hardware-limit", limit, hardwareText);
  }
  // Vulnerabilities: an affecting one without a fix on the device caps the date at its window.
  const exploitedIds = new Set(known.knownExploited);
  const securityVersions = new Set<string>();
  for (const u of facts.updates ?? []) if (u.security && u.version !== undefined) securityVersions.add(u.version);
  const overdue: string[] = [];
  const investigating: string[] = [];
  const toFix: string[] = [];
  const fixing = new Set<string>();
  const ordered = statementsInOrder(known.vulnerabilities);
  const consideredCount = ordered.length;
  const effects = cachedEffectsOf(known.vulnerabilities, ordered, exploitedIds, securityVersions, policy, asOf);
  for (const e of effects) {
    if (e.dueDay !== undefined) {
      cap("vulnerability", e.dueDay, e.explanation, e.notBinding);
      if (!fixing.has(e.id)) {
        fixing.add(e.id);
        toFix.push(e.id);
      }
      if (e.dueDay < asOfDay && e.overdue !== undefined) overdue.push(e.overdue);
    } else {
      contributions.push(
        e.unchanged ?? { factor: "vulnerability", direction: "neutral", days: 0, explanation: e.explanation },
      );
      if (e.underInvestigation) investigating.push(`${e.id} is under investigation by the manufacturer.`);
    }
  }
  cap(
    "maximum",
    epochDayAfterMonths(anchor.date, policy.maxMonths),
    `Never more than ${plural(policy.maxMonths, "month")} after the anchor.`,
  );

  const bestBefore = fromEpochDay(day);
  const daysRemaining = day - asOfDay;
  const status = daysRemaining < 0 ? "expired" : daysRemaining <= policy.warningDays ? "due-soon" : "valid";

  const negative: string[] = [];
  if (ended(facts.endOfSecurityUpdates, asOf)) negative.push("Security updates have ended.");
  if (ended(facts.endOfLife, asOf)) negative.push("The device has reached its end of life.");
  if (facts.supportPeriodEnd !== undefined && facts.supportPeriodEnd <= asOf)
    negative.push("The support period has ended.");
  negative.push(...overdue);
  const limited: string[] = [];
  if (saleEnded) limited.push("The product is no longer sold.");
  const soon = asOfDay + policy.limitedWindowDays;
  const endingSoon = (end: IsoDate | boolean | undefined, what: string): void => {
    if (typeof end === "string" && end > asOf && epochDay(end) <= soon)
      limited.push(
        `${what} end${what === "Life" ? "s" : ""} on ${end}, within ${plural(policy.limitedWindowDays, "day")}.`,
      );
  };
  endingSoon(facts.supportPeriodEnd, "Support");
  endingSoon(facts.endOfSecurityUpdates, "Security updates");
  endingSoon(facts.endOfLife, "Life");
  if (latestSecurity === undefined) limited.push("No security update is on record.");
  limited.push(...investigating);
  const label = negative.length > 0 ? "negative" : limited.length > 0 ? "limited" : "positive";

  // Built key by key in the documented order, without spreads; a hardware limit comes only with
  // its limiting component.
  const result: { -readonly [K in keyof BestBefore]?: BestBefore[K] } = {
    bestBefore,
    status,
    daysRemaining,
    label,
    labelReasons: negative.length > 0 ? negative : limited,
    stage: label === "negative" ? "end-of-support" : label === "limited" ? "limited-support" : "support",
    anchor,
    contributions,
  };
  if (hardwareLimit !== undefined) result.hardwareLimit = hardwareLimit;
  if (limiting !== undefined) result.limitingComponent = limiting;
  result.asOf = asOf;
  result.policy = policy;
  result.inspection = inspectionSteps(facts, latestSecurity, asOf, toFix);
  if (known.given) result.vulnerabilities = { open: toFix, considered: consideredCount };
  return ok(result as BestBefore);
}
