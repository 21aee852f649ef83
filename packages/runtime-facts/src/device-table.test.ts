import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { DeviceTable, FAILSAFE, NORMAL, PENDING, WARNING } from "./device-table.js";

describe("DeviceTable", () => {
  test.prop([fc.array(fc.string({ maxLength: 3 }), { maxLength: 200 }), fc.integer({ min: 1, max: 5 })])(
    "gives each device one slot, in the order first seen, and keeps every cell through growth",
    (devices, metricCount) => {
      const table = new DeviceTable(metricCount);
      const seen: string[] = [];
      for (const id of devices) {
        const before = table.find(id);
        const slot = table.slotOf(id);
        if (before < 0) seen.push(id);
        else expect(slot).toBe(before);
        expect(table.ids[slot]).toBe(id);
        // Every slot's first cell in breach since its slot number: growth must keep them all.
        if (before < 0) table.breach(slot, slot * metricCount, PENDING, slot);
        table.touch(slot, slot * metricCount, slot + 1);
      }
      expect(table.ids).toEqual(seen);
      seen.forEach((_, slot) => {
        expect(table.level[slot * metricCount]).toBe(PENDING);
        expect(table.since[slot * metricCount]).toBe(slot);
        expect(table.active[slot]).toBe(1);
        expect(table.lastOf(slot, slot * metricCount)).toBe(slot + 1);
        if (metricCount > 1) expect(table.lastOf(slot, slot * metricCount + 1)).toBe(Number.NEGATIVE_INFINITY);
      });
    },
  );

  it("counts a device's metrics that are not NORMAL across breach, warn and calm", () => {
    const table = new DeviceTable(3);
    const slot = table.slotOf("a");
    table.breach(slot, 0, PENDING, 10);
    table.breach(slot, 1, FAILSAFE, 20);
    expect(table.active[slot]).toBe(2);
    table.warn(0);
    table.breach(slot, 0, FAILSAFE, 30);
    expect([table.level[0], table.since[0], table.active[slot]]).toEqual([FAILSAFE, 30, 2]);
    table.calm(slot, 0);
    table.calm(slot, 1);
    expect([table.level[0], table.level[1], table.active[slot]]).toEqual([NORMAL, NORMAL, 0]);
    expect(WARNING).toBeGreaterThan(PENDING);
  });

  it("marks a cell stale once, and a full reading clears every mark of its device", () => {
    const table = new DeviceTable(2);
    const slot = table.slotOf("a");
    expect(table.markStale(slot, 0, 1_000, 10)).toBe(false); // never sampled
    table.touch(slot, 0, 0);
    table.touch(slot, 1, 0);
    expect(table.markStale(slot, 0, 5, 10)).toBe(false);
    expect(table.markStale(slot, 0, 11, 10)).toBe(true);
    expect(table.markStale(slot, 0, 50, 10)).toBe(false); // already marked
    expect(table.markStale(slot, 1, 11, 10)).toBe(true);
    table.touchAll(slot, 100);
    expect(table.latestAt[slot]).toBe(100);
    expect(table.markStale(slot, 0, 105, 10)).toBe(false);
    expect(table.markStale(slot, 1, 111, 10)).toBe(true);
  });

  it("records only the sampled values of a partial reading, never one older than a metric's last", () => {
    const table = new DeviceTable(3);
    const slot = table.slotOf("a");
    table.touch(slot, 1, 50);
    table.touchSampled(slot, 40, [1, 2, Number.NaN], 3);
    expect([table.lastOf(slot, 0), table.lastOf(slot, 1), table.lastOf(slot, 2)]).toEqual([
      40,
      50,
      Number.NEGATIVE_INFINITY,
    ]);
    expect(table.latestAt[slot]).toBe(50);
  });
});
