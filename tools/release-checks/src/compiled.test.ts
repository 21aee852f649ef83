// Every parser runs on zod's compiled fast path (`z.compile`, through `parseWith`), and on
// zod's ordinary parser where `new Function` is not allowed or `z.config({ jitless: true })`
// is set. Both must give the same answer, byte for byte: the same value, or the same issues
// with the same paths, codes and messages. Each property parses one document both ways, on
// valid documents with one place changed and on hostile values. `pnpm fuzz` runs 500 times the
// counts of the test suite.
import { fc, test } from "@fast-check/vitest";
import { computeBestBefore } from "@miotsec/best-before";
import { parseWith } from "@miotsec/core";
import { miotCatalog, parseCatalog } from "@miotsec/criteria";
import { parseLabel } from "@miotsec/label";
import { assess } from "@miotsec/maturity";
import { compareRuntimeFacts, parseHar, parseRuntimeProfile, type RuntimeProfile } from "@miotsec/runtime-facts";
import { compareEndpoints } from "@miotsec/runtime-facts/endpoints";
import { describe, expect } from "vitest";
import { array, config, number, strictObject, string } from "zod/mini";
import { harDoc, hospitalDoc, hostile, labelDocs, mutation, nasty, runs } from "./fuzz.test-support.js";

/** Each input is parsed twice here, so no value of it may change between reads. */
const steady = ["replace", "delete", "add"] as const;

/** The answer of `fn` on the ordinary parser and on the compiled one, as JSON. */
function bothWays(fn: () => unknown): [string, string] {
  config({ jitless: true });
  let ordinary: string;
  try {
    ordinary = JSON.stringify(fn());
  } finally {
    config({ jitless: false });
  }
  return [ordinary, JSON.stringify(fn())];
}

/** How many functions are built with `Function` (as zod's compiler builds its parsers) while `fn` runs. */
function functionsBuiltDuring(fn: () => void): number {
  const original = globalThis.Function;
  let built = 0;
  globalThis.Function = new Proxy(original, {
    construct(target, args) {
      built += 1;
      return Reflect.construct(target, args);
    },
  });
  try {
    fn();
  } finally {
    globalThis.Function = original;
  }
  return built;
}

function agree(fn: () => unknown): void {
  const [ordinary, compiled] = bothWays(fn);
  expect(compiled).toBe(ordinary);
}

const wifi = labelDocs[0] as Record<string, unknown>;
const pump = labelDocs[2] as Record<string, unknown>;
const profile = (wifi.runtime ?? {}) as RuntimeProfile;

describe("compiled parsing gives the answers of zod's ordinary parser", () => {
  test("the switch works: jitless parsing builds no function, compiled parsing does", () => {
    // A broken switch would compare the compiled path with itself, and no property below could
    // fail. zod's compiler builds its parsers with `new Function`; count those builds. A schema
    // of its own: the label's may have been compiled already by another test file.
    const schema = strictObject({ id: string(), ports: array(number()) });
    const doc = { id: "scanner", ports: [443] };
    try {
      config({ jitless: true });
      expect(functionsBuiltDuring(() => expect(parseWith(schema, doc).ok).toBe(true))).toBe(0);
    } finally {
      config({ jitless: false });
    }
    expect(functionsBuiltDuring(() => expect(parseWith(schema, doc).ok).toBe(true))).toBeGreaterThan(0);
  });

  test("every parser compiles its schemas once, not on every call", () => {
    // A schema made inside a function is a new schema on every call, and zod's compiler would
    // build it again each time (compareEndpoints once did: 12 times slower). Count the functions
    // zod builds during a second round of calls.
    const calls: (() => unknown)[] = [
      () => parseLabel(labelDocs[0]),
      () => assess(miotCatalog, hospitalDoc),
      () => parseCatalog(miotCatalog),
      () => computeBestBefore(pump.lifecycle, { asOf: "2026-11-28", policy: { warningDays: 90 } }),
      () => parseRuntimeProfile(profile),
      () => parseHar(harDoc),
      () => compareEndpoints(profile.endpoints ?? [], [{ host: "a.example", port: 443, tls: "1.3" }]),
      () => compareRuntimeFacts(profile, { metrics: {}, facts: {}, activeServices: [] }, { stage: "operating" }),
    ];
    for (const call of calls) call();
    expect(
      functionsBuiltDuring(() => {
        for (const call of calls) call();
      }),
    ).toBe(0);
  });

  test.prop([fc.oneof(...labelDocs.map((d) => mutation(d, hostile, steady)), hostile)], { numRuns: runs(100_000) })(
    "parseLabel",
    (x) => agree(() => parseLabel(x)),
  );
  test.prop([fc.oneof(mutation(hospitalDoc, hostile, steady), hostile)], { numRuns: runs(50_000) })("assess", (x) =>
    agree(() => assess(miotCatalog, x)),
  );
  test.prop([fc.oneof(mutation(miotCatalog as never, hostile, steady), hostile)], { numRuns: runs(10_000) })(
    "parseCatalog",
    (x) => agree(() => parseCatalog(x)),
  );
  test.prop(
    [fc.oneof(mutation(pump.lifecycle as never, hostile, steady), hostile), fc.oneof(fc.constant("2026-11-28"), nasty)],
    {
      numRuns: runs(50_000),
    },
  )("computeBestBefore", (x, asOf) => agree(() => computeBestBefore(x, { asOf: asOf as string })));
  test.prop([fc.oneof(mutation(profile as never, hostile, steady), hostile)], { numRuns: runs(50_000) })(
    "parseRuntimeProfile",
    (x) => agree(() => parseRuntimeProfile(x)),
  );
  test.prop([fc.oneof(mutation(harDoc, hostile, steady), hostile)], { numRuns: runs(50_000) })("parseHar", (x) =>
    agree(() => parseHar(x)),
  );
});
