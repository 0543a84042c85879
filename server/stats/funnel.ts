/**
 * @module stats/funnel
 * Funnel-plot control limits for the SRB against the number of births (Spiegelhalter 2005,
 * "Funnel plots for comparing institutional performance", Stat Med 24:1185–1202).
 *
 * The limits are computed for the male share and mapped to the ratio by 100·p/(1−p).
 * For a target ratio R₀, θ₀ = R₀/(100 + R₀) and n births:
 *
 * - `normal` (default; Spiegelhalter 2005 §3.1 / Appendix A.1.1, normal approximation):
 *       p_lim = θ₀ ± z · √(θ₀(1 − θ₀)/n),  z = 1.959963984540054 (95%), 3.090232306167813 (99.8%),
 *   clamped to [0, 1]. It is accurate once n·θ₀(1−θ₀) is more than a few, i.e. from
 *   about 20 births; below that it is a guide only.
 * - `exact` (Spiegelhalter 2005, Appendix A.1.1, binomial with interpolation): r_q is the
 *   smallest r with P(Y ≤ r) ≥ q for Y ~ Bin(n, θ₀), and
 *       α = (P(Y ≤ r_q) − q) / (P(Y ≤ r_q) − P(Y ≤ r_q − 1)),  p_lim = (r_q − α)/n,
 *   for q = 0.001, 0.025, 0.975, 0.999.
 *
 * A ratio limit is null when its share limit reaches 1 (unbounded; JSON has no Infinity).
 * The funnel assumes every township shares the target's true SRB; a county with real
 * between-township variation will show more points outside than 5% / 0.2% (see
 * Spiegelhalter 2005 §4 on over-dispersion, and `empiricalBayes.ts`).
 *
 * `classifyFunnel` compares the observed male share m/n with the share limits (a point
 * exactly on a limit is inside).
 *
 * @example
 * funnelLimits(107, 400);              // { births: 400, lo95: 87.95…, hi95: 130.35…, lo998: 78.47…, hi998: 146.38… }
 * classifyFunnel(260, 140, 107);       // 'above998' (SRB 185.7 on 400 births)
 */
import { binomialCdf } from './special.ts';
import { shareFromSrb, srbFromShare } from './ratio.ts';
import { Z95 } from './wilson.ts';
import type { FunnelPoint, FunnelClass } from '../../contract/api.ts';
export type { FunnelPoint, FunnelClass };

/** Two-sided 99.8% standard-normal quantile Φ⁻¹(0.999). */
export const Z998 = 3.090232306167813;

export type FunnelMethod = 'normal' | 'exact';

interface ShareLimits {
  readonly lo95: number;
  readonly hi95: number;
  readonly lo998: number;
  readonly hi998: number;
}

function clamp01(p: number): number {
  return Math.min(1, Math.max(0, p));
}

/** Spiegelhalter's interpolated binomial q-quantile of the proportion Y/n. */
function exactShareQuantile(q: number, n: number, theta: number): number {
  // Smallest r with P(Y ≤ r) ≥ q, by bisection on the monotone CDF.
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (binomialCdf(mid, n, theta) >= q) hi = mid;
    else lo = mid + 1;
  }
  const r = lo;
  const upper = binomialCdf(r, n, theta);
  const lower = binomialCdf(r - 1, n, theta);
  const alpha = upper > lower ? (upper - q) / (upper - lower) : 0;
  return clamp01((r - alpha) / n);
}

function shareLimits(theta: number, n: number, method: FunnelMethod): ShareLimits {
  if (method === 'exact') {
    return {
      lo95: exactShareQuantile(0.025, n, theta),
      hi95: exactShareQuantile(0.975, n, theta),
      lo998: exactShareQuantile(0.001, n, theta),
      hi998: exactShareQuantile(0.999, n, theta),
    };
  }
  const se = Math.sqrt((theta * (1 - theta)) / n);
  return {
    lo95: clamp01(theta - Z95 * se),
    hi95: clamp01(theta + Z95 * se),
    lo998: clamp01(theta - Z998 * se),
    hi998: clamp01(theta + Z998 * se),
  };
}

function checkTarget(targetSrb: number): number {
  if (!(Number.isFinite(targetSrb) && targetSrb > 0)) {
    throw new RangeError(`target SRB must be a finite number > 0, got ${targetSrb}`);
  }
  return shareFromSrb(targetSrb);
}

function checkBirths(n: number): void {
  if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`births must be an integer ≥ 1, got ${n}`);
}

/** 95% and 99.8% funnel limits of the SRB around `targetSrb` for `births` births. */
export function funnelLimits(targetSrb: number, births: number, method: FunnelMethod = 'normal'): FunnelPoint {
  const theta = checkTarget(targetSrb);
  checkBirths(births);
  const s = shareLimits(theta, births, method);
  return {
    births,
    lo95: srbFromShare(s.lo95) ?? 0,
    hi95: srbFromShare(s.hi95),
    lo998: srbFromShare(s.lo998) ?? 0,
    hi998: srbFromShare(s.hi998),
  };
}

/**
 * Funnel limits over a grid of births for plotting: `points` values of n spaced evenly on a
 * log scale from `minBirths` to `maxBirths`, rounded to whole births, without duplicates.
 */
export function funnelGrid(
  targetSrb: number,
  maxBirths: number,
  options: { readonly minBirths?: number; readonly points?: number; readonly method?: FunnelMethod } = {},
): FunnelPoint[] {
  const minBirths = options.minBirths ?? 10;
  const points = options.points ?? 100;
  checkBirths(minBirths);
  checkBirths(maxBirths);
  if (maxBirths < minBirths) throw new RangeError(`maxBirths (${maxBirths}) is below minBirths (${minBirths})`);
  if (!(Number.isInteger(points) && points >= 2)) throw new RangeError(`points must be an integer ≥ 2, got ${points}`);
  const ns = new Set<number>();
  const ratio = Math.log(maxBirths / minBirths);
  for (let j = 0; j < points; j++) ns.add(Math.round(minBirths * Math.exp((ratio * j) / (points - 1))));
  return [...ns].sort((a, b) => a - b).map((n) => funnelLimits(targetSrb, n, options.method));
}

/** Where an area with `male` boys and `female` girls falls on the funnel around `targetSrb`. */
export function classifyFunnel(
  male: number,
  female: number,
  targetSrb: number,
  method: FunnelMethod = 'normal',
): FunnelClass {
  const theta = checkTarget(targetSrb);
  for (const v of [male, female]) {
    if (!(Number.isInteger(v) && v >= 0)) throw new RangeError(`birth counts must be integers ≥ 0, got ${v}`);
  }
  const n = male + female;
  if (n === 0) return 'no_births';
  const p = male / n;
  const s = shareLimits(theta, n, method);
  if (p > s.hi998) return 'above998';
  if (p > s.hi95) return 'above95';
  if (p < s.lo998) return 'below998';
  if (p < s.lo95) return 'below95';
  return 'inside';
}
