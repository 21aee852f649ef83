// The browser bundle: the label schema and the renderer, as a web page would use them.
import { parseLabel, qrPayload } from "@miotsec/label";
import { renderLabelSvg } from "@miotsec/render";

globalThis.miotsecRender = (document, asOf) => {
  const label = parseLabel(document);
  if (!label.ok) return { ok: false, issues: label.issues };
  const svg = renderLabelSvg(label.value, { asOf });
  const qr = qrPayload(label.value, label.value.qrTarget);
  return { ok: svg.ok && qr.ok, svg: svg.ok ? svg.value : "", qr: qr.ok ? qr.value : "" };
};
