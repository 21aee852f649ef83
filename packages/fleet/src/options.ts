import { fail, issue, parseWith, type Result } from "@miotsec/core";
import * as z from "zod/mini";
import type { RedisTarget } from "./redis.js";
import { maxShards } from "./shard.js";

const url = (schemes: readonly string[]) =>
  z.string().check(
    z.maxLength(2000),
    z.refine(
      (u) => {
        try {
          return schemes.includes(new URL(u).protocol);
        } catch {
          return false;
        }
      },
      { message: `must be a URL (${schemes.map((s) => `${s}//`).join(", ")})` },
    ),
  );

/** A Redis URL, or the URLs of some nodes of a Redis Cluster. */
export const redisTargetSchema = z.union(
  [
    z.strictObject({ url: url(["redis:", "rediss:"]) }),
    z.strictObject({ cluster: z.array(url(["redis:", "rediss:"])).check(z.minLength(1), z.maxLength(100)) }),
  ],
  { error: "must be { url } of a Redis server or { cluster: [urls] } of some nodes of a Redis Cluster" },
);

/** An MQTT broker's URL. */
export const mqttUrlSchema = url(["mqtt:", "mqtts:", "ws:", "wss:", "tcp:"]);

/** The prefix of the fleet's Redis keys. */
export const prefixSchema = z.string().check(z.minLength(1), z.maxLength(100), z.regex(/^[^{}\s]+$/));

/** A number of shards. */
export const shardsSchema = z.int().check(z.gte(1), z.lte(maxShards));

/**
 * Options read once into a checked copy, or their issues. The values that are not plain data
 * (`log`, a function; `profiles`, maps) are taken out first, read once, and handed back as
 * they are, for the caller to check.
 */
export function checkedOptions<S extends z.ZodMiniType>(
  schema: S,
  options: unknown,
  apart: readonly string[] = [],
): Result<{ checked: z.infer<S>; apart: Record<string, unknown> }> {
  if (typeof options !== "object" || options === null || Array.isArray(options))
    return fail([issue("invalid-type", "The options are an object.")]);
  const taken: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  try {
    for (const key of Object.keys(options)) {
      const value = (options as Record<string, unknown>)[key];
      if (apart.includes(key)) taken[key] = value;
      else rest[key] = value;
    }
  } catch {
    return fail([issue("unreadable-input", "The options could not be read (a getter or proxy threw).")]);
  }
  if (taken.log !== undefined && typeof taken.log !== "function")
    return fail([issue("invalid-type", "The log is a function that takes a record.", ["log"])]);
  const parsed = parseWith(schema, rest);
  return parsed.ok ? { ok: true, value: { checked: parsed.value, apart: taken } } : parsed;
}

export type { RedisTarget };
