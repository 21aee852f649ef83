import { fc, test } from "@fast-check/vitest";
import { unwrap } from "@miotsec/core";
import { describe, expect, it } from "vitest";
import { catalogArbitrary, profileArbitrary } from "./arbitraries.test-support.js";
import { diffCatalogs } from "./diff.js";
import { miotCatalog } from "./miot-catalog.js";
import { applyProfile } from "./profile.js";

describe("diffCatalogs", () => {
  test.prop([catalogArbitrary])("a catalog differs from itself in nothing", (catalog) => {
    const d = unwrap(diffCatalogs(catalog, catalog));
    expect(d).toMatchObject({
      added: [],
      removed: [],
      changed: [],
      changedParameters: [],
      unchanged: catalog.requirements.length,
    });
  });

  test.prop([catalogArbitrary.chain((c) => fc.tuple(fc.constant(c), profileArbitrary(c)))])(
    "added, removed, changed and unchanged account for every requirement of both catalogs",
    ([catalog, profile]) => {
      const r = applyProfile(catalog, profile);
      if (!r.ok) return;
      const d = unwrap(diffCatalogs(catalog, r.value));
      expect(d.removed.length + d.changed.length + d.unchanged).toBe(catalog.requirements.length);
      expect(d.added.length + d.changed.length + d.unchanged).toBe(r.value.requirements.length);
      const reversed = unwrap(diffCatalogs(r.value, catalog));
      expect(reversed.added.map((q) => q.id)).toEqual(d.removed.map((q) => q.id));
    },
  );

  it("lists what a tailoring changed, field by field", () => {
    const r = applyProfile(miotCatalog, {
      schemaVersion: 1,
      id: "p",
      title: "P",
      remove: ["usability"],
      alter: [{ id: "updates.1.1", text: "Monthly updates" }],
      setParameters: { "threats.5.1.threshold": 3 },
    });
    if (!r.ok) throw new Error("fixture");
    const d = unwrap(diffCatalogs(miotCatalog, r.value));
    expect(d.removed.map((q) => q.id)).toEqual([
      "usability.1.1",
      "usability.2.1",
      "usability.3.1",
      "usability.4.1",
      "usability.5.1",
    ]);
    expect(d.changed).toMatchObject([{ id: "updates.1.1", fields: ["text"] }]);
    expect(d.changedParameters).toMatchObject([
      { id: "threats.5.1.threshold", before: { value: 5 }, after: { value: 3 } },
    ]);
    expect(d.from).toEqual({ id: "miot-maturity", version: "1.0.0" });
  });
});

describe("diffCatalogs: bad input", () => {
  test.prop([fc.anything()])("answers anything that is not a catalog with issues under from or to", (x) => {
    const to = diffCatalogs(miotCatalog, x as never);
    const from = diffCatalogs(x as never, miotCatalog);
    expect(to.ok).toBe(false);
    expect(from.ok).toBe(false);
    if (!to.ok) for (const i of to.issues) expect(i.path[0]).toBe("to");
    if (!from.ok) for (const i of from.issues) expect(i.path[0]).toBe("from");
  });
});
