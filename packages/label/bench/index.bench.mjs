// Parse-and-validate a full label (the fully disclosed infusion pump), side by side with Ajv
// compiled from labelJsonSchema() on the same document. The goal: no slower than 1.5 x Ajv.
// Ajv only answers valid or not; parseLabel also returns the typed value and checks the runtime
// profile's fail-safe envelope, which JSON Schema cannot express.
import { readFileSync } from "node:fs";
import { labelJsonSchema, parseLabel } from "@miotsec/label";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { compare } from "../../../scripts/bench.mjs";

const text = readFileSync(new URL("../../../examples/labels/infusion-pump-full.label.json", import.meta.url), "utf8");
const docs = Array.from({ length: 1000 }, () => JSON.parse(text));
const ajv = new Ajv2020({ strict: false });
addFormats.default(ajv);
const validate = ajv.compile(labelJsonSchema());
let i = 0;
const next = () => docs[i++ % docs.length];
await compare("@miotsec/label: parse and validate a full label", [
  { name: "baseline: Ajv compiled from labelJsonSchema()", fn: () => validate(next()) },
  { name: "parseLabel", fn: () => parseLabel(next()).ok },
]);
