/**
 * @module projection/mortality
 * Base mortality of a unit and its path over the projection.
 *
 * - **From deaths** (when the county has at least 100 deaths per sex in the pooled years):
 *   m = Σ deaths / Σ registered person-years (mean of the year-ends around each year), pooled
 *   over the last 5 years up to the base: below 40 in groups 0, 1-4, 5-9, …, 35-39 taken as
 *   constant within each group (single-age rates of a county are too noisy to use raw); from 40
 *   a Gompertz line log m(x) = a + b·x fitted to the single-age rates 40..99 by least squares
 *   weighted by deaths, the open group 100+ taking the Gompertz hazard at 102 (as the
 *   constant-within-5-years rates would make old-age deaths too high: hazard rises ~10% a year).
 *   Deaths are registered deaths, hence the registered denominator.
 * - **Townships** use the county schedule × an SMR shrunk toward 1: SMR = (D + 50) / (E + 50),
 *   D the township's deaths and E = Σ county m(x) × the township's person-years (both sexes);
 *   a gamma prior with mean 1 worth 50 expected deaths.
 * - **Model schedule** (no deaths): a Brass logit relational model, logit l(x) = α + logit lₛ(x),
 *   on a standard embedded below (a Siler hazard per sex fitted to WPP2019 China 2015-20 m(x)),
 *   with α solved so that e0 equals the requested value (default: China's e0 for the base year,
 *   interpolated between 2000 (70.5 / 74.0) and 2020 (75.4 / 80.9), male / female).
 * - **Path**: e0 rises by `gain` years per year (default 0.15) up to a cap (84 male, 88 female),
 *   each year's schedule being the base schedule moved by the Brass α (β = 1) that gives the
 *   target e0. A township's schedule is the county's of that year × its SMR.
 *
 * @example
 * const m = countyMortality(county, 2024);
 * const path = mortalityPath(m.mx, 30, 0.15); // m(x) rows per step, by sex
 */
import { coaleDemenyA0 } from '../demography/lifetable.ts';
import type { Sex } from '../demography/types.ts';
import { DEFAULTS } from './constants.ts';
import { sexAges } from './data.ts';
import { AGES, OPEN_AGE, type MortalityAssumption, type SexAges, type UnitData } from './types.ts';

const SEX_LIST: readonly Sex[] = ['male', 'female'];

/** Siler standard: m0 and a1·e^(−b1·x) + a2 + a3·e^(b3·x) (WPP2019 China 2015-20 fit). */
const STANDARD: Record<Sex, { m0: number; a1: number; b1: number; a2: number; a3: number; b3: number }> = {
  male: { m0: 0.01158, a1: 0.00052229, b1: 0.36185, a2: 0.00022501, a3: 0.000028965, b3: 0.097997 },
  female: { m0: 0.00819, a1: 0.00031572, b1: 0.28839, a2: 0.00018457, a3: 0.000013985, b3: 0.10247 },
};

export function standardMx(sex: Sex): Float64Array {
  const p = STANDARD[sex];
  const m = new Float64Array(AGES);
  m[0] = p.m0;
  for (let x = 1; x < AGES; x++) {
    const age = x === OPEN_AGE ? 102 : x + 0.5;
    m[x] = p.a1 * Math.exp(-p.b1 * age) + p.a2 + p.a3 * Math.exp(p.b3 * age);
  }
  return m;
}

/** China's e0 around a base year (WPP2019-like), used when there are no deaths and no override. */
export function defaultE0(baseYear: number): { male: number; female: number } {
  const t = Math.min(1, Math.max(0, (baseYear - 2000) / 20));
  return { male: 70.5 + t * (75.4 - 70.5), female: 74 + t * (80.9 - 74) };
}

/** l(x) (101 values, l0 = 1) and e0 of single-age m(x), with the life-table conventions of demography/lifetable.ts. */
export function lxFromMx(m: ArrayLike<number>, sex: Sex, l: Float64Array = new Float64Array(AGES)): number {
  const a0 = coaleDemenyA0(m[0]!, sex).a0;
  l[0] = 1;
  let e0 = 0;
  for (let x = 0; x < OPEN_AGE; x++) {
    const a = x === 0 ? a0 : 0.5;
    const mx = m[x]!;
    const q = Math.min(1, mx / (1 + (1 - a) * mx));
    l[x + 1] = l[x]! * (1 - q);
    e0 += l[x + 1]! + a * (l[x]! - l[x + 1]!);
  }
  e0 += m[OPEN_AGE]! > 0 ? l[OPEN_AGE]! / m[OPEN_AGE]! : 0;
  return e0;
}

export function e0FromMx(m: ArrayLike<number>, sex: Sex): number {
  return lxFromMx(m, sex);
}

