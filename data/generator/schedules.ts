/**
 * @module generator/schedules
 * Calibrated demographic schedules of the demo county, with the fitted parameters embedded so
 * the generator needs nothing outside the repository. The numbers come from
 * `npx tsx data/generator/calibrate.ts` (which reads test/fixtures/refdata); the calibration test
 * checks they still reproduce refdata.
 *
 * - Age structure: WPP2019 China, 1 July 2000, by 5-year group and sex, as ‰ of the total
 *   (rounded to 0.001‰), graduated to single years by a monotone cumulative spline.
 * - ASFR age shape: shifted gamma (exact age − origin ~ Gamma) with (mean, sd, origin) fitted by least
 *   squares to the 5-year pasfr shares of WPP2019 (periods 2000-05 … 2015-20) and WPP2024
 *   (2020, 2023), interpolated linearly between the knots.
 * - Mortality: per sex, m0 and a Siler hazard a1·e^(−b1·x) + a2 + a3·e^(b3·x) fitted by
 *   least squares on log mx (ages 1..100+) of WPP2019 China 2000-05 and 2015-20; in between and
 *   beyond, log mx is interpolated / extrapolated linearly in time from the two period
 *   mid-points (2002.5, 2017.5), which gives e0 ≈ 72 in 2000 and ≈ 79 in 2024.
 * - TFR path of the county (registered women): the brief's targets (1.6 in 2000, 1.0 in 2024)
 *   with the timing of WPP2024's annual China series (2012 dragon year, 2016-17 universal
 *   two-child bump, the 2018-2022 slide, three-child policy from 2021).
 */
import { asfrShape, FERTILE_AGES, graduate5, silerHazard, type Siler } from './fit.ts';
import type { RegionKind } from '../../contract/tables.ts';

/** WPP2019 China 2000 population, ‰ of both sexes, groups 0-4 … 95-99, 100+. */
export const AGE_PERMILLE_2000 = {
  male: [36.515, 40.703, 52.669, 40.997, 39.512, 49.257, 50.825, 41.723, 34.019, 34.914, 24.263, 18.652, 16.772, 13.715, 9.373, 5.341, 2.762, 0.905, 0.168, 0.019, 0.001],
  female: [32.21, 36.631, 49.16, 38.656, 37.323, 46.681, 48.974, 39.724, 32.379, 33.414, 23.287, 17.2, 15.424, 13.364, 9.785, 6.637, 3.98, 1.599, 0.4, 0.064, 0.006],
} as const;

/** Shifted-gamma ASFR shape knots (mean and sd of the age at birth, origin of the gamma). */
export const ASFR_KNOTS = [
  { year: 2002.5, mean: 26.458, sd: 4.7193, origin: 17 }, // WPP2019 2000-2005 (origin at its bound 17)
  { year: 2007.5, mean: 26.901, sd: 5.0982, origin: 17 }, // WPP2019 2005-2010
  { year: 2012.5, mean: 27.195, sd: 5.2682, origin: 17 }, // WPP2019 2010-2015
  { year: 2017.5, mean: 27.532, sd: 5.4853, origin: 17 }, // WPP2019 2015-2020
  { year: 2020.5, mean: 28.919, sd: 5.6927, origin: 12.759 }, // WPP2024 2020
  { year: 2023.5, mean: 29.143, sd: 5.8738, origin: 13.355 }, // WPP2024 2023
] as const;

export interface MortalityKnot { readonly year: number; readonly m0: number; readonly siler: Siler }

/** m0 and Siler parameters by sex at two period mid-points (WPP2019 China). */
export const MORTALITY_KNOTS: Record<'male' | 'female', readonly [MortalityKnot, MortalityKnot]> = {
  male: [
    { year: 2002.5, m0: 0.02995, siler: { a1: 0.0033518, b1: 0.4432, a2: 0.0003504, a3: 0.000042989, b3: 0.095368 } },
    { year: 2017.5, m0: 0.01158, siler: { a1: 0.00052229, b1: 0.36185, a2: 0.00022501, a3: 0.000028965, b3: 0.097997 } },
  ],
  female: [
    { year: 2002.5, m0: 0.02527, siler: { a1: 0.0028947, b1: 0.43314, a2: 0.00030891, a3: 0.000022949, b3: 0.1001 } },
    { year: 2017.5, m0: 0.00819, siler: { a1: 0.00031572, b1: 0.28839, a2: 0.00018457, a3: 0.000013985, b3: 0.10247 } },
  ],
};

