/**
 * The best-before-inspection date of "Improving IT Security of Medical IoT Devices: A Maturity
 * Evaluation and a Labeling Approach" (§V-B): {@link computeBestBefore} turns a device's
 * lifecycle facts into the date it must be inspected again, its status, a positive, limited or
 * negative label, and every factor that moved the date.
 *
 * @packageDocumentation
 */
export {
  type BestBefore,
  type BestBeforeOptions,
  type Contribution,
  computeBestBefore,
  type InspectionStep,
} from "./best-before.js";
export { arrheniusFactor, type ComponentLifetime, componentLifetime, mtbfB10, weibullB10 } from "./hardware.js";
export { type BestBeforeIssueCode, bestBeforeIssueCodes } from "./issue-codes.js";
export {
  type CheckedLifecycleFacts,
  type Component,
  componentSchema,
  type LifecycleFacts,
  lifecycleEndSchema,
  lifecycleFactsSchema,
  parseLifecycleFacts,
  updateSchema,
} from "./lifecycle.js";
export {
  type BestBeforePolicy,
  bestBeforePolicySchema,
  defaultBestBeforePolicy,
  resolveBestBeforePolicy,
} from "./policy.js";
export {
  parseVulnerabilityStatements,
  type VulnerabilitySeverity,
  type VulnerabilityStatement,
  type VulnerabilityStatus,
  vulnerabilitySeverities,
  vulnerabilityStatementSchema,
  vulnerabilityStatuses,
} from "./vulnerability.js";
