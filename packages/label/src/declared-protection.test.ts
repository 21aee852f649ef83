import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { declaredProtection } from "./declared-protection.js";
import { examples, setPath } from "./fixtures.test-support.js";

const wifi = examples.find((e) => (e as { id?: string }).id?.startsWith("wireless-scanner")) as Record<string, unknown>;

describe("declaredProtection", () => {
  it("reads the wireless scanner's declared EU residency and encryption", () => {
    expect(declaredProtection(wifi as never)).toMatchObject({
      ok: true,
      value: { residency: ["EU"], declared: { endToEndEncryption: expect.any(Boolean), noThirdParties: false } },
    });
  });

  it("declares nothing where the label withholds a fact, and no third parties where they do not apply", () => {
    let label = setPath(wifi, "dataPractices.dataResidency", "not-disclosed");
    label = setPath(label, "dataPractices.endToEndEncryption", "not-disclosed");
    label = setPath(label, "dataPractices.thirdParties", "not-applicable");
    expect(declaredProtection(label as never)).toEqual({ ok: true, value: { declared: { noThirdParties: true } } });
    expect(declaredProtection(setPath(wifi, "dataPractices.thirdParties", []) as never)).toMatchObject({
      value: { declared: { noThirdParties: true } },
    });
    expect(declaredProtection(setPath(wifi, "dataPractices.thirdParties", "not-disclosed") as never)).toMatchObject({
      value: { declared: { noThirdParties: false } },
    });
  });

  test.prop([fc.anything()])("answers anything that is not a label with the issues of parseLabel", (value) => {
    const r = declaredProtection(value as never);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
  });
});
