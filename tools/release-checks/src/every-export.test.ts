// Every function every public entry point exports, called with hostile arguments: nothing
// throws, and a Result that fails says where. The entry points are read, not listed by hand, so
// a new export is fuzzed the day it is added. `pnpm fuzz` runs the full counts.
import { fc, test } from "@fast-check/vitest";
import * as bestBefore from "@miotsec/best-before";
import * as vex from "@miotsec/best-before/vex";
import * as core from "@miotsec/core";
import { defaultMaxItems } from "@miotsec/core/internal";
import * as criteria from "@miotsec/criteria";
import * as fleet from "@miotsec/fleet";
import * as label from "@miotsec/label";
import * as maturity from "@miotsec/maturity";
import * as render from "@miotsec/render";
import * as runtimeFacts from "@miotsec/runtime-facts";
import * as endpoints from "@miotsec/runtime-facts/endpoints";
import * as trust from "@miotsec/trust";
import { describe, expect, it } from "vitest";
import { answered, exotic, hostile, runs } from "./fuzz.test-support.js";

const entryPoints: Readonly<Record<string, Record<string, unknown>>> = {
  "@miotsec/core": core,
  "@miotsec/criteria": criteria,
  "@miotsec/maturity": maturity,
  "@miotsec/label": label,
  "@miotsec/render": render,
  "@miotsec/best-before": bestBefore,
  "@miotsec/best-before/vex": vex,
  "@miotsec/runtime-facts": runtimeFacts,
  "@miotsec/runtime-facts/endpoints": endpoints,
  "@miotsec/trust": trust,
  "@miotsec/fleet": fleet,
};

/** Functions whose contract is to throw on misuse, with the reason. */
export const throwsByDesign: Readonly<Record<string, string>> = {
  "@miotsec/core#unwrap": "asserts that a Result is ok: throwing on a failure is what it is for",
};

/**
 * Functions whose contract is to change their argument, with where they are tested instead:
 * called on the generator's values, they would change what fast-check goes on to use.
 */
export const changesItsArgument: Readonly<Record<string, string>> = {
  "@miotsec/core#deepFreeze": "freezes its argument; freeze.test.ts gives it Proxies whose traps throw",
};

const functions = Object.entries(entryPoints).flatMap(([entry, module]) =>
  Object.entries(module)
    .filter(([, value]) => typeof value === "function")
    .map(([name, fn]) => ({ id: `${entry}#${name}`, fn: fn as (...args: unknown[]) => unknown })),
);
const total = functions.filter((f) => !(f.id in throwsByDesign) && !(f.id in changesItsArgument));

/** Calls a function and whatever it hands back to be called on: a promise, an iterator. */
async function call(fn: (...args: unknown[]) => unknown, args: readonly unknown[]): Promise<unknown> {
  const result = fn(...args);
  if (result !== null && typeof result === "object") {
    if (typeof (result as Promise<unknown>).then === "function") return await result;
    if (typeof (result as Iterator<unknown>).next === "function") return (result as Iterator<unknown>).next();
  }
  return result;
}

const trap = () => {
  throw new Error("trap");
};
const simple = [
  null,
  undefined,
  0,
  Number.NaN,
  "",
  "x",
  {},
  [],
  Object.create(null),
  new Proxy({}, { get: trap, ownKeys: trap, getPrototypeOf: trap, has: trap }),
];

describe("every export", () => {
  it("is found: the entry points export functions, and every list names real ones", () => {
    expect(total.length).toBeGreaterThan(40);
    const ids = new Set(functions.map((f) => f.id));
    for (const id of [...Object.keys(throwsByDesign), ...Object.keys(changesItsArgument)])
      expect(ids.has(id), id).toBe(true);
  });

  for (const { id, fn } of total) {
    test.prop([fc.array(fc.oneof(hostile, exotic), { maxLength: 3 })], { numRuns: runs(5_000) })(
      `${id} answers hostile arguments without throwing`,
      async (args) => {
        let pending: Promise<unknown> | undefined;
        answered(id, () => {
          pending = call(fn, args);
          return undefined;
        });
        const result = await (pending as Promise<unknown>).catch((error: unknown) => {
          throw new Error(`${id} rejected: ${(error as Error)?.stack ?? String(error)}`);
        });
        // A failed Result says where; answered checks its issues' shape. A function may hand back
        // its argument (deepFreeze does), and a hostile argument may not be readable: only a
        // failure that can be read is checked.
        let failure: unknown;
        try {
          const r = result as { ok?: unknown; issues?: unknown } | null;
          if (r !== null && typeof r === "object" && r.ok === false) failure = { ok: false, issues: r.issues };
        } catch {
          failure = undefined;
        }
        answered(id, () => failure);
      },
    );
  }

  it("reads no more entries of a list that says it is 2 ** 32 - 1 long than an input may hold", async () => {
    // The list holds nothing and counts what is read of it; past the most entries any input may
    // hold, it throws, so that a function that walks it to its end fails here instead of
    // running for hours (captureKind did, through Array.prototype.some).
    const most = defaultMaxItems;
    for (const { id, fn } of total)
      for (const at of [0, 1, 2]) {
        let reads = 0;
        const read = (key: string | symbol) => {
          if (typeof key === "string" && /^\d+$/.test(key) && ++reads > most) throw new Error("read past the end");
        };
        const list = new Proxy(new Array(2 ** 32 - 1), {
          get(target, key, receiver) {
            read(key);
            return Reflect.get(target, key, receiver);
          },
          has(target, key) {
            read(key);
            return Reflect.has(target, key);
          },
        });
        const args = [undefined, undefined, undefined].map((x, i) => (i === at ? list : x));
        await call(fn, args).catch(() => undefined);
        expect(reads, `${id} with the list in position ${at}`).toBeLessThanOrEqual(most);
      }
  });

  it("answers each of the simple bad values, in every position, without throwing", async () => {
    let calls = 0;
    for (const { id, fn } of total)
      for (const [i, a] of simple.entries())
        for (const b of [undefined, a]) {
          let thrown: unknown;
          try {
            await call(fn, [a, b, a]);
          } catch (error) {
            thrown = error;
          }
          expect(thrown, `${id} with simple value ${i}`).toBeUndefined();
          calls++;
        }
    expect(calls).toBe(total.length * simple.length * 2);
  });
});
