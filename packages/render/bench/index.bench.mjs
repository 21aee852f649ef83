// Rendering a label, against parsing it: every render parses the label first (any value may be
// passed), so `parseLabel` on the same documents is the floor, and the ratio is what drawing the
// facts, working out the best-before date and encoding the QR code add.
import { readFileSync } from "node:fs";
import { parseLabel } from "@miotsec/label";
import { renderLabelHtml, renderLabelSvg } from "@miotsec/render";
import { compare } from "../../../scripts/bench.mjs";

const text = readFileSync(new URL("../../../examples/labels/infusion-pump-full.label.json", import.meta.url), "utf8");
const docs = Array.from({ length: 1000 }, () => JSON.parse(text));
let i = 0;
const next = () => docs[i++ % docs.length];
const options = { asOf: "2026-11-28" };
await compare("@miotsec/render: render the fully disclosed label", [
  { name: "baseline: parseLabel alone", fn: () => parseLabel(next()).ok },
  { name: "renderLabelSvg", fn: () => renderLabelSvg(next(), options).ok },
  { name: "renderLabelHtml", fn: () => renderLabelHtml(next(), options).ok },
]);
