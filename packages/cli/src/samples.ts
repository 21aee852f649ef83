import { createReadStream } from "node:fs";
import { extname } from "node:path";
import { dateTimeMs } from "@miotsec/core";
import type { Sample } from "@miotsec/runtime-facts";
import { fileSize, UsageError } from "./io.js";

/** The longest line a sample file may have; a longer one is an error, never a buffer that grows without end. */
const maxLineChars = 1 << 20;
const columns = ["device", "metric", "value", "unit", "at"] as const;

/** Splits one CSV record (RFC 4180 quoting, one physical line). */
function csvFields(line: string): string[] | undefined {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = "";
      i++;
      for (;;) {
        const close = line.indexOf('"', i);
        if (close < 0) return undefined;
        value += line.slice(i, close);
        if (line[close + 1] === '"') {
          value += '"';
          i = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      fields.push(value);
      if (i === line.length) return fields;
      if (line[i] !== ",") return undefined;
      i++;
    } else {
      const comma = line.indexOf(",", i);
      fields.push(line.slice(i, comma < 0 ? line.length : comma).trim());
      if (comma < 0) return fields;
      i = comma + 1;
    }
  }
}

const fail = (file: string, line: number, path: string, message: string): never => {
  throw new UsageError(`${file}: line ${line}: ${path}: ${message}`);
};

/** A time without seconds (`2026-11-28T08:00Z`), as ISO 8601 allows: its seconds are :00. */
const withoutSeconds = /^(\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2})([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * Milliseconds since 1970 of an RFC 3339 date-time with a real calendar date (a leap second and
 * lowercase `t` and `z` included, as RFC 3339 allows), or of one without seconds; else NaN.
 */
function timeOf(text: string): number {
  const m = withoutSeconds.exec(text);
  return dateTimeMs(m === null ? text : `${m[1]}:00${m[2]}`) ?? Number.NaN;
}

/** A number as JSON writes it (no `0x63`, no `1_000`, no `Infinity`), or undefined. */
const jsonNumber = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** A CSV cell as a number: JSON's grammar, or `NaN` for "not sampled"; undefined for anything else. */
function numberOf(cell: string): number | undefined {
  const text = cell.trim();
  if (/^nan$/i.test(text)) return Number.NaN;
  return jsonNumber.test(text) ? Number(text) : undefined;
}

/** A sample from its parsed fields, checked; `at` is ms since 1970 or an ISO 8601 date-time. */
function sampleOf(file: string, line: number, record: Record<string, unknown>): Sample {
  const text = (key: "device" | "metric" | "unit") => {
    const value = record[key];
    if (typeof value !== "string" || value === "" || value.length > 200)
      fail(file, line, `$.${key}`, "expected a non-empty string of at most 200 characters");
    return value as string;
  };
  const device = text("device");
  const metric = text("metric");
  const unit = text("unit");
  const value = record.value;
  if (typeof value !== "number") fail(file, line, "$.value", "expected a number");
  const rawAt = record.at;
  const at = typeof rawAt === "string" ? timeOf(rawAt) : rawAt;
  if (typeof at !== "number" || !(Math.abs(at) <= 8.64e15))
    fail(file, line, "$.at", "expected a time: milliseconds since 1970 or an RFC 3339 date-time");
  return { device, metric, value: value as number, unit, at: at as number };
}

/** Progress of a read: bytes read of the file's size. */
export interface ReadProgress {
  readonly bytes: number;
  readonly total: number;
}

/**
 * The samples of an NDJSON or CSV file (by its extension; `.csv` is CSV), streamed in 1 MiB
 * chunks so that memory does not grow with the file. A bad line fails with its number and field.
 */
export async function* readSamples(file: string, onProgress?: (p: ReadProgress) => void): AsyncGenerator<Sample> {
  const total = fileSize(file);
  const csv = extname(file).toLowerCase() === ".csv";
  let header: Map<string, number> | undefined;
  let rest = "";
  let lineNumber = 0;
  let bytes = 0;
  let count = 0;

  function* lines(text: string): Generator<Sample> {
    lineNumber++;
    const line = lineNumber === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    if (line.trim() === "") return;
    if (csv) {
      const fields = csvFields(line.replace(/\r$/, ""));
      if (fields === undefined) fail(file, lineNumber, "$", "unbalanced quotes in a CSV record");
      const values = fields as string[];
      if (header === undefined) {
        header = new Map(values.map((name, i) => [name.toLowerCase(), i]));
        const missing = columns.find((c) => !header?.has(c));
        if (missing !== undefined) fail(file, lineNumber, "$", `the header row has no "${missing}" column`);
        return;
      }
      const record: Record<string, unknown> = {};
      for (const c of columns) record[c] = values[header.get(c) as number];
      record.value = numberOf(String(record.value ?? ""));
      const at = String(record.at ?? "");
      record.at = numberOf(at) ?? at;
      count++;
      yield sampleOf(file, lineNumber, record);
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (error) {
      fail(file, lineNumber, "$", `not valid JSON (${(error as Error).message})`);
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
      fail(file, lineNumber, "$", "expected an object");
    count++;
    yield sampleOf(file, lineNumber, parsed as Record<string, unknown>);
  }

  try {
    for await (const chunk of createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 })) {
      const text = rest + (chunk as string);
      bytes += Buffer.byteLength(chunk as string);
      let start = 0;
      for (let end = text.indexOf("\n"); end >= 0; end = text.indexOf("\n", start)) {
        yield* lines(text.slice(start, end));
        start = end + 1;
      }
      rest = text.slice(start);
      if (rest.length > maxLineChars) fail(file, lineNumber + 1, "$", "a line longer than 1 MiB");
      onProgress?.({ bytes, total });
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  if (rest !== "") yield* lines(rest);
  if (count === 0)
    throw new UsageError(`${file}: ${header === undefined ? "the file is empty" : "no samples after the header row"}`);
}
