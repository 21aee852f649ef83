/**
 * What miotsec's own packages share with this one, kept out of the root export: the canonical
 * JSON of a label that has been parsed already, so that a package that needs both the parsed
 * label and what its signatures sign (`@miotsec/trust`) reads the label once. It follows
 * semantic versioning like the rest of `@miotsec/label`.
 *
 * @packageDocumentation
 * @module internal
 */
export { payloadOf } from "./parse-label.js";
