import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { formatPath, issue, prefixIssues } from "./issue.js";
import { andThen, fail, mapResult, ok, unwrap } from "./result.js";

describe("Result", () => {
  test.prop([fc.integer()])("mapping with the identity changes nothing", (n) => {
    expect(mapResult(ok(n), (x) => x)).toEqual(ok(n));
  });

  test.prop([fc.integer()])("andThen(ok) is the identity", (n) => {
    expect(andThen(ok(n), ok)).toEqual(ok(n));
  });

  test.prop([fc.string()])("a failure passes through map and andThen unchanged", (message) => {
    const failure = fail([issue("custom", message)]);
    expect(mapResult(failure, () => 1)).toBe(failure);
    expect(andThen(failure, () => ok(1))).toBe(failure);
  });

  it("refuses a failure without issues: that is a programmer error", () => {
    expect(() => fail([])).toThrow();
  });

  it("unwrap gives the value, or throws with the issues listed", () => {
    expect(unwrap(ok(3))).toBe(3);
    expect(() => unwrap(fail([issue("missing", "No anchor.")]))).toThrow(/missing: No anchor/);
  });
});

describe("issue paths", () => {
  it("formats paths as JSONPath", () => {
    expect(formatPath([])).toBe("$");
    expect(formatPath(["answers", "updates.2.1"])).toBe('$.answers["updates.2.1"]');
    expect(formatPath(["sensors", 3, "unit"])).toBe("$.sensors[3].unit");
  });

  test.prop([fc.array(fc.oneof(fc.string(), fc.nat())), fc.array(fc.oneof(fc.string(), fc.nat()))])(
    "prefixing puts the prefix in front of every path",
    (prefix, path) => {
      const [prefixed] = prefixIssues(prefix, [issue("custom", "x", path)]);
      expect(prefixed?.path).toEqual([...prefix, ...path]);
    },
  );
});
