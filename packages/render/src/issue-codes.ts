import { labelIssueCodes } from "@miotsec/label";

/**
 * Every issue code that the renderers answer with: `@miotsec/label`'s (a label is checked before
 * it is drawn) and these of `@miotsec/render`. A program switches on these; they never change for
 * the same problem.
 *
 * @example
 * ```ts
 * import { renderIssueCodes } from "@miotsec/render";
 * renderIssueCodes.includes("qr-payload-too-long"); // true
 * ```
 * @since 0.2.0
 */
export const renderIssueCodes = [...labelIssueCodes, "qr-payload-too-long"] as const;

/** One of {@link renderIssueCodes}. */
export type RenderIssueCode = (typeof renderIssueCodes)[number];
