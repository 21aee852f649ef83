import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { defaultsResolver } from "./defaults.js";

const schema = z.strictObject({ days: z.int(), mode: z.enum(["a", "b"]), on: z.boolean() });
const defaults = { days: 121, mode: "a", on: true } as const;
const resolve = defaultsResolver(schema, defaults);

describe("defaultsResolver", () => {
  test.prop([
    fc.record(
      {
        days: fc.oneof(fc.integer(), fc.constant(undefined)),
        mode: fc.constantFrom("a", "b", undefined),
        on: fc.constantFrom(true, false, undefined),
      },
      { requiredKeys: [] },
    ),
  ])("a field given keeps its value; an absent one, or one given as undefined, keeps its default", (given) => {
    const r = resolve(given);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    for (const key of ["days", "mode", "on"] as const)
      expect(r.value[key]).toBe(given[key] === undefined ? defaults[key] : given[key]);
    expect(Object.keys(r.value).sort()).toEqual(["days", "mode", "on"]);
    expect(Object.isFrozen(r.value)).toBe(true);
  });

  it("gives the defaults for undefined, and issues under the path for what is wrong", () => {
    expect(resolve(undefined)).toEqual({ ok: true, value: defaults });
    expect(resolve({ days: "9", dayz: 1 }, ["policy"])).toMatchObject({
      ok: false,
      issues: [{ path: ["policy", "days"] }, { path: ["policy", "dayz"], code: "unknown-key" }],
    });
  });
});
