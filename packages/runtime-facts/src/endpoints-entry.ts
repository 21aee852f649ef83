/**
 * The security test of §VI of "Improving IT Security of Medical IoT Devices: A Maturity
 * Evaluation and a Labeling Approach": what a device declares against what it was seen doing on
 * the network ({@link compareEndpoints}), with the connections of a HAR capture
 * ({@link parseHar}). An entry point of its own because it carries the Public Suffix List
 * (`tldts`, about 43 kB compressed), which the rest of the package does not need.
 *
 * @packageDocumentation
 * @module endpoints
 */
export * from "./connection.js";
export { compareEndpoints, type EndpointOptions } from "./endpoints.js";
export { captureKind, type HarOptions, parseHar, parseMitmproxyFlows } from "./har.js";
export { residencySchema } from "./residency.js";
