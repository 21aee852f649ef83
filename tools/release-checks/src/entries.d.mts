/** Entry point name to a function that returns its output. */
export declare const entries: Readonly<Record<string, () => unknown>>;
/** Every entry point's output as JSON text. */
export declare function outputs(): Record<string, string>;
/** What only certification knows, for `toCyberTrustMark`. */
export declare const certification: {
  readonly authorizationDate: string;
  readonly authorizedBy: { readonly name: string; readonly contact: string };
  readonly testedBy: { readonly name: string; readonly contact: string };
  readonly created: string;
  readonly modified: string;
};
/** The example labels: the two scanners of §VI, then the infusion pump, then Table I's. */
export declare const labels: Record<string, unknown>[];
/** The sample hospital's assessment. */
export declare const hospital: Record<string, unknown>;
/** A HAR capture of the wired scanner's app. */
export declare const har: Record<string, unknown>;
/** The same capture as mitmweb serves its flows in JSON. */
export declare const flows: Record<string, unknown>[];
