// Parse-and-validate a full label (the fully disclosed infusion pump), side by side with Ajv
// compiled from labelJsonSchema() on the same document. The goal: no slower than 1.5 x Ajv.
// Ajv only answers valid or not; parseLabel also returns the typed value and checks the runtime
// profile's fail-safe envelope, which JSON Schema cannot express. Ajv runs a second time after
// parseLabel, so that an order effect (JIT state) shows as a difference between the two Ajv
// rows.
import { readFileSync } from "node:fs";
import { labelJsonSchema, parseLabel } from "@miotsec/label";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { config } from "zod/mini";
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
  { name: "Ajv again, after parseLabel", fn: () => validate(next()) },
]);

// Separately, after the comparison above (switching zod's parser back and forth inside one
// comparison disturbs the JIT state of both paths): zod's ordinary parser, as under a strict
// Content Security Policy.
await compare("@miotsec/label: parseLabel on zod's ordinary parser (jitless), against Ajv", [
  { name: "baseline: Ajv compiled from labelJsonSchema()", fn: () => validate(next()) },
  {
    name: "parseLabel on zod's ordinary parser (z.config({ jitless: true }))",
    fn: () => {
      config({ jitless: true });
      const ok = parseLabel(next()).ok;
      config({ jitless: false });
      return ok;
    },
  },
]);
