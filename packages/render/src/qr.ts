import { fail, issue, ok, type Result } from "@miotsec/core";
import qrcode from "qrcode-generator";

/**
 * The dark modules of a QR code of `payload` at error correction level M, as rows of booleans,
 * or an issue when no QR version holds the payload. The payload is ASCII (`qrPayload`
 * percent-encodes the rest); the encoder writes it as bytes.
 */
function qrModules(payload: string): Result<boolean[][]> {
  const code = qrcode(0, "M");
  try {
    code.addData(payload, "Byte");
    code.make();
  } catch {
    // The encoder throws a string ("code length overflow") for a payload beyond version 40.
    return fail([
      issue("qr-payload-too-long", `The QR payload of ${payload.length} characters does not fit any QR code.`, [
        "qrPayload",
      ]),
    ]);
  }
  const n = code.getModuleCount();
  return ok(Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => code.isDark(r, c))));
}

/** The quiet zone around the code, in modules, as the QR standard asks. */
const QUIET = 4;

/** A QR code as SVG shapes, one unit per module; `size` is the square's side in modules. */
export interface QrSymbol {
  readonly size: number;
  readonly shapes: string;
}

/**
 * The QR code of `payload` as SVG shapes, one unit per module: a white square with the quiet
 * zone and a path of the dark modules.
 */
export function qrSymbol(payload: string): Result<QrSymbol> {
  const modules = qrModules(payload);
  if (!modules.ok) return modules;
  const size = modules.value.length + 2 * QUIET;
  let d = "";
  modules.value.forEach((row, r) => {
    row.forEach((dark, c) => {
      if (dark) d += `M${c + QUIET} ${r + QUIET}h1v1h-1z`;
    });
  });
  return ok({ size, shapes: `<rect width="${size}" height="${size}" fill="#fff"/><path d="${d}"/>` });
}
