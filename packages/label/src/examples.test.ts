import { readFileSync } from "node:fs";
import { compareEndpoints } from "@miotsec/runtime-facts/endpoints";
import { describe, expect, it } from "vitest";
import { parseLabel } from "./parse-label.js";

const read = (path: string) => JSON.parse(readFileSync(new URL(`../../../examples/${path}`, import.meta.url), "utf8"));

describe("Table I of the paper", () => {
  it("is reproduced by table-1.label.json, value for value", () => {
    const label = parseLabel(read("labels/table-1.label.json"));
    if (!label.ok) throw new Error(JSON.stringify(label.issues));
    const c = label.value.components;
    expect(c.sensors).toMatchObject([
      { name: "Temperature Sensor", measures: "Temperature", unit: "°C" },
      { name: "Location Sensor", measures: "GPS, latitude and longitude" },
    ]);
    expect(c.actuators).toEqual([{ name: "Electric Motor", action: "Rotation" }]);
    expect(c.connectivity).toEqual([
      { protocol: "MQTT", scope: "cloud" },
      { protocol: "Bluetooth", scope: "local" },
    ]);
    expect(c.cloudLocation).toEqual([{ country: "IT" }]);
    expect(c.storageLocation).toEqual([{ country: "NL" }]);
    expect(c.storedAttributes).toEqual([
      { name: "GPS (latitude and longitude)", cycle: "every minute" },
      { name: "Temperature", cycle: "every minute" },
    ]);
    expect(c.userControl).toEqual(["app", "device"]);
    expect(c.dataDeletion).toEqual({ from: "easy", to: "complex" });
  });
});

describe("the §VI examples", () => {
  it.each(["ultrasound-wifi", "ultrasound-usbc"])(
    "the %s label declares every endpoint its app was seen to use",
    (name) => {
      const label = parseLabel(read(`labels/${name}.label.json`));
      if (!label.ok || typeof label.value.runtime !== "object") throw new Error("fixture");
      const r = compareEndpoints(label.value.runtime.endpoints, read(`traffic/${name}.observed.json`));
      expect(r.ok && r.value.findings.every((f) => f.kind === "declared")).toBe(true);
    },
  );

  it("shows the wired scanner's third parties and their country, as the paper found them", () => {
    const label = parseLabel(read("labels/ultrasound-usbc.label.json"));
    if (!label.ok || typeof label.value.runtime !== "object") throw new Error("fixture");
    const r = compareEndpoints(label.value.runtime.endpoints, read("traffic/ultrasound-usbc.observed.json"));
    expect(r.ok && r.value.thirdParties).toHaveLength(7);
    expect(r.ok && r.value.countries).toEqual(["US"]);
  });
});
