/**
 * @module projection/scenario
 * From assumptions and a scenario to the per-step inputs of the engine for every unit.
 *
 * Scenarios (TFR path, e0 path, migration; the SRB is held at its assumed value unless custom):
 * - `medium`: the recent TFR held; e0 +0.15 a year (capped 84 / 88); net migration as derived.
 * - `low` / `high`: medium's TFR ∓ 0.25, phased in linearly over the first 5 years (at a TFR near
 *   1, the UN's ±0.5 would halve or double fertility; 0.25 is about the 2016-17 bump's size).
 * - `constant`: every rate held at its base value (TFR, ASFR, mortality, SRB, net migration).
 * - `zero_migration`: medium without migration (a closed population).
 * - `custom`: medium, with any of: `tfr` (held from the first year, or reached linearly in
 *   `tfrYear`), `e0Gain` (years per year), `e0` (base e0 by sex), `srb` (males per 100 females),
 *   `migrationMultiplier`, `asfrShape` (35 values, ages 15..49, normalised).
 * Townships follow the county's scenario in proportion: TFR_town(t) = TFR_town · TFR_county(t) /
 * TFR_county, the same e0 gain (their m(x) = county m(x) of the year × SMR), the same multiplier.
 * No TFR goes below 0.3.
 *
 * @example
 * const inputs = unitInputs(assumptions, countyTfrPath(a.fertility.tfr, 20, 2024, { name: 'low' }), …);
 */
import { survivalSingleYear } from '../demography/survivorship.ts';
import type { Sex } from '../demography/types.ts';
import { DEFAULTS } from './constants.ts';
import { mortalityPath } from './mortality.ts';
import { AGES, FERTILE_AGES, FERTILE_FROM, type Assumptions, type ScenarioName, type SexAges } from './types.ts';

export interface CustomAssumptions {
  readonly tfr?: number | undefined;
  readonly tfrYear?: number | undefined;
  readonly e0Gain?: number | undefined;
  readonly e0?: { readonly male: number; readonly female: number } | undefined;
  readonly srb?: number | undefined;
  readonly migrationMultiplier?: number | undefined;
  readonly asfrShape?: readonly number[] | undefined;
}

export interface ScenarioSpec {
  readonly name: ScenarioName;
  readonly custom?: CustomAssumptions | undefined;
}

/**
 * Engine inputs of one unit over `steps` annual steps. The ASFR and survivorship rows of a step
 * are made when the step runs ({@link asfrRow}, {@link survivalRow}), not stored: for 1,500
 * townships over 30 years they would be 110 MB of arrays written once and read once.
 */
export interface UnitInputs {
  readonly scope: string;
  readonly steps: number;
  readonly base: SexAges;
  /** TFR of each step. */
  readonly tfr: Float64Array;
  /** ASFR / TFR at ages 15..49 as applied to resident women: shape × exposure ratio (35 values). */
  readonly asfrPerTfr: Float64Array;
  /** The county's m(x) path by sex (steps × 101, shared by every unit) and this unit's multiplier (SMR; 1 for the county). */
  readonly mx: SexAges;
  readonly smr: number;
  /** Males per female birth, per step. */
  readonly srb: Float64Array;
  /** Net migrants by start age per step (before the multiplier), or none. */
  readonly migration?: SexAges | undefined;
  readonly migrationMultiplier: number;
}

/** The ASFR row of step `t` (101 ages; writes ages 15..49 only, so `out` must hold zeros elsewhere). */
export function asfrRow(inp: UnitInputs, t: number, out: Float64Array): Float64Array {
  const tfr = inp.tfr[t]!;
  for (let k = 0; k < FERTILE_AGES; k++) out[FERTILE_FROM + k] = tfr * inp.asfrPerTfr[k]!;
  return out;
}

/** The survivorship row of step `t`: the life table of the county's m(x) of that year × the unit's SMR. */
export function survivalRow(inp: UnitInputs, t: number, sex: Sex, out: Float64Array): Float64Array {
  return survivalSingleYear(inp.mx[sex], inp.smr, sex, out, t * AGES);
}

