import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { describeValue, inspectInput, isPlainObject, readPlain } from "./guard.js";

const safeKey = fc.string({ maxLength: 6 }).filter((k) => !["__proto__", "constructor", "prototype"].includes(k));
/** JSON-like trees without forbidden keys, as JSON.parse makes them. */
const tree = fc
  .jsonValue({ maxDepth: 4 })
  .map((v) => JSON.parse(JSON.stringify(v).replace(/"(__proto__|constructor|prototype)":/g, '"k":')));

/** Every object and array inside a value, the value included. */
function containers(value: unknown, out: object[] = []): object[] {
  if (value !== null && typeof value === "object") {
    out.push(value);
    for (const v of Object.values(value)) containers(v, out);
  }
  return out;
}

/** Every path from the root to a container. */
function containerPaths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  if (value !== null && typeof value === "object") {
    out.push(prefix);
    for (const [k, v] of Object.entries(value))
      containerPaths(v, [...prefix, Array.isArray(value) ? Number(k) : k], out);
  }
  return out;
}

function at(value: unknown, path: readonly (string | number)[]): Record<string | number, unknown> {
  let v = value as Record<string | number, unknown>;
  for (const k of path) v = v[k] as Record<string | number, unknown>;
  return v;
}

/** A copy of `value` whose every property is a getter that counts its reads. */
function counted(value: unknown, reads: Map<string, number>, path = "$"): unknown {
  if (value === null || typeof value !== "object") return value;
  const out = (Array.isArray(value) ? new Array(value.length) : {}) as Record<string | number, unknown>;
  for (const [k, v] of Object.entries(value)) {
    const inner = counted(v, reads, `${path}/${k}`);
    const key = `${path}/${k}`;
    reads.set(key, 0);
    Object.defineProperty(out, k, {
      enumerable: true,
      configurable: true,
      get: () => {
        reads.set(key, (reads.get(key) ?? 0) + 1);
        return inner;
      },
    });
  }
  return out;
}

/** Values that are objects but not plain data, of every kind JavaScript has. */
const notPlain = fc.constantFrom<() => object>(
  () => new Map([["a", 1]]),
  () => new Set([1]),
  () => new Date(0),
  () => /x/,
  () => new Uint8Array(2),
  () => new ArrayBuffer(2),
  () => new (class Device {})(),
  () => new Error("e"),
  () => Promise.resolve(1),
  () => new WeakMap(),
  () => Object(1n),
  () => new String("s"),
  () => new Number(1),
  () => new Boolean(true),
  () => Object.create({ inherited: true }),
);

