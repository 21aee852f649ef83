import { isUtf8 } from "node:buffer";
import { randomBytes } from "node:crypto";
import {
  chmodSync,
  chownSync,
  closeSync,
  fstatSync,
  ftruncateSync,
  lstatSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import type { Issue } from "@miotsec/core";

import { UsageError } from "./errors.js";

export { UsageError };

/** The largest file read whole; larger sample files are streamed by `compare`. */
export const maxFileBytes = 64 * 2 ** 20;

/** What a file that is not a regular file is, in words, or undefined for a regular file. */
function kindOf(stat: Stats): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return "a directory";
  if (stat.isFIFO()) return "a named pipe";
  if (stat.isCharacterDevice()) return "a character device";
  if (stat.isBlockDevice()) return "a block device";
  if (stat.isSocket()) return "a socket";
  return "not a regular file";
}

/** A file system error in words, for one line. */
function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ELOOP") return "too many levels of symbolic links";
  if (code === "ENOTDIR") return "a part of the path is not a directory";
  if (code === "ENAMETOOLONG") return "the file name is too long";
  if (code === "EISDIR") return "is a directory";
  return `cannot read (${code ?? "error"})`;
}

/**
 * Fails with a {@link UsageError} unless `file` is a regular file (after symbolic links), saying
 * what it is instead; returns its size. A size of 0 may still hold text (files of /proc).
 */
export function fileSize(file: string): number {
  let stat: Stats;
  try {
    stat = statSync(file);
  } catch (error) {
    throw new UsageError(`${file}: ${reason(error)}`);
  }
  const kind = kindOf(stat);
  if (kind !== undefined) throw new UsageError(`${file}: is ${kind}, not a regular file`);
  return stat.size;
}

/** Where the bytes stop being UTF-8: the offset of the first byte of the first sequence that is not. */
function firstInvalidByte(bytes: Buffer): number {
  // Node's decoder writes U+FFFD for each bad sequence; the first one not written as EF BF BD
  // in the file is where the file stops being UTF-8.
  const text = bytes.toString("utf8");
  let from = 0;
  for (;;) {
    const at = text.indexOf("\uFFFD", from);
    if (at < 0) return bytes.length;
    const offset = Buffer.byteLength(text.slice(0, at), "utf8");
    if (!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) return offset;
    from = at + 1;
  }
}

/**
 * The text of a file without a byte-order mark, or a {@link UsageError} that names the file and
 * what is wrong with it: not a regular file, empty, larger than 64 MiB, UTF-16 or UTF-32 (by its
 * byte-order mark), or not UTF-8 (with the byte offset where it stops being UTF-8).
 */
export function readText(file: string): string {
  fileSize(file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new UsageError(`${file}: ${reason(error)}`);
  }
  if (bytes.length > maxFileBytes) throw new UsageError(`${file}: larger than 64 MiB`);
  if (bytes.length === 0) throw new UsageError(`${file}: the file is empty`);
  if (bytes[0] === 0x00 && bytes[1] === 0x00 && bytes[2] === 0xfe && bytes[3] === 0xff)
    throw new UsageError(`${file}: the file is UTF-32 (it starts with a byte-order mark); save it as UTF-8`);
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0x00 && bytes[3] === 0x00)
    throw new UsageError(`${file}: the file is UTF-32 (it starts with a byte-order mark); save it as UTF-8`);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new UsageError(`${file}: the file is UTF-16 (it starts with a byte-order mark); save it as UTF-8`);
  if (!isUtf8(bytes))
    throw new UsageError(`${file}: not UTF-8 from byte offset ${firstInvalidByte(bytes)} on; save it as UTF-8`);
  let text = bytes.toString("utf8");
  text = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (text.trim() === "") throw new UsageError(`${file}: the file is empty`);
  return text;
}

/** Whether a file name says YAML (`.yaml`, `.yml`). */
export const isYamlFile = (file: string): boolean => /^\.ya?ml$/i.test(extname(file));

/**
 * A file's document: YAML for `.yaml`/`.yml` (YAML 1.2 core schema, no aliases, unique keys),
 * JSON otherwise; or a {@link UsageError} with the file and where it breaks.
 */
