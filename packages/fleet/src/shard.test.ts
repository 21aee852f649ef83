import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { decodeCheckpoint, encodeCheckpoint } from "./checkpoint.js";
import { eventId } from "./event-id.js";
import { maxShards, shardKeys, shardOf } from "./shard.js";
import { compareIds } from "./stream-id.js";

describe("shardOf", () => {
  it("is the first four bytes of the SHA-256 of the id, modulo the shards, the same in every release", () => {
    // `printf us-17 | sha256sum` begins 22ba2aa7 (582,625,959); the empty id's digest begins
    // e3b0c442 (3,820,012,610). Pinned, so that a change of the rule fails here.
    expect([1, 2, 3, 8, 16_384].map((n) => shardOf("us-17", n))).toEqual(
      [0, 1, 0, 7, 10_919].map((value) => ({ ok: true, value })),
    );
    expect(shardOf("", 7)).toEqual({ ok: true, value: 3_820_012_610 % 7 });
  });

  test.prop([fc.string(), fc.integer({ min: 1, max: maxShards })])(
    "gives a shard from 0 to shards - 1",
    (device, shards) => {
      const r = shardOf(device, shards);
      expect(r.ok && r.value >= 0 && r.value < shards && Number.isInteger(r.value)).toBe(true);
    },
  );

  it("spreads 80,000 devices over 8 shards within 3 % of an even share", () => {
    const counts = new Array(8).fill(0);
    for (let d = 0; d < 80_000; d++) {
      const r = shardOf(`device-${d}`, 8);
      if (r.ok) counts[r.value]++;
    }
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(300);
  });

  test.prop([fc.anything(), fc.oneof(fc.anything(), fc.constantFrom(0, -1, 1.5, maxShards + 1, Number.NaN))])(
    "answers arguments that are not an id and a number of shards with issues",
    (device, shards) => {
      const r = shardOf(device as string, shards as number);
      if (
        typeof device === "string" &&
        Number.isInteger(shards) &&
        (shards as number) >= 1 &&
        (shards as number) <= maxShards
      )
        expect(r.ok).toBe(true);
      else expect(r.ok).toBe(false);
    },
  );
});

describe("shardKeys", () => {
  test.prop([fc.stringMatching(/^[^{}\s]{1,20}$/), fc.integer({ min: 0, max: maxShards - 1 })])(
    "gives keys that all carry the shard as their one hash tag, so that they share a hash slot",
    (prefix, shard) => {
      const r = shardKeys(prefix, shard);
      if (!r.ok) throw new Error("refused");
      for (const key of Object.values(r.value)) {
        expect(key.match(/\{[^}]*\}/g)).toEqual([`{${shard}}`]);
        expect(key.startsWith(`${prefix}:`)).toBe(true);
      }
    },
  );

  it("refuses a prefix with braces or spaces, and a shard out of range", () => {
    expect(shardKeys("a{b", 0).ok).toBe(false);
    expect(shardKeys("a b", 0).ok).toBe(false);
    expect(shardKeys("a", maxShards).ok).toBe(false);
    expect(shardKeys(Symbol() as unknown as string, 0).ok).toBe(false);
  });
});

describe("eventId", () => {
  const events = fc.record({
    device: fc.string(),
    metric: fc.string(),
    at: fc.double(),
    kind: fc.constantFrom("fired", "resolved", "stale", "rejected" as const),
  });

  test.prop([events, events])(
    "is the same for the same device, metric, time and kind, and differs otherwise",
    (a, b) => {
      const same = a.device === b.device && a.metric === b.metric && Object.is(a.at, b.at) && a.kind === b.kind;
      const x = eventId(a);
      const y = eventId(b);
      if (!x.ok || !y.ok) throw new Error("refused");
      expect(x.value).toMatch(/^[0-9a-f]{32}$/);
      // JSON writes -0 as 0 and NaN as null: those are the same time to the id.
      const sameJson =
        JSON.stringify([a.device, a.metric, a.at, a.kind]) === JSON.stringify([b.device, b.metric, b.at, b.kind]);
      expect(x.value === y.value).toBe(same || sameJson);
    },
  );

  test.prop([fc.anything()])("answers what is not an event with issues", (value) => {
    const r = eventId(value as never);
    if (r.ok) expect(r.value).toMatch(/^[0-9a-f]{32}$/);
    else expect(r.issues[0]?.code).toBe("invalid-type");
  });
});

describe("the checkpoint", () => {
  const checkpoints = fc.record({
    position: fc.tuple(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), fc.nat()).map(([ms, seq]) => `${ms}-${seq}`),
    clock: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(Number.NEGATIVE_INFINITY)),
    tick: fc.oneof(fc.integer(), fc.constant(Number.NEGATIVE_INFINITY)),
    monitors: fc
      .uniqueArray(fc.tuple(fc.string(), fc.uint8Array({ maxLength: 50 })), { selector: ([n]) => n })
      .map((l) => new Map(l)),
  });

  test.prop([checkpoints])("reads back what it wrote", (checkpoint) => {
    const r = decodeCheckpoint(encodeCheckpoint(checkpoint));
    expect(r).toEqual({ ok: true, value: { ...checkpoint, clock: checkpoint.clock === 0 ? 0 : checkpoint.clock } });
  });

  test.prop([fc.uint8Array({ maxLength: 300 })])("answers bytes that are not a checkpoint with issues", (bytes) => {
    expect(decodeCheckpoint(bytes).ok).toBe(false);
  });

  test.prop([checkpoints, fc.nat(), fc.integer({ min: 1, max: 255 })])(
    "answers a checkpoint with one byte changed with a checkpoint or issues, never a throw",
    (checkpoint, where, delta) => {
      const bytes = encodeCheckpoint(checkpoint);
      const i = where % bytes.length;
      bytes[i] = ((bytes[i] as number) + delta) & 0xff;
      const r = decodeCheckpoint(bytes);
      if (r.ok) expect(typeof r.value.position).toBe("string");
    },
  );
});

describe("compareIds", () => {
  const ids = fc.tuple(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }));
  test.prop([ids, ids])("orders stream ids as Redis does: by time, then by sequence", ([am, as], [bm, bs]) => {
    const expected = am === bm ? Math.sign(Number(as - bs)) : Math.sign(Number(am - bm));
    expect(Math.sign(compareIds(`${am}-${as}`, `${bm}-${bs}`))).toBe(expected);
  });
});
