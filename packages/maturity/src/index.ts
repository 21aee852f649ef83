/**
 * The gated maturity scorer of "Improving IT Security of Medical IoT Devices: A Maturity
 * Evaluation and a Labeling Approach": {@link assess} rates a facility or a device on a catalog
 * (by default the paper's, from `@miotsec/criteria`), explains every level with blockers and a
 * roadmap, and scales to fleets with {@link assessMany}, {@link summarize} and
 * {@link compareReports}. Reports export to Markdown and OSCAL assessment results.
 *
 * @packageDocumentation
 */
export { type AssessOptions, assess } from "./assess.js";
export {
  type Answer,
  type Assessment,
  answerObjectSchema,
  answerSchema,
  answerStatusSchema,
  assessmentSchema,
  assessmentSchemaVersion,
  type Evidence,
  evidenceSchema,
  factsSchema,
  subjectSchema,
} from "./assessment.js";
export {
  type AssessManyOptions,
  assessMany,
  assessManyAsync,
  compareReports,
  type FleetSummary,
  type LevelChange,
  type LevelDistribution,
  type ReportComparison,
  summarize,
} from "./fleet.js";
export { assessmentFromLabel, type FromLabelOptions, type LabelEvidence, labelEvidence } from "./from-label.js";
export { type MaturityIssueCode, maturityIssueCodes } from "./issue-codes.js";
export { toMarkdown } from "./markdown.js";
export { toOscalAssessmentResults } from "./oscal.js";
export {
  describeCatalog,
  describePolicy,
  isPaperPolicy,
  type Policy,
  paperPolicy,
  policySchema,
  resolvePolicy,
} from "./policy.js";
export { assessLevels, type MaturityRating } from "./rating.js";
export {
  type Blocker,
  type Coverage,
  type CriterionResult,
  type DimensionResult,
  type MaturityReport,
  type Outcome,
  type RequirementResult,
  type RoadmapStage,
  reportSchemaVersion,
} from "./report.js";
export { maturityReportSchema, parseReport } from "./report-schema.js";
