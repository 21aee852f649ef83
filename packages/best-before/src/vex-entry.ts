/**
 * Vulnerability documents for the best-before-inspection date: {@link parseVex} reads CycloneDX,
 * OpenVEX and CSAF VEX documents into the statements `computeBestBefore` of
 * `@miotsec/best-before` takes as `vulnerabilities`. An entry point of its own, so that the root
 * stays small for those who do not read VEX.
 *
 * @packageDocumentation
 * @module vex
 */
export { type ProductIdentifiers, parseVex } from "./vex.js";
