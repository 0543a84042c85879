import { describe, expect, it } from 'vitest';
import {
  fitSrbPrior,
  posteriorSrb,
  smoothSrb,
  type AreaBirths,
  type BetaPrior,
} from '../../server/stats/empiricalBayes.ts';
import { lnBeta } from '../../server/stats/special.ts';
import { beta, binomial, mulberry32 } from './simulate.ts';

// 25 townships drawn (numpy, seed 20240601) from Beta(0.53·60, 0.47·60) shares and binomial births.
const MALE = [2, 8, 13, 22, 32, 44, 71, 84, 104, 118, 142, 181, 170, 182, 239, 361, 337, 337, 339, 437, 541, 713, 713, 1092, 2615];
const FEMALE = [1, 4, 12, 18, 28, 41, 39, 66, 76, 102, 118, 119, 180, 238, 241, 189, 303, 383, 461, 513, 559, 587, 887, 1008, 2385];
const COUNTY: AreaBirths[] = MALE.map((male, i) => ({ male, female: FEMALE[i] as number }));

// Independent fit: scipy.optimize.minimize (Nelder–Mead on log α, log β) of
// −Σ scipy.stats.betabinom.logpmf(m, n, α, β) on the same data.
const SCIPY_ALPHA = 42.86589181355805;
const SCIPY_BETA = 39.35858531479919;

function priorOf(alpha: number, betaShape: number): BetaPrior {
  const s = alpha + betaShape;
  return {
    alpha,
    beta: betaShape,
    meanShare: alpha / s,
    meanSrb: (100 * alpha) / betaShape,
    strength: s,
    mleStrength: s,
    pooled: false,
    births: 0,
  };
}

function fitted(areas: readonly AreaBirths[]): BetaPrior {
  const fit = fitSrbPrior(areas);
  if (!fit.ok) throw new Error(fit.message);
  return fit.prior;
}

describe('fitSrbPrior', () => {
  it('finds the same beta-binomial MLE as scipy', () => {
    const p = fitted(COUNTY);
    expect(p.alpha / SCIPY_ALPHA).toBeCloseTo(1, 4);
    expect(p.beta / SCIPY_BETA).toBeCloseTo(1, 4);
    expect(p.strength).toBeCloseTo(82.2245, 2);
    expect(p.meanSrb).toBeCloseTo((100 * SCIPY_ALPHA) / SCIPY_BETA, 2); // 108.91
    expect(p.pooled).toBe(false);
    expect(p.births).toBe(17455);
  });

  it.each([11, 22, 33])('recovers a known Beta(104, 96) prior from simulated townships (seed %i)', (seed) => {
    const u = mulberry32(seed);
    const areas: AreaBirths[] = [];
    for (let i = 0; i < 300; i++) {
      const n = 100 + (i % 10) * 150;
      const m = binomial(n, beta(104, 96, u), u);
      areas.push({ male: m, female: n - m });
    }
    const p = fitted(areas);
    // mean share 0.52 (SRB 108.33): standard error ≈ 0.002 here
    expect(Math.abs(p.meanShare - 0.52)).toBeLessThan(0.006);
    // strength 200: the MLE is noisier; within −30% / +45%
    expect(p.strength).toBeGreaterThan(140);
    expect(p.strength).toBeLessThan(290);
  });

  it.each([0.3, 3, 30, 300, 3000, 3e4, 3e5])('finds the best strength of the whole grid when the truth is %s births (coarse-to-fine search)', (strength) => {
    const u = mulberry32(Math.round(strength * 10) + 5);
    const areas: AreaBirths[] = [];
    for (let i = 0; i < 30; i++) {
      const n = 20 + (i % 6) * 200;
      const m = binomial(n, beta(0.515 * strength, 0.485 * strength, u), u);
      areas.push({ male: m, female: n - m });
    }
    // the log-likelihood from ln B, independently of the fit's exceedance sums (ln Γ near 10^8 is
    // good to about 1e-7 a term, hence the 1e-4 allowance below)
    const ll = (a: number, b: number): number => areas.reduce((sum, x) => sum + lnBeta(a + x.male, b + x.female) - lnBeta(a, b), 0);
    const bestOverMean = (s: number): number => {
      let lo = 1e-9;
      let hi = 1 - 1e-9;
      for (let k = 0; k < 100; k++) {
        const m1 = lo + (hi - lo) / 3;
        const m2 = hi - (hi - lo) / 3;
        if (ll(m1 * s, (1 - m1) * s) < ll(m2 * s, (1 - m2) * s)) lo = m1;
        else hi = m2;
      }
      return ll(((lo + hi) / 2) * s, (1 - (lo + hi) / 2) * s);
    };
    const p = fitted(areas);
    const grid = Array.from({ length: 101 }, (_, j) => bestOverMean(10 ** (-2 + j / 10)));
    if (p.mleStrength === null) {
      // still rising at 10^8: the whole grid's best is its top (up to the plateau's rounding)
      expect(grid[100]).toBeGreaterThanOrEqual(Math.max(...grid) - 1e-4);
      expect(strength).toBeGreaterThan(1000);
    } else {
      // none of the 101 grid strengths 10^-2 … 10^8 is better than the fit
      const atFit = ll(p.meanShare * p.mleStrength, (1 - p.meanShare) * p.mleStrength);
      for (const g of grid) expect(atFit).toBeGreaterThanOrEqual(g - 1e-4);
    }
  });

  it('pools fully (strength = total births) when all areas are identical', () => {
    const p = fitted([
      { male: 515, female: 485 },
      { male: 515, female: 485 },
      { male: 515, female: 485 },
      { male: 515, female: 485 },
    ]);
    expect(p.pooled).toBe(true);
    expect(p.strength).toBe(4000);
    expect(p.meanSrb).toBeCloseTo(106.18556701030928, 10);
    expect(p.alpha).toBeCloseTo(2060, 8);
    expect(p.beta).toBeCloseTo(1940, 8);
  });

  it('converges with a single area (full pooling on that area)', () => {
    const p = fitted([{ male: 530, female: 470 }]);
    expect(p.pooled).toBe(true);
    expect(p.strength).toBe(1000);
    expect(p.meanShare).toBeCloseTo(0.53, 12);
    const post = posteriorSrb(p, 530, 470);
    expect(post.srb).toBeCloseTo(112.76595744680851, 9); // = raw ratio
  });

  it('handles zeros: empty areas, all-girl areas, and no births at all', () => {
    const areas = [...COUNTY, { male: 0, female: 0 }, { male: 0, female: 4 }];
    const r = smoothSrb(areas);
    if (!r.ok) throw new Error(r.message);
    const empty = r.areas[25];
    const girls = r.areas[26];
    // an area with no births gets the prior: mean ratio 100α/β and weight 1
    expect(empty?.srb).toBeCloseTo(r.prior.meanSrb, 10);
    expect(empty?.weight).toBe(1);
    // 0 boys of 4: 100 α / (β + 4)
    expect(girls?.srb).toBeCloseTo((100 * r.prior.alpha) / (r.prior.beta + 4), 10);
    expect(girls?.srb).toBeGreaterThan(80);

    const none = fitSrbPrior([{ male: 0, female: 0 }]);
    expect(none).toMatchObject({ ok: false, code: 'no_births' });
    expect(fitSrbPrior([])).toMatchObject({ ok: false, code: 'no_births' });
    expect(fitSrbPrior([{ male: 3, female: 0 }, { male: 5, female: 0 }])).toMatchObject({ ok: false, code: 'one_sex_only' });
    expect(() => fitSrbPrior([{ male: 2.5, female: 1 }])).toThrow(RangeError);
  });
});

