/**
 * The maturity criteria of "Improving IT Security of Medical IoT Devices: A Maturity Evaluation
 * and a Labeling Approach" as data ({@link miotCatalog}), the catalog model researchers extend,
 * profiles to tailor a catalog without forking it ({@link applyProfile}), diffs between catalog
 * versions ({@link diffCatalogs}) and an OSCAL export ({@link toOscalCatalog}).
 *
 * @packageDocumentation
 */
export { type AnswerOption, type AnswerSet, type AnswerStatus, answerSets, answerStatuses } from "./answer-sets.js";
export { type CatalogDiff, diffCatalogs, type RequirementChange } from "./diff.js";
export { type CriteriaIssueCode, criteriaIssueCodes } from "./issue-codes.js";
export { miotCatalog } from "./miot-catalog.js";
export {
  type AppliedProfile,
  appliedProfileSchema,
  type Catalog,
  type Criterion,
  catalogSchema,
  catalogSourceSchema,
  comparatorSchema,
  comparatorWords,
  criterionSchema,
  type Dimension,
  dimensionSchema,
  donabedianDimensions,
  type Fact,
  factSchema,
  idSchema,
  levelDefinitionSchema,
  type Mapping,
  mappingSchema,
  type Parameter,
  type ProvenanceEntry,
  parameterSchema,
  provenanceEntrySchema,
  type Requirement,
  type Rule,
  requirementSchema,
  ruleSchema,
  sourceRefSchema,
  type View,
  viewSchema,
} from "./model.js";
export { oscalNamespace, oscalVersion, toOscalCatalog } from "./oscal.js";
export { catalogJsonSchema, parseCatalog } from "./parse-catalog.js";
export { applyProfile, type Profile, profileSchema } from "./profile.js";
export { catalogSchemaVersion } from "./schema-version.js";
