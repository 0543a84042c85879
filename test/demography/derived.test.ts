/**
 * Summary series: broad groups, dependency ratios, school ages (split of 5-year groups), median age.
 */
import { describe, expect, it } from 'vitest';
import { ageRangeSum, medianAge, summarize } from '../../server/demography/derived.ts';
import type { ProjectionResult } from '../../server/demography/types.ts';

const result = (n: number, male: number[], female: number[]): ProjectionResult => ({
  ageWidth: n,
  ageGroups: male.length,
  steps: 0,
  population: { male: Float64Array.from(male), female: Float64Array.from(female) },
  births: { male: new Float64Array(0), female: new Float64Array(0) },
  deaths: { male: new Float64Array(0), female: new Float64Array(0) },
  migrants: { male: new Float64Array(0), female: new Float64Array(0) },
});

describe('summarize', () => {
  it('single years: every series by hand', () => {
    const ones = new Array(101).fill(1);
    const s = summarize(result(1, ones, ones));
    expect(s.total[0]).toBe(202);
    expect(s.age0to14[0]).toBe(30);
    expect(s.age15to64[0]).toBe(100);
    expect(s.age65plus[0]).toBe(72); // 65..99 and 100+
    expect(s.dependencyTotal[0]).toBeCloseTo(102, 12);
    expect(s.dependencyYoung[0]).toBeCloseTo(30, 12);
    expect(s.dependencyOld[0]).toBeCloseTo(72, 12);
    expect(s.women15to49[0]).toBe(35);
    expect([s.school3to5[0], s.school6to11[0], s.school12to14[0], s.school15to17[0]]).toEqual([6, 12, 6, 6]);
    expect(s.medianAge[0]).toBeCloseTo(50.5, 12); // 101 equal groups: half at 50.5
  });

  it('5-year groups: school ages split proportionally within groups', () => {
    const pop = [50, 100, 150, 200, 10, 10];
    const s = summarize(result(5, pop, pop));
    expect(s.school3to5[0]).toBeCloseTo(2 * ((2 / 5) * 50 + (1 / 5) * 100), 12);
    expect(s.school6to11[0]).toBeCloseTo(2 * ((4 / 5) * 100 + (2 / 5) * 150), 12);
    expect(s.school12to14[0]).toBeCloseTo(2 * ((3 / 5) * 150), 12);
    expect(s.school15to17[0]).toBeCloseTo(2 * ((3 / 5) * 200), 12);
    expect(s.age65plus[0]).toBe(0); // open group 25+ is below 65: not counted in 65+
  });
});

describe('helpers', () => {
  it('ageRangeSum counts the open group only in open ranges', () => {
    expect(ageRangeSum([1, 2, 3], 5, 5, Infinity)).toBe(5);
    expect(ageRangeSum([1, 2, 3], 5, 0, 10)).toBe(3);
    const ages = Array.from({ length: 101 }, (_, x) => x); // people aged x: x (100 = 100+)
    expect(ageRangeSum(ages, 1, 3, 6)).toBe(3 + 4 + 5);
    expect(ageRangeSum(ages, 1, 65, Infinity)).toBe(((65 + 100) * 36) / 2);
    expect(ageRangeSum(ages, 1, 0, 200)).toBe((99 * 100) / 2); // a closed range takes nothing from 100+
    expect(ageRangeSum(ages, 1, 2.5, 4)).toBe(2 * 0.5 + 3); // a half year of age 2
  });
  it('medianAge interpolates within the group', () => {
    expect(medianAge([10, 30, 10], 5)).toBeCloseTo(5 + ((25 - 10) / 30) * 5, 12);
  });
});
