/**
 * Graduation from 5-year groups to single years.
 */
import { describe, expect, it } from 'vitest';
import {
  asfrSingleFromGroups,
  countsSingleFromGroups,
  mxSingleFromGroups,
  spragueSplit,
} from '../../server/demography/graduation.ts';

/** 5-year group sums of a function of single age (ages 0..5K−1), plus an open group. */
const groupsOf = (f: (x: number) => number, K: number, open = 123) => [
  ...Array.from({ length: K }, (_, g) => [0, 1, 2, 3, 4].reduce((a, j) => a + f(5 * g + j), 0)),
  open,
];

describe('spragueSplit', () => {
  const pop = [44456, 46320, 45350, 44103, 46274, 51523, 66443, 51346, 49289, 61173, 62348, 49958, 38917, 36527, 21425, 12207, 6884, 2843, 731, 116, 13];

  it('single years sum exactly to every 5-year group and keep the open group', () => {
    const s = spragueSplit(pop);
    expect(s.length).toBe(101);
    for (let g = 0; g < 20; g++) expect(s.subarray(5 * g, 5 * g + 5).reduce((a, b) => a + b, 0)).toBeCloseTo(pop[g]!, 8);
    expect(s[100]).toBe(13);
  });

  it.each([
    ['constant', () => 7],
    ['linear', (x: number) => 100 + 3 * x],
    ['quadratic', (x: number) => 2000 - 0.5 * (x - 40) ** 2 + 10 * x],
  ])('reproduces a %s input exactly', (_, f) => {
    const s = spragueSplit(groupsOf(f, 20));
    for (let x = 0; x < 100; x++) expect(s[x]).toBeCloseTo(f(x), 8);
  });

  it('no negative single years (negatives are zeroed and the group rescaled)', () => {
    const s = spragueSplit([1000, 1000, 1000, 1000, 5, 1000, 1000, 1000, 1]);
    expect(Math.min(...s)).toBeGreaterThanOrEqual(0);
    expect(s.subarray(20, 25).reduce((a, b) => a + b, 0)).toBeCloseTo(5, 10);
  });
});

describe('mortality, fertility and migrants to single years', () => {
  it('constant hazard: each single age takes its group rate', () => {
    const m = mxSingleFromGroups([0.01, 0.002, 0.001, 0.5], [0, 1, 5, 10]);
    expect(Array.from(m)).toEqual([0.01, 0.002, 0.002, 0.002, 0.002, 0.001, 0.001, 0.001, 0.001, 0.001, 0.5]);
  });

  it('flat ASFR keeps the TFR', () => {
    const f5 = [0, 0, 0, 0.01, 0.1, 0.12, 0.06, 0.02, 0.005, 0.001, 0];
    const f1 = asfrSingleFromGroups(f5);
    expect(f1.reduce((a, b) => a + b, 0)).toBeCloseTo(5 * f5.reduce((a, b) => a + b, 0), 14);
    expect(f1[17]).toBe(0.01);
  });

  it('migrants spread evenly keep the totals', () => {
    const c = countsSingleFromGroups([10, -20, 5]);
    expect(Array.from(c)).toEqual([2, 2, 2, 2, 2, -4, -4, -4, -4, -4, 5]);
  });
});
