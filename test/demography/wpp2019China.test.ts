/**
 * Validation against WPP2019's medium variant for China from the 2020 base.
 * Inputs: see `wppChina.ts`. WPP2019 gives only the total net migration for China, so its age-sex
 * pattern is an assumption: WPP2024's pattern of the same period (main check) or the 2020
 * population's shape (sensitivity). Migration timing: `end`, as in the UN's own ccmppWPP input
 * files (`mig_assumption = end`), except where stated. Figures measured are in docs/projection.md.
 */
import { describe, expect, it } from 'vitest';
import { project } from '../../server/demography/ccmp.ts';
import { summarize, type ProjectionSummary } from '../../server/demography/derived.ts';
import { parseProjectionInput } from '../../server/demography/projectionInput.ts';
import { expectBalance } from './balance.ts';
import { china1, china5, wppTotals, type MigrationPattern } from './wppChina.ts';

const run = (json: Record<string, unknown>, timing?: 'even' | 'end') => {
  if (timing !== undefined) (json.migration as { timing: string }).timing = timing;
  const parsed = parseProjectionInput(json);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
  const r = project(parsed.value.inputs);
  return { r, s: summarize(r) };
};

/** Percent difference from WPP's medium total after `years` (step index = years / n). */
const diffTotal = (s: ProjectionSummary, years: number, n: number) =>
  (100 * (s.total[years / n]! - wppTotals(2020 + years).total)) / wppTotals(2020 + years).total;
const diff65 = (s: ProjectionSummary, years: number, n: number) =>
  (100 * (s.age65plus[years / n]! - wppTotals(2020 + years).age65plus)) / wppTotals(2020 + years).age65plus;

describe('WPP2019 China, 5-year groups and steps from 2020', () => {
  it('starts from the WPP 2020 total', () => {
    const { s } = run(china5());
    expect(s.total[0]).toBeCloseTo(wppTotals(2020).total, 6);
  });

  it('total within 0.01% / 0.03% / 0.1% / 0.3% of the medium variant at 5 / 10 / 20 / 30 years', () => {
    const { r, s } = run(china5('wpp2024'), 'end');
    expect(Math.abs(diffTotal(s, 5, 5))).toBeLessThan(0.01); // measured +0.0004%
    expect(Math.abs(diffTotal(s, 10, 5))).toBeLessThan(0.03); // measured −0.007%
    expect(Math.abs(diffTotal(s, 20, 5))).toBeLessThan(0.1); // measured −0.081%
    expect(Math.abs(diffTotal(s, 30, 5))).toBeLessThan(0.3); // measured −0.214%
    expect(Math.abs(diff65(s, 30, 5))).toBeLessThan(0.1); // measured −0.00%
    expectBalance(r);
  });

  it.each<[MigrationPattern, 'even' | 'end', number]>([
    ['population', 'end', 0.3], // measured +0.138%
    ['population', 'even', 0.3], // measured +0.128%
    ['wpp2024', 'even', 0.35], // measured −0.316%: the even timing moves half the (young) emigrants before the births
  ])('migration spread by the %s pattern, timing %s: total within %f% at 30 years', (pattern, timing, tol) => {
    const { s } = run(china5(pattern), timing);
    expect(Math.abs(diffTotal(s, 30, 5))).toBeLessThan(tol);
  });
});

describe(
  'WPP2019 China, single years and annual steps on graduated inputs',
  () => {
    it('the Sprague split keeps the 2020 total', () => {
      const { s } = run(china1());
      expect(s.total[0]).toBeCloseTo(wppTotals(2020).total, 6);
    });

    it('population-shaped migration: total within 0.1% and 65+ within 1.5% at 30 years', () => {
      const { r, s } = run(china1('population'), 'even');
      expect(Math.abs(diffTotal(s, 30, 1))).toBeLessThan(0.1); // measured +0.028%
      expect(Math.abs(diff65(s, 30, 1))).toBeLessThan(1.5); // measured −0.76%
      expectBalance(r);
    });

    it('WPP2024-patterned migration: total within 0.5% and 65+ within 1.5% at 30 years', () => {
      const { s } = run(china1('wpp2024'), 'end');
      expect(Math.abs(diffTotal(s, 30, 1))).toBeLessThan(0.5); // measured −0.380%
      expect(Math.abs(diff65(s, 30, 1))).toBeLessThan(1.5); // measured −0.22%
    });
  },
);
