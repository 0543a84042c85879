import { describe, expect, it } from 'vitest';
import { betaInc, betaIncInv, binomialCdf, lnGamma, normalQuantile } from '../../server/stats/special.ts';

/** P(Bin(n, x) ≥ a) by direct summation: equals I_x(a, n − a + 1) (Abramowitz & Stegun 26.5.24). */
function binomialUpperTail(a: number, n: number, x: number): number {
  let pmf = (1 - x) ** n;
  let tail = 0;
  for (let k = 0; k <= n; k++) {
    if (k >= a) tail += pmf;
    pmf *= ((n - k) / (k + 1)) * (x / (1 - x));
  }
  return tail;
}

describe('special functions', () => {
  it('lnGamma matches closed forms', () => {
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14); // Γ(½) = √π
    expect(lnGamma(10)).toBeCloseTo(Math.log(362880), 13); // 9!
    expect(lnGamma(1)).toBeCloseTo(0, 14);
    // Stirling: ln Γ(x) ≈ (x−½)ln x − x + ½ln 2π + 1/(12x) − 1/(360x³), error < 1e-16 at x = 1e5
    const x = 1e5;
    const stirling = (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x ** 3);
    expect(Math.abs(lnGamma(x) - stirling) / stirling).toBeLessThan(1e-14);
  });

  it('normalQuantile reproduces the published percentage points', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232306167813, 14);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489004, 14);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446004, 14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12); // scipy.special.ndtri
  });

  it('betaInc equals the binomial tail for integer shapes, and the closed forms for a = 1, b = 1', () => {
    for (const [a, b, x] of [
      [3, 5, 0.3],
      [10, 10, 0.5],
      [52, 49, 0.55],
      [1, 7, 0.2],
      [200, 180, 0.515],
    ] as const) {
      expect(betaInc(x, a, b)).toBeCloseTo(binomialUpperTail(a, a + b - 1, x), 12);
    }
    expect(betaInc(0.3, 1, 4.5)).toBeCloseTo(1 - 0.7 ** 4.5, 14);
    expect(betaInc(0.3, 2.5, 1)).toBeCloseTo(0.3 ** 2.5, 14);
    expect(betaInc(0.5, 0.5, 0.5)).toBeCloseTo(0.5, 14); // arcsine distribution, symmetric
  });

  it('betaIncInv inverts betaInc and matches scipy.special.betaincinv', () => {
    expect(betaIncInv(0.025, 52, 49)).toBeCloseTo(0.41778976540630663, 12);
    expect(betaIncInv(0.975, 52, 49)).toBeCloseTo(0.6113558348383622, 12);
    expect(betaIncInv(0.025, 0.5, 30)).toBeCloseTo(1.650464425776342e-5, 15);
    expect(betaIncInv(0.975, 51500, 48500)).toBeCloseTo(0.5180972741488297, 12);
    for (const p of [0.001, 0.1, 0.5, 0.9, 0.999]) {
      expect(betaInc(betaIncInv(p, 3.5, 40), 3.5, 40)).toBeCloseTo(p, 12);
    }
  });

  it('binomialCdf matches a direct sum of the probability mass function', () => {
    expect(binomialCdf(5, 20, 0.515)).toBeCloseTo(1 - binomialUpperTail(6, 20, 0.515), 13);
    expect(binomialCdf(520, 1000, 0.515)).toBeCloseTo(0.6359685364402633, 11); // scipy.stats.binom.cdf
    expect(binomialCdf(-1, 10, 0.3)).toBe(0);
    expect(binomialCdf(10, 10, 0.3)).toBe(1);
    expect(binomialCdf(0, 10, 0.3)).toBeCloseTo(0.7 ** 10, 14);
  });
});
