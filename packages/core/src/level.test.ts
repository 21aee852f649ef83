import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { isLevel, levelNames, levelSchema, levels, requirementLevelSchema } from "./level.js";

describe("levels", () => {
  it("names the five levels as the paper does", () => {
    expect(levels.map((l) => levelNames[l])).toEqual([
      "not reached",
      "beginnings",
      "first steps",
      "on the way",
      "developed",
      "mature",
    ]);
  });

  test.prop([fc.oneof(fc.integer({ min: -3, max: 8 }), fc.double(), fc.string(), fc.constant(null))])(
    "the guard and the schema agree on every value",
    (v) => {
      expect(isLevel(v)).toBe(levelSchema.safeParse(v).success);
    },
  );

  test.prop([fc.integer({ min: -3, max: 8 })])("a requirement level is a level other than 0", (n) => {
    expect(requirementLevelSchema.safeParse(n).success).toBe(isLevel(n) && n !== 0);
  });
});
