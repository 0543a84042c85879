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
import { survivalFromEqualMx } from '../demography/survivorship.ts';
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

/** Engine inputs of one unit over `steps` annual steps (rows row-major, 101 ages). */
export interface UnitInputs {
  readonly scope: string;
  readonly steps: number;
  readonly base: SexAges;
  /** ASFR rows applied to resident women (steps × 101; ages outside 15..49 are 0): TFR × shape × exposure ratio. */
  readonly asfr: Float64Array;
  /** TFR of each step. */
  readonly tfr: Float64Array;
  /** Survivorship ratio rows by sex (steps × 101). */
  readonly survival: SexAges;
  /** Males per female birth, per step. */
  readonly srb: Float64Array;
  /** Net migrants by start age per step (before the multiplier), or none. */
  readonly migration?: SexAges | undefined;
  readonly migrationMultiplier: number;
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

const SEX_LIST: readonly Sex[] = ['male', 'female'];

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
  const asfr = new Float64Array(steps * AGES);
  for (let t = 0; t < steps; t++) {
    const v = a.scope === 'all' || countyTfr0 <= 0 ? countyTfr[t]! : Math.max(DEFAULTS.tfrFloor, (a.fertility.tfr * countyTfr[t]!) / countyTfr0);
    tfr[t] = v;
    for (let k = 0; k < FERTILE_AGES; k++) asfr[t * AGES + FERTILE_FROM + k] = v * shape[k]! * ratio[k]!;
  }
  const survival: SexAges = { male: new Float64Array(steps * AGES), female: new Float64Array(steps * AGES) };
  const row = new Float64Array(AGES);
  for (const s of SEX_LIST) {
    for (let t = 0; t < steps; t++) {
      for (let x = 0; x < AGES; x++) row[x] = mx[s][t * AGES + x]! * smr;
      survivalFromEqualMx(row, 1, s, undefined, survival[s].subarray(t * AGES, (t + 1) * AGES));
    }
  }
  const srbValue = (spec.name === 'custom' && spec.custom?.srb !== undefined ? spec.custom.srb : a.srb.srb) / 100;
  const multiplier = migrationMultiplier(spec);
  return {
    scope: a.scope, steps, base: a.base, asfr, tfr, survival,
    srb: new Float64Array(steps).fill(srbValue),
    migration: multiplier === 0 ? undefined : a.migration.net,
    migrationMultiplier: multiplier,
  };
}

/** The county's m(x) path for a scenario. */
export function countyMxPath(county: Assumptions, steps: number, spec: ScenarioSpec): SexAges {
  return mortalityPath(county.mortality.mx, steps, e0Gain(spec));
}
