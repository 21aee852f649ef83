/**
 * Runtime facts of "Improving IT Security of Medical IoT Devices: A Maturity Evaluation and a
 * Labeling Approach" (§V-A, §VI): a manufacturer's declared reference values per stage
 * ({@link runtimeProfileSchema}), appraisals in the IETF RATS vocabulary
 * ({@link compareRuntimeFacts}), a streaming monitor with hold times and hysteresis
 * ({@link createMonitor}), and observed network connections ({@link parseHar}). Declared
 * against observed endpoints, `compareEndpoints`, is in the entry point
 * `@miotsec/runtime-facts/endpoints`, as it carries the Public Suffix List (about 43 kB).
 *
 * @packageDocumentation
 */
export { type Action, margin, type Tier, tierOf, tiers, type Verdict, within, worse } from "./appraisal.js";
export {
  type Appraisal,
  type CompareOptions,
  compareRuntimeFacts,
  type Finding,
  type Observation,
  observationSchema,
  type Stage,
} from "./compare.js";
export * from "./connection.js";
export { captureKind, type HarOptions, parseHar, parseMitmproxyFlows } from "./har.js";
export { type RuntimeFactsIssueCode, runtimeFactsIssueCodes } from "./issue-codes.js";
export {
  createMonitor,
  type Monitor,
  type MonitorEvent,
  type MonitorOptions,
  restoreMonitor,
  type Sample,
} from "./monitor.js";
export {
  type DeclaredEndpoint,
  endpointSchema,
  envelopeIssues,
  metricSchema,
  parseRuntimeProfile,
  type Range,
  type RuntimeProfile,
  rangeSchema,
  runtimeProfileSchema,
  runtimeProfileSchemaVersion,
  softwareVersionSchema,
} from "./profile.js";
export { residencySchema } from "./residency.js";
