import { fail, issue, ok, type Result } from "@miotsec/core";
import { sha256OfText } from "@miotsec/core/internal";
import type { MonitorEvent } from "@miotsec/runtime-facts";

/**
 * A monitor event as the fleet writes it: the event, the name of the profile it was judged
 * against, and its deterministic id.
 *
 * @since 0.2.0
 */
export type FleetEvent = MonitorEvent & {
  /** {@link eventId} of the event: the same event has the same id in every delivery. */
  readonly id: string;
  /** The profile the device was judged against (its file name in the profiles folder). */
  readonly profile: string;
};

/**
 * The id of an event: 32 hexadecimal digits of the SHA-256 of its device, metric, sample time
 * and kind (as the JSON array `[device, metric, at, kind]`). Delivery is at least once; the id
 * makes a second delivery of the same event recognisable, so that readers drop duplicates.
 *
 * @example
 * ```ts
 * import { eventId } from "@miotsec/fleet";
 * eventId({ device: "us-17", metric: "cpuPercent", at: 0, kind: "fired" }); // { ok: true, value: "…" }
 * ```
 * @since 0.2.0
 */
export function eventId(event: Pick<MonitorEvent, "device" | "metric" | "at" | "kind">): Result<string> {
  let device: unknown;
  let metric: unknown;
  let at: unknown;
  let kind: unknown;
  try {
    ({ device, metric, at, kind } = event);
  } catch {
    return fail([issue("invalid-type", "An event is an object with device, metric, at and kind.")]);
  }
  if (typeof device !== "string" || typeof metric !== "string" || typeof kind !== "string" || typeof at !== "number")
    return fail([issue("invalid-type", "An event's device, metric and kind are text, and its time (at) a number.")]);
  return ok(idOf(device, metric, at, kind));
}

/** {@link eventId} of fields already checked. */
export function idOf(device: string, metric: string, at: number, kind: string): string {
  return sha256OfText(JSON.stringify([device, metric, at, kind])).slice(0, 32);
}
