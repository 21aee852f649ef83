import { readFileSync } from "node:fs";
import { compareEndpoints } from "@miotsec/runtime-facts/endpoints";
import { describe, expect, it } from "vitest";
import { labelJsonSchema, parseLabel } from "./parse-label.js";

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

describe("the fully disclosed example", () => {
  type Schema = { $ref?: string; anyOf?: Schema[]; properties?: Record<string, Schema>; items?: Schema };
  const root = labelJsonSchema() as Schema & { $defs?: Record<string, Schema> };
  const resolved = (schema: Schema): Schema =>
    schema.$ref === undefined ? schema : resolved(root.$defs?.[schema.$ref.split("/").pop() as string] ?? {});
  /**
   * The fields the schema has and the document leaves out, as dotted paths. A field of a list's
   * items counts as given when one item gives it; of a choice (`anyOf`), the object or list
   * schema the value fits best is the one read.
   */
  function leftOut(schema: Schema, value: unknown, path: string): string[] {
    const s = resolved(schema);
    if (s.anyOf !== undefined) {
      const fitting = s.anyOf
        .map(resolved)
        .filter((a) => (Array.isArray(value) ? a.items !== undefined : typeof value === "object" && a.properties));
      const readings = fitting.map((a) => leftOut(a, value, path)).sort((a, b) => a.length - b.length);
      return readings[0] ?? [];
    }
    if (Array.isArray(value) && s.items !== undefined) {
      const items = s.items;
      const perItem = value.map((v) => new Set(leftOut(items, v, `${path}[]`)));
      return [...new Set(perItem.flatMap((missing) => [...missing]))].filter((p) => perItem.every((m) => m.has(p)));
    }
    if (typeof value !== "object" || value === null || s.properties === undefined) return [];
    return Object.entries(s.properties).flatMap(([key, field]) => {
      const at = path === "" ? key : `${path}.${key}`;
      return key in value ? leftOut(field, (value as Record<string, unknown>)[key], at) : [at];
    });
  }
  const full = read("labels/infusion-pump-full.label.json");

  it("gives every field of the label schema a manufacturer can give, so that it shows vendors the whole label", () => {
    expect(leftOut(root, full, "")).toEqual([
      "$schema", // a pointer for editors, not a fact of the device
      "lifecycle.purchaseDate", // the hospital's date, which the manufacturer does not know
      "runtime.$schema",
      "signatures", // added by signing (examples/signatures)
    ]);
  });

  it("answers no field with not-disclosed or not-applicable", () => {
    expect(JSON.stringify(full)).not.toMatch(/"not-(disclosed|applicable)"/);
    expect(parseLabel(full).ok).toBe(true);
  });

  it("leftOut sees a field that is left out, at any depth and in every item of a list", () => {
    const { criticality, ...identity } = full.identity;
    expect(criticality).toBe("high");
    expect(leftOut(root, { ...full, identity }, "")).toContain("identity.criticality");
    const components = full.lifecycle.components.map(({ kind, ...rest }: Record<string, unknown>) => rest);
    expect(leftOut(root, { ...full, lifecycle: { ...full.lifecycle, components } }, "")).toContain(
      "lifecycle.components[].kind",
    );
  });
});