/** m(x) from l(x) (inverse of {@link lxFromMx} for ages 0..99); the open rate is given. */
function mxFromLx(l: Float64Array, sex: Sex, mOpen: number, out: Float64Array): void {
  for (let x = 0; x < OPEN_AGE; x++) {
    const q = l[x]! > 0 ? 1 - l[x + 1]! / l[x]! : 1;
    if (x === 0) {
      let m = q;
      for (let k = 0; k < 4; k++) m = q / (1 - (1 - coaleDemenyA0(m, sex).a0) * q);
      out[0] = m;
    } else {
      out[x] = q >= 1 ? 10 : q / (1 - 0.5 * q);
    }
  }
  out[OPEN_AGE] = mOpen;
}

/** A Brass logit family around a standard m(x): member(α) moves logit l(x) by α (β = 1). */
export class BrassFamily {
  private readonly ys = new Float64Array(AGES);
  private readonly qs99: number;
  private readonly l = new Float64Array(AGES);
  constructor(private readonly standard: Float64Array, private readonly sex: Sex) {
    const ls = new Float64Array(AGES);
    lxFromMx(standard, sex, ls);
    for (let x = 1; x < AGES; x++) {
      const v = Math.min(Math.max(ls[x]!, 1e-12), 1 - 1e-12);
      this.ys[x] = 0.5 * Math.log((1 - v) / v);
    }
    this.qs99 = 1 - ls[OPEN_AGE]! / ls[OPEN_AGE - 1]!;
  }

  member(alpha: number, out: Float64Array = new Float64Array(AGES)): Float64Array {
    if (alpha === 0) {
      out.set(this.standard);
      return out;
    }
    const l = this.l;
    l[0] = 1;
    for (let x = 1; x < AGES; x++) l[x] = 1 / (1 + Math.exp(2 * (alpha + this.ys[x]!)));
    const q99 = 1 - l[OPEN_AGE]! / l[OPEN_AGE - 1]!;
    mxFromLx(l, this.sex, this.standard[OPEN_AGE]! * (this.qs99 > 0 ? q99 / this.qs99 : 1), out);
    return out;
  }

  /** The member whose e0 is `target` (bisection on α; e0 falls as α rises). */
  withE0(target: number, out: Float64Array = new Float64Array(AGES)): Float64Array {
    let lo = -4;
    let hi = 4;
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      if (e0FromMx(this.member(mid, out), this.sex) > target) lo = mid;
      else hi = mid;
    }
    return this.member((lo + hi) / 2, out);
  }
}

/** Registered person-years of `year` by sex and age (mean of the surrounding year-ends). */
function personYears(u: UnitData, year: number): SexAges {
  const out = sexAges();
  const a = u.registered.get(year - 1);
  const b = u.registered.get(year);
  for (const s of SEX_LIST) {
    for (let x = 0; x < AGES; x++) {
      out[s][x] = a !== undefined && b !== undefined ? (a[s][x]! + b[s][x]!) / 2 : (a ?? b)?.[s][x] ?? 0;
    }
  }
  return out;
}

/** Abridged group index of single age x: 0, 1-4, 5-9, …, 95-99, 100+. */
const groupOf = (x: number) => (x === 0 ? 0 : x < 5 ? 1 : x >= OPEN_AGE ? 21 : 1 + Math.floor(x / 5));

/** Years ≤ base with a county deaths record and a population year-end, the last `n`. */
function deathYears(county: UnitData, base: number, n: number): number[] {
  const ys: number[] = [];
  for (let y = base; y > base - 60 && ys.length < n; y--) {
    if (county.deaths.has(y) && (county.registered.has(y) || county.registered.has(y - 1))) ys.unshift(y);
  }
  return ys;
}

/** County mortality from deaths, or the model schedule when deaths are missing or too few. */
export function countyMortality(county: UnitData, base: number, e0Override?: { male: number; female: number }): MortalityAssumption {
  const years = deathYears(county, base, DEFAULTS.mortalityYears);
  const D = sexAges();
  const E = sexAges();
  for (const y of years) {
    const d = county.deaths.get(y)!;
    const e = personYears(county, y);
    for (const s of SEX_LIST) for (let x = 0; x < AGES; x++) { D[s][x] += d[s][x]!; E[s][x] += e[s][x]!; }
  }
  const total = (v: Float64Array) => v.reduce((a, b) => a + b, 0);
  const enough = SEX_LIST.every((s) => total(D[s]) >= DEFAULTS.minDeathsPerSex);
  const mx = sexAges();
  if (enough) {
    for (const s of SEX_LIST) {
      const gd = new Float64Array(22);
      const ge = new Float64Array(22);
      for (let x = 0; x < AGES; x++) { gd[groupOf(x)] += D[s][x]!; ge[groupOf(x)] += E[s][x]!; }
      for (let x = 0; x < AGES; x++) {
        const g = groupOf(x);
        mx[s][x] = ge[g]! > 0 ? gd[g]! / ge[g]! : NaN;
      }
      const gompertz = fitGompertz(D[s], E[s]);
      if (gompertz !== null) {
        for (let x = GOMPERTZ_FROM; x < OPEN_AGE; x++) mx[s][x] = Math.exp(gompertz.a + gompertz.b * (x + 0.5));
        mx[s][OPEN_AGE] = Math.exp(gompertz.a + gompertz.b * 102);
      }
      fillGaps(mx[s], s);
    }
  } else {
    const e0 = e0Override ?? defaultE0(base);
    for (const s of SEX_LIST) mx[s].set(new BrassFamily(standardMx(s), s).withE0(e0[s]));
  }
  if (enough && e0Override !== undefined) {
    for (const s of SEX_LIST) mx[s].set(new BrassFamily(mx[s], s).withE0(e0Override[s]));
  }
  return {
    source: enough ? 'deaths' : 'model', years: enough ? years : [], deaths: enough ? total(D.male) + total(D.female) : 0, mx,
    e0: { male: e0FromMx(mx.male, 'male'), female: e0FromMx(mx.female, 'female') }, smr: 1, smrObserved: null,
  };
}

