/**
 * Validation against the UN Population Division's ccmppWPP single-year test data
 * (Canada and Kuwait, 1950 base, 70 annual steps, life-table Sx, ASFR, SRB, net migration
 * counts with timing `end`).
 *
 * Caveat (refdata README, checked here): ccmppWPP's stored Canada output was produced with
 * net migration at 1/1000 of the input counts, so the comparison scales migration by 1/1000
 * the same way; and by an older code version whose ages 0-1 (hence every cohort born after
 * the base or aged 0 at it) differ by ~0.13% and whose 100+ differs by up to ~19%. Cohorts
 * aged 1..99 at the base are compared, in every later year while they are below 100.
 */
import { describe, expect, it } from 'vitest';
import { project } from '../../server/demography/ccmp.ts';
import { lifeTable, singleYearWidths } from '../../server/demography/lifetable.ts';
import { scheduleRow } from '../../server/demography/schedule.ts';
import { survivalRatios } from '../../server/demography/survivorship.ts';
import { CCMPP_STEPS, ccmppInputs, lifetableColumn } from './ccmppInputs.ts';
import { num, readCsv, rel } from './refdata.ts';
import { expectBalance } from './balance.ts';

const A = 101;

describe(
  'ccmppWPP Canada 1950-2020',
  () => {
    const run = () => project(ccmppInputs('canada', 1 / 1000));

    it('cohorts aged 1..99 at the base match the stored output to 1e-6 relative', () => {
      const r = run();
      let worst = 0;
      let compared = 0;
      for (const row of readCsv('ccmppWPP_canada_1x1_output_pop.csv')) {
        const t = num(row, 'year') - 1950;
        const a = num(row, 'age');
        if (t < 1 || a < t + 1 || a > 99) continue;
        const ours = (row.sex === 'male' ? r.population.male : r.population.female)[t * A + a]!;
        worst = Math.max(worst, rel(ours, num(row, 'value')));
        compared++;
      }
      expect(compared).toBe(2 * (70 * 99 - (70 * 71) / 2)); // t = 1..70, ages t+1..99, both sexes
      expect(worst).toBeLessThan(1e-6); // measured 2.3e-7
    });

    it('births match the stored births to 1e-9 until cohorts born after the base reach childbearing', () => {
      const r = run();
      let early = 0;
      let late = 0;
      for (const row of readCsv('ccmppWPP_canada_1x1_output_births.csv')) {
        const t = num(row, 'year') - 1950;
        if (t >= CCMPP_STEPS) continue;
        const ours =
          row.sex === 'both' ? r.births.male[t]! + r.births.female[t]! : r.births[row.sex === 'male' ? 'male' : 'female'][t]!;
        const d = rel(ours, num(row, 'value'));
        if (t <= 10) early = Math.max(early, d);
        else late = Math.max(late, d);
      }
      expect(early).toBeLessThan(1e-9); // measured 3.4e-11 (1950-1960)
      // From 1961 the mothers include women born after 1950, whose ages 0-1 the older code survived
      // differently (caveat): measured at most 9.6e-5.
      expect(late).toBeLessThan(2e-4);
    });

    it('keeps the demographic balance with the full (unscaled) migration counts', () => {
      expectBalance(project(ccmppInputs('canada')));
    });
  },
);

describe('ccmppWPP Kuwait 1950-2020', () => {
  it('runs, births are positive and P(t+1) = P(t) + B − D + M every year', () => {
    const r = project(ccmppInputs('kuwait'));
    for (let t = 0; t < r.steps; t++) expect(r.births.male[t]! + r.births.female[t]!).toBeGreaterThan(0);
    expectBalance(r);
    const total = (t: number) =>
      r.population.male.subarray(t * A, (t + 1) * A).reduce((a, b) => a + b, 0) +
      r.population.female.subarray(t * A, (t + 1) * A).reduce((a, b) => a + b, 0);
    expect(total(70) / total(0)).toBeGreaterThan(10); // Kuwait grew from ~0.15 M to ~4 M
  });
});

describe(
  'life table rebuilt from ccmppWPP lt_nMx and lt_nAx',
  () => {
    it('reproduces lt_lx, lt_nLx, e0 and lt_Sx to 1e-6 for every year and sex', () => {
      let worstSx = 0;
      let worstLx = 0;
      for (const sex of ['male', 'female'] as const) {
        const mx = lifetableColumn('canada', 'lt_nMx', sex);
        const ax = lifetableColumn('canada', 'lt_nAx', sex);
        const lx = lifetableColumn('canada', 'lt_lx', sex);
        const Lx = lifetableColumn('canada', 'lt_nLx', sex);
        const Sx = lifetableColumn('canada', 'lt_Sx', sex);
        for (let t = 0; t < CCMPP_STEPS; t++) {
          const lt = lifeTable(mx[t]!, singleYearWidths(A), { sex, ax: ax[t]!, radix: 100000 });
          const sx = survivalRatios(lt, 1, A);
          const e0Stored = Lx[t]!.reduce((a, b) => a + b, 0) / 100000;
          expect(lt.ex[0]).toBeCloseTo(e0Stored, 6);
          for (let x = 0; x < A; x++) {
            worstSx = Math.max(worstSx, Math.abs(sx[x]! - Sx[t]![x]!));
            worstLx = Math.max(worstLx, rel(lt.lx[x]!, lx[t]![x]!), rel(lt.Lx[x]!, Lx[t]![x]!));
          }
        }
      }
      expect(worstSx).toBeLessThan(1e-6);
      expect(worstLx).toBeLessThan(1e-6);
    });

    it('Sx from the stored table equal the Sx the projection used', () => {
      const inputs = ccmppInputs('canada');
      const Sx = lifetableColumn('canada', 'lt_Sx', 'female');
      expect(Array.from(scheduleRow(inputs.survival.female, 0))).toEqual(Array.from(Sx[0]!));
    });
  },
);