describe("readPlain", () => {
  test.prop([tree])("copies plain data as it is, sharing no object with the input", (v) => {
    const r = readPlain(v);
    expect(r).toEqual({ ok: true, value: v });
    if (!r.ok) return;
    const originals = new Set(containers(v));
    for (const c of containers(r.value)) expect(originals.has(c)).toBe(false);
  });

  test.prop([tree])("reads every property exactly once", (v) => {
    const reads = new Map<string, number>();
    const input = counted(v, reads);
    expect(readPlain(input)).toEqual({ ok: true, value: v });
    for (const [key, n] of reads) expect(n, key).toBe(1);
  });

  test.prop([fc.dictionary(safeKey, fc.integer(), { minKeys: 1 }), fc.integer()])(
    "a getter that changes its answer is seen once, and the copy keeps that answer",
    (doc, later) => {
      const key = Object.keys(doc)[0] as string;
      let calls = 0;
      const input = { ...doc };
      Object.defineProperty(input, key, {
        enumerable: true,
        get: () => (calls++ === 0 ? doc[key] : later),
      });
      const r = readPlain(input);
      expect(r).toEqual({ ok: true, value: doc });
      expect(calls).toBe(1);
    },
  );

  test.prop([tree.filter((v) => v !== null && typeof v === "object"), fc.nat(), fc.nat()])(
    "an object that refers back to itself, anywhere, is a circular-reference issue at the reference",
    (generated, from, to) => {
      const v = structuredClone(generated);
      const paths = containerPaths(v);
      const fromPath = paths[from % paths.length] as (string | number)[];
      const ancestors = paths.filter((p) => p.length <= fromPath.length && p.every((k, i) => fromPath[i] === k));
      const toPath = ancestors[to % ancestors.length] as (string | number)[];
      const holder = at(v, fromPath);
      const key = Array.isArray(holder) ? holder.length : "loop";
      holder[key] = at(v, toPath);
      const r = readPlain(v);
      expect(r).toMatchObject({ ok: false, issues: [{ code: "circular-reference", path: [...fromPath, key] }] });
    },
  );

  test.prop([fc.integer({ min: 1, max: 400 }), fc.integer({ min: 2, max: 4 })])(
    "shared objects are read once and counted at every reference",
    (depth, fanOut) => {
      let reads = 0;
      let node: unknown = 1;
      for (let i = 0; i < depth; i++) {
        const below = node;
        const o: Record<string, unknown> = {};
        for (let j = 0; j < fanOut; j++)
          Object.defineProperty(o, `k${j}`, {
            enumerable: true,
            get: () => {
              reads++;
              return below;
            },
          });
        node = o;
      }
      const r = readPlain(node, { maxDepth: 1000 });
      // Written out, the value has (fanOut^(depth+1) - 1) / (fanOut - 1) values.
      const written = (fanOut ** (depth + 1) - 1) / (fanOut - 1);
      if (written <= 16_000_000) {
        expect(r.ok).toBe(true);
        expect(reads).toBe(depth * fanOut);
      } else {
        expect(r).toMatchObject({ ok: false, issues: [{ code: "too-big" }] });
        expect(reads).toBeLessThanOrEqual(depth * fanOut);
      }
    },
  );

  it("refuses a shared structure that is small in memory but huge written out", () => {
    let node: unknown = "x";
    for (let i = 0; i < 60; i++) node = [node, node];
    expect(readPlain(node, { maxDepth: 100 })).toMatchObject({ ok: false, issues: [{ code: "too-big" }] });
  });

  test.prop([tree.filter((v) => v !== null && typeof v === "object"), fc.nat(), notPlain])(
    "a value that is not plain data, anywhere, is a not-plain-data issue at its path",
    (generated, where, make) => {
      const v = structuredClone(generated);
      const paths = containerPaths(v);
      const path = paths[where % paths.length] as (string | number)[];
      const holder = at(v, path);
      const key = Array.isArray(holder) ? holder.length : "odd";
      holder[key] = make();
      expect(readPlain(v)).toMatchObject({ ok: false, issues: [{ code: "not-plain-data", path: [...path, key] }] });
    },
  );

  test.prop([fc.array(fc.integer(), { maxLength: 20 }), fc.nat(), fc.nat({ max: 5 })])(
    "an array with a hole is a sparse-array issue at the first hole",
    (items, where, extra) => {
      const a = [...items];
      a.length = items.length + extra + 1;
      const hole = Math.min(where % a.length, items.length);
      delete a[hole];
      const r = readPlain({ a });
      expect(r).toMatchObject({ ok: false, issues: [{ code: "sparse-array", path: ["a", hole] }] });
    },
  );

  it("checks an array's length before reading any element", () => {
    const huge: unknown[] = [];
    huge[2 ** 32 - 2] = 1;
    const reads: number[] = [];
    const watched = new Proxy(huge, {
      get(target, key, receiver) {
        if (key !== "length") reads.push(1);
        return Reflect.get(target, key, receiver);
      },
    });
    expect(readPlain({ a: watched })).toMatchObject({ ok: false, issues: [{ code: "too-big", path: ["a"] }] });
    expect(reads).toEqual([]);
  });

  test.prop([
    tree.filter((v) => v !== null && typeof v === "object"),
    fc.nat(),
    fc.constantFrom(
      ["object", "ownKeys"],
      ["object", "get"],
      ["object", "getPrototypeOf"],
      ["object", "getOwnPropertyDescriptor"],
      ["array", "get"],
      ["array", "getOwnPropertyDescriptor"],
    ),
  ])(
    "a Proxy whose trap throws, anywhere, is an unreadable-input issue at its path",
    (generated, where, [kind, trap]) => {
      const v = structuredClone(generated);
      const paths = containerPaths(v);
      const path = paths[where % paths.length] as (string | number)[];
      const holder = at(v, path);
      const key = Array.isArray(holder) ? holder.length : "trap";
      holder[key] = new Proxy(kind === "array" ? [undefined] : { a: 1 }, {
        [trap]() {
          throw new Error("boom");
        },
      });
      const r = readPlain(v);
      expect(r).toMatchObject({ ok: false, issues: [{ code: "unreadable-input" }] });
      if (!r.ok) expect(r.issues[0]?.path.slice(0, path.length + 1)).toEqual([...path, key]);
    },
  );

  it("accepts objects without a prototype and objects of another realm", async () => {
    const bare = Object.assign(Object.create(null), { a: 1 });
    expect(readPlain({ bare })).toEqual({ ok: true, value: { bare: { a: 1 } } });
    const { runInNewContext } = await import("node:vm");
    const foreign = runInNewContext("({ a: [1, { b: 2 }] })");
    expect(readPlain(foreign)).toEqual({ ok: true, value: { a: [1, { b: 2 }] } });
  });

  test.prop([fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 })])(
    "refuses more items than maxItems, in arrays and in objects",
    (n, maxItems) => {
      const array = Array.from({ length: n }, (_, i) => i);
      const object = Object.fromEntries(array.map((i) => [`k${i}`, i]));
      expect(readPlain(array, { maxItems }).ok).toBe(n <= maxItems);
      expect(readPlain(object, { maxItems }).ok).toBe(n <= maxItems);
    },
  );

  it("never mutates its input", () => {
    const input = Object.freeze({ a: Object.freeze([1, Object.freeze({ b: 2 })]) });
    expect(readPlain(input)).toEqual({ ok: true, value: { a: [1, { b: 2 }] } });
  });
});

