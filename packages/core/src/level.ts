import * as z from "zod/mini";

/**
 * A maturity level on the scale of "Improving IT Security of Medical IoT Devices: A Maturity
 * Evaluation and a Labeling Approach" (§IV-B): 1 to 5, plus 0 for "level 1 not reached".
 *
 * @since 0.1.0
 */
export type Level = 0 | 1 | 2 | 3 | 4 | 5;

/**
 * A level a requirement can be placed at: 1 to 5 (0 is only ever an outcome).
 *
 * @since 0.1.0
 */
export type RequirementLevel = Exclude<Level, 0>;

/**
 * All levels, lowest first.
 *
 * @example
 * ```ts
 * import { levels } from "@miotsec/core";
 * levels; // [0, 1, 2, 3, 4, 5]
 * ```
 * @since 0.1.0
 */
export const levels: readonly Level[] = [0, 1, 2, 3, 4, 5];

/**
 * The levels a requirement can be placed at, lowest first.
 *
 * @example
 * ```ts
 * import { requirementLevels } from "@miotsec/core";
 * requirementLevels; // [1, 2, 3, 4, 5]
 * ```
 * @since 0.1.0
 */
export const requirementLevels: readonly RequirementLevel[] = [1, 2, 3, 4, 5];

/**
 * The zod schema of a {@link Level}: an integer from 0 to 5.
 *
 * @example
 * ```ts
 * import { levelSchema } from "@miotsec/core";
 * levelSchema.safeParse(6).success; // false
 * ```
 * @since 0.1.0
 */
export const levelSchema = z.literal([0, 1, 2, 3, 4, 5]);

/**
 * The zod schema of a {@link RequirementLevel}: an integer from 1 to 5.
 *
 * @example
 * ```ts
 * import { requirementLevelSchema } from "@miotsec/core";
 * requirementLevelSchema.safeParse(0).success; // false
 * ```
 * @since 0.1.0
 */
export const requirementLevelSchema = z.literal([1, 2, 3, 4, 5]);

/**
 * The paper's names of the five levels (§IV-B), and `not reached` for 0.
 *
 * @example
 * ```ts
 * import { levelNames } from "@miotsec/core";
 * levelNames[3]; // "on the way"
 * ```
 * @since 0.1.0
 */
export const levelNames: Readonly<Record<Level, string>> = {
  0: "not reached",
  1: "beginnings",
  2: "first steps",
  3: "on the way",
  4: "developed",
  5: "mature",
};

/**
 * Whether a value is a {@link Level}.
 *
 * @example
 * ```ts
 * import { isLevel } from "@miotsec/core";
 * isLevel(2); // true
 * isLevel(2.5); // false
 * ```
 * @since 0.1.0
 */
export function isLevel(value: unknown): value is Level {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 5;
}