/** Ages from which adult mortality is a fitted Gompertz curve rather than group rates. */
const GOMPERTZ_FROM = 40;

/**
 * log m(x + ½) = a + b·(x + ½) by least squares weighted by deaths, on single ages 40..99
 * (null when fewer than 10 ages have deaths or the slope is not positive).
 */
function fitGompertz(D: Float64Array, E: Float64Array): { a: number; b: number } | null {
  let sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0, n = 0;
  for (let x = GOMPERTZ_FROM; x < OPEN_AGE; x++) {
    const d = D[x]!;
    const e = E[x]!;
    if (!(d > 0 && e > 0)) continue;
    const X = x + 0.5;
    const Y = Math.log(d / e);
    sw += d; sx += d * X; sy += d * Y; sxx += d * X * X; sxy += d * X * Y; n++;
  }
  if (n < 10) return null;
  const b = (sw * sxy - sx * sy) / (sw * sxx - sx * sx);
  if (!(b > 0)) return null;
  return { a: (sy - b * sx) / sw, b };
}

/** Groups without exposure (or an open group without deaths) take the standard's rate scaled to the neighbours. */
function fillGaps(m: Float64Array, sex: Sex): void {
  const std = standardMx(sex);
  for (let x = 0; x < AGES; x++) {
    if (Number.isFinite(m[x]) && (x < OPEN_AGE || m[x]! > 0)) continue;
    let ref = x - 1;
    while (ref >= 0 && !(Number.isFinite(m[ref]) && m[ref]! > 0)) ref--;
    m[x] = ref >= 0 ? (std[x]! * m[ref]!) / std[ref]! : std[x]!;
  }
}

/** A township's mortality: the county's × its SMR shrunk toward 1. */
export function townshipMortality(u: UnitData, county: MortalityAssumption): MortalityAssumption {
  if (county.source === 'model') return { ...county, years: [], deaths: 0 };
  let D = 0;
  let E = 0;
  for (const y of county.years) {
    const d = u.deaths.get(y);
    const e = personYears(u, y);
    for (const s of SEX_LIST) {
      for (let x = 0; x < AGES; x++) {
        D += d?.[s][x] ?? 0;
        E += county.mx[s][x]! * e[s][x]!;
      }
    }
  }
  const k = DEFAULTS.smrShrinkDeaths;
  const smr = (D + k) / (E + k);
  const mx = sexAges();
  for (const s of SEX_LIST) for (let x = 0; x < AGES; x++) mx[s][x] = county.mx[s][x]! * smr;
  return {
    source: 'deaths', years: county.years, deaths: D, mx, smr, smrObserved: E > 0 ? D / E : null,
    e0: { male: e0FromMx(mx.male, 'male'), female: e0FromMx(mx.female, 'female') },
  };
}

/**
 * m(x) for each of `steps` steps (row t: the year base + t + 1), by sex: the base schedule
 * moved along its Brass family so that e0 = min(cap, e0(base) + gain·(t + 1)). With gain 0
 * every row is the base schedule.
 */
export function mortalityPath(base: SexAges, steps: number, gain: number, cap: { male: number; female: number } = DEFAULTS.e0Cap): SexAges {
  const out: SexAges = { male: new Float64Array(steps * AGES), female: new Float64Array(steps * AGES) };
  for (const s of SEX_LIST) {
    const e0 = e0FromMx(base[s], s);
    const family = new BrassFamily(base[s], s);
    for (let t = 0; t < steps; t++) {
      const row = out[s].subarray(t * AGES, (t + 1) * AGES);
      const target = e0 >= cap[s] ? e0 : Math.min(cap[s], e0 + gain * (t + 1));
      if (gain === 0 || target === e0) row.set(base[s]);
      else family.withE0(target, row);
    }
  }
  return out;
}
