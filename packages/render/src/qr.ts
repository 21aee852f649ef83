import qrcode from "qrcode-generator";

/**
 * The dark modules of a QR code of `payload` at error correction level M, as rows of booleans.
 * Characters outside printable ASCII are percent-encoded first, as the encoder only writes bytes.
 */
function qrModules(payload: string): boolean[][] {
  const ascii = payload.replace(/[^\x20-\x7e]/gu, (c) => encodeURIComponent(c));
  const code = qrcode(0, "M");
  code.addData(ascii, "Byte");
  code.make();
  const n = code.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => code.isDark(r, c)));
}

/** The quiet zone around the code, in modules, as the QR standard asks. */
const QUIET = 4;

/**
 * The QR code of `payload` as SVG shapes, one unit per module: a white square with the quiet
 * zone and a path of the dark modules. `size` is the square's side in modules.
 */
export function qrSymbol(payload: string): { readonly size: number; readonly shapes: string } {
  const modules = qrModules(payload);
  const size = modules.length + 2 * QUIET;
  let d = "";
  modules.forEach((row, r) => {
    row.forEach((dark, c) => {
      if (dark) d += `M${c + QUIET} ${r + QUIET}h1v1h-1z`;
    });
  });
  return { size, shapes: `<rect width="${size}" height="${size}" fill="#fff"/><path d="${d}"/>` };
}