/** The county's TFR for each step (step t ends on 31 Dec of base + t + 1). */
export function countyTfrPath(tfr0: number, steps: number, baseYear: number, spec: ScenarioSpec): Float64Array {
  const out = new Float64Array(steps);
  const c = spec.custom;
  for (let t = 0; t < steps; t++) {
    const year = baseYear + t + 1;
    let v = tfr0;
    if (spec.name === 'low' || spec.name === 'high') {
      const phase = Math.min(1, (t + 1) / DEFAULTS.scenarioPhaseYears);
      v = tfr0 + (spec.name === 'low' ? -1 : 1) * DEFAULTS.scenarioTfrDelta * phase;
    } else if (spec.name === 'custom' && c?.tfr !== undefined) {
      if (c.tfrYear === undefined || c.tfrYear <= baseYear) v = c.tfr;
      else v = tfr0 + (c.tfr - tfr0) * Math.min(1, (year - baseYear) / (c.tfrYear - baseYear));
    }
    out[t] = Math.max(DEFAULTS.tfrFloor, v);
  }
  return out;
}

export function e0Gain(spec: ScenarioSpec): number {
  if (spec.name === 'constant') return 0;
  if (spec.name === 'custom' && spec.custom?.e0Gain !== undefined) return spec.custom.e0Gain;
  return DEFAULTS.e0Gain;
}

export function migrationMultiplier(spec: ScenarioSpec): number {
  if (spec.name === 'zero_migration') return 0;
  if (spec.name === 'custom' && spec.custom?.migrationMultiplier !== undefined) return spec.custom.migrationMultiplier;
  return 1;
}

function normalisedShape(a: Assumptions, spec: ScenarioSpec): Float64Array {
  const given = spec.name === 'custom' ? spec.custom?.asfrShape : undefined;
  if (given === undefined) return a.fertility.shape;
  const s = Float64Array.from(given);
  const sum = s.reduce((x, y) => x + y, 0);
  for (let k = 0; k < FERTILE_AGES; k++) s[k] = sum > 0 ? s[k]! / sum : 0;
  return s;
}

/**
 * Inputs of one unit. `countyTfr` is the county path and `countyTfr0` its base TFR (a township
 * scales its own TFR by their ratio); `mx` is the county's m(x) path (steps × 101 by sex), which
 * a township multiplies by its SMR.
 */
export function unitInputs(
  a: Assumptions, spec: ScenarioSpec, countyTfr: Float64Array, countyTfr0: number, mx: SexAges, smr: number,
): UnitInputs {
  const steps = countyTfr.length;
  const shape = normalisedShape(a, spec);
  const ratio = a.fertility.exposureRatio;
  const tfr = new Float64Array(steps);
  for (let t = 0; t < steps; t++) {
    tfr[t] = a.scope === 'all' || countyTfr0 <= 0 ? countyTfr[t]! : Math.max(DEFAULTS.tfrFloor, (a.fertility.tfr * countyTfr[t]!) / countyTfr0);
  }
  const asfrPerTfr = new Float64Array(FERTILE_AGES);
  for (let k = 0; k < FERTILE_AGES; k++) asfrPerTfr[k] = shape[k]! * ratio[k]!;
  const srbValue = (spec.name === 'custom' && spec.custom?.srb !== undefined ? spec.custom.srb : a.srb.srb) / 100;
  const multiplier = migrationMultiplier(spec);
  return {
    scope: a.scope, steps, base: a.base, tfr, asfrPerTfr, mx, smr,
    srb: new Float64Array(steps).fill(srbValue),
    migration: multiplier === 0 ? undefined : a.migration.net,
    migrationMultiplier: multiplier,
  };
}

/** The county's m(x) path for a scenario. */
export function countyMxPath(county: Assumptions, steps: number, spec: ScenarioSpec): SexAges {
  return mortalityPath(county.mortality.mx, steps, e0Gain(spec));
}
