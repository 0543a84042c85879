/**
 * @module stats/wilson
 * Wilson score interval for a binomial proportion, and the SRB interval built on it
 * (DESIGN.md, "Indicators": Wilson interval on the male share p, mapped by 100·p/(1−p)).
 *
 * For x successes in n trials, p̂ = x/n and z the two-sided normal quantile
 * (95% → z = 1.959963984540054), the interval is the set of p whose score test is not
 * rejected (Wilson 1927, JASA 22:209–212; Newcombe 1998, Stat Med 17:857–872, method 3):
 *
 *     centre = (x + z²/2) / (n + z²)
 *     half   = z / (n + z²) · √( x(n − x)/n + z²/4 )
 *     lo, hi = centre ∓ half
 *
 * At x = 0 the lower end is exactly 0 and at x = n the upper end is exactly 1. With n = 0
 * there is no information and the interval is the whole range [0, 1].
 *
 * `srbInterval(male, female)` maps the male-share interval end-point by end-point
 * (the map is increasing). Nulls, because a JSON API cannot carry Infinity or NaN:
 * - `srb` is null when female = 0 (infinite ratio, including no births at all: undefined);
 * - `hi` is null when female = 0 (the upper end of the share interval is 1 → +∞);
 * - `lo` is always finite (0 when male = 0, and 0 when there are no births).
 *
 * @example
 * wilsonInterval(81, 263);   // { lo: 0.2553…, hi: 0.3662… } (Newcombe 1998, Table I)
 * srbInterval(530, 470);     // { srb: 112.77…, lo: 99.60…, hi: 127.67… }
 */
import { srbFromShare } from './ratio.ts';

/** Two-sided 95% standard-normal quantile Φ⁻¹(0.975). */
export const Z95 = 1.959963984540054;

export interface ProportionInterval {
  readonly lo: number;
  readonly hi: number;
}

export interface SrbInterval {
  /** 100 · male / female; null when female = 0 (infinite or undefined). */
  readonly srb: number | null;
  /** Lower end of the ratio interval; always finite. */
  readonly lo: number;
  /** Upper end of the ratio interval; null when female = 0 (unbounded). */
  readonly hi: number | null;
}

function checkCount(v: number, name: string): void {
  if (!(Number.isFinite(v) && v >= 0)) {
    throw new RangeError(`${name} must be a finite count ≥ 0, got ${v}`);
  }
}

function checkZ(z: number): void {
  if (!(Number.isFinite(z) && z > 0)) throw new RangeError(`z must be a finite number > 0, got ${z}`);
}

/** Wilson score interval for x successes out of n (0 ≤ x ≤ n); [0, 1] when n = 0. */
export function wilsonInterval(x: number, n: number, z: number = Z95): ProportionInterval {
  checkCount(x, 'x');
  checkCount(n, 'n');
  checkZ(z);
  if (x > n) throw new RangeError(`x (${x}) cannot exceed n (${n})`);
  if (n === 0) return { lo: 0, hi: 1 };
  const z2 = z * z;
  const centre = (x + z2 / 2) / (n + z2);
  const half = (z / (n + z2)) * Math.sqrt((x * (n - x)) / n + z2 / 4);
  const lo = x === 0 ? 0 : Math.max(0, centre - half);
  const hi = x === n ? 1 : Math.min(1, centre + half);
  return { lo, hi };
}

/** SRB = 100·male/female with the Wilson interval on the male share mapped to the ratio. */
export function srbInterval(male: number, female: number, z: number = Z95): SrbInterval {
  checkCount(male, 'male');
  checkCount(female, 'female');
  const n = male + female;
  const { lo, hi } = wilsonInterval(male, n, z);
  return {
    srb: female > 0 ? (100 * male) / female : null,
    lo: srbFromShare(lo) ?? 0,
    hi: srbFromShare(hi),
  };
}
