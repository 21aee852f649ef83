import { createHash } from "node:crypto";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { sha256Hex, sha256OfText } from "./sha256.js";

describe("sha256Hex", () => {
  it("matches the FIPS 180-4 examples", () => {
    expect(sha256Hex("abc")).toEqual({
      ok: true,
      value: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    });
    expect(sha256Hex("")).toEqual({
      ok: true,
      value: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    });
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toEqual({
      ok: true,
      value: "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    });
  });

  test.prop([fc.uint8Array({ maxLength: 300 })])("agrees with Node's crypto on any bytes", (bytes) => {
    expect(sha256Hex(bytes)).toEqual({ ok: true, value: createHash("sha256").update(bytes).digest("hex") });
  });

  test.prop([fc.string({ maxLength: 200 })])("agrees with Node's crypto on any text, as UTF-8", (text) => {
    const expected = createHash("sha256").update(text, "utf8").digest("hex");
    expect(sha256Hex(text)).toEqual({ ok: true, value: expected });
    expect(sha256OfText(text)).toBe(expected);
  });

  it("answers what is neither text nor bytes with an issue, and reads bytes once, into a copy", () => {
    for (const v of [42, null, [1, 2], new ArrayBuffer(2), new Uint16Array(2)])
      expect(sha256Hex(v as never)).toMatchObject({ ok: false, issues: [{ code: "invalid-argument" }] });
    const trapped = new Proxy(new Uint8Array([1, 2, 3]), {
      get: () => {
        throw new Error("trap");
      },
    });
    expect(sha256Hex(trapped)).toMatchObject({ ok: false, issues: [{ code: "invalid-argument" }] });
  });
});
