/**
 * @module projection/srb
 * Sex ratio at birth for the projection: county births pooled over the last 5 years up to the
 * base (all residences), males per 100 females. A township keeps its own pooled value only when
 * it is both large (at least 1,000 births) and clearly different (the 95% Wilson interval of its
 * male share excludes the county's share); otherwise it uses the county's value, because a
 * township's SRB from a few hundred births is mostly noise (see the SRB page's smoothing).
 *
 * @example
 * const s = deriveSrb(county, years);
 */
import { DEFAULTS } from './constants.ts';
import type { SrbAssumption, UnitData } from './types.ts';

/** SRB assumed when there are no births at all (males per 100 females). */
export const SRB_FALLBACK = 106;

function pooled(u: UnitData, years: readonly number[]): { male: number; female: number } {
  let male = 0;
  let female = 0;
  for (const y of years) {
    const b = u.birthsBySex.get(y);
    male += b?.male ?? 0;
    female += b?.female ?? 0;
  }
  return { male, female };
}

function wilson(x: number, n: number, z = 1.96): [number, number] {
  const p = x / n;
  const d = 1 + (z * z) / n;
  const c = (p + (z * z) / (2 * n)) / d;
  const h = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [c - h, c + h];
}

export function deriveSrb(u: UnitData, years: readonly number[], county?: SrbAssumption): SrbAssumption {
  const { male, female } = pooled(u, years);
  const observed = female > 0 ? (100 * male) / female : null;
  if (county === undefined) {
    return { years, male, female, srb: observed ?? SRB_FALLBACK, observed, source: 'own' };
  }
  const n = male + female;
  const pc = county.srb / (100 + county.srb);
  if (n >= DEFAULTS.srbOwnMinBirths && observed !== null) {
    const [lo, hi] = wilson(male, n);
    if (pc < lo || pc > hi) return { years, male, female, srb: observed, observed, source: 'own' };
  }
  return { years, male, female, srb: county.srb, observed, source: 'county' };
}
