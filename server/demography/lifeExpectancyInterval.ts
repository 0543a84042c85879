/**
 * @module demography/lifeExpectancyInterval
 * Life expectancy at birth with a 95% interval from deaths and person-years by age group (an
 * abridged table: 0, 1–4, 5–9, …, open group), for a county or a township in one year.
 *
 * - The table is {@link lifeTable} of m = D / P (Preston's conventions, Coale-Demeny a0 and ₄a₁;
 *   for both sexes together the mean of the male and female rules).
 * - Variance by Chiang's method (Chiang 1984, as in Eayres & Williams 2004):
 *   Var(e₀) = Σᵢ lᵢ² [(nᵢ − aᵢ) + eᵢ₊₁]² Var(qᵢ) over the closed groups (l₀ = 1), with
 *   Var(qᵢ) = qᵢ² (1 − qᵢ) / Dᵢ (0 where no one died), plus for the open group
 *   l_w² Var(1/M_w) = l_w² · D_w / (P_w² M_w⁴); the interval is e₀ ± 1.96·√Var.
 * A table needs deaths in the open group and exposure in every group; otherwise e0 is null.
 *
 * @example
 * const r = lifeExpectancy(deaths, personYears, abridgedWidths(19), 'female');
 * r.e0; r.lo; r.hi;
 */
import { coaleDemenyA0, defaultAx, lifeTable } from './lifetable.ts';
import type { Sex } from './types.ts';

export interface LifeExpectancyEstimate {
  readonly e0: number | null;
  readonly se: number | null;
  readonly lo: number | null;
  readonly hi: number | null;
  readonly deaths: number;
  readonly personYears: number;
}

const Z95 = 1.959963984540054;

export function lifeExpectancy(deaths: ArrayLike<number>, personYears: ArrayLike<number>, widths: ArrayLike<number>, sex: Sex | 'both'): LifeExpectancyEstimate {
  const k = deaths.length;
  let d = 0;
  let p = 0;
  for (let i = 0; i < k; i++) { d += deaths[i]!; p += personYears[i]!; }
  const none = { e0: null, se: null, lo: null, hi: null, deaths: d, personYears: p };
  const open = k - 1;
  for (let i = 0; i < k; i++) if (!(personYears[i]! > 0)) return none;
  if (!(deaths[open]! > 0)) return none;
  const m = Float64Array.from({ length: k }, (_, i) => deaths[i]! / personYears[i]!);
  const ages = new Float64Array(k);
  for (let i = 1; i < k; i++) ages[i] = ages[i - 1]! + widths[i - 1]!;
  const rules = sex === 'both'
    ? (() => { const a = coaleDemenyA0(m[0]!, 'male'); const b = coaleDemenyA0(m[0]!, 'female'); return { a0: (a.a0 + b.a0) / 2, a1to4: (a.a1to4 + b.a1to4) / 2 }; })()
    : coaleDemenyA0(m[0]!, sex);
  const ax = Float64Array.from({ length: k - 1 }, (_, i) => defaultAx(ages[i]!, widths[i]!, rules));
  const lt = lifeTable(m, widths, { sex: sex === 'both' ? 'female' : sex, ax });
  let variance = 0;
  for (let i = 0; i < open; i++) {
    const q = lt.qx[i]!;
    const di = deaths[i]!;
    if (di <= 0) continue;
    const term = lt.lx[i]! * ((widths[i]! - lt.ax[i]!) + lt.ex[i + 1]!);
    variance += term * term * (q * q * (1 - q)) / di;
  }
  const mw = m[open]!;
  variance += (lt.lx[open]! ** 2) * deaths[open]! / (personYears[open]! ** 2 * mw ** 4);
  const e0 = lt.ex[0]!;
  const se = Math.sqrt(variance) / lt.lx[0]!;
  return { e0, se, lo: e0 - Z95 * se, hi: e0 + Z95 * se, deaths: d, personYears: p };
}

/** Single-age counts (0..100) summed into abridged groups 0, 1–4, 5–9, …, `openAge`+. */
export function toAbridged(single: ArrayLike<number>, openAge = 85): Float64Array {
  const groups = 2 + (openAge - 5) / 5 + 1;
  const out = new Float64Array(groups);
  for (let a = 0; a < single.length; a++) {
    const g = a === 0 ? 0 : a < 5 ? 1 : a >= openAge ? groups - 1 : 1 + Math.floor(a / 5);
    out[g] += single[a]!;
  }
  return out;
}
