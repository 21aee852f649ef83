import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { deepFreeze, isDeepFrozen } from "./freeze.js";
import { isPlainObject } from "./guard.js";

/** Every object and array inside a value, the value included. */
function containers(value: unknown, out: object[] = []): object[] {
  if (value !== null && typeof value === "object") {
    out.push(value);
    for (const v of Object.values(value)) containers(v, out);
  }
  return out;
}

test.prop([fc.jsonValue({ maxDepth: 5 })])(
  "deepFreeze freezes every object inside a value, and isDeepFrozen says so",
  (v) => {
    expect(deepFreeze(v)).toBe(v);
    for (const c of containers(v)) expect(Object.isFrozen(c)).toBe(true);
    expect(isDeepFrozen(v)).toBe(true);
  },
);

test.prop([fc.jsonValue({ maxDepth: 5 }).filter((v) => v !== null && typeof v === "object"), fc.nat()])(
  "isDeepFrozen is false while any object inside is not frozen",
  (generated, which) => {
    const v = structuredClone(generated);
    const all = containers(v);
    const left = all[which % all.length] as object;
    for (const c of all) if (c !== left) Object.freeze(c);
    expect(isDeepFrozen(v)).toBe(false);
  },
);

it("handles shared and cyclic structures", () => {
  const shared = { a: 1 };
  const cyclic: Record<string, unknown> = { x: shared, y: shared };
  cyclic.self = cyclic;
  deepFreeze(cyclic);
  expect(isDeepFrozen(cyclic)).toBe(true);
});

it("never calls a getter, and does not take a value with one, or a Proxy that throws, as frozen", () => {
  let calls = 0;
  const withGetter = Object.freeze(
    Object.defineProperty({}, "a", {
      enumerable: true,
      get: () => {
        calls++;
        return 1;
      },
    }),
  );
  expect(isDeepFrozen(withGetter)).toBe(false);
  expect(calls).toBe(0);
  const trap = new Proxy(Object.freeze({}), {
    ownKeys: () => {
      throw new Error("boom");
    },
  });
  expect(isDeepFrozen(trap)).toBe(false);
});

describe("deepFreeze and isPlainObject with a Proxy whose traps throw", () => {
  const trap = () => {
    throw new Error("trap");
  };
  const trapping = () =>
    new Proxy({}, { get: trap, ownKeys: trap, getPrototypeOf: trap, isExtensible: trap, preventExtensions: trap });
  it("leaves it as it is and freezes the rest, without throwing", () => {
    const value = { inner: { a: 1 }, proxy: trapping() };
    expect(deepFreeze(value)).toBe(value);
    expect(Object.isFrozen(value.inner)).toBe(true);
  });
  it("is not plain data", () => {
    expect(isPlainObject(trapping())).toBe(false);
    expect(isPlainObject({ a: 1 })).toBe(true);
  });
});
