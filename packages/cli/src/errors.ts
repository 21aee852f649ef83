/** A failure the user can fix, reported as one line and exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/**
 * An error message as one line of bounded length: control characters (a newline inside a file
 * name or a parser's message) are escaped, and anything past 1,000 characters is cut.
 */
export function oneLine(text: string): string {
  let line = "";
  let i = 0;
  for (; i < text.length && line.length < 1000; i++) {
    const code = text.charCodeAt(i);
    const control = code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029;
    line += control ? `\\u${code.toString(16).padStart(4, "0")}` : text[i];
  }
  return i < text.length ? `${line.slice(0, 999)}…` : line;
}
