import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { formatPath, issue, pathText, prefixIssues } from "./issue.js";
import { andThen, fail, issuesOf, mapResult, ok, unwrap } from "./result.js";

describe("Result", () => {
  test.prop([fc.integer()])("mapping with the identity changes nothing", (n) => {
    expect(mapResult(ok(n), (x) => x)).toEqual(ok(n));
  });

  test.prop([fc.integer()])("andThen(ok) is the identity", (n) => {
    expect(andThen(ok(n), ok)).toEqual(ok(n));
  });

  test.prop([fc.string()])("a failure passes through map and andThen unchanged", (message) => {
    const failure = fail([issue("custom", message)]);
    expect(mapResult(failure, () => 1)).toEqual(failure);
    expect(andThen(failure, () => ok(1))).toEqual(failure);
    expect(issuesOf(failure)).toEqual(failure.issues);
  });

  it("answers a failure without issues with a failure that says so", () => {
    expect(fail([])).toEqual({
      ok: false,
      issues: [
        { path: [], code: "invalid-type", message: "fail() needs a list of at least one issue, got an empty list." },
      ],
    });
  });

  it("answers a sparse list of length 2^32 - 1 at once, without copying it", () => {
    const huge: unknown[] = [];
    huge[2 ** 32 - 2] = issue("custom", "The last of four billion.");
    expect(fail(huge as never)).toMatchObject({ ok: false, issues: [{ code: "invalid-type" }] });
    expect(issuesOf({ ok: false, issues: huge } as never)).toMatchObject([{ code: "invalid-type" }]);
  });

  // Values that are not Results, steps that are not functions, and Results read through traps.
  const trap = () => {
    throw new Error("trap");
  };
  const notResult = fc.oneof(
    fc.anything().filter((v) => !(v !== null && typeof v === "object" && "ok" in v)),
    fc.constant({ ok: false, issues: [] }),
    fc.constant({ ok: "yes" }),
    fc.constant(new Proxy({}, { get: trap })),
  );
  test.prop([notResult, fc.anything()])(
    "answers a value that is not a Result, or a step that is not a function, with a failure",
    (value, step) => {
      // fail() takes any non-empty list as its issues; everything else it answers like the rest.
      const failed = Array.isArray(value) && value.length > 0 ? [] : [fail(value as never)];
      for (const r of [mapResult(value as never, () => 1), andThen(value as never, () => ok(1)), ...failed]) {
        expect(r.ok).toBe(false);
        if (!r.ok) expect(["invalid-type", "unreadable-input"]).toContain(r.issues[0]?.code);
      }
      expect(issuesOf(value as never).length).toBeGreaterThan(0);
      if (typeof step !== "function") {
        expect(mapResult(ok(1), step as never)).toMatchObject({ ok: false, issues: [{ code: "invalid-type" }] });
        expect(andThen(ok(1), step as never)).toMatchObject({ ok: false, issues: [{ code: "invalid-type" }] });
      }
    },
  );

  it("unwrap gives the value, or throws with the issues listed", () => {
    expect(unwrap(ok(3))).toBe(3);
    expect(() => unwrap(fail([issue("missing", "No anchor.")]))).toThrow(/missing: No anchor/);
  });
});

describe("issue paths", () => {
  it("formats paths as JSONPath", () => {
    expect(formatPath([])).toEqual({ ok: true, value: "$" });
    expect(formatPath(["answers", "updates.2.1"])).toEqual({ ok: true, value: '$.answers["updates.2.1"]' });
    expect(formatPath(["sensors", 3, "unit"])).toEqual({ ok: true, value: "$.sensors[3].unit" });
  });

  test.prop([fc.array(fc.oneof(fc.string(), fc.nat()))])("formatPath is the unchecked pathText on a path", (path) => {
    expect(formatPath(path)).toEqual({ ok: true, value: pathText(path) });
  });

  it("answers bad arguments with invalid-argument issues that say which", () => {
    const sparse = new Array(2 ** 32 - 1);
    for (const path of [null, "a.b", [1.5], [-1], [{}], sparse])
      expect(formatPath(path as never)).toMatchObject({ ok: false, issues: [{ code: "invalid-argument" }] });
    expect(issue(42 as never, "x")).toMatchObject({
      code: "invalid-argument",
      message: "issue(): the code must be text.",
    });
    expect(issue("custom", "x", [null] as never)).toMatchObject({ code: "invalid-argument", path: [] });
    expect(prefixIssues(["a"], [issue("custom", "x", ["b"]), 7 as never])).toEqual([
      { path: ["a", "b"], code: "custom", message: "x" },
      { path: [], code: "invalid-argument", message: "prefixIssues(): entry 1 of the issues is not an issue." },
    ]);
    expect(prefixIssues(["a"], sparse)).toMatchObject([{ code: "invalid-argument" }]);
  });

  test.prop([fc.array(fc.oneof(fc.string(), fc.nat())), fc.array(fc.oneof(fc.string(), fc.nat()))])(
    "prefixing puts the prefix in front of every path",
    (prefix, path) => {
      const [prefixed] = prefixIssues(prefix, [issue("custom", "x", path)]);
      expect(prefixed?.path).toEqual([...prefix, ...path]);
    },
  );
});
