/**
 * @module generator/fit
 * The small model forms the generator's schedules use and the tools to fit them:
 * a shifted-gamma ASFR age shape, the Siler mortality hazard, mean-preserving graduation of
 * 5-year age groups to single years, a period life table, and a Nelder-Mead minimiser.
 * Pure functions: used at run time by the schedules and, with refdata, by calibrate.ts and
 * the calibration test.
 *
 * @example
 * const shape = asfrShape(27, 5.2); // 35 single-age weights for ages 15..49, summing to 1
 */

/** First and last single age of childbearing the generator models. */
export const FERTILE_MIN = 15;
export const FERTILE_MAX = 49;
export const FERTILE_AGES = FERTILE_MAX - FERTILE_MIN + 1;
/** Default origin of the shifted gamma: no births before this exact age. */
const GAMMA_ORIGIN = 13;

/**
 * Single-age ASFR shape for ages 15..49 (sums to 1): the exact age at birth minus `origin` follows
 * a gamma distribution with the given mean and standard deviation, evaluated at a + 0.5.
 */
export function asfrShape(mean: number, sd: number, origin = GAMMA_ORIGIN): Float64Array {
  const m = mean - origin;
  const k = (m / sd) ** 2;
  const theta = (sd * sd) / m;
  const out = new Float64Array(FERTILE_AGES);
  let total = 0;
  for (let i = 0; i < FERTILE_AGES; i++) {
    const x = FERTILE_MIN + i + 0.5 - origin;
    const v = x > 0 ? Math.exp((k - 1) * Math.log(x) - x / theta) : 0;
    out[i] = v;
    total += v;
  }
  for (let i = 0; i < FERTILE_AGES; i++) out[i]! /= total;
  return out;
}

/** Shares of a single-age 15..49 schedule in the seven 5-year groups 15-19..45-49. */
export function groupShares(single: ArrayLike<number>): number[] {
  const g = [0, 0, 0, 0, 0, 0, 0];
  let t = 0;
  for (let i = 0; i < FERTILE_AGES; i++) {
    g[Math.floor(i / 5)]! += single[i]!;
    t += single[i]!;
  }
  return g.map((v) => v / t);
}

/** Mean age at childbearing of a single-age 15..49 schedule (ages at a + 0.5). */
export function meanAge(single: ArrayLike<number>): number {
  let s = 0;
  let t = 0;
  for (let i = 0; i < FERTILE_AGES; i++) {
    s += single[i]! * (FERTILE_MIN + i + 0.5);
    t += single[i]!;
  }
  return s / t;
}

/** Siler hazard parameters: h(x) = a1·e^(−b1·x) + a2 + a3·e^(b3·x). */
export interface Siler {
  readonly a1: number;
  readonly b1: number;
  readonly a2: number;
  readonly a3: number;
  readonly b3: number;
}

export function silerHazard(p: Siler, x: number): number {
  return p.a1 * Math.exp(-p.b1 * x) + p.a2 + p.a3 * Math.exp(p.b3 * x);
}

/** Life expectancy at birth from single-age death rates mx[0..100] (100 = open group). */
export function e0FromMx(mx: ArrayLike<number>): number {
  let l = 1;
  let e = 0;
  const n = mx.length;
  for (let a = 0; a < n - 1; a++) {
    const m = mx[a]!;
    const ax = a === 0 ? (m > 0.107 ? 0.33 : 0.045 + 2.684 * m) : 0.5;
    const q = m / (1 + (1 - ax) * m);
    const d = l * Math.min(1, q);
    e += l - d + ax * d;
    l -= d;
  }
  const mo = mx[n - 1]!;
  e += mo > 0 ? l / mo : 0;
  return e;
}

/**
 * Mean-preserving graduation of 5-year group counts (ages 0-4 … 95-99) to single years: a
 * monotone (Fritsch-Carlson) cubic through the cumulative totals at 0, 5, …, 100, differenced.
 */
export function graduate5(groups: ArrayLike<number>): Float64Array {
  const n = groups.length;
  const xs = new Float64Array(n + 1);
  const cum = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    xs[i + 1] = 5 * (i + 1);
    cum[i + 1] = cum[i]! + groups[i]!;
  }
  const slope = new Float64Array(n);
  for (let i = 0; i < n; i++) slope[i] = groups[i]! / 5;
  const tang = new Float64Array(n + 1);
  tang[0] = slope[0]!;
  tang[n] = slope[n - 1]!;
  for (let i = 1; i < n; i++) {
    const s0 = slope[i - 1]!;
    const s1 = slope[i]!;
    tang[i] = s0 * s1 <= 0 ? 0 : (2 * s0 * s1) / (s0 + s1);
  }
  const at = (x: number): number => {
    const i = Math.min(n - 1, Math.floor(x / 5));
    const t = (x - xs[i]!) / 5;
    const h00 = 2 * t ** 3 - 3 * t ** 2 + 1;
    const h10 = t ** 3 - 2 * t ** 2 + t;
    const h01 = -2 * t ** 3 + 3 * t ** 2;
    const h11 = t ** 3 - t ** 2;
    return h00 * cum[i]! + h10 * 5 * tang[i]! + h01 * cum[i + 1]! + h11 * 5 * tang[i + 1]!;
  };
  const out = new Float64Array(5 * n);
  for (let a = 0; a < 5 * n; a++) out[a] = Math.max(0, at(a + 1) - at(a));
  return out;
}

/** Nelder-Mead minimisation of f from x0 (initial simplex steps `step`). */
export function nelderMead(f: (x: number[]) => number, x0: readonly number[], step: readonly number[], iterations = 4000): number[] {
  const n = x0.length;
  let pts: number[][] = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const p = x0.slice();
    p[i]! += step[i]!;
    pts.push(p);
  }
  let vals = pts.map(f);
  for (let it = 0; it < iterations; it++) {
    const order = vals.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]).map(([, i]) => i);
    pts = order.map((i) => pts[i]!);
    vals = order.map((i) => vals[i]!);
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j]! += pts[i]![j]! / n;
    const worst = pts[n]!;
    const along = (t: number): number[] => centroid.map((c, j) => c + t * (worst[j]! - c));
    const xr = along(-1);
    const fr = f(xr);
    if (fr < vals[0]!) {
      const xe = along(-2);
      const fe = f(xe);
      if (fe < fr) { pts[n] = xe; vals[n] = fe; } else { pts[n] = xr; vals[n] = fr; }
    } else if (fr < vals[n - 1]!) {
      pts[n] = xr; vals[n] = fr;
    } else {
      const xc = along(0.5);
      const fc = f(xc);
      if (fc < vals[n]!) { pts[n] = xc; vals[n] = fc; } else {
        for (let i = 1; i <= n; i++) {
          pts[i] = pts[i]!.map((v, j) => pts[0]![j]! + 0.5 * (v - pts[0]![j]!));
          vals[i] = f(pts[i]!);
        }
      }
    }
    if (Math.abs(vals[n]! - vals[0]!) < 1e-14 * (1 + Math.abs(vals[0]!))) break;
  }
  const best = vals.indexOf(Math.min(...vals));
  return pts[best]!;
}
