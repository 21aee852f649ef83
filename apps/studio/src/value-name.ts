// One way the studio writes a value a document holds as a code, wherever a person reads it: the
// label form's choices, Table IV's ordinal facts and the report's reasons.

/** An enum value as a person reads it: `unique-per-device` → "unique per device"; a number as it is. */
export function valueName(value: string | number): string {
  return typeof value === "number" ? String(value) : value.replace(/-/g, " ");
}
