/**
 * The generator's embedded schedules (data/generator/schedules.ts) still reproduce the published
 * figures they were fitted to, copied into test/fixtures/refdata (see data/generator/calibrate.ts).
 */
import { describe, expect, it } from 'vitest';
import { loadRefData } from '../data/generator/calibrate.ts';
import { asfrShape, e0FromMx, groupShares, meanAge } from '../data/generator/fit.ts';
import { AGE_PERMILLE_2000, interpolate, ASFR_KNOTS, mortalityRates, nationalAgeShares } from '../data/generator/schedules.ts';

describe('generator calibration against refdata', () => {
  const ref = loadRefData();

  it('base age structure: embedded ‰ = WPP2019 China 2000 within 0.001‰; graduation preserves 5-year totals', () => {
    const total = [...ref.pop2000.male, ...ref.pop2000.female].reduce((a, b) => a + b, 0);
    ref.pop2000.male.forEach((v, i) => expect(Math.abs(AGE_PERMILLE_2000.male[i]! - (1000 * v) / total)).toBeLessThan(0.001));
    ref.pop2000.female.forEach((v, i) => expect(Math.abs(AGE_PERMILLE_2000.female[i]! - (1000 * v) / total)).toBeLessThan(0.001));
    const [m] = nationalAgeShares();
    for (let g = 0; g < 20; g++) {
      let s = 0;
      for (let a = 5 * g; a < 5 * g + 5; a++) s += m[a]!;
      expect(Math.abs(1000 * s - AGE_PERMILLE_2000.male[g]!)).toBeLessThan(0.01);
    }
  });

  it('ASFR shape: every 5-year share within 2.5 points of pasfr, mean age within 0.3 years', () => {
    for (const p of ref.pasfr) {
      const shape = asfrShape(interpolate(ASFR_KNOTS, p.year, (k) => k.mean), interpolate(ASFR_KNOTS, p.year, (k) => k.sd), interpolate(ASFR_KNOTS, p.year, (k) => k.origin));
      const g = groupShares(shape);
      g.forEach((v, i) => expect(Math.abs(v - p.shares[i]!), `${p.label} group ${i}`).toBeLessThan(0.025));
      const refMean = p.shares.reduce((acc, s, i) => acc + s * (17.5 + 5 * i), 0);
      const fittedMean = g.reduce((acc, v, i) => acc + v * (17.5 + 5 * i), 0); // same grouped measure
      expect(Math.abs(fittedMean - refMean), p.label).toBeLessThan(0.3);
      expect(meanAge(shape)).toBeGreaterThan(25);
    }
  });

  it('mortality: 5-year mx within 35% of WPP2019 (the Siler form has no accident hump) (ages 1-94) and e0 within 1.2 years, per sex and period', () => {
    for (const m of ref.mx) {
      const single = mortalityRates(m.period + 2, m.sex); // mid-period year → t at the knot
      m.ages.forEach((a, i) => {
        if (a < 1 || a >= 95) return;
        const ages = a === 1 ? [1, 2, 3, 4] : [a, a + 1, a + 2, a + 3, a + 4];
        const avg = ages.reduce((s, x) => s + single[x]!, 0) / ages.length;
        expect(Math.abs(avg / m.mx[i]! - 1), `${m.period} ${m.sex} age ${a}`).toBeLessThan(0.35);
      });
      expect(Math.abs(single[0]! / m.mx[0]! - 1)).toBeLessThan(0.01);
      const wpp = ref.e0.find((e) => e.period === m.period)!;
      expect(Math.abs(e0FromMx(single) - wpp[m.sex]), `${m.period} ${m.sex} e0`).toBeLessThan(1.2);
    }
  });
});
