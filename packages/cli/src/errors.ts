/** A failure the user can fix, reported as one line and exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
