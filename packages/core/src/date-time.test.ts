import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { dateTimeMs, dateTimeSchema, isDateTime } from "./date-time.js";

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const instant = fc.date({
  min: new Date("1000-01-01T00:00:00Z"),
  max: new Date("9999-12-31T23:59:59Z"),
  noInvalidDate: true,
});
const offset = fc.oneof(
  fc.constant("Z"),
  fc
    .tuple(fc.constantFrom("+", "-"), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([s, h, m]) => `${s}${pad(h)}:${pad(m)}`),
);

describe("dateTimeMs", () => {
  test.prop([instant, offset, fc.integer({ min: 0, max: 3 })])(
    "gives the instant Date.parse gives for the forms both read",
    (d, zone, digits) => {
      const fraction = digits === 0 ? "" : `.${pad(d.getUTCMilliseconds(), 3).slice(0, digits)}`;
      const text = `${d.toISOString().slice(0, 19)}${fraction}${zone}`;
      expect(dateTimeMs(text)).toBe(Date.parse(text));
    },
  );

  test.prop([instant, offset])("reads t and z in either case", (d, zone) => {
    const text = `${d.toISOString().slice(0, 19)}${zone}`;
    expect(dateTimeMs(text.replace("T", "t").replace("Z", "z"))).toBe(dateTimeMs(text));
  });

  test.prop([instant, offset])("takes a leap second as the last millisecond of its minute", (d, zone) => {
    const minute = d.toISOString().slice(0, 16);
    expect(dateTimeMs(`${minute}:60${zone}`)).toBe(Date.parse(`${minute}:59.999${zone}`));
    expect(dateTimeMs(`${minute}:60.5${zone}`)).toBe(Date.parse(`${minute}:59.999${zone}`));
  });

  it("cuts fractions finer than a millisecond", () => {
    expect(dateTimeMs("1970-01-01T00:00:00.123456789Z")).toBe(123);
  });

  it.each([
    "yesterday",
    "2023-02-29T00:00:00Z",
    "2026-13-01T00:00:00Z",
    "2026-11-28T24:00:00Z",
    "2026-11-28T23:60:00Z",
    "2026-11-28T23:59:61Z",
    "2026-11-28T23:59Z",
    "2026-11-28 23:59:00Z",
    "2026-11-28T23:59:00",
    "2026-11-28T23:59:00+24:00",
    "2026-11-28T23:59:00.Z",
    `2026-11-28T23:59:00.${"1".repeat(100)}Z`,
  ])("refuses %s", (text) => {
    expect(dateTimeMs(text)).toBeUndefined();
    expect(isDateTime(text)).toBe(false);
    expect(dateTimeSchema.safeParse(text).success).toBe(false);
  });

  test.prop([fc.anything()])("answers any value, never a throw", (v) => {
    expect(() => dateTimeMs(v)).not.toThrow();
  });
});
