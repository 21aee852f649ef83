import { countryCodeSchema } from "@miotsec/core";
import * as z from "zod/mini";

/**
 * The members of the European Union (27 since 2020) and, with Iceland, Liechtenstein and Norway,
 * of the European Economic Area: the regions a label may name as where data resides.
 */
const regions: Readonly<Record<"EU" | "EEA", readonly string[]>> = (() => {
  const eu = "AT BE BG HR CY CZ DK EE FI FR DE GR IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split(" ");
  return { EU: eu, EEA: [...eu, "IS", "LI", "NO"] };
})();

/**
 * Where data may reside: countries (ISO 3166-1 alpha-2) and the regions `EU` and `EEA`.
 *
 * @example
 * ```ts
 * import { residencySchema } from "@miotsec/runtime-facts";
 * residencySchema.parse(["EU", "CH"]);
 * ```
 * @since 0.2.0
 */
export const residencySchema = z
  .array(z.union([countryCodeSchema, z.enum(["EU", "EEA"])]))
  .check(z.minLength(1), z.maxLength(300));

/**
 * A residency as its set of countries: `EU` and `EEA` stand for their members.
 */
export function residencyCountries(residency: z.infer<typeof residencySchema>): Set<string> {
  return new Set(residency.flatMap((r) => (r === "EU" || r === "EEA" ? regions[r] : [r])));
}
