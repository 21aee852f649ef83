import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { profile } from "./fleet.test-support.js";
import { fleetProfiles, readFleetProfiles } from "./profiles.js";

const examples = new URL("../../../examples/fleet", import.meta.url).pathname;

describe("readFleetProfiles", () => {
  it("reads the example fleet: two labels' runtime profiles and six devices", async () => {
    const r = await readFleetProfiles(examples);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect([...r.value.profiles.keys()]).toEqual(["ultrasound-usbc", "ultrasound-wifi"]);
    expect(r.value.profiles.get("ultrasound-wifi")?.metrics.cpuPercent?.operating).toEqual({ max: 70 });
    expect(r.value.devices.get("us-c2-0001")).toBe("ultrasound-usbc");
    expect(r.value.devices.size).toBe(6);
  });

  it("names the file or the device of each problem", async () => {
    const dir = mkdtempSync(join(tmpdir(), "miotsec-fleet-"));
    writeFileSync(join(dir, "pump.json"), '{"schemaVersion": 1, "metrics": [');
    writeFileSync(join(dir, "notes.yaml"), "not read: only JSON files are");
    writeFileSync(join(dir, "devices.json"), "{}");
    const broken = await readFleetProfiles(dir);
    expect(broken.ok || broken.issues.map((i) => i.message)).toEqual([expect.stringMatching(/pump\.json is not JSON/)]);
    writeFileSync(join(dir, "pump.json"), JSON.stringify(profile));
    writeFileSync(join(dir, "devices.json"), '{"p-1": "pump", "p-2": "pumps"}');
    const unknown = await readFleetProfiles(dir);
    expect(unknown.ok || unknown.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["devices.p-2", 'The device p-2 names the profile "pumps", which there is not.'],
    ]);
    const none = await readFleetProfiles(join(dir, "nowhere"));
    expect(none.ok || none.issues[0]?.message).toMatch(/cannot be read as a folder \(ENOENT\)/);
  });
});

describe("fleetProfiles", () => {
  it("takes `*` as the profile of every device not named", () => {
    const r = fleetProfiles({ pump: profile }, { "*": "pump", "p-1": "pump" });
    expect(r.ok && [r.value.otherDevices, r.value.devices.size]).toEqual(["pump", 1]);
  });

  it("puts each profile's issues under its name", () => {
    const r = fleetProfiles(
      { pump: { ...profile, metrics: { cpu: { unit: "%", operating: { min: 5, max: 1 } } } } },
      {},
    );
    expect(r.ok || r.issues[0]?.path.slice(0, 2)).toEqual(["profiles", "pump"]);
  });

  test.prop([fc.anything(), fc.anything()])(
    "answers anything that is not profiles and devices with issues, never a throw",
    (a, b) => {
      const r = fleetProfiles(a as never, b as never);
      if (r.ok) expect(r.value.profiles).toBeInstanceOf(Map);
    },
  );
});
