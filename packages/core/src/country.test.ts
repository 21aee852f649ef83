import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { countryCodeSchema, countryCodes, isCountryCode, parseCountryCode } from "./country.js";

describe("country codes", () => {
  it("lists the 249 assigned ISO 3166-1 alpha-2 codes, sorted and unique", () => {
    expect(countryCodes).toHaveLength(249);
    expect([...countryCodes].sort()).toEqual([...countryCodes]);
    expect(new Set(countryCodes).size).toBe(249);
    for (const c of countryCodes) expect(c).toMatch(/^[A-Z]{2}$/);
  });

  it("leaves out reserved and user-assigned codes", () => {
    for (const c of ["EU", "UK", "XK", "ZZ", "de", "DEU", ""]) expect(isCountryCode(c)).toBe(false);
    for (const c of ["DE", "IT", "NL", "US", "CN", "IE"]) expect(isCountryCode(c)).toBe(true);
  });

  test.prop([fc.string({ maxLength: 3 })])("the guard and the schema agree on every string", (s) => {
    expect(isCountryCode(s)).toBe(countryCodeSchema.safeParse(s).success);
  });

  test.prop([fc.constantFrom(...countryCodes)])("a code in lower case is never a code", (c) => {
    expect(isCountryCode(c.toLowerCase())).toBe(false);
  });

  it("fails with a message that says what a country code is", () => {
    const r = parseCountryCode("Italy");
    expect(r).toMatchObject({ ok: false, issues: [{ code: "invalid-value", path: [] }] });
    if (!r.ok) expect(r.issues[0]?.message).toMatch(/ISO 3166-1 alpha-2/);
  });
});
