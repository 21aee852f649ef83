import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { deviceOfTopic, maxPayloadBytes, parseSamplePayload, sampleTopic } from "./wire.js";

const deviceIds = fc.string({ minLength: 1, maxLength: 40 }).filter((d) => !/[/+#]/.test(d) && !d.includes("\0"));
const wireSample = fc.record({
  metric: fc.string({ minLength: 1, maxLength: 20 }),
  value: fc.double({ noNaN: true, noDefaultInfinity: true }),
  unit: fc.string({ maxLength: 10 }),
  at: fc.integer({ min: -8.64e15, max: 8.64e15 }),
});

describe("parseSamplePayload", () => {
  test.prop([deviceIds, fc.array(wireSample, { minLength: 1, maxLength: 20 }), fc.boolean()])(
    "gives back every sample of a list or a single sample, with the topic's device, as bytes or text",
    (device, samples, asBytes) => {
      const topic = `miotsec/${device}/samples`;
      const text = JSON.stringify(samples.length === 1 ? samples[0] : samples);
      const r = parseSamplePayload(topic, asBytes ? new TextEncoder().encode(text) : text);
      expect(r).toEqual({
        ok: true,
        value: samples.map((s) => ({ device, ...s, value: s.value === 0 ? 0 : s.value })),
      });
    },
  );

  test.prop([
    fc.string({ maxLength: 60 }),
    fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.string({ maxLength: 300 }), fc.anything()),
  ])("answers any topic and payload with samples or issues, never a throw", (topic, payload) => {
    const r = parseSamplePayload(topic, payload as string);
    if (!r.ok) for (const i of r.issues) expect(i.code).toMatch(/^[a-z-]+$/);
  });

  test.prop([
    deviceIds,
    fc.oneof(
      fc.constant("not json"),
      fc.constant('{"metric":"cpu","value":1,"unit":"%","at":0,"__proto__":{"x":1}}'),
      fc.constant('{"metric":"cpu","value":"1","unit":"%","at":0}'),
      fc.constant('{"metric":"cpu","value":1,"unit":"%","at":"2026-02-30T00:00:00Z"}'),
      fc.constant('{"metric":"cpu","value":1,"unit":"%","at":1e300}'),
      fc.constant('{"metric":"cpu","value":1,"unit":"%","at":0,"extra":1}'),
      fc.constant('{"metric":"","value":1,"unit":"%","at":0}'),
      fc.constant("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"),
      fc.constant(`{"metric":"${"m".repeat(300)}","value":1,"unit":"%","at":0}`),
      fc
        .integer({ min: 1001, max: 1100 })
        .map((n) => JSON.stringify(Array(n).fill({ metric: "c", value: 1, unit: "%", at: 0 }))),
    ),
  ])("refuses a message that is not samples as a whole, with a path and a code", (device, payload) => {
    const r = parseSamplePayload(`miotsec/${device}/samples`, payload);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
  });

  it("names the reason of each kind of refusal", () => {
    const codes = (topic: string, payload: string | Uint8Array) => {
      const r = parseSamplePayload(topic, payload);
      return r.ok ? [] : r.issues.map((i) => [i.code, i.path.join("."), i.message]);
    };
    expect(codes("miotsec/us-17/samples", "{")).toEqual([["invalid-format", "", "A message of us-17 is not JSON."]]);
    expect(codes("miotsec/us-17/samples", new Uint8Array([0xff, 0xfe]))).toEqual([
      ["invalid-format", "", "A message of us-17 is not text in UTF-8."],
    ]);
    expect(codes("miotsec/us-17/samples", '[{"device":"us-18","metric":"c","value":1,"unit":"%","at":0}]')).toEqual([
      ["invalid-value", "0.device", "A message on the topic of us-17 carries a sample of us-18."],
    ]);
    expect(codes("miotsec/us-17/samples", '{"metric":"c","value":1,"unit":"%","at":"2026-02-30T00:00:00Z"}')).toEqual([
      ["invalid-date", "at", "A sample of us-17 has no valid time (at)."],
    ]);
    expect(codes("miotsec/us-17/status", "{}")[0]?.[2]).toBe(
      '"miotsec/us-17/status" is not a sample topic (miotsec/<device>/samples).',
    );
    expect(codes("miotsec/us-17/samples", new Uint8Array(maxPayloadBytes + 1))[0]?.[0]).toBe("too-big");
    expect(codes("miotsec/us-17/samples", '{"metric":"c","value":1,"unit":"%","at":0,"__proto__":{}}')[0]?.[0]).toBe(
      "forbidden-key",
    );
  });

  it("reads an RFC 3339 time as ms since 1970", () => {
    const r = parseSamplePayload(
      "miotsec/us-17/samples",
      '{"metric":"c","value":1,"unit":"%","at":"2026-12-02T08:00:00Z"}',
    );
    expect(r.ok && r.value[0]?.at).toBe(Date.UTC(2026, 11, 2, 8));
  });
});

describe("sampleTopic and deviceOfTopic", () => {
  test.prop([deviceIds.filter((d) => d.length <= 200)])("name each other's device", (device) => {
    const topic = sampleTopic(device);
    expect(topic.ok && deviceOfTopic(topic.value)).toBe(device);
  });

  test.prop([
    fc.oneof(
      fc.constant(""),
      fc.string().map((s) => `${s}/`),
      fc.string().map((s) => `+${s}`),
      fc.string().map((s) => `#${s}`),
      fc.anything().filter((x) => typeof x !== "string"),
    ),
  ])("refuse an id that cannot be one topic level", (device) => {
    expect(sampleTopic(device as string).ok).toBe(false);
  });
});
