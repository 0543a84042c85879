/**
 * @module projection/fertility
 * The ASFR schedule and TFR of a unit from births by mother's age and women-years.
 *
 * - Women-years of year y at age a = mean of the women aged a at 31 Dec y−1 and y (the one
 *   year-end where only one is known), counting registered women and in-migrant women: the
 *   same denominator as the county-wide TFR of `/api/indicators/tfr` (births to registered
 *   women are recorded wherever they happen, so registered women count whether present or not).
 * - ASFR(a) = Σ births(a) / Σ women-years(a) over the pooled years, ages 15..49 (births below 15
 *   count at 15, above 49 at 49); TFR = Σ ASFR; shape = ASFR / TFR.
 * - The projection is of residents (registered + in − out), but births to registered women are
 *   recorded wherever the women live, and their children stay registered here. So the engine
 *   applies ASFR(a) × r(a) to resident women, r(a) = Σ (registered + in-migrant) women-years /
 *   Σ resident women-years over the pooled years (capped at 3): births to registered women who
 *   live elsewhere are taken to continue in the same proportion. The TFR shown and set in
 *   scenarios is the usual one (the indicators page's).
 * - Township: level and shape shrink toward the county by the township's births B in the pooled
 *   years: TFR = w·TFR_own + (1 − w)·TFR_county with w = B / (B + 100); shape likewise with
 *   w = B / (B + 1000).
 *
 * @example
 * const f = deriveFertility(county, county, 2024);
 */
import { DEFAULTS } from './constants.ts';
import { FERTILE_AGES, FERTILE_FROM, type FertilityAssumption, type UnitData } from './types.ts';

/** Women-years of `year` at ages 15..49, registered + in-migrant (35 values). */
export function womenYears(u: UnitData, year: number): Float64Array {
  const out = new Float64Array(FERTILE_AGES);
  const at = (y: number) => {
    const r = u.registered.get(y)?.female;
    const i = u.migIn.get(y)?.female;
    if (r === undefined && i === undefined) return undefined;
    const v = new Float64Array(FERTILE_AGES);
    for (let k = 0; k < FERTILE_AGES; k++) v[k] = (r?.[FERTILE_FROM + k] ?? 0) + (i?.[FERTILE_FROM + k] ?? 0);
    return v;
  };
  const a = at(year - 1);
  const b = at(year);
  for (let k = 0; k < FERTILE_AGES; k++) {
    out[k] = a !== undefined && b !== undefined ? (a[k]! + b[k]!) / 2 : (a ?? b)?.[k] ?? 0;
  }
  return out;
}

/** The last `n` years ≤ base in which the county has births and a population year-end (that year or the one before). */
export function eventYears(county: UnitData, base: number, n: number): number[] {
  const ys: number[] = [];
  for (let y = base; y > base - 60 && ys.length < n; y--) {
    if (county.birthsByAge.has(y) && (county.registered.has(y) || county.registered.has(y - 1))) ys.unshift(y);
  }
  return ys;
}

/** Resident women-years (registered + in − out) of `year` at ages 15..49. */
export function residentWomenYears(u: UnitData, year: number): Float64Array {
  const w = womenYears(u, year);
  const at = (y: number) => u.migOut.get(y)?.female;
  const a = at(year - 1);
  const b = at(year);
  const hasA = u.registered.has(year - 1);
  const hasB = u.registered.has(year);
  for (let k = 0; k < FERTILE_AGES; k++) {
    const x = FERTILE_FROM + k;
    const out = hasA && hasB ? ((a?.[x] ?? 0) + (b?.[x] ?? 0)) / 2 : hasB ? b?.[x] ?? 0 : a?.[x] ?? 0;
    w[k] = w[k]! - out;
  }
  return w;
}

/** Pooled ASFR (35 values), births and TFR over `years`. */
export function pooledAsfr(u: UnitData, years: readonly number[]): { asfr: Float64Array; births: number; tfr: number; exposureRatio: Float64Array } {
  const b = new Float64Array(FERTILE_AGES);
  const w = new Float64Array(FERTILE_AGES);
  const wr = new Float64Array(FERTILE_AGES);
  for (const y of years) {
    const by = u.birthsByAge.get(y);
    const wy = womenYears(u, y);
    const wry = residentWomenYears(u, y);
    for (let k = 0; k < FERTILE_AGES; k++) {
      b[k] += by?.[k] ?? 0;
      w[k] += wy[k]!;
      wr[k] += wry[k]!;
    }
  }
  const exposureRatio = new Float64Array(FERTILE_AGES);
  for (let k = 0; k < FERTILE_AGES; k++) exposureRatio[k] = wr[k]! > 0 && w[k]! > 0 ? Math.min(3, w[k]! / wr[k]!) : 1;
  const asfr = new Float64Array(FERTILE_AGES);
  let births = 0;
  let tfr = 0;
  for (let k = 0; k < FERTILE_AGES; k++) {
    asfr[k] = w[k]! > 0 ? b[k]! / w[k]! : 0;
    births += b[k]!;
    tfr += asfr[k]!;
  }
  return { asfr, births, tfr, exposureRatio };
}

/** Annual TFR of the unit in each of `years` (years without births are skipped). */
export function tfrSeries(u: UnitData, years: readonly number[]): { year: number; tfr: number; births: number }[] {
  const out: { year: number; tfr: number; births: number }[] = [];
  for (const y of years) {
    const p = pooledAsfr(u, [y]);
    if (p.tfr > 0) out.push({ year: y, tfr: p.tfr, births: p.births });
  }
  return out;
}

function shapeOf(asfr: Float64Array, tfr: number): Float64Array {
  const s = new Float64Array(FERTILE_AGES);
  if (tfr > 0) for (let k = 0; k < FERTILE_AGES; k++) s[k] = asfr[k]! / tfr;
  return s;
}

/**
 * Fertility of a unit. `county` (the county's own assumption) is given for a township and
 * omitted for the county itself.
 */
export function deriveFertility(u: UnitData, countyUnit: UnitData, base: number, county?: FertilityAssumption): FertilityAssumption {
  const years = eventYears(countyUnit, base, DEFAULTS.fertilityYears);
  const own = pooledAsfr(u, years);
  const series = tfrSeries(u, eventYears(countyUnit, base, DEFAULTS.tfrSeriesYears));
  const ownShape = shapeOf(own.asfr, own.tfr);
  if (county === undefined) {
    return { years, births: own.births, tfr: own.tfr, tfrObserved: own.tfr, shape: ownShape, weightLevel: 1, weightShape: 1, series, exposureRatio: own.exposureRatio };
  }
  const wl = own.births / (own.births + DEFAULTS.tfrShrinkBirths);
  const ws = own.births / (own.births + DEFAULTS.shapeShrinkBirths);
  const shape = new Float64Array(FERTILE_AGES);
  for (let k = 0; k < FERTILE_AGES; k++) shape[k] = ws * ownShape[k]! + (1 - ws) * county.shape[k]!;
  return {
    years, births: own.births, tfr: wl * own.tfr + (1 - wl) * county.tfr, tfrObserved: own.tfr,
    shape, weightLevel: wl, weightShape: ws, series, exposureRatio: own.exposureRatio,
  };
}
