/**
 * Preston, Heuveline & Guillot (2001) Box 6.2: Swedish females 1993 → 1998, 5-year groups
 * 0-4 … 85+, nLx radix 100000, ASFR, SRB 1.05, net migrants half at the start and half at the end.
 * The engine must reproduce the published 1998 population exactly after rounding.
 */
import { describe, expect, it } from 'vitest';
import { project } from '../../server/demography/ccmp.ts';
import { constantSchedule } from '../../server/demography/schedule.ts';
import { survivalRatiosFromLx } from '../../server/demography/survivorship.ts';
import { num, readCsv } from './refdata.ts';

const FILE = 'preston_box6_2_sweden1993_female.csv';

describe('Preston Box 6.2', () => {
  const rows = readCsv(FILE);
  const col = (c: string) => Float64Array.from(rows, (r) => num(r, c));

  const run = () => {
    const sx = survivalRatiosFromLx(col('nLx_f_radix100000'), 100000, 5);
    const pop = col('pop_f_1993');
    const mig = constantSchedule(col('net_migrants_f_1993_1998'));
    return {
      sx,
      result: project({
        ageWidth: 5,
        ageGroups: rows.length,
        steps: 1,
        population: { male: pop, female: pop },
        survival: { male: constantSchedule(sx), female: constantSchedule(sx) },
        asfr: constantSchedule(col('asfr')),
        srb: constantSchedule([1.05]),
        migration: { male: mig, female: mig, timing: 'even' },
      }),
    };
  };

  it('survivorship ratios from nLx match the published Sx', () => {
    const { sx } = run();
    const published = col('Sx_f');
    for (let i = 0; i < sx.length; i++) expect(sx[i]).toBeCloseTo(published[i]!, 6);
  });

  it('reproduces every 1998 age group and the total 4,507,581 exactly after rounding', () => {
    const { result } = run();
    const A = rows.length;
    const f1998 = Array.from(result.population.female.subarray(A, 2 * A));
    expect(f1998.map(Math.round)).toEqual(Array.from(col('pop_f_1998_published')));
    expect(Math.round(f1998.reduce((a, b) => a + b, 0))).toBe(4507581);
    expect(f1998.map(Math.round).reduce((a, b) => a + b, 0)).toBe(4507581);
  });

  it('births of 1993-98 match the published births by age of mother (total 615,989)', () => {
    const { result } = run();
    const births = result.births.male[0]! + result.births.female[0]!;
    const published = col('births_both_sexes_1993_1998').reduce((a, b) => a + b, 0);
    expect(published).toBe(615989);
    expect(Math.abs(births - published)).toBeLessThan(1.5); // published by age, each rounded
  });
});
