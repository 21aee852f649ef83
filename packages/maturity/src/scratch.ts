import type { CompiledCatalog } from "./compile.js";

/** The arrays one assessment is read and scored into, made once per scorer and reused. */
export interface Scratch {
  /** Per requirement: its answer code. */
  readonly codes: Uint8Array;
  /** Per requirement: its outcome code. */
  readonly outcomes: Uint8Array;
  /** Per criterion: its level. */
  readonly level: Uint8Array;
  /** Per criterion: its level with unknowns counted as fulfilled. */
  readonly ifUnknownsMet: Uint8Array;
  /** Per dimension: its level. */
  readonly dimensionLevel: Uint8Array;
  /** Per dimension: its level with unknowns counted as fulfilled. */
  readonly dimensionIfUnknownsMet: Uint8Array;
  /** Per fact slot: its value as compared (an ordinal value's rank), where given. */
  readonly factValues: Float64Array;
  /** Per fact slot: 1 where the assessment gives the fact. */
  readonly factGiven: Uint8Array;
  /** How many outcomes are unknown. */
  unknown: number;
}

/** Scratch arrays sized for a catalog. */
export function newScratch(compiled: CompiledCatalog): Scratch {
  const n = compiled.requirements.length;
  const m = compiled.criteria.length;
  return {
    codes: new Uint8Array(n),
    outcomes: new Uint8Array(n),
    level: new Uint8Array(m),
    ifUnknownsMet: new Uint8Array(m),
    dimensionLevel: new Uint8Array(compiled.dimensions.length),
    dimensionIfUnknownsMet: new Uint8Array(compiled.dimensions.length),
    factValues: new Float64Array(compiled.catalog.facts.length),
    factGiven: new Uint8Array(compiled.catalog.facts.length),
    unknown: 0,
  };
}
