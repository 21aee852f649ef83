import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { countryCodeSchema, countryCodes, isCountryCode, parseCountryCode } from "./country.js";

describe("country codes", () => {
  // The oracle is ICU's region data (Intl.DisplayNames), kept apart from miotsec's list.
  const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "code" });
  const namedByIcu = (c: string) => regionNames.of(c) !== c && regionNames.of(c) !== "Unknown Region";
  // Two-letter regions ICU names that are not assigned ISO 3166-1 codes: exceptionally or
  // transitionally reserved (AC, CP, CQ, DG, EA, EU, EZ, FX, IC, TA, UK, UN; AN, BU, CS, NH, TP,
  // YU, ZR), deleted (DD, DY, HV, RH, SU, VD, YD) and user-assigned (QO, XA, XB, XK).
  const notAssigned = "AC AN BU CP CQ CS DD DG DY EA EU EZ FX HV IC NH QO RH SU TA TP UK UN VD XA XB XK YD YU ZR";

  it("lists the 249 assigned ISO 3166-1 alpha-2 codes: every region ICU names but the reserved ones", () => {
    expect(countryCodes).toHaveLength(249);
    const all = Array.from({ length: 26 * 26 }, (_, i) => String.fromCharCode(65 + Math.floor(i / 26), 65 + (i % 26)));
    const named = all.filter(namedByIcu);
    expect(countryCodes.filter((c) => !namedByIcu(c))).toEqual([]);
    expect(named.filter((c) => !isCountryCode(c)).join(" ")).toBe(notAssigned);
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
