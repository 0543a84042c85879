import { describe, expect, it } from 'vitest';
import { classifyFunnel, funnelGrid, funnelLimits, Z998 } from '../../server/stats/funnel.ts';

const ratio = (p: number): number => (100 * p) / (1 - p);

/** Normal-approximation limits worked by hand: θ₀ ± z·√(θ₀(1−θ₀)/n), mapped to the ratio. */
function byHand(target: number, n: number) {
  const t = target / (100 + target);
  const se = Math.sqrt((t * (1 - t)) / n);
  return {
    lo95: ratio(t - 1.959963984540054 * se),
    hi95: ratio(t + 1.959963984540054 * se),
    lo998: ratio(t - 3.090232306167813 * se),
    hi998: ratio(t + 3.090232306167813 * se),
  };
}

describe('funnelLimits (normal approximation)', () => {
  it('uses z = 3.090232306167813 for 99.8%', () => {
    expect(Z998).toBe(3.090232306167813);
  });

  it.each([
    [107, 100],
    [107, 1000],
    [105.5, 250],
    [112, 5000],
  ])('target %f, %i births: equals the closed form', (target, n) => {
    const got = funnelLimits(target, n);
    const want = byHand(target, n);
    expect(got.births).toBe(n);
    expect(got.lo95).toBeCloseTo(want.lo95, 10);
    expect(got.hi95 as number).toBeCloseTo(want.hi95, 10);
    expect(got.lo998).toBeCloseTo(want.lo998, 10);
    expect(got.hi998 as number).toBeCloseTo(want.hi998, 10);
  });

  it('worked example: SRB 107 and 400 births give 87.95–130.35 (95%) and 78.47–146.38 (99.8%)', () => {
    // θ₀ = 107/207 = 0.516908; se = √(0.516908·0.483092/400) = 0.024985
    const f = funnelLimits(107, 400);
    expect(f.lo95).toBeCloseTo(87.94771639975474, 8);
    expect(f.hi95 as number).toBeCloseTo(130.35067704247723, 8);
    expect(f.lo998).toBeCloseTo(78.47473048593233, 8);
    expect(f.hi998 as number).toBeCloseTo(146.37813948207466, 8);
  });

  it('has an unbounded (null) upper ratio when the share limit reaches 1, and 0 below', () => {
    // n = 4: θ₀ + 3.09·0.4998/2 = 1.289 → clamped to 1 → null; θ₀ − 3.09·0.2499 < 0 → 0
    const f = funnelLimits(107, 4);
    expect(f.hi998).toBeNull();
    expect(f.lo998).toBe(0);
  });
});

describe('funnelLimits (exact binomial, Spiegelhalter 2005 interpolation)', () => {
  it('matches the interpolated binomial quantiles computed from the pmf for n = 20', () => {
    const n = 20;
    const t = 107 / 207;
    const cdf: number[] = [];
    let pmf = (1 - t) ** n;
    let acc = 0;
    for (let k = 0; k <= n; k++) {
      acc += pmf;
      cdf.push(acc);
      pmf *= ((n - k) / (k + 1)) * (t / (1 - t));
    }
    const limit = (q: number): number => {
      const r = cdf.findIndex((c) => c >= q);
      const below = r > 0 ? (cdf[r - 1] as number) : 0;
      const a = ((cdf[r] as number) - q) / ((cdf[r] as number) - below);
      return ratio((r - a) / n);
    };
    const f = funnelLimits(107, n, 'exact');
    expect(f.lo998).toBeCloseTo(limit(0.001), 9);
    expect(f.lo95).toBeCloseTo(limit(0.025), 9);
    expect(f.hi95 as number).toBeCloseTo(limit(0.975), 9);
    expect(f.hi998 as number).toBeCloseTo(limit(0.999), 9);
    // and the same numbers from scipy.stats.binom (r = 4, 6, 15, 17)
    expect(f.lo998).toBeCloseTo(18.139433419581156, 8);
    expect(f.lo95).toBeCloseTo(36.85115934704282, 8);
    expect(f.hi95 as number).toBeCloseTo(245.7786046066122, 8);
    expect(f.hi998 as number).toBeCloseTo(491.73256751457785, 8);
  });

  it('approaches the normal approximation for large n', () => {
    const e = funnelLimits(107, 20000, 'exact');
    const nrm = funnelLimits(107, 20000);
    expect(Math.abs(e.lo95 - nrm.lo95)).toBeLessThan(0.1);
    expect(Math.abs((e.hi998 as number) - (nrm.hi998 as number))).toBeLessThan(0.1);
  });
});

describe('funnelGrid', () => {
  it('spans minBirths..maxBirths on a log scale, sorted and without duplicates', () => {
    const g = funnelGrid(107, 5000, { minBirths: 10, points: 50 });
    expect(g[0]?.births).toBe(10);
    expect(g[g.length - 1]?.births).toBe(5000);
    for (let i = 1; i < g.length; i++) expect((g[i]?.births as number) > (g[i - 1]?.births as number)).toBe(true);
    // the 25th of 50 points is 10·500^(24/49) ≈ 210 births
    expect(g.some((p) => p.births === Math.round(10 * 500 ** (24 / 49)))).toBe(true);
    const mid = g.find((p) => p.births === 210);
    expect(mid?.hi95 as number).toBeCloseTo(byHand(107, 210).hi95, 10);
  });
});

describe('classifyFunnel', () => {
  // 1,000 births around 107: share limits 0.516908 ± 1.96·0.015802 (0.485936, 0.547880)
  // and ± 3.09·0.015802 (0.468075, 0.565741).
  it.each([
    [566, 434, 'above998'],
    [565, 435, 'above95'],
    [548, 452, 'above95'],
    [547, 453, 'inside'],
    [486, 514, 'inside'],
    [485, 515, 'below95'],
    [469, 531, 'below95'],
    [468, 532, 'below998'],
  ] as const)('%i boys, %i girls → %s', (m, f, cls) => {
    expect(classifyFunnel(m, f, 107)).toBe(cls);
  });

  it('reports no_births for an empty area', () => {
    expect(classifyFunnel(0, 0, 107)).toBe('no_births');
  });
});
