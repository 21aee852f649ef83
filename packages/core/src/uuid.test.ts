import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { miotsecUuidNamespace, nameUuid, uuidV5 } from "./uuid.js";

const dns = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";
const url = "6ba7b811-9dad-11d1-80b4-00c04fd430c8";

describe("uuidV5", () => {
  it("matches RFC 4122 version-5 UUIDs computed elsewhere", () => {
    expect(uuidV5("python.org", dns)).toEqual({ ok: true, value: "886313e1-3b8a-5372-9b90-0c9aee199e5d" });
    expect(uuidV5("héllo ☃", url)).toEqual({ ok: true, value: "d63ded56-1dd6-5f09-ade1-3290d2cc1f0d" });
    expect(uuidV5("https://github.com/miotsec/miotsec", url)).toEqual({ ok: true, value: miotsecUuidNamespace });
  });

  test.prop([fc.string({ unit: "binary" })])(
    "is a version-5, variant-1 UUID and the same for the same name",
    (name) => {
      const id = nameUuid(name);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(uuidV5(name)).toEqual({ ok: true, value: id });
    },
  );

  test.prop([fc.string(), fc.string()])("different names give different UUIDs", (a, b) => {
    fc.pre(a !== b);
    expect(nameUuid(a)).not.toBe(nameUuid(b));
  });

  it("answers a namespace that is not a UUID, or a name that is not text, with an issue", () => {
    expect(uuidV5("x", "not-a-uuid")).toMatchObject({ ok: false, issues: [{ path: ["namespace"] }] });
    expect(uuidV5(42 as never)).toMatchObject({ ok: false, issues: [{ path: ["name"] }] });
  });
});