describe("inspectInput", () => {
  it("gives the issues of readPlain and nothing for plain data", () => {
    expect(inspectInput({ a: [1] })).toEqual([]);
    expect(inspectInput({ a: new Map() })).toMatchObject([{ code: "not-plain-data", path: ["a"] }]);
  });
});

describe("isPlainObject and describeValue", () => {
  test.prop([notPlain])("no kind of non-plain object is plain, and each is described by its kind", (make) => {
    const v = make();
    expect(isPlainObject(v)).toBe(false);
    expect(describeValue(v)).not.toBe("an object");
  });

  it("describes values by their kind, never by their content", () => {
    expect(describeValue(null)).toBe("null");
    expect(describeValue(Number.NaN)).toBe("NaN");
    expect(describeValue(-Infinity)).toBe("-Infinity");
    expect(describeValue("<script>")).toBe("a string");
    expect(describeValue([1])).toBe("an array");
    expect(describeValue(new Map())).toBe("a Map");
    expect(describeValue(new (class Device {})())).toBe("an instance of Device");
    const trap = new Proxy(
      {},
      {
        getPrototypeOf: () => {
          throw new Error("boom");
        },
      },
    );
    expect(describeValue(trap)).toBe("an object");
  });
});

describe("readPlain's depth through shared objects", () => {
  it("counts the depth a shared object adds where it is referenced again", () => {
    // Each chain ends in the one before it: once written out, the last nests far deeper than any one chain.
    const chain = (below: unknown) => {
      let v = below;
      for (let i = 0; i < 50; i++) v = { v };
      return v;
    };
    const chains: unknown[] = [];
    let last: unknown = 1;
    for (let i = 0; i < 20; i++) {
      last = chain(last);
      chains.push(last);
    }
    const r = readPlain(chains);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.code).toBe("too-deep");
    expect(readPlain(chains.slice(0, 1)).ok).toBe(true);
  });
});
