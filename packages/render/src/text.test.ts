import { fc, test } from "@fast-check/vitest";
import { expect, it } from "vitest";
import { groupThousands, statusLine, wrap } from "./text.js";

test.prop([fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })])(
  "groupThousands writes what en-US number formatting writes",
  (n) => {
    expect(groupThousands(n)).toBe(n.toLocaleString("en-US"));
  },
);

it("writes the days of a status line with thousands separators", () => {
  expect(statusLine("valid", 1204)).toBe("Valid: 1,204 days left");
  expect(statusLine("expired", -1)).toBe("Expired 1 day ago: inspect now");
  expect(statusLine("due-soon", 999)).toBe("Due soon: 999 days left");
});

test.prop([fc.string({ maxLength: 50 }), fc.oneof(fc.integer({ max: 0 }), fc.double({ noDefaultInfinity: false }))])(
  "wrap refuses a width below one instead of looping",
  (text, width) => {
    fc.pre(!(Number.isInteger(width) && width >= 1));
    expect(() => wrap(text, width)).toThrow(RangeError);
  },
);
