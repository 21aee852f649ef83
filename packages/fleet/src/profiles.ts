import { readdir, readFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { fail, type Issue, issue, ok, prefixIssues, type Result } from "@miotsec/core";
import { parseRuntimeProfile, type RuntimeProfile } from "@miotsec/runtime-facts";

/**
 * The profiles of a fleet and which device is judged against which: `devices` maps a device id
 * to a profile's name; the key `*` names the profile of every device not named.
 *
 * @since 0.2.0
 */
export interface FleetProfiles {
  /** Each runtime profile by name. */
  readonly profiles: ReadonlyMap<string, RuntimeProfile>;
  /** Each device's profile name. */
  readonly devices: ReadonlyMap<string, string>;
  /** The profile of devices not in `devices`, if any. */
  readonly otherDevices?: string;
}

/**
 * A fleet's profiles, checked: every profile parses (`parseRuntimeProfile`), every device names
 * a profile there is. Issues name the profile or the device.
 *
 * @example
 * ```ts
 * import { fleetProfiles } from "@miotsec/fleet";
 * const fleet = fleetProfiles(
 *   { scanner: { schemaVersion: 1, identity: { name: "Scanner", softwareVersions: [], activeServices: [] }, metrics: {}, endpoints: [] } },
 *   { "us-17": "scanner" },
 * );
 * fleet.ok; // true
 * ```
 * @since 0.2.0
 */
export function fleetProfiles(
  profiles: Record<string, unknown>,
  devices: Record<string, unknown>,
): Result<FleetProfiles> {
  const issues: Issue[] = [];
  const byName = new Map<string, RuntimeProfile>();
  const byDevice = new Map<string, string>();
  let otherDevices: string | undefined;
  try {
    if (typeof profiles !== "object" || profiles === null || Array.isArray(profiles))
      return fail([issue("invalid-type", "The profiles are an object of runtime profiles by name.", ["profiles"])]);
    if (typeof devices !== "object" || devices === null || Array.isArray(devices))
      return fail([issue("invalid-type", "The devices are an object of profile names by device id.", ["devices"])]);
    for (const [name, value] of Object.entries(profiles)) {
      const parsed = parseRuntimeProfile(value);
      if (parsed.ok) byName.set(name, parsed.value);
      else issues.push(...prefixIssues(["profiles", name], parsed.issues));
    }
    for (const [device, name] of Object.entries(devices)) {
      if (typeof name !== "string" || !byName.has(name)) {
        issues.push(
          issue(
            "invalid-value",
            `The device ${device} names ${typeof name === "string" ? `the profile "${name}", which there is not` : "no profile"}.`,
            ["devices", device],
          ),
        );
      } else if (device === "*") otherDevices = name;
      else byDevice.set(device, name);
    }
  } catch {
    return fail([issue("unreadable-input", "The profiles or devices could not be read (a getter or proxy threw).")]);
  }
  if (issues.length > 0) return fail(issues);
  return ok(
    otherDevices === undefined
      ? { profiles: byName, devices: byDevice }
      : { profiles: byName, devices: byDevice, otherDevices },
  );
}

/**
 * The profiles of a fleet from a folder: each `*.json` file but one is a runtime profile, or a
 * label whose runtime profile is taken, named by its file name without the extension;
 * `devices.json` maps device ids to those names (`"*"` for every other device). JSON, as labels
 * are; other files are passed over. Files that cannot be read or parsed are issues that name the
 * file.
 *
 * @example
 * ```ts
 * import { readFleetProfiles } from "@miotsec/fleet";
 * const fleet = await readFleetProfiles("examples/fleet");
 * fleet.ok; // true
 * ```
 * @since 0.2.0
 */
export async function readFleetProfiles(folder: string): Promise<Result<FleetProfiles>> {
  if (typeof folder !== "string") return fail([issue("invalid-type", "The profiles folder is a path.")]);
  let names: string[];
  try {
    names = (await readdir(folder)).sort();
  } catch (error) {
    return fail([issue("unreadable-input", `${folder} cannot be read as a folder (${codeOf(error)}).`)]);
  }
  const profiles: Record<string, unknown> = {};
  let devices: Record<string, unknown> | undefined;
  const issues: Issue[] = [];
  for (const name of names) {
    const ext = extname(name);
    if (ext !== ".json") continue;
    const stem = name.slice(0, -ext.length);
    let value: unknown;
    try {
      const text = await readFile(join(folder, name), "utf8");
      value = JSON.parse(text);
    } catch (error) {
      issues.push(issue("invalid-format", `${join(folder, name)} is not JSON (${codeOf(error)}).`));
      continue;
    }
    if (stem === "devices") devices = value as Record<string, unknown>;
    else profiles[stem] = runtimeOf(value);
  }
  if (devices === undefined)
    issues.push(issue("missing", `${folder} has no devices.json naming each device's profile.`));
  if (issues.length > 0) return fail(issues);
  return fleetProfiles(profiles, devices as Record<string, unknown>);
}

/** A label's runtime profile (a document with `runtime` and no `metrics`), or the document itself. */
function runtimeOf(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  return Object.hasOwn(value, "runtime") && !Object.hasOwn(value, "metrics")
    ? (value as { runtime: unknown }).runtime
    : value;
}

const codeOf = (error: unknown) =>
  error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message.split("\n")[0]) : String(error);
