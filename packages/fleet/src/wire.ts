import { dateTimeMs, fail, issue, ok, parseWith, type Result } from "@miotsec/core";
import type { Sample } from "@miotsec/runtime-facts";
import * as z from "zod/mini";

/**
 * The MQTT topic filter the fleet reads samples from: `miotsec/<device>/samples`, one topic
 * level per device.
 *
 * @since 0.2.0
 */
export const sampleTopicFilter = "miotsec/+/samples";

/** The most bytes one MQTT message of samples may have. */
export const maxPayloadBytes = 1 << 20;

/** The most samples one message may carry. */
export const maxSamplesPerMessage = 1000;

/**
 * The topic a device publishes its samples to. An id that cannot be one MQTT topic level
 * (empty, or with `/`, `+`, `#` or a NUL character) is an issue.
 *
 * @example
 * ```ts
 * import { sampleTopic } from "@miotsec/fleet";
 * sampleTopic("us-17"); // { ok: true, value: "miotsec/us-17/samples" }
 * ```
 * @since 0.2.0
 */
export function sampleTopic(device: string): Result<string> {
  const problem = deviceIdProblem(device);
  return problem === undefined ? ok(`miotsec/${device}/samples`) : fail([issue("invalid-value", problem, ["device"])]);
}

/** Why a device id cannot be a topic level, or undefined. */
function deviceIdProblem(device: unknown): string | undefined {
  if (typeof device !== "string" || device === "") return "A device id is text of at least 1 character.";
  if (device.length > 200) return "A device id has at most 200 characters.";
  if (/[/+#]/.test(device) || device.includes("\0"))
    return `A device id cannot hold "/", "+", "#" or NUL: ${JSON.stringify(device)}.`;
  return undefined;
}

const text = z.string().check(z.minLength(1), z.maxLength(200));
/** One sample on the wire: the CLI's sample shape; `device` may be left to the topic. */
const wireSample = z.strictObject({
  device: z.optional(text),
  metric: text,
  value: z.number(),
  unit: z.string().check(z.maxLength(200)),
  at: z.union([z.number(), z.string().check(z.maxLength(64))], {
    error: "must be a time: ms since 1970, or an RFC 3339 date-time",
  }),
});
const wirePayload = z.union([wireSample, z.array(wireSample).check(z.maxLength(maxSamplesPerMessage))], {
  error: "must be a sample ({ metric, value, unit, at }) or a list of samples",
});

/**
 * The samples of one MQTT message on `miotsec/<device>/samples`: JSON in UTF-8, one sample
 * (`{ "metric": "cpuPercent", "value": 42, "unit": "%", "at": 1764662400000 }`) or a list of
 * them, `at` in ms since 1970 or as an RFC 3339 date-time, `device` optional (the topic names
 * it; where given it must be the same). A message is taken whole or not at all: a topic that is
 * not a sample topic, bytes that are not JSON, more than {@link maxPayloadBytes}, a sample of
 * the wrong shape or with an impossible time, or another device than the topic's, are issues
 * with a path and a stable code, which the fleet counts as rejections by code.
 *
 * @example
 * ```ts
 * import { parseSamplePayload } from "@miotsec/fleet";
 * parseSamplePayload("miotsec/us-17/samples", '{"metric":"cpuPercent","value":42,"unit":"%","at":0}');
 * // { ok: true, value: [{ device: "us-17", metric: "cpuPercent", value: 42, unit: "%", at: 0 }] }
 * ```
 * @since 0.2.0
 */
export function parseSamplePayload(topic: string, payload: Uint8Array | string): Result<Sample[]> {
  const device = deviceOfTopic(topic);
  if (device === undefined)
    return fail([issue("invalid-value", `${describeTopic(topic)} is not a sample topic (miotsec/<device>/samples).`)]);
  let json: string;
  try {
    if (typeof payload === "string") json = payload;
    else if (payload instanceof Uint8Array) {
      if (payload.byteLength > maxPayloadBytes) return tooBig(device);
      json = new TextDecoder("utf-8", { fatal: true }).decode(payload);
    } else return fail([issue("invalid-type", `A message of ${device} is bytes or text.`)]);
  } catch {
    return fail([issue("invalid-format", `A message of ${device} is not text in UTF-8.`)]);
  }
  if (json.length > maxPayloadBytes) return tooBig(device);
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return fail([issue("invalid-format", `A message of ${device} is not JSON.`)]);
  }
  const parsed = parseWith(wirePayload, value, { maxDepth: 4 });
  if (!parsed.ok) return parsed;
  const samples: Sample[] = [];
  const list = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
  for (const [i, s] of list.entries()) {
    const path = Array.isArray(parsed.value) ? [i] : [];
    if (s.device !== undefined && s.device !== device)
      return fail([
        issue("invalid-value", `A message on the topic of ${device} carries a sample of ${s.device}.`, [
          ...path,
          "device",
        ]),
      ]);
    const at = typeof s.at === "number" ? s.at : (dateTimeMs(s.at) ?? Number.NaN);
    if (!Number.isFinite(at) || Math.abs(at) > 8.64e15)
      return fail([issue("invalid-date", `A sample of ${device} has no valid time (at).`, [...path, "at"])]);
    samples.push({ device, metric: s.metric, value: s.value, unit: s.unit, at });
  }
  return ok(samples);
}

const tooBig = (device: string) =>
  fail([issue("too-big", `A message of ${device} has more than ${maxPayloadBytes} bytes.`)]);

/** The device a sample topic names, or undefined. */
export function deviceOfTopic(topic: unknown): string | undefined {
  if (typeof topic !== "string") return undefined;
  const parts = topic.split("/");
  if (parts.length !== 3 || parts[0] !== "miotsec" || parts[2] !== "samples") return undefined;
  const device = parts[1] as string;
  return deviceIdProblem(device) === undefined ? device : undefined;
}

const describeTopic = (topic: unknown) =>
  typeof topic === "string"
    ? JSON.stringify(topic.length > 100 ? `${topic.slice(0, 100)}...` : topic)
    : "A topic that is not text";
