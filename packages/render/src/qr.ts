import qrcode from "qrcode-generator";

/**
 * The dark modules of a QR code of `payload` at error correction level M, as rows of booleans.
 * Characters outside printable ASCII are percent-encoded first, as the encoder only writes bytes.
 */
export function qrModules(payload: string): boolean[][] {
  const ascii = payload.replace(/[^\x20-\x7e]/gu, (c) => encodeURIComponent(c));
  const code = qrcode(0, "M");
  code.addData(ascii, "Byte");
  code.make();
  const n = code.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => code.isDark(r, c)));
}

/** An SVG path drawing the dark modules, one unit per module, offset by `quiet` modules. */
export function qrPath(modules: readonly (readonly boolean[])[], quiet: number): string {
  let d = "";
  modules.forEach((row, r) => {
    row.forEach((dark, c) => {
      if (dark) d += `M${c + quiet} ${r + quiet}h1v1h-1z`;
    });
  });
  return d;
}