/** County TFR of registered women by calendar year (held flat outside 2000..2024). */
export const TFR_PATH: Readonly<Record<number, number>> = {
  2000: 1.6, 2001: 1.55, 2002: 1.52, 2003: 1.5, 2004: 1.5, 2005: 1.5, 2006: 1.49, 2007: 1.5, 2008: 1.5, 2009: 1.48,
  2010: 1.45, 2011: 1.43, 2012: 1.5, 2013: 1.42, 2014: 1.45, 2015: 1.36, 2016: 1.6, 2017: 1.56, 2018: 1.38, 2019: 1.3,
  2020: 1.12, 2021: 1.04, 2022: 1.0, 2023: 0.98, 2024: 1.0,
};

/** Relative fertility and mortality of the kinds of township (街道 lower, 乡 higher). */
export const KIND_FACTORS: Record<RegionKind, { fertility: number; mortality: number }> = {
  subdistrict: { fertility: 0.84, mortality: 0.9 },
  town: { fertility: 1.07, mortality: 1.0 },
  township: { fertility: 1.34, mortality: 1.12 },
};

/** Migrant women's TFR relative to the county's registered TFR. */
export const MIGRANT_TFR_FACTOR = 0.85;

export function tfr(year: number): number {
  const y = Math.min(2024, Math.max(2000, year));
  return TFR_PATH[y]!;
}

/** Linear interpolation in a knot list, flat beyond the ends. */
export function interpolate<K extends { year: number }>(knots: readonly K[], year: number, value: (k: K) => number): number {
  if (year <= knots[0]!.year) return value(knots[0]!);
  for (let i = 1; i < knots.length; i++) {
    const k1 = knots[i]!;
    if (year <= k1.year) {
      const k0 = knots[i - 1]!;
      const t = (year - k0.year) / (k1.year - k0.year);
      return value(k0) + t * (value(k1) - value(k0));
    }
  }
  return value(knots[knots.length - 1]!);
}

/** ASFR shape (mean, sd) in a calendar year (evaluated at mid-year). */
export function asfrParams(year: number): { mean: number; sd: number; origin: number } {
  const y = year + 0.5;
  return { mean: interpolate(ASFR_KNOTS, y, (k) => k.mean), sd: interpolate(ASFR_KNOTS, y, (k) => k.sd), origin: interpolate(ASFR_KNOTS, y, (k) => k.origin) };
}

/** Single-age ASFR 15..49 for a calendar year and a TFR. */
export function asfr(year: number, totalFertility: number): Float64Array {
  const { mean, sd, origin } = asfrParams(year);
  const shape = asfrShape(mean, sd, origin);
  for (let i = 0; i < FERTILE_AGES; i++) shape[i]! *= totalFertility;
  return shape;
}

/** Single-age mx 0..100 (100 = 100+) for a year and sex, national level (kind factor 1). */
export function mortalityRates(year: number, sex: 'male' | 'female'): Float64Array {
  const [k0, k1] = MORTALITY_KNOTS[sex];
  const t = (year + 0.5 - k0.year) / (k1.year - k0.year);
  const at = (k: MortalityKnot, a: number) => (a === 0 ? k.m0 : silerHazard(k.siler, a === 100 ? 102 : a + 0.5));
  const mx = new Float64Array(101);
  for (let a = 0; a <= 100; a++) {
    const l0 = Math.log(at(k0, a));
    const l1 = Math.log(at(k1, a));
    mx[a] = Math.exp(l0 + t * (l1 - l0));
  }
  return mx;
}

/** Single-year base population shares (sum over both sexes = 1): [male 0..100, female 0..100]. */
export function nationalAgeShares(): [Float64Array, Float64Array] {
  const one = (g: readonly number[]): Float64Array => {
    const single = graduate5(g.slice(0, 20));
    const out = new Float64Array(101);
    out.set(single.subarray(0, 100));
    out[100] = g[20]!;
    return out;
  };
  const m = one(AGE_PERMILLE_2000.male);
  const f = one(AGE_PERMILLE_2000.female);
  let t = 0;
  for (let a = 0; a <= 100; a++) t += m[a]! + f[a]!;
  for (let a = 0; a <= 100; a++) { m[a]! /= t; f[a]! /= t; }
  return [m, f];
}

/**
 * Township tilt of the base age structure: 街道 heavier in working ages (and a little older),
 * 乡 more children and elderly, fewer young adults.
 */
export function kindAgeTilt(kind: RegionKind, age: number): number {
  const bump = (c: number, w: number) => Math.exp(-(((age - c) / w) ** 2));
  switch (kind) {
    case 'subdistrict':
      return 1 - 0.18 * bump(7, 8) + 0.16 * bump(38, 16) + 0.05 * bump(70, 12);
    case 'town':
      return 1;
    case 'township':
      return 1 + 0.14 * bump(8, 8) - 0.16 * bump(27, 8) + 0.12 * bump(68, 12);
  }
}
