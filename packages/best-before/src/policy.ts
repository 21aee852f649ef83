import type { Result } from "@miotsec/core";
import { defaultsResolver } from "@miotsec/core/internal";
import * as z from "zod/mini";

const months = (max: number) => z.int().check(z.gte(0), z.lte(max));

/**
 * How lifecycle facts move the best-before-inspection date. Every number is in whole months
 * or days, so that durations are added to the anchor once and exactly.
 *
 * @example
 * ```ts
 * import { bestBeforePolicySchema, defaultBestBeforePolicy } from "@miotsec/best-before";
 * bestBeforePolicySchema.parse({ ...defaultBestBeforePolicy, baseMonths: 12 });
 * ```
 * @since 0.1.0
 */
export const bestBeforePolicySchema = z.strictObject({
  /** Months from the anchor before the first inspection when nothing else is known. */
  baseMonths: months(600),
  /** Months a security update keeps the device good from that update's date. */
  securityUpdateValidityMonths: months(120),
  /** Months each distinct security update in the history adds to the anchor's date. */
  monthsPerSecurityUpdate: months(24),
  /** The most months the update history can add that way. */
  maxSecurityUpdateMonths: months(120),
  /** Months added while the product is still sold. */
  stillPurchasableMonths: months(120),
  /** Months added while the product line is alive. */
  productLineActiveMonths: months(120),
  /**
   * Months each new variant of the product adds. 0 by default: the paper names new variants as
   * a parameter without saying which way they move the date. 1 reads them as an active
   * manufacturer, a positive factor (the default before 0.2.0).
   */
  monthsPerNewVariant: months(24),
  /** The most months new variants can add. */
  maxNewVariantMonths: months(120),
  /**
   * A support period assumed when none is declared, in years (the EU Cyber Resilience Act's
   * five years, which do not bind devices under the EU medical device regulations); `null`
   * to assume none.
   */
  assumedSupportYears: z.nullable(z.int().check(z.gte(0), z.lte(50))),
  /** The latest the date can be, in months after the anchor. */
  maxMonths: months(600),
  /** Days before the date in which the status is `due-soon` (endoflife.date uses 121). */
  warningDays: z.int().check(z.gte(0), z.lte(3650)),
  /** An announced end within this many days makes the label `limited`. */
  limitedWindowDays: z.int().check(z.gte(0), z.lte(3650)),
  /**
   * Days from publication to fix a vulnerability known to be exploited: 14, the deadline CISA's
   * Binding Operational Directive 22-01 sets for the Known Exploited Vulnerabilities catalog.
   */
  knownExploitedRemediationDays: z.int().check(z.gte(0), z.lte(3650)),
  /**
   * Days to fix a critical one: 60, the US FDA's postmarket cybersecurity guidance (2016) for an
   * uncontrolled risk (communicate within 30 days, remediate within 60).
   */
  criticalRemediationDays: z.int().check(z.gte(0), z.lte(3650)),
  /** Days to fix a high one: 60, as for a critical one (the FDA's uncontrolled risk). */
  highRemediationDays: z.int().check(z.gte(0), z.lte(3650)),
  /**
   * Days to fix a medium one: 90. The FDA leaves a controlled risk to routine updates without a
   * deadline; 90 days is miotsec's choice, the common coordinated-disclosure period.
   */
  mediumRemediationDays: z.int().check(z.gte(0), z.lte(3650)),
  /** Days to fix a low one (or one rated none): 180, miotsec's choice, two routine update cycles. */
  lowRemediationDays: z.int().check(z.gte(0), z.lte(3650)),
  /** Days to fix one without a severity: 60, as for a critical one, since nothing says it is less. */
  unratedRemediationDays: z.int().check(z.gte(0), z.lte(3650)),
});

/**
 * A best-before policy; see {@link bestBeforePolicySchema}.
 *
 * @since 0.1.0
 */
export type BestBeforePolicy = z.infer<typeof bestBeforePolicySchema>;

/**
 * The documented defaults. The paper gives no figures (§V-B leaves them to future research);
 * these are starting points a hospital can change:
 * two years from the anchor; a security update keeps a device good for a year and each one on
 * record adds a month (at most a year); a product still sold and a line still alive add six
 * months each; new variants count as neutral (the paper gives them no direction; set
 * `monthsPerNewVariant: 1` to count each as a month, at most six); five years of support are assumed when
 * none is declared; never more than ten years; `due-soon` 121 days before; an end announced
 * within a year makes the label `limited`; an affecting vulnerability is to be fixed within 14 days
 * of publication when known exploited (CISA BOD 22-01), 60 when critical, high or unrated (the
 * FDA's postmarket guidance for an uncontrolled risk), 90 when medium and 180 when low (miotsec's
 * choices: the FDA sets no deadline for a controlled risk).
 *
 * @example
 * ```ts
 * import { defaultBestBeforePolicy } from "@miotsec/best-before";
 * defaultBestBeforePolicy.warningDays; // 121
 * ```
 * @since 0.1.0
 */
export const defaultBestBeforePolicy: BestBeforePolicy = Object.freeze({
  baseMonths: 24,
  securityUpdateValidityMonths: 12,
  monthsPerSecurityUpdate: 1,
  maxSecurityUpdateMonths: 12,
  stillPurchasableMonths: 6,
  productLineActiveMonths: 6,
  monthsPerNewVariant: 0,
  maxNewVariantMonths: 6,
  assumedSupportYears: 5,
  maxMonths: 120,
  warningDays: 121,
  limitedWindowDays: 365,
  knownExploitedRemediationDays: 14,
  criticalRemediationDays: 60,
  highRemediationDays: 60,
  mediumRemediationDays: 90,
  lowRemediationDays: 180,
  unratedRemediationDays: 60,
});

const resolve = defaultsResolver(bestBeforePolicySchema, defaultBestBeforePolicy);

/**
 * Fills a partial policy with the defaults and checks it. Every field is read once; unknown
 * fields, wrong values and values that are not plain data are issues with a path under
 * `policy`.
 *
 * @example
 * ```ts
 * import { resolveBestBeforePolicy } from "@miotsec/best-before";
 * resolveBestBeforePolicy({ warningDays: 90 }); // { ok: true, value: { ..., warningDays: 90 } }
 * ```
 * @since 0.1.0
 */
export function resolveBestBeforePolicy(policy: unknown): Result<BestBeforePolicy> {
  return resolve(policy, ["policy"]);
}
