/**
 * @module stats/empiricalBayes
 * Beta-binomial empirical Bayes for the male share of births across areas (townships),
 * giving a smoothed SRB that shrinks small townships toward the county (DESIGN.md,
 * "Indicators").
 *
 * Model (Efron & Morris 1975; Carlin & Louis, *Bayesian Methods for Data Analysis*, 3rd
 * ed., §5.3; Kleinman 1973 for the beta-binomial): area i has m_i boys and f_i girls,
 * n_i = m_i + f_i, m_i | p_i ~ Bin(n_i, p_i), p_i ~ Beta(α, β). Write μ = α/(α+β) (prior
 * mean share) and s = α+β (prior strength, in births).
 *
 * Fit: (μ, s) maximise the beta-binomial marginal log-likelihood
 *
 *     ℓ(α, β) = Σ_i [ ln B(α + m_i, β + f_i) − ln B(α, β) ]
 *             = Σ_i [ Σ_{k<m_i} ln(α+k) + Σ_{k<f_i} ln(β+k) − Σ_{k<n_i} ln(s+k) ]
 *
 * (binomial coefficients dropped). For each s on a grid of log10 s from −2 to 8 (step 0.1)
 * the concave inner problem in μ is solved by safeguarded Newton; the best grid point is
 * refined by golden-section search on ln s. The grid is searched coarse to fine: every fifth
 * point first, then the fine points within 0.6 decades of the best coarse one. For a profile
 * that rises to one peak and falls (as ℓ does in s) the best fine point lies there, so the fit
 * is the same as evaluating all 101 points, in about 30 evaluations instead.
 *
 * Full-pooling fallback: when the areas vary no more than binomial noise allows, ℓ keeps
 * rising as s → ∞ (every area would be set to the county share with no uncertainty). The
 * strength actually used is therefore capped at N = Σ n_i, the births the prior mean was
 * estimated from: in the full-pooling limit a hierarchical model's posterior for each area
 * is the county share's own posterior, which carries about N births of information.
 * `pooled` is true when the cap applies, and `mleStrength` is null when ℓ was still rising
 * at s = 1e8 (unbounded MLE). As with any plug-in empirical Bayes, an area's own births
 * count in both the prior and its likelihood; this matters only when one area holds most of
 * the county's births (with a single area the interval is too narrow by up to √2).
 *
 * Posterior for area i: p_i | data ~ Beta(α + m_i, β + f_i); the posterior mean share is
 * (α + m_i)/(s + n_i) = w_i μ + (1 − w_i) m_i/n_i with shrinkage weight w_i = s/(s + n_i).
 * The smoothed SRB is that mean share mapped by 100·p/(1−p) = 100 (α + m_i)/(β + f_i)
 * (the ratio of the posterior mean share, not the posterior mean of the ratio); the interval
 * is the equal-tailed posterior interval of p_i (beta quantiles) mapped the same way.
 *
 * @example
 * const fit = fitSrbPrior([{ male: 520, female: 480 }, { male: 2, female: 1 }]);
 * if (fit.ok) posteriorSrb(fit.prior, 2, 1); // pooled prior (no spread to detect): { srb: 108.71, lo: 96.07, hi: 123.06, weight: 0.997, … }
 */
import { betaIncInv } from './special.ts';
import { srbFromShare } from './ratio.ts';

export interface AreaBirths {
  readonly male: number;
  readonly female: number;
}

export interface BetaPrior {
  /** α = μ · strength. */
  readonly alpha: number;
  /** β = (1 − μ) · strength. */
  readonly beta: number;
  /** Prior mean male share μ = α / (α + β). */
  readonly meanShare: number;
  /** Prior mean share as a ratio, 100 μ / (1 − μ). */
  readonly meanSrb: number;
  /** α + β actually used: the prior's weight, in births. */
  readonly strength: number;
  /** The maximum-likelihood α + β before the cap at total births; null if unbounded. */
  readonly mleStrength: number | null;
  /** True when the strength was capped at the total births (no detectable between-area variation). */
  readonly pooled: boolean;
  /** Total births the prior was fitted on. */
  readonly births: number;
}

export type PriorFitError = 'no_births' | 'one_sex_only';

export type PriorFit =
  | { readonly ok: true; readonly prior: BetaPrior }
  | { readonly ok: false; readonly code: PriorFitError; readonly message: string };

