/**
 * @module generator/policy
 * Birth order, sex ratio at birth and policy-compliance schedules of the demo county. These
 * are not fitted to a published table: they are set so the county's figures follow what is
 * known of China 2000-2024 (order mix under the one-child / "1.5-child" rules, the 2016
 * universal two-child and 2021 three-child policies; SRB by order ≈ 107 / 140 / 160 in the
 * 2000s falling toward 105 / 112 / 120, which puts the overall SRB on WPP2024's national path
 * 1.17 → 1.11; hot-spot townships stay near 130). `test/generator-realism.test.ts` checks
 * the resulting figures.
 */
import type { RegionKind, Residence } from '../../contract/tables.ts';
import { asfrShape, FERTILE_AGES } from './fit.ts';
import { asfrParams } from './schedules.ts';

/** Piecewise-linear value over year knots [year, value], flat beyond the ends. */
export function path(knots: readonly (readonly [number, number])[], year: number): number {
  if (year <= knots[0]![0]) return knots[0]![1];
  for (let i = 1; i < knots.length; i++) {
    const [y1, v1] = knots[i]!;
    if (year <= y1) {
      const [y0, v0] = knots[i - 1]!;
      return v0 + ((year - y0) / (y1 - y0)) * (v1 - v0);
    }
  }
  return knots[knots.length - 1]![1];
}

const SECOND_SHARE: readonly (readonly [number, number])[] = [
  [2000, 0.34], [2015, 0.36], [2016, 0.5], [2017, 0.53], [2018, 0.5], [2019, 0.48], [2020, 0.46], [2021, 0.44], [2022, 0.42], [2024, 0.4],
];
const THIRD_SHARE_REGISTERED: readonly (readonly [number, number])[] = [
  [2000, 0.015], [2015, 0.01], [2016, 0.014], [2020, 0.016], [2021, 0.025], [2022, 0.045], [2023, 0.06], [2024, 0.065],
];
const THIRD_SHARE_MIGRANT: readonly (readonly [number, number])[] = [[2000, 0.07], [2015, 0.06], [2021, 0.06], [2023, 0.09]];

/** Expected shares of first, second and third+ births. */
export function orderShares(year: number, kind: RegionKind, residence: Residence): [number, number, number] {
  const two = year >= 2016;
  const k2 = kind === 'subdistrict' ? (two ? 0.9 : 0.75) : kind === 'township' ? (two ? 1.08 : 1.2) : 1;
  const k3 = kind === 'subdistrict' ? 0.5 : kind === 'township' ? 1.4 : 1;
  const s2 = path(SECOND_SHARE, year) * (residence === 'migrant' ? 1.05 : k2);
  const s3 = residence === 'migrant' ? path(THIRD_SHARE_MIGRANT, year) : path(THIRD_SHARE_REGISTERED, year) * k3;
  return [1 - s2 - s3, s2, s3];
}

/** Mean-age offsets and sd factors of the order-specific shapes (first births earlier). */
const ORDER_SHIFT = [-2.2, 2.3, 5.0] as const;
const ORDER_SD = [0.8, 0.85, 0.95] as const;

/**
 * P(order | mother's age) for ages 15..49: row-major [age][order], from order-specific
 * shifted-gamma shapes weighted by the order shares (the overall age shape stays the fitted one).
 */
export function orderByAge(year: number, kind: RegionKind, residence: Residence): Float64Array {
  const shares = orderShares(year, kind, residence);
  const { mean, sd, origin } = asfrParams(year);
  const shapes = [0, 1, 2].map((k) => asfrShape(mean + ORDER_SHIFT[k]!, sd * ORDER_SD[k]!, Math.min(origin, mean + ORDER_SHIFT[k]! - 4)));
  const out = new Float64Array(FERTILE_AGES * 3);
  for (let i = 0; i < FERTILE_AGES; i++) {
    let t = 0;
    for (let k = 0; k < 3; k++) t += shares[k]! * shapes[k]![i]!;
    for (let k = 0; k < 3; k++) out[i * 3 + k] = t > 0 ? (shares[k]! * shapes[k]![i]!) / t : k === 0 ? 1 : 0;
  }
  return out;
}

const SRB: readonly (readonly (readonly [number, number])[])[] = [
  [[2009, 1.07], [2024, 1.05]],
  [[2009, 1.42], [2024, 1.08]],
  [[2009, 1.6], [2024, 1.12]],
];
const SRB_HOTSPOT: readonly (readonly (readonly [number, number])[])[] = [
  [[2009, 1.14], [2024, 1.14]],
  [[2009, 1.66], [2024, 1.56]],
  [[2009, 1.85], [2024, 1.75]],
];

/** Probability that a birth of order 1..3 (index 0..2) is a boy. */
export function maleProbability(year: number, orderIndex: number, hotspot: boolean): number {
  const srb = path((hotspot ? SRB_HOTSPOT : SRB)[orderIndex]!, year);
  return srb / (1 + srb);
}

/** [compliant, noncompliant, unknown] probabilities of a birth. */
export function policyProbabilities(year: number, orderIndex: number, kind: RegionKind, residence: Residence): [number, number, number] {
  const migrant = residence === 'migrant';
  const unknown = migrant ? 0.02 : 0.003;
  let non: number;
  if (orderIndex === 0) non = migrant ? 0.01 : 0.001;
  else if (orderIndex === 1) {
    if (year >= 2016) non = migrant ? 0.03 : 0.002;
    else non = migrant ? 0.15 : kind === 'subdistrict' ? 0.03 : kind === 'township' ? 0.008 : 0.015;
  } else {
    if (year >= 2022) non = migrant ? 0.15 : 0.08;
    else if (year >= 2016) non = migrant ? 0.75 : 0.65;
    else non = migrant ? 0.9 : 0.8;
  }
  return [1 - non - unknown, non, unknown];
}

/** Share of births delivered in hospital: logistic from ~90% (2000) to ~99.9% (2024). */
export function hospitalShare(year: number, residence: Residence): number {
  const z = 2.197 + 0.196 * (year - 2000) - (residence === 'migrant' ? 0.7 : 0);
  return 1 / (1 + Math.exp(-z));
}

/** Share of births that are twins (each twin is its own record). */
export function twinShare(year: number): number {
  return path([[2000, 0.01], [2024, 0.018]], year);
}
