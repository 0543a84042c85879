/**
 * @module progress/nowcast
 * A full-year estimate from the year-to-date figure and the seasonal pattern of earlier years,
 * pure. For a count (births): in each earlier year k the full-year total was r_k = total_k ÷ ytd_k
 * times its 1–N月 figure; with m and s the mean and standard deviation of ln r_k over K years, the
 * estimate is ytd · e^m and the 95% prediction interval ytd · e^(m ± t · s · √(1 + 1/K)), t the
 * Student quantile with K − 1 degrees of freedom. The spread of earlier years' ratios carries both
 * the year-to-year change of the seasonal pattern and the chance variation of small counts.
 *
 * For a proportion (compliance, hospital delivery, the male share behind the SRB) the rest of the
 * year is assumed to go like the part already seen: with x of n so far and R more expected, the
 * estimate is the year-to-date share, and its interval reflects that only n of the n + R are known:
 * p̂ ± z · R/(n + R) · √(p̂(1 − p̂)/n).
 *
 * `backtestCounts` replays the count nowcast on earlier years (each year estimated from the years
 * before it only) and reports the mean absolute percentage error and the interval's coverage.
 *
 * @example
 * nowcastCount(2330, [{ ytd: 2400, total: 4900 }, { ytd: 2500, total: 5000 }, { ytd: 2300, total: 4700 }]);
 */
import { Z95 } from '../stats/index.ts';

export interface YearSplit { readonly ytd: number; readonly total: number }
export interface Estimate { readonly value: number; readonly lo: number; readonly hi: number; readonly years: number }

/** Two-sided 95% Student t quantiles by degrees of freedom (1–30); beyond, the normal 1.96. */
const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

export function t975(df: number): number {
  return df >= 1 && df <= T975.length ? T975[df - 1]! : Z95;
}

/** Null when fewer than two earlier years have events in both parts (no spread can be measured). */
export function nowcastCount(ytd: number, history: readonly YearSplit[]): Estimate | null {
  const logs = history.filter((h) => h.ytd > 0 && h.total >= h.ytd).map((h) => Math.log(h.total / h.ytd));
  const k = logs.length;
  if (k < 2) return null;
  const m = logs.reduce((a, b) => a + b, 0) / k;
  const s = Math.sqrt(logs.reduce((a, b) => a + (b - m) ** 2, 0) / (k - 1));
  const half = t975(k - 1) * s * Math.sqrt(1 + 1 / k);
  return { value: ytd * Math.exp(m), lo: ytd * Math.exp(m - half), hi: ytd * Math.exp(m + half), years: k };
}

/** The full-year share from x of n so far with `remaining` more events expected (see the module doc). */
export function nowcastShare(x: number, n: number, remaining: number): Estimate | null {
  if (n <= 0) return null;
  const p = x / n;
  const r = Math.max(0, remaining);
  const half = Z95 * (r / (n + r)) * Math.sqrt((p * (1 - p)) / n);
  return { value: p, lo: Math.max(0, p - half), hi: Math.min(1, p + half), years: 0 };
}

export interface BacktestPoint { year: number; through: number; actual: number; estimate: number; lo: number; hi: number; error_pct: number }
export interface BacktestSummary { through: number; n: number; mape: number; coverage: number }

/**
 * Replays the nowcast for every year with at least `minHistory` earlier years, through each month
 * given: `monthly` maps a year to its 12 monthly counts.
 */
export function backtestCounts(monthly: ReadonlyMap<number, readonly number[]>, throughs: readonly number[], minHistory = 3, maxHistory = 5): { points: BacktestPoint[]; summary: BacktestSummary[] } {
  const years = [...monthly.keys()].sort((a, b) => a - b);
  const sum = (ms: readonly number[], upto: number) => ms.slice(0, upto).reduce((a, b) => a + b, 0);
  const points: BacktestPoint[] = [];
  for (const through of throughs) {
    for (const year of years) {
      const earlier = years.filter((y) => y < year).slice(-maxHistory);
      if (earlier.length < minHistory) continue;
      const months = monthly.get(year)!;
      const actual = sum(months, 12);
      const history = earlier.map((y) => ({ ytd: sum(monthly.get(y)!, through), total: sum(monthly.get(y)!, 12) }));
      const est = nowcastCount(sum(months, through), history);
      if (!est || actual === 0) continue;
      points.push({ year, through, actual, estimate: est.value, lo: est.lo, hi: est.hi, error_pct: (100 * (est.value - actual)) / actual });
    }
  }
  const summary = throughs.map((through) => {
    const ps = points.filter((p) => p.through === through);
    return {
      through, n: ps.length,
      mape: ps.length ? ps.reduce((a, p) => a + Math.abs(p.error_pct), 0) / ps.length : Number.NaN,
      coverage: ps.length ? ps.filter((p) => p.actual >= p.lo && p.actual <= p.hi).length / ps.length : Number.NaN,
    };
  });
  return { points, summary };
}
