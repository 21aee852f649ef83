// Checking a calendar date: the hand-written check against a regular expression (the usual
// shortcut, which accepts 2023-02-29) and against zod's leap-year-aware schema.
import { isIsoDate, isoDateSchema, parseWith } from "@miotsec/core";
import { compare } from "../../../scripts/bench.mjs";

const dates = Array.from({ length: 1000 }, (_, i) => {
  const y = 1990 + (i % 60);
  const m = String((i % 12) + 1).padStart(2, "0");
  const d = String((i % 31) + 1).padStart(2, "0");
  return `${y}-${m}-${d}`;
});
const shape = /^\d{4}-\d{2}-\d{2}$/;

await compare("@miotsec/core: check 1,000 calendar dates", [
  {
    name: "baseline: shape-only regex (wrong on impossible dates)",
    fn: () => dates.filter((s) => shape.test(s)).length,
    opsPerCall: 1000,
  },
  { name: "isIsoDate", fn: () => dates.filter(isIsoDate).length, opsPerCall: 1000 },
  {
    name: "isoDateSchema.safeParse",
    fn: () => dates.filter((s) => isoDateSchema.safeParse(s).success).length,
    opsPerCall: 1000,
  },
  {
    name: "parseWith(isoDateSchema)",
    fn: () => dates.filter((s) => parseWith(isoDateSchema, s).ok).length,
    opsPerCall: 1000,
  },
]);