export async function readDocument(file: string): Promise<unknown> {
  const text = readText(file);
  if (isYamlFile(file)) {
    const { parse } = await import("yaml");
    try {
      // Aliases are refused: a few lines of them can expand to gigabytes ("billion laughs").
      return parse(text, { maxAliasCount: 0, uniqueKeys: true, prettyErrors: false, merge: false });
    } catch (error) {
      const first = ((error as Error).message ?? "").split("\n")[0];
      throw new UsageError(`${file}: not valid YAML (${first})`);
    }
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: not valid JSON (${(error as Error).message})`);
  }
}

/** The first issue of a failed parse as one line: file, JSON path, message, and how many more there are. */
export async function issueLine(file: string, issues: readonly Issue[], more = "more"): Promise<string> {
  // Loaded here, not at start-up: only a failed parse needs it, and the parser has loaded it.
  const { pathText } = await import("@miotsec/core/internal");
  const [first] = issues;
  const path = pathText(first?.path ?? []);
  const rest = issues.length > 1 ? ` (and ${issues.length - 1} ${more})` : "";
  const message = first?.message ?? "invalid";
  // Most messages name their path already ("$.facts.nope is not a fact ..."): a path is said once.
  const where = message.includes(path) ? "" : `${path}: `;
  return `${file}: ${where}${message}${rest}`;
}

/** What {@link writeAtomic} writes: one text, or its pieces in order (a large JSON document). */
export type Content = string | Iterable<string>;

/** Writes every piece of `content` to an open file, in blocks of about 64 KiB. */
function writeAll(fd: number, content: Content): void {
  if (typeof content === "string") {
    writeSync(fd, content);
    return;
  }
  let block = "";
  for (const piece of content) {
    block += piece;
    if (block.length >= 1 << 16) {
      writeSync(fd, block);
      block = "";
    }
  }
  if (block !== "") writeSync(fd, block);
}

/**
 * Writes `--out` (or a file of the demo's report) without changing what the name stands for:
 *
 * - a new file is written to a temporary file beside it and renamed, so a reader never sees half
 *   a file and a failed write leaves nothing;
 * - an existing regular file is replaced the same way, keeping its mode (a private 0600 report
 *   stays private) and its owner; where the owner cannot be kept (another user's file that this
 *   user may write), it is written in place instead, which keeps both but is not atomic;
 * - a symbolic link is written through, to the file it points at, by the same rules;
 * - anything else (a directory, a named pipe, a device) is refused, and so is a link to nothing.
 */
export function writeAtomic(file: string, content: Content): void {
  let target = file;
  let existing: Stats | undefined;
  try {
    const link = lstatSync(file);
    if (link.isSymbolicLink()) {
      try {
        target = realpathSync(file);
      } catch (error) {
        throw new UsageError(
          `${file}: is a symbolic link to ${(error as NodeJS.ErrnoException).code === "ELOOP" ? "itself (too many levels of symbolic links)" : "a file that does not exist"}; --out writes through links to existing files only`,
        );
      }
      existing = statSync(target);
    } else existing = link;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if ((error as NodeJS.ErrnoException).code !== "ENOENT")
      throw new UsageError(`${file}: cannot write (${reason(error)})`);
  }
  if (existing !== undefined) {
    const kind = kindOf(existing);
    if (kind !== undefined) throw new UsageError(`${file}: is ${kind}; --out writes regular files only`);
  }
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, "wx", existing === undefined ? 0o666 : existing.mode & 0o7777);
    if (existing !== undefined) {
      // openSync's mode is cut by the umask; the file's own mode is what it keeps.
      chmodSync(temporary, existing.mode & 0o7777);
      const own = fstatSync(fd);
      if (own.uid !== existing.uid || own.gid !== existing.gid) {
        try {
          chownSync(temporary, existing.uid, existing.gid);
        } catch {
          closeSync(fd);
          fd = undefined;
          unlinkSync(temporary);
          writeInPlace(file, target, content);
          return;
        }
      }
    }
    writeAll(fd, content);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was written, or it was renamed.
    }
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${file}: cannot write (${reason(error)})`);
  }
}

/** Writes over an existing regular file in place: its inode, mode and owner stay. */
function writeInPlace(file: string, target: string, content: Content): void {
  let fd: number | undefined;
  try {
    fd = openSync(target, "r+");
    if (kindOf(fstatSync(fd)) !== undefined) throw new UsageError(`${file}: is no longer a regular file`);
    // Truncated only once it is known to be the regular file that was looked at.
    ftruncateSync(fd, 0);
    writeAll(fd, content);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${file}: cannot write (${reason(error)})`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
