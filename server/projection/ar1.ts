/**
 * @module projection/ar1
 * AR(1) parameters of the annual TFR of a unit, for the probabilistic variant.
 *
 * The observed series (up to the last 15 years to the base) is detrended by a least-squares
 * line; on the residuals d, φ = Σ d(t)·d(t−1) / Σ d(t−1)², clipped to [0, 0.95], and the
 * innovation σ = sd of d(t) − φ·d(t−1). A series shorter than 8 years falls back to φ = 0.7,
 * σ = 0.06 (children per woman a year: the size of year-to-year swings of China's TFR in the
 * 2010s). Deviations start at 0 in the base year and follow d(t) = φ·d(t−1) + σ·ε, so the
 * uncertainty grows with the horizon toward σ / √(1 − φ²).
 *
 * @example
 * const { phi, sigma } = estimateAr1([1.2, 1.15, 1.3, 1.1, 1.05, 1.0, 0.95, 0.9]);
 */
import { DEFAULTS } from './constants.ts';
import type { Ar1 } from '../../contract/projection.ts';
export type { Ar1 };

export function estimateAr1(series: readonly number[]): Ar1 {
  const n = series.length;
  if (n < DEFAULTS.minSeriesYears) {
    return { phi: DEFAULTS.arPhiDefault, sigma: DEFAULTS.arSigmaDefault, source: 'default', years: n };
  }
  const tMean = (n - 1) / 2;
  const yMean = series.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  series.forEach((y, t) => { sxy += (t - tMean) * (y - yMean); sxx += (t - tMean) ** 2; });
  const slope = sxx > 0 ? sxy / sxx : 0;
  const d = series.map((y, t) => y - yMean - slope * (t - tMean));
  let num = 0;
  let den = 0;
  for (let t = 1; t < n; t++) { num += d[t]! * d[t - 1]!; den += d[t - 1]! ** 2; }
  const phi = Math.min(DEFAULTS.arPhiMax, Math.max(0, den > 0 ? num / den : 0));
  let ss = 0;
  for (let t = 1; t < n; t++) ss += (d[t]! - phi * d[t - 1]!) ** 2;
  const sigma = Math.sqrt(ss / Math.max(1, n - 2));
  return { phi, sigma, source: 'estimated', years: n };
}

/**
 * Spread of the migration multiplier: the coefficient of variation of the annual net migration
 * totals (clipped to [0.05, 0.5]); 0.2 when there are fewer than 3 years or the mean is near 0.
 */
export function migrationSigma(annual: readonly number[]): number {
  const n = annual.length;
  const mean = annual.reduce((a, b) => a + b, 0) / Math.max(1, n);
  if (n < 3 || Math.abs(mean) < 1) return DEFAULTS.migrationSigmaDefault;
  const sd = Math.sqrt(annual.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  const [lo, hi] = DEFAULTS.migrationSigmaRange;
  return Math.min(hi, Math.max(lo, sd / Math.abs(mean)));
}
