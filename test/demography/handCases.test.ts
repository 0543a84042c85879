/**
 * Hand-computable cases checked against formulas written out in the test, independently of the
 * engine's code: a 3-group Leslie matrix, zero fertility, zero mortality, migration timing, the
 * demographic balance and the clamp of over-emigration.
 */
import { describe, expect, it } from 'vitest';
import { project } from '../../server/demography/ccmp.ts';
import { constantSchedule, scheduleFromRows } from '../../server/demography/schedule.ts';
import type { ProjectionInputs } from '../../server/demography/types.ts';
import { expectBalance } from './balance.ts';

const f64 = (a: number[]) => Float64Array.from(a);

function toy(over: Partial<ProjectionInputs> = {}): ProjectionInputs {
  return {
    ageWidth: 5,
    ageGroups: 3,
    steps: 4,
    population: { male: f64([100, 80, 60]), female: f64([95, 85, 70]) },
    survival: { male: constantSchedule([0.95, 0.9, 0.5]), female: constantSchedule([0.96, 0.92, 0.6]) },
    asfr: constantSchedule([0, 0.08, 0.02]),
    srb: constantSchedule([1.05]),
    ...over,
  };
}

/** Multiply a square matrix by a vector. */
const mul = (m: number[][], v: number[]) => m.map((row) => row.reduce((acc, x, j) => acc + x * v[j]!, 0));

describe('3-group toy against a Leslie matrix', () => {
  it('female and male populations equal the Leslie-matrix products for 4 steps', () => {
    const n = 5;
    const [s0, s1, s2] = [0.96, 0.92, 0.6];
    const [, F1, F2] = [0, 0.08, 0.02];
    const srb = 1.05;
    const k = (n / 2) * (1 / (1 + srb));
    // Births from women of group j at the start: n/2·(F_j + F_{j+1}·s_{j+1}); the open group keeps
    // its survivors (s2) in the open group, where they have fertility F2.
    const bRow = [k * F1 * s1, k * (F1 + F2 * s2), k * (F2 + F2 * s2)];
    const L = [bRow.map((b) => b * s0), [s1, 0, 0], [0, s2, s2]];
    const sm = [0.95, 0.9, 0.5];
    const r = project(toy());
    let f = [95, 85, 70];
    let m = [100, 80, 60];
    for (let t = 1; t <= 4; t++) {
      const femaleBirths = bRow.reduce((a, b, j) => a + b * f[j]!, 0);
      const maleBirths = femaleBirths * srb;
      m = [maleBirths * sm[0]!, m[0]! * sm[1]!, (m[1]! + m[2]!) * sm[2]!];
      f = mul(L, f);
      const ours = Array.from(r.population.female.subarray(3 * t, 3 * t + 3));
      ours.forEach((v, i) => expect(v).toBeCloseTo(f[i]!, 10));
      Array.from(r.population.male.subarray(3 * t, 3 * t + 3)).forEach((v, i) => expect(v).toBeCloseTo(m[i]!, 10));
      expect(r.births.female[t - 1]).toBeCloseTo(femaleBirths, 10);
    }
    expectBalance(r);
  });
});

describe('special cases', () => {
  it('zero fertility: no births, the population only ages', () => {
    const r = project(toy({ asfr: constantSchedule([0, 0, 0]) }));
    expect(Array.from(r.births.female)).toEqual([0, 0, 0, 0]);
    expect(Array.from(r.births.male)).toEqual([0, 0, 0, 0]);
    expect(r.population.female[3]).toBe(0);
    expect(r.population.female[4]).toBeCloseTo(95 * 0.92, 12);
    expect(r.population.female[5]).toBeCloseTo((85 + 70) * 0.6, 12);
    expectBalance(r);
  });

  it('zero mortality (sx = 1): cohorts shift exactly and the open group accumulates', () => {
    const ones = constantSchedule(new Array(101).fill(1));
    const pop = Float64Array.from({ length: 101 }, (_, i) => 1000 + i);
    const r = project({
      ageWidth: 1,
      ageGroups: 101,
      steps: 10,
      population: { male: pop, female: pop },
      survival: { male: ones, female: ones },
      asfr: constantSchedule(new Array(101).fill(0)),
      srb: constantSchedule([1.06]),
    });
    const row = (t: number) => r.population.female.subarray(101 * t, 101 * (t + 1));
    expect(row(10)[40]).toBe(pop[30]);
    expect(row(10)[99]).toBe(pop[89]);
    const open = pop.subarray(90).reduce((a, b) => a + b, 0);
    expect(row(10)[100]).toBe(open);
    expect(Array.from(r.deaths.female)).toEqual(new Array(10).fill(0));
    expectBalance(r, 0);
  });

  it('end timing: migrants are added after births and deaths; even timing: half are exposed', () => {
    const mig = constantSchedule([10, -20, 30]);
    const end = project(toy({ steps: 1, migration: { male: mig, female: mig, timing: 'end' } }));
    const closed = project(toy({ steps: 1 }));
    expect(end.births.female[0]).toBe(closed.births.female[0]);
    expect(end.deaths.female[0]).toBe(closed.deaths.female[0]);
    for (let i = 0; i < 3; i++) expect(end.population.female[3 + i]).toBeCloseTo(closed.population.female[3 + i]! + [10, -20, 30][i]!, 12);
    const even = project(toy({ steps: 1, migration: { male: mig, female: mig, timing: 'even' } }));
    // group 1 at the end: (95 + 10/2)·0.92 − 20/2; open: (85 − 20/2 + 70 + 30/2)·0.6 + 30/2
    expect(even.population.female[4]).toBeCloseTo(100 * 0.92 - 10, 12);
    expect(even.population.female[5]).toBeCloseTo(160 * 0.6 + 15, 12);
    expectBalance(even);
  });

  it('emigration larger than a group leaves 0 and records only the people who left', () => {
    const mig = constantSchedule([0, -1000, 0]);
    const r = project(toy({ steps: 2, migration: { male: mig, female: mig, timing: 'even' } }));
    expect(r.population.female[4]).toBe(0);
    expect(r.migrants.female[0]).toBeGreaterThan(-1000);
    expectBalance(r);
  });

  it('time-varying inputs: row t is used at step t', () => {
    const asfr = scheduleFromRows([
      [0, 0.08, 0.02],
      [0, 0, 0],
    ]);
    const r = project(toy({ steps: 2, asfr }));
    expect(r.births.female[0]).toBeGreaterThan(0);
    expect(r.births.female[1]).toBe(0);
  });

  it('random inputs keep the balance P(t+n) = P(t) + B − D + M at every step', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const A = 101;
    const T = 30;
    const rows = (f: () => number) => scheduleFromRows(Array.from({ length: T }, () => Array.from({ length: A }, f)));
    const pop = () => Float64Array.from({ length: A }, () => 1000 * rnd());
    const asfr = scheduleFromRows(Array.from({ length: T }, () => Array.from({ length: A }, (_, i) => (i >= 15 && i < 50 ? 0.1 * rnd() : 0))));
    const r = project({
      ageWidth: 1,
      ageGroups: A,
      steps: T,
      population: { male: pop(), female: pop() },
      survival: { male: rows(() => 0.9 + 0.1 * rnd()), female: rows(() => 0.9 + 0.1 * rnd()) },
      asfr,
      srb: scheduleFromRows(Array.from({ length: T }, () => [1 + 0.2 * rnd()])),
      migration: { male: rows(() => 50 * (rnd() - 0.6)), female: rows(() => 50 * (rnd() - 0.6)), timing: 'even' },
    });
    expectBalance(r);
  });
});
