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
