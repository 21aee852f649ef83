/**
 * The device label of "Improving IT Security of Medical IoT Devices: A Maturity Evaluation and a
 * Labeling Approach" as a picture: {@link renderLabelSvg} and {@link renderLabelHtml} draw the
 * IoT Components Facts Label with its best-before-inspection date and a scannable QR code.
 *
 * @packageDocumentation
 */
export type { RenderOptions, SignatureCheck } from "./facts.js";
export { renderLabelHtml } from "./html.js";
export { type RenderIssueCode, renderIssueCodes } from "./issue-codes.js";
export { renderLabelSvg } from "./svg.js";
