// The profile and the values every runtime-facts benchmark uses: 20 metrics with the same
// ranges (operating 0 to 80, fail-safe -10 to 95), and deterministic values from 0 to 100,
// mostly inside the operating range, some above it, each a whole number of thousandths.
import { parseRuntimeProfile } from "@miotsec/runtime-facts";

export const METRICS = 20;
export const metrics = Object.fromEntries(
  Array.from({ length: METRICS }, (_, i) => [
    `m${i}`,
    { unit: "u", operating: { min: 0, max: 80 }, failSafe: { min: -10, max: 95 } },
  ]),
);
const parsed = parseRuntimeProfile({
  schemaVersion: 1,
  identity: { name: "bench", softwareVersions: [], activeServices: [] },
  metrics,
  endpoints: [],
});
if (!parsed.ok) throw new Error("profile");
export const profile = parsed.value;

export const values = Float64Array.from({ length: 1 << 16 }, (_, i) => ((i * 2654435761) % 100_000) / 1000);

export const DEVICES = 100_000;
export const deviceIds = Array.from({ length: DEVICES }, (_, i) => `device-${i}`);
export const metricIds = Object.keys(metrics);
