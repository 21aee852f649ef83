// Raw comparisons: `within` against an inline range check, a million values a call. The fleet
// tick is in fleet.bench.mjs, the monitor's heap in heap.bench.mjs: each runs in a process of its
// own, so that what V8 learnt from one workload does not change the code timed in the next.
import { within } from "@miotsec/runtime-facts";
import { compare } from "../../../scripts/bench.mjs";
import { values as fixtureValues } from "./fixtures.mjs";

// A copy of this module's own: an imported binding is read through the module's cell on every
// use, which would slow the baseline's loop, not only `within`'s.
const values = Float64Array.from(fixtureValues);
const range = { min: 0, max: 80 };
const N = 1_000_000;

await compare("@miotsec/runtime-facts: raw metric comparisons (1,000,000 a call)", [
  {
    name: "baseline: inline min <= v && v <= max",
    fn: () => {
      let n = 0;
      for (let i = 0; i < N; i++) {
        const v = values[i & 0xffff];
        if (v >= range.min && v <= range.max) n++;
      }
      return n;
    },
    opsPerCall: N,
  },
  {
    name: "within(value, range)",
    fn: () => {
      let n = 0;
      for (let i = 0; i < N; i++) if (within(values[i & 0xffff], range)) n++;
      return n;
    },
    opsPerCall: N,
  },
]);
