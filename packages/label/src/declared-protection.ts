import { mapResult, type Result } from "@miotsec/core";
import type { DeviceLabel } from "./label.js";
import { parseLabel } from "./parse-label.js";

/**
 * What a label declares of data protection, in the shape the §VI traffic check
 * (`compareEndpoints` of `@miotsec/runtime-facts/endpoints`) takes it: where personal data may
 * reside (`dataResidency`), end-to-end encryption, and no third parties (an empty list, or
 * `not-applicable`). Withheld facts declare nothing. The label is checked first.
 */
export interface DeclaredProtection {
  /** The countries, `EU` or `EEA` personal data may reside in; absent where not declared. */
  readonly residency?: readonly string[];
  /** End-to-end encryption (where declared) and whether no third party receives data. */
  readonly declared: { readonly endToEndEncryption?: boolean; readonly noThirdParties: boolean };
}

/**
 * What a label declares of data protection, for the traffic check: spread it into the options of
 * `compareEndpoints`. One reading for every caller (the command's `check-traffic`, the studio).
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * import { declaredProtection } from "@miotsec/label";
 * const label = JSON.parse(readFileSync("examples/labels/ultrasound-wifi.label.json", "utf8"));
 * const r = declaredProtection(label);
 * if (r.ok) r.value.residency; // ["EU"]
 * ```
 * @since 0.2.0
 */
export function declaredProtection(labelInput: DeviceLabel): Result<DeclaredProtection> {
  return mapResult(parseLabel(labelInput), ({ dataPractices: d }) => ({
    ...(Array.isArray(d.dataResidency) && { residency: d.dataResidency }),
    declared: {
      ...(typeof d.endToEndEncryption === "boolean" && { endToEndEncryption: d.endToEndEncryption }),
      noThirdParties: Array.isArray(d.thirdParties) ? d.thirdParties.length === 0 : d.thirdParties === "not-applicable",
    },
  }));
}
