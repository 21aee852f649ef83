import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { memberApart, ownValue } from "./own.js";

describe("memberApart", () => {
  test.prop([fc.dictionary(fc.string(), fc.jsonValue()), fc.string()])(
    "gives the member and a copy of the rest, and leaves the object as it was",
    (value, key) => {
      const before = structuredClone(value);
      const apart = memberApart(value, key);
      expect(apart?.member).toEqual(ownValue(value as Record<string, unknown>, key));
      expect(Object.hasOwn(apart?.rest ?? {}, key)).toBe(false);
      expect(Object.keys(apart?.rest ?? {}).length).toBe(
        Object.keys(value).length - (Object.hasOwn(value, key) ? 1 : 0),
      );
      expect(value).toEqual(before);
    },
  );

  it("reads each member once, and answers undefined where reading throws", () => {
    let reads = 0;
    const counted = Object.defineProperty({ other: 1 }, "keys", {
      enumerable: true,
      get: () => {
        reads++;
        return reads;
      },
    });
    expect(memberApart(counted, "keys")).toEqual({ member: 1, rest: { other: 1 } });
    expect(reads).toBe(1);
    const throwing = Object.defineProperty({}, "other", {
      enumerable: true,
      get: () => {
        throw new Error("no");
      },
    });
    expect(memberApart(throwing, "keys")).toBeUndefined();
    const trap = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error("no");
        },
      },
    );
    expect(memberApart(trap, "keys")).toBeUndefined();
    // A `__proto__` member stays a member of the rest; nothing's prototype changes.
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "keys": 1}');
    const apart = memberApart(hostile, "keys");
    expect(Object.hasOwn(apart?.rest ?? {}, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(apart?.rest)).toBe(Object.prototype);
  });
});
