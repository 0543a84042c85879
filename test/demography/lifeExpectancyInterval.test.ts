/**
 * Life expectancy with its 95% interval (server/demography/lifeExpectancyInterval.ts): the point
 * estimate equals the life table of D/P worked here by hand for a three-group table, and the
 * Chiang standard error matches the spread of e0 over 2,000 simulated counties (Poisson deaths
 * from known rates, seeded) within 10%; the interval covers the true e0 about 95% of the time.
 */
import { describe, expect, it } from 'vitest';
import { abridgedWidths } from '../../server/demography/lifetable.ts';
import { lifeExpectancy, toAbridged } from '../../server/demography/lifeExpectancyInterval.ts';

/** Park–Miller, then Knuth's Poisson for small means and a normal approximation for large ones. */
function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}
function poisson(mean: number, u: () => number): number {
  if (mean > 50) {
    const z = Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
  }
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = u(); p > limit; p *= u()) k++;
  return k;
}

describe('life expectancy at birth with an interval', () => {
  it('equals a three-group table worked by hand', () => {
    // groups 0 (n=1), 1-4 (n=4), 5+ (open); male Coale-Demeny rules at m0 = 0.01
    const D = [10, 4, 500];
    const P = [1000, 4000, 20000];
    const r = lifeExpectancy(D, P, [1, 4, Infinity], 'male');
    const m0 = 0.01, m1 = 0.001, m2 = 0.025;
    const a0 = 0.045 + 2.684 * m0, a1 = 1.651 - 2.816 * m0;
    const q0 = m0 / (1 + (1 - a0) * m0), q1 = (4 * m1) / (1 + (4 - a1) * m1);
    const l1 = 1 - q0, l2 = l1 * (1 - q1);
    const e0 = (l1 + a0 * q0) + (4 * l2 + a1 * (l1 - l2)) + l2 / m2;
    expect(r.e0).toBeCloseTo(e0, 10);
    // variance: the closed groups by Chiang, the open group by l² D / (P² M⁴)
    const e1 = (4 * l2 + a1 * (l1 - l2) + l2 / m2) / l1, e2 = 1 / m2;
    const v = ((1 - a0) + e1) ** 2 * q0 ** 2 * (1 - q0) / 10 + (l1 * ((4 - a1) + e2)) ** 2 * q1 ** 2 * (1 - q1) / 4 + l2 ** 2 * 500 / (20000 ** 2 * m2 ** 4);
    expect(r.se).toBeCloseTo(Math.sqrt(v), 10);
    expect(r.hi! - r.lo!).toBeCloseTo(2 * 1.959963984540054 * Math.sqrt(v), 10);
  });

  it('has a standard error equal to the spread of simulated estimates', () => {
    const widths = abridgedWidths(19);
    // a township of ~30,000: Gompertz-like rates over single ages, exposure falling with age
    const single = Array.from({ length: 101 }, (_, a) => (a === 0 ? 0.004 : 0.0002 + 0.00004 * Math.exp(0.095 * a)));
    const exposureSingle = Array.from({ length: 101 }, (_, a) => 420 * Math.exp(-0.00035 * a * a));
    const P = toAbridged(exposureSingle);
    const expectedDeaths = toAbridged(single.map((m, a) => m * exposureSingle[a]!));
    const truth = lifeExpectancy(expectedDeaths, P, widths, 'female').e0!;
    const u = rng(20241);
    const e0s: number[] = [];
    const ses: number[] = [];
    let covered = 0;
    for (let i = 0; i < 2000; i++) {
      const D = Array.from(expectedDeaths, (d) => poisson(d, u));
      const r = lifeExpectancy(D, P, widths, 'female');
      e0s.push(r.e0!);
      ses.push(r.se!);
      if (r.lo! <= truth && truth <= r.hi!) covered++;
    }
    const mean = e0s.reduce((s, x) => s + x, 0) / e0s.length;
    const sd = Math.sqrt(e0s.reduce((s, x) => s + (x - mean) ** 2, 0) / (e0s.length - 1));
    const meanSe = ses.reduce((s, x) => s + x, 0) / ses.length;
    expect(meanSe / sd).toBeGreaterThan(0.9);
    expect(meanSe / sd).toBeLessThan(1.1);
    expect(covered / 2000).toBeGreaterThan(0.92);
    expect(covered / 2000).toBeLessThan(0.975);
  });

  it('gives no estimate without deaths in the open group or exposure in a group', () => {
    expect(lifeExpectancy([1, 0, 0], [100, 400, 900], [1, 4, Infinity], 'female').e0).toBeNull();
    expect(lifeExpectancy([1, 0, 5], [100, 0, 900], [1, 4, Infinity], 'female').e0).toBeNull();
  });

  it('groups single ages into 0, 1–4, 5–9 … 85+', () => {
    const g = toAbridged(Array.from({ length: 101 }, () => 1));
    expect(g).toHaveLength(19);
    expect([g[0], g[1], g[2], g[17], g[18]]).toEqual([1, 4, 5, 5, 16]);
  });
});