describe('posteriorSrb', () => {
  const prior = priorOf(SCIPY_ALPHA, SCIPY_BETA);

  it('gives the Beta(α + m, β + f) posterior mean and quantiles (values from scipy.stats.beta.ppf)', () => {
    const small = posteriorSrb(prior, 2, 1);
    expect(small.srb).toBeCloseTo(111.1681479011259, 9);
    expect(small.lo).toBeCloseTo(72.63256559059404, 7);
    expect(small.hi).toBeCloseTo(170.98526360629498, 7);
    expect(small.weight).toBeCloseTo(0.9647988453424985, 12);

    const big = posteriorSrb(prior, 2615, 2385);
    expect(big.srb).toBeCloseTo(109.63171487556318, 9);
    expect(big.lo).toBeCloseTo(103.76324188043367, 7);
    expect(big.hi).toBeCloseTo(115.84026264894543, 7);

    const none = posteriorSrb(prior, 0, 0);
    expect(none.srb).toBeCloseTo(108.91115996854712, 9);
    expect(none.lo).toBeCloseTo(70.58874668283944, 7);
    expect(none.hi).toBeCloseTo(168.72844249828762, 7);
  });

  /** Fraction of the gap between the raw share and the prior mean closed by smoothing. */
  const moved = (p: BetaPrior, m: number, f: number): number => {
    const raw = m / (m + f);
    return (raw - posteriorSrb(p, m, f).share) / (raw - p.meanShare);
  };

  it('moves a 3-birth township almost all the way to the county value, a 5,000-birth one hardly at all', () => {
    const p = fitted(COUNTY); // strength ≈ 82 births
    const tiny = moved(p, 3, 0);
    const large = moved(p, 2700, 2300);
    expect(tiny).toBeCloseTo(p.strength / (p.strength + 3), 12); // = s/(s+n) = 0.965
    expect(tiny).toBeGreaterThan(0.95);
    expect(large).toBeCloseTo(p.strength / (p.strength + 5000), 12); // = 0.016
    expect(large).toBeLessThan(0.02);
    // on the ratio scale too: 3 boys → from ∞ to ≈ 116.5 (prior 108.9); 2700:2300 (117.39) → ≈ 117.25
    expect(posteriorSrb(p, 3, 0).srb).toBeCloseTo((100 * (p.alpha + 3)) / p.beta, 10);
    const bigSrb = posteriorSrb(p, 2700, 2300).srb;
    expect((117.3913043478261 - bigSrb) / (117.3913043478261 - p.meanSrb)).toBeLessThan(0.02);
  });

  it('with a prior worth 40 births (very unequal townships) a 5,000-birth township moves < 1% of the gap', () => {
    const p = priorOf(0.515 * 40, 0.485 * 40);
    expect(moved(p, 3, 0)).toBeGreaterThan(0.9);
    expect(moved(p, 2700, 2300)).toBeLessThan(0.01);
  });

  it('shrinks more as births decrease (raw share fixed at 0.6)', () => {
    const p = fitted(COUNTY);
    const sizes = [5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];
    const fractions = sizes.map((n) => moved(p, 0.6 * n, 0.4 * n));
    for (let i = 1; i < fractions.length; i++) {
      expect(fractions[i] as number).toBeLessThan(fractions[i - 1] as number);
    }
    expect(fractions[0]).toBeCloseTo(p.strength / (p.strength + 5), 12);
    expect(fractions[10]).toBeCloseTo(p.strength / (p.strength + 10000), 12);
  });
});
