// Files the command reads and writes: what it refuses, and what it must not change.
import { execFileSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { json, jsonPieces } from "./commands/shared.js";
import { labelFile, miotsec, miotsecWith, scratch } from "./fixtures.test-support.js";
import { readText, writeAtomic } from "./io.js";

const wifi = readFileSync(labelFile("ultrasound-wifi"), "utf8");

describe("reading files", () => {
  const dir = scratch();

  test.prop([fc.uint8Array({ minLength: 1, maxLength: 64 })])(
    "refuses text that is not UTF-8 with the offset where it stops being UTF-8",
    (bytes) => {
      const prefix = Buffer.from('{"a":"héllo ✓ 😀 \uFFFD"');
      const file = join(dir, "bytes.json");
      const content = Buffer.concat([prefix, Buffer.from(bytes)]);
      writeFileSync(file, content);
      // The oracle: the longest prefix the WHATWG decoder takes as complete UTF-8.
      const decoder = new TextDecoder("utf-8", { fatal: true });
      const complete = (n: number) => {
        try {
          decoder.decode(content.subarray(0, n));
          return true;
        } catch {
          return false;
        }
      };
      if (complete(content.length)) {
        expect(() => readText(file)).not.toThrow(/not UTF-8/u);
        return;
      }
      let offset = content.length;
      while (!complete(offset)) offset--;
      expect(() => readText(file)).toThrow(`not UTF-8 from byte offset ${offset} on`);
    },
  );

  it.each([
    ["UTF-16 little endian", Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]), "the file is UTF-16"],
    ["UTF-16 big endian", Buffer.from([0xfe, 0xff, 0x00, 0x7b, 0x00, 0x7d]), "the file is UTF-16"],
    ["UTF-32 little endian", Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x7b, 0, 0, 0]), "the file is UTF-32"],
    ["empty", Buffer.from(""), "the file is empty"],
    ["a UTF-8 byte-order mark and spaces", Buffer.from("\uFEFF  \n"), "the file is empty"],
  ])("names a file that is %s", async (_, bytes, message) => {
    const file = join(dir, "encoded.json");
    writeFileSync(file, bytes);
    const r = await miotsec("label", "validate", file);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });

  it("names a symbolic link loop, a directory, a named pipe and a device for what they are", async () => {
    const loop = join(dir, "loop.json");
    symlinkSync("loop.json", loop);
    const fifo = join(dir, "pipe.json");
    execFileSync("mkfifo", [fifo]);
    const cases: [string, string][] = [
      [loop, "too many levels of symbolic links"],
      [dir, "is a directory, not a regular file"],
      [fifo, "is a named pipe, not a regular file"],
      ["/dev/null", "is a character device, not a regular file"],
    ];
    for (const [file, message] of cases) {
      const r = await miotsec("label", "validate", file);
      expect(r, file).toMatchObject({ code: 2 });
      expect(r.err).toContain(message);
      expect(r.err.split("\n")).toHaveLength(2);
    }
  });

  it("reads a file whose size the system reports as 0 but that holds text (/proc)", async () => {
    const r = await miotsec("label", "validate", "/proc/self/status");
    expect(r.err).toContain("not valid JSON");
    expect(r.err).not.toContain("empty");
  });
});