export interface SmoothedSrb {
  /** Births in the area, n_i. */
  readonly births: number;
  /** Posterior mean male share (α + m_i) / (α + β + n_i). */
  readonly share: number;
  /** Smoothed ratio 100 (α + m_i) / (β + f_i). */
  readonly srb: number;
  /** Lower end of the posterior interval of the ratio. */
  readonly lo: number;
  /** Upper end; null only if the upper share quantile rounds to 1 (unbounded). */
  readonly hi: number | null;
  /** Shrinkage weight s / (s + n_i): 1 = all prior, 0 = all own data. */
  readonly weight: number;
}

export type SmoothResult =
  | { readonly ok: true; readonly prior: BetaPrior; readonly areas: readonly SmoothedSrb[] }
  | { readonly ok: false; readonly code: PriorFitError; readonly message: string };

const LOG10_S_MIN = -2;
const LOG10_S_MAX = 8;
const GRID_STEP = 0.1;
/** The coarse pass takes every fifth grid point (half a decade). */
const COARSE_EVERY = 5;

/** Counts c[k] = #{areas with value > k}, k = 0 … max − 1: the sums over k in ℓ. */
function exceedances(values: readonly number[]): Float64Array {
  const max = values.reduce((a, v) => Math.max(a, v), 0);
  const hist = new Float64Array(max + 1);
  for (const v of values) hist[v] = (hist[v] as number) + 1;
  const c = new Float64Array(max);
  let above = 0;
  for (let k = max; k >= 1; k--) {
    above += hist[k] as number;
    c[k - 1] = above;
  }
  return c;
}

interface Tallies {
  readonly cm: Float64Array;
  readonly cf: Float64Array;
  readonly cn: Float64Array;
}

function sumLog(c: Float64Array, a: number): number {
  let s = 0;
  for (let k = 0; k < c.length; k++) s += (c[k] as number) * Math.log(a + k);
  return s;
}

function logLik(t: Tallies, alpha: number, beta: number): number {
  return sumLog(t.cm, alpha) + sumLog(t.cf, beta) - sumLog(t.cn, alpha + beta);
}

/** argmax over μ of ℓ(μs, (1−μ)s) for fixed s; ℓ is concave in μ, its score decreasing. */
function bestMean(t: Tallies, s: number, start: number): number {
  let lo = 0;
  let hi = 1;
  let mu = start;
  for (let iter = 0; iter < 200; iter++) {
    const a = s * mu;
    const b = s * (1 - mu);
    let g = 0;
    let h = 0;
    for (let k = 0; k < t.cm.length; k++) {
      const r = (t.cm[k] as number) / (a + k);
      g += r;
      h += r / (a + k);
    }
    for (let k = 0; k < t.cf.length; k++) {
      const r = (t.cf[k] as number) / (b + k);
      g -= r;
      h += r / (b + k);
    }
    if (g > 0) lo = mu;
    else hi = mu;
    let next = mu + g / (s * h);
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - mu) < 1e-14 || hi - lo < 1e-15) return next;
    mu = next;
  }
  return mu;
}

function validate(areas: readonly AreaBirths[]): void {
  for (const [i, a] of areas.entries()) {
    for (const v of [a.male, a.female]) {
      if (!(Number.isInteger(v) && v >= 0)) {
        throw new RangeError(`area ${i}: birth counts must be integers ≥ 0, got male=${a.male}, female=${a.female}`);
      }
    }
  }
}

