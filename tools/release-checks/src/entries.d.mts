/** Entry point name to a function that returns its output. */
export declare const entries: Readonly<Record<string, () => unknown>>;
/** Every entry point's output as JSON text. */
export declare function outputs(): Record<string, string>;
