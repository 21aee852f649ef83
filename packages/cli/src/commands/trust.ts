import { generateKeyPairSync } from "node:crypto";
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { Issue } from "@miotsec/core";
import type { LabelVerification, SignatureVerification } from "@miotsec/trust";
import type { Context } from "../context.js";
import { choice, emit, positional } from "../context.js";
import { issueLine, readDocument, UsageError, writeAtomic } from "../io.js";
import { oneLine } from "../terminal.js";
import { signatureFailureWords } from "../words.js";
import { json } from "./shared.js";

// A key id names files too: letters, digits, '.', '_' and '-', starting with a letter or digit.
const kidPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** Creates a file that must not exist yet, readable and writable by its owner only. */
function writePrivate(file: string, text: string): void {
  let fd: number;
  try {
    fd = openSync(file, "wx", 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === "EEXIST"
        ? `${file}: exists already; a private key is never overwritten (choose another --kid or --out)`
        : `${file}: cannot write (${code ?? "error"})`,
    );
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

/**
 * The issues of an option's document with paths and messages as within that document:
 * `$.options.keys.keys[0] is not ...` becomes `$.keys[0] is not ...`.
 */
async function withinOption(issues: readonly Issue[]): Promise<Issue[]> {
  const { pathText } = await import("@miotsec/core/internal");
  return issues.map((i) => {
    const prefix = pathText(i.path.slice(0, 2));
    return {
      ...i,
      path: i.path.slice(2),
      message: i.message.startsWith(prefix) ? `$${i.message.slice(prefix.length)}` : i.message,
    };
  });
}

/** `miotsec keys generate --alg ES256|EdDSA --kid K --out DIR`. */
export async function keysGenerateCommand(context: Context): Promise<number> {
  positional(context);
  const { options, io } = context;
  const alg = choice("alg", options.alg, ["ES256", "EdDSA"], "ES256");
  const kid = options.kid;
  if (kid === undefined || !kidPattern.test(kid))
    throw new UsageError(
      "keys generate needs --kid: letters, digits, '.', '_' or '-', at most 100 (miotsec keys generate --help)",
    );
  const dir = options.out;
  if (dir === undefined) throw new UsageError("keys generate needs --out DIR (miotsec keys generate --help)");
  const { privateKey, publicKey } =
    alg === "ES256" ? generateKeyPairSync("ec", { namedCurve: "P-256" }) : generateKeyPairSync("ed25519");
  const privateJwk = { ...privateKey.export({ format: "jwk" }), kid, alg, use: "sig" };
  const publicJwk = { ...publicKey.export({ format: "jwk" }), kid, alg, use: "sig" };
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new UsageError(`${dir}: cannot make the directory (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  const privateFile = join(dir, `${kid}.private.jwk.json`);
  const publicFile = join(dir, `${kid}.jwks.json`);
  writePrivate(privateFile, `${JSON.stringify(privateJwk, null, 2)}\n`);
  writeAtomic(publicFile, `${JSON.stringify({ keys: [publicJwk] }, null, 2)}\n`);
  if (options.json) io.out(json({ kid, alg, privateKey: privateFile, publicKeys: publicFile }));
  else
    io.out(
      `${oneLine(`private key ${privateFile} (mode 0600: keep it secret)`)}\n${oneLine(`public key set ${publicFile} (give it to those who verify)`)}\n`,
    );
  return 0;
}

/** Whether a document is a label status document rather than a label: it has `status` and `label`. */
function isStatusDocument(doc: unknown): boolean {
  return typeof doc === "object" && doc !== null && Object.hasOwn(doc, "status") && Object.hasOwn(doc, "label");
}

/** `miotsec label sign <label> --key FILE --role R --signer NAME [--kid K] [--out FILE]`. */
export async function signCommand(context: Context): Promise<number> {
  const [file] = positional(context, "a label file") as [string];
  const { options } = context;
  if (options.key === undefined)
    throw new UsageError("label sign needs --key FILE, a private JWK (miotsec keys generate)");
  const role = choice("role", options.role, ["manufacturer", "test-lab", "hospital"], "manufacturer");
  if (options.role === undefined) throw new UsageError("label sign needs --role manufacturer, test-lab or hospital");
  if (options.signer === undefined) throw new UsageError('label sign needs --signer "NAME", as people read it');
  const privateKey = (await readDocument(options.key)) as { kid?: unknown };
  const kid = options.kid ?? (typeof privateKey?.kid === "string" ? privateKey.kid : undefined);
  if (kid === undefined) throw new UsageError(`${options.key}: the key has no kid; give one with --kid`);
  const doc = await readDocument(file);
  const trust = await import("@miotsec/trust");
  const signOptions = { privateKey: privateKey as never, kid, role, signer: options.signer };
  const r = isStatusDocument(doc)
    ? await trust.signLabelStatus(doc as never, signOptions)
    : await trust.signLabel(doc as never, signOptions);
  if (!r.ok) {
    const ofOptions = r.issues[0]?.path[0] === "options";
    const option = r.issues[0]?.path[1];
    if (ofOptions && option !== "privateKey")
      throw new UsageError(`--${String(option)} must be 1 to 200 characters, and not blank`);
    throw new UsageError(
      await issueLine(ofOptions ? options.key : file, ofOptions ? await withinOption(r.issues) : r.issues),
    );
  }
  await emit(context, json(r.value));
  return 0;
}

const qrWords: Readonly<Record<string, string>> = {
  "not-a-label-code": "is not a label's QR code",
  "other-label": "names another label",
  "other-version": "names this label under another schema version",
  "other-digest": "names another version of this label (the label changed since it was printed)",
};
const roleWords: Readonly<Record<string, string>> = {
  manufacturer: "manufacturer",
  "test-lab": "test lab",
  hospital: "hospital",
};

/** One signature as a line for people. */
function signatureLine(context: Context, s: SignatureVerification, i: number, of = "signature"): string {
  const who = s.signer === undefined ? "an unnamed signer" : `${roleWords[s.role ?? ""] ?? "signer"} ${s.signer}`;
  const verdict = s.valid
    ? context.style.good("verified")
    : `${context.style.bad("not verified")}: ${signatureFailureWords(s.reason ?? "bad-signature")}`;
  return `  ${oneLine(`${of} ${i + 1}: ${who}, key ${s.kid}, ${s.alg}`)}: ${verdict}\n`;
}

/** The verification as lines for people. */
function verificationText(context: Context, file: string, v: LabelVerification): string {
  const { style } = context;
  let text = `${oneLine(file)}: ${v.valid ? style.good("valid") : style.bad("not valid")}\n`;
  if (v.signatures.length === 0) text += "  no signatures\n";
  text += v.signatures.map((s, i) => signatureLine(context, s, i)).join("");
  const st = v.status;
  if (st !== undefined) {
    const said = `status ${st.status}, issued ${st.issued}, next update ${st.nextUpdate}`;
    const notes = [
      st.appliesTo ? "" : style.bad("it is about another label or another version of this one"),
      st.verified ? "" : style.bad("its signatures do not stand, so it is not taken as said"),
      st.stale ? style.warn(`stale: a newer status was due on ${st.nextUpdate}`) : "",
      st.reason === undefined ? "" : oneLine(`reason: ${st.reason}`),
      st.successor?.url === undefined ? "" : oneLine(`successor: ${st.successor.url}`),
    ].filter((n) => n !== "");
    text += `  ${oneLine(said)}${notes.length > 0 ? `; ${notes.join("; ")}` : ""}\n`;
    text += st.signatures.map((s, i) => signatureLine(context, s, i, "status signature")).join("");
  }
  if (v.qr !== undefined)
    text += `  QR code: ${v.qr.matches ? style.good("names this label") : style.bad(qrWords[v.qr.reason ?? ""] ?? "does not name this label")}\n`;
  return text;
}

/** Verifies a label document as `label verify` does, or fails with one line naming the file at fault. */
export async function verificationOf(context: Context, file: string, doc: unknown): Promise<LabelVerification> {
  const { options } = context;
  const keys = await readDocument(options.keys as string);
  const status = options.status === undefined ? undefined : await readDocument(options.status);
  const { verifyLabel } = await import("@miotsec/trust");
  const r = await verifyLabel(doc as never, {
    keys: keys as never,
    asOf: context.asOf,
    ...(status === undefined ? {} : { status: status as never }),
    ...(options.qr === undefined ? {} : { qr: options.qr }),
  });
  if (r.ok) return r.value;
  const head = r.issues[0]?.path;
  const option = head?.[0] === "options" ? String(head[1]) : undefined;
  const where =
    option === "keys"
      ? options.keys
      : option === "status"
        ? options.status
        : option === "asOf"
          ? "--as-of"
          : option === "qr"
            ? "--qr"
            : file;
  const issues = option === undefined ? r.issues : await withinOption(r.issues);
  throw new UsageError(await issueLine(where ?? file, issues));
}

/** `miotsec label verify <label> --keys FILE [--status FILE] [--qr URL] [--as-of D] [--json]`. */
export async function verifyCommand(context: Context): Promise<number> {
  const [file] = positional(context, "a label file") as [string];
  const { options, io } = context;
  if (options.keys === undefined)
    throw new UsageError("label verify needs --keys FILE, a JWK Set of pinned public keys");
  const v = await verificationOf(context, file, await readDocument(file));
  if (options.json) io.out(json(v));
  else io.out(verificationText(context, file, v));
  return v.valid && (v.qr === undefined || v.qr.matches) ? 0 : 1;
}