/** Fit the Beta(α, β) prior of the male share across areas by beta-binomial maximum likelihood. */
export function fitSrbPrior(areas: readonly AreaBirths[]): PriorFit {
  validate(areas);
  const M = areas.reduce((s, a) => s + a.male, 0);
  const F = areas.reduce((s, a) => s + a.female, 0);
  const N = M + F;
  if (N === 0) {
    return { ok: false, code: 'no_births', message: '没有出生数据，无法估计性别比先验 (no births to fit the SRB prior on)' };
  }
  if (M === 0 || F === 0) {
    return {
      ok: false,
      code: 'one_sex_only',
      message: '所有出生均为同一性别，无法估计性别比先验 (all births are of one sex; the SRB prior cannot be fitted)',
    };
  }
  const t: Tallies = {
    cm: exceedances(areas.map((a) => a.male)),
    cf: exceedances(areas.map((a) => a.female)),
    cn: exceedances(areas.map((a) => a.male + a.female)),
  };
  const pooledShare = M / N;
  const profile = (lnS: number): { ll: number; mu: number } => {
    const s = Math.exp(lnS);
    const mu = bestMean(t, s, pooledShare);
    return { ll: logLik(t, s * mu, s * (1 - mu)), mu };
  };

  const steps = Math.round((LOG10_S_MAX - LOG10_S_MIN) / GRID_STEP);
  const lnSAt = (j: number): number => (LOG10_S_MIN + j * GRID_STEP) * Math.LN10;
  const llAt = new Map<number, number>();
  const gridLl = (j: number): number => {
    let ll = llAt.get(j);
    if (ll === undefined) llAt.set(j, (ll = profile(lnSAt(j)).ll));
    return ll;
  };
  /** The first index of the highest grid value among `indices` (ascending), as one pass over them would pick. */
  const bestOf = (indices: number[]): number => {
    let best = indices[0] as number;
    let bestLl = -Infinity;
    for (const j of indices) {
      const ll = gridLl(j);
      if (ll > bestLl) {
        bestLl = ll;
        best = j;
      }
    }
    return best;
  };
  const coarse = Array.from({ length: Math.floor(steps / COARSE_EVERY) + 1 }, (_, k) => k * COARSE_EVERY);
  if (coarse[coarse.length - 1] !== steps) coarse.push(steps);
  const around = bestOf(coarse);
  const fine: number[] = [];
  for (let j = Math.max(0, around - COARSE_EVERY - 1); j <= Math.min(steps, around + COARSE_EVERY + 1); j++) fine.push(j);
  const best = bestOf(fine);

  let mleStrength: number | null = null;
  let mu = pooledShare;
  if (best < steps) {
    // Golden-section refinement of ln s between the grid neighbours of the best point.
    let a = lnSAt(Math.max(0, best - 1));
    let b = lnSAt(best + 1);
    const r = (Math.sqrt(5) - 1) / 2;
    let c = b - r * (b - a);
    let d = a + r * (b - a);
    let fc = profile(c).ll;
    let fd = profile(d).ll;
    for (let iter = 0; iter < 80 && b - a > 1e-10; iter++) {
      if (fc > fd) {
        b = d;
        d = c;
        fd = fc;
        c = b - r * (b - a);
        fc = profile(c).ll;
      } else {
        a = c;
        c = d;
        fc = fd;
        d = a + r * (b - a);
        fd = profile(d).ll;
      }
    }
    const lnS = 0.5 * (a + b);
    mleStrength = Math.exp(lnS);
    mu = profile(lnS).mu;
  }

  const pooled = mleStrength === null || mleStrength >= N;
  const strength = pooled ? N : (mleStrength as number);
  if (pooled) mu = pooledShare;
  return {
    ok: true,
    prior: {
      alpha: mu * strength,
      beta: (1 - mu) * strength,
      meanShare: mu,
      meanSrb: (100 * mu) / (1 - mu),
      strength,
      mleStrength,
      pooled,
      births: N,
    },
  };
}

/** Posterior (smoothed) SRB for one area under a fitted prior, with an equal-tailed interval. */
export function posteriorSrb(prior: BetaPrior, male: number, female: number, level = 0.95): SmoothedSrb {
  validate([{ male, female }]);
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  const a = prior.alpha + male;
  const b = prior.beta + female;
  const n = male + female;
  const tail = (1 - level) / 2;
  return {
    births: n,
    share: a / (a + b),
    srb: (100 * a) / b,
    lo: srbFromShare(betaIncInv(tail, a, b)) ?? 0,
    hi: srbFromShare(betaIncInv(1 - tail, a, b)),
    weight: prior.strength / (prior.strength + n),
  };
}

/** Fit the prior on all areas and return every area's smoothed SRB (same order as input). */
export function smoothSrb(areas: readonly AreaBirths[], level = 0.95): SmoothResult {
  const fit = fitSrbPrior(areas);
  if (!fit.ok) return fit;
  return {
    ok: true,
    prior: fit.prior,
    areas: areas.map((a) => posteriorSrb(fit.prior, a.male, a.female, level)),
  };
}