describe("writing --out", () => {
  const dir = scratch();
  const render = (out: string) => miotsec("label", "render", labelFile("ultrasound-wifi"), "--out", out);

  it("keeps an existing file's mode: a private report stays private", async () => {
    const out = join(dir, "private.svg");
    writeFileSync(out, "old");
    chmodSync(out, 0o600);
    expect((await render(out)).code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readFileSync(out, "utf8")).toMatch(/^<svg/u);
  });

  it("writes through a symbolic link to its file, and leaves the link a link", async () => {
    const target = join(dir, "target.svg");
    writeFileSync(target, "old");
    chmodSync(target, 0o640);
    const link = join(dir, "link.svg");
    symlinkSync("target.svg", link);
    expect((await render(link)).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe("target.svg");
    expect(readFileSync(target, "utf8")).toMatch(/^<svg/u);
    expect(statSync(target).mode & 0o777).toBe(0o640);
  });

  it("refuses a link to nothing, a directory, a named pipe and a device, and changes none of them", async () => {
    const dangling = join(dir, "dangling.svg");
    symlinkSync("nowhere.svg", dangling);
    const fifo = join(dir, "out.fifo");
    execFileSync("mkfifo", [fifo]);
    const sub = join(dir, "sub");
    mkdirSync(sub);
    for (const [out, message] of [
      [dangling, "a file that does not exist"],
      [sub, "is a directory"],
      [fifo, "is a named pipe"],
      ["/dev/null", "is a character device"],
    ] as const) {
      const r = await render(out);
      expect(r.code, out).toBe(2);
      expect(r.err).toContain(message);
    }
    expect(lstatSync(dangling).isSymbolicLink()).toBe(true);
    expect(existsSync(join(dir, "nowhere.svg"))).toBe(false);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test.prop([fc.array(fc.string({ maxLength: 30 }), { maxLength: 20 })])(
    "writes a document given in pieces as the same text",
    (pieces) => {
      const out = join(dir, "pieces.txt");
      writeAtomic(out, pieces);
      expect(readFileSync(out, "utf8")).toBe(pieces.join(""));
    },
  );
});

describe("the demo's report directory", () => {
  it("is left as it was when the demo fails", async () => {
    const dir = scratch();
    const examples = join(dir, "examples");
    mkdirSync(join(examples, "assessments"), { recursive: true });
    writeFileSync(join(examples, "assessments", "hospital.assessment.yaml"), "schemaVersion: 1\n");
    mkdirSync(join(examples, "labels"));
    const fresh = join(dir, "fresh-report");
    const r = await miotsec("demo", "--examples", examples, "--out", fresh, "--as-of", "2026-11-28");
    expect(r.code).toBe(2);
    expect(existsSync(fresh)).toBe(false);
    const earlier = join(dir, "earlier-report");
    mkdirSync(earlier);
    writeFileSync(join(earlier, "index.html"), "the earlier report");
    expect((await miotsec("demo", "--examples", examples, "--out", earlier, "--as-of", "2026-11-28")).code).toBe(2);
    expect(readdirSync(earlier)).toEqual(["index.html"]);
    expect(readFileSync(join(earlier, "index.html"), "utf8")).toBe("the earlier report");
    expect(readdirSync(dir).filter((f) => f.startsWith("."))).toEqual([]);
  });
});

describe("large JSON output", () => {
  test.prop([
    fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
    fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 5 }),
  ])("jsonPieces writes the text json writes", (head, list) => {
    fc.pre(!Object.hasOwn(head, "devices") && !Object.hasOwn(head, "__proto__"));
    expect([...jsonPieces(head, "devices", list)].join("")).toBe(json({ ...head, devices: list }));
  });

  it("compare --json writes the summary of 500,000 devices, more text than one string can hold", async () => {
    const dir = scratch();
    const samples = join(dir, "fleet.ndjson");
    // One fail-safe breach per device: each device's summary is about 1.3 kB.
    const lines: string[] = [];
    for (let i = 0; i < 500_000; i++)
      lines.push(`{"device":"d${String(i).padStart(6, "0")}","metric":"cpuPercent","value":99,"unit":"%","at":0}`);
    writeFileSync(samples, lines.join("\n"));
    let bytes = 0;
    let devices = 0;
    let tail = "";
    let head = "";
    const r = await miotsecWith(
      {
        out: (text) => {
          bytes += text.length;
          if (head.length < 300) head += text.slice(0, 300);
          // Device objects open at four spaces; counted across pieces, as a stream is read.
          const seen = tail + text;
          devices += seen.split('\n    {\n      "device": ').length - 1;
          tail = seen.slice(-40);
        },
      },
      "compare",
      labelFile("ultrasound-wifi"),
      samples,
      "--json",
    );
    expect(r.code).toBe(1);
    expect(r.err).toBe("");
    expect(devices).toBe(500_000);
    expect(bytes).toBeGreaterThan(2 ** 29);
    expect(head).toMatch(/^\{\n {2}"label": "wireless-scanner-example\.us-w1\.2026-1",/u);
    expect(tail.endsWith("\n  ]\n}\n")).toBe(true);
  }, 600_000);
});

describe("times and numbers in sample files", () => {
  const dir = scratch();
  const label = join(dir, "wifi.label.json");
  writeFileSync(label, wifi);

  it.each([
    ["a leap second", "2016-12-31T23:59:60Z"],
    ["lowercase t and z", "2026-11-28t08:00:00z"],
    ["an offset", "2026-11-28T09:00:00+01:00"],
    ["no seconds", "2026-11-28T08:00Z"],
  ])("reads %s as RFC 3339 allows", async (_, at) => {
    const file = join(dir, "times.ndjson");
    writeFileSync(file, JSON.stringify({ device: "d", metric: "cpuPercent", value: 99, unit: "%", at }));
    const r = await miotsec("compare", label, file, "--json");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).devices[0].events[0].at).toBe(
      Date.parse(at.replace(":60", ":59.999").replace("t", "T").replace("z", "Z")),
    );
  });

  it.each(["0x63", "1_000", "Infinity", "+5", ".5", "5.", "1e", "0b1", " - 5"])(
    "refuses the CSV value %s, which JSON does not write as a number",
    async (value) => {
      const file = join(dir, "values.csv");
      writeFileSync(file, `device,metric,value,unit,at\nd,cpuPercent,${value},%,0\n`);
      const r = await miotsec("compare", label, file);
      expect(r.code).toBe(2);
      expect(r.err).toContain("$.value: expected a number");
    },
  );

  it.each([
    ["99", 99],
    ["-0.5e2", -50],
    ["NaN", Number.NaN],
  ])("reads the CSV value %s", async (value, expected) => {
    const file = join(dir, "values.csv");
    writeFileSync(file, `device,metric,value,unit,at\nd,cpuPercent,${value},%,0\n`);
    const r = await miotsec("compare", label, file, "--json");
    expect(r.code).toBeLessThan(2);
    const events = JSON.parse(r.out).devices[0].events;
    if (Number.isNaN(expected)) expect(events[0]?.value).toBeNull();
    else if (expected > 40) expect(events[0]?.value).toBe(expected);
  });
});

describe("--as-of", () => {
  it("defaults to today's date in the user's time zone", () => {
    const bin = new URL("../dist/bin.js", import.meta.url).pathname;
    // At 23:30 UTC it is already the next day in Kiritimati (UTC+14) and still the same day in
    // Honolulu (UTC-10): the default date follows the zone, as the person means it.
    const dates = ["Pacific/Kiritimati", "Pacific/Honolulu", "UTC"].map((tz) => {
      const out = execFileSync(process.execPath, [bin, "best-before", labelFile("ultrasound-wifi"), "--json"], {
        env: { ...process.env, TZ: tz },
        encoding: "utf8",
      });
      return JSON.parse(out).asOf;
    });
    const now = new Date();
    const local = (tz: string) => new Intl.DateTimeFormat("en-CA", { timeZone: tz }).format(now);
    expect(dates).toEqual([local("Pacific/Kiritimati"), local("Pacific/Honolulu"), local("UTC")]);
    expect(dates[0]).not.toBe(dates[1]);
  });
});
