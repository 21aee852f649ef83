/**
 * What miotsec's own packages share with this one, kept out of the root export: the unchecked
 * form of `envelopeIssues` for documents that embed a runtime profile and have parsed it
 * already (a label), so that the profile is not parsed twice. It follows semantic versioning
 * like the rest of `@miotsec/runtime-facts`.
 *
 * @packageDocumentation
 * @module internal
 */
export { envelopeOf } from "./profile.js";
