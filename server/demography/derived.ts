/**
 * @module demography/derived
 * Summary series of a projection, one value per year (the start included), both sexes:
 * totals, broad age groups, dependency ratios, women 15-49, school ages, median age.
 *
 * Ages: a range [lo, hi) sums whole groups inside it. When a range cuts through a group
 * (school ages with 5-year groups: 3-5, 6-11, 12-14, 15-17) the group is split in proportion
 * to the years covered, i.e. people are assumed evenly spread over the ages of their group
 * (3-5 = 2/5 of 0-4 + 1/5 of 5-9, …). The open group counts only in ranges open at the top
 * (65+); ranges ending above the open age take nothing from it.
 * Dependency ratios are per 100 people aged 15-64. The median age is interpolated linearly
 * within the group where half of the population is reached.
 *
 * @example
 * const s = summarize(result);
 * s.age65plus[30] / s.total[30]; // share 65+ after 30 steps
 */
import type { ProjectionResult } from './types.ts';

export interface ProjectionSummary {
  readonly total: Float64Array;
  readonly male: Float64Array;
  readonly female: Float64Array;
  readonly age0to14: Float64Array;
  readonly age15to64: Float64Array;
  readonly age65plus: Float64Array;
  /** (0-14 + 65+) / 15-64 × 100. */
  readonly dependencyTotal: Float64Array;
  readonly dependencyYoung: Float64Array;
  readonly dependencyOld: Float64Array;
  readonly women15to49: Float64Array;
  readonly school3to5: Float64Array;
  readonly school6to11: Float64Array;
  readonly school12to14: Float64Array;
  readonly school15to17: Float64Array;
  readonly medianAge: Float64Array;
}

/** People aged [lo, hi) in one row of A groups of width n (hi = Infinity for an open range). */
export function ageRangeSum(row: ArrayLike<number>, n: number, lo: number, hi: number): number {
  const A = row.length;
  const openAge = (A - 1) * n;
  let sum = 0;
  if (n === 1 && Number.isInteger(lo) && (hi === Infinity || Number.isInteger(hi))) {
    // Single years: whole groups only (the common case, run for every unit and year).
    for (let i = Math.max(0, lo), end = Math.min(hi, A - 1); i < end; i++) sum += row[i]!;
    return hi === Infinity && lo <= openAge ? sum + row[A - 1]! : sum;
  }
  for (let i = 0; i < A - 1; i++) {
    const a = i * n;
    const overlap = Math.min(hi, a + n) - Math.max(lo, a);
    if (overlap > 0) sum += overlap >= n ? row[i]! : (row[i]! * overlap) / n;
  }
  if (hi === Infinity && lo <= openAge) sum += row[A - 1]!;
  return sum;
}

/** Median age of one row of A groups of width n, interpolated within the median group. */
export function medianAge(row: ArrayLike<number>, n: number): number {
  let total = 0;
  for (let i = 0; i < row.length; i++) total += row[i]!;
  if (!(total > 0)) return NaN;
  const half = total / 2;
  let cum = 0;
  for (let i = 0; i < row.length - 1; i++) {
    const p = row[i]!;
    if (cum + p >= half) return i * n + (p > 0 ? ((half - cum) / p) * n : 0);
    cum += p;
  }
  return (row.length - 1) * n;
}

/** All summary series of a projection result. */
export function summarize(r: ProjectionResult): ProjectionSummary {
  const years = r.steps + 1;
  const A = r.ageGroups;
  const n = r.ageWidth;
  const mk = () => new Float64Array(years);
  const s = {
    total: mk(), male: mk(), female: mk(), age0to14: mk(), age15to64: mk(), age65plus: mk(),
    dependencyTotal: mk(), dependencyYoung: mk(), dependencyOld: mk(), women15to49: mk(),
    school3to5: mk(), school6to11: mk(), school12to14: mk(), school15to17: mk(), medianAge: mk(),
  };
  const both = new Float64Array(A);
  for (let y = 0; y < years; y++) {
    const m = r.population.male.subarray(y * A, (y + 1) * A);
    const f = r.population.female.subarray(y * A, (y + 1) * A);
    let tm = 0;
    let tf = 0;
    for (let i = 0; i < A; i++) {
      both[i] = m[i]! + f[i]!;
      tm += m[i]!;
      tf += f[i]!;
    }
    s.male[y] = tm;
    s.female[y] = tf;
    s.total[y] = tm + tf;
    const young = ageRangeSum(both, n, 0, 15);
    const working = ageRangeSum(both, n, 15, 65);
    const old = ageRangeSum(both, n, 65, Infinity);
    s.age0to14[y] = young;
    s.age15to64[y] = working;
    s.age65plus[y] = old;
    s.dependencyYoung[y] = working > 0 ? (100 * young) / working : NaN;
    s.dependencyOld[y] = working > 0 ? (100 * old) / working : NaN;
    s.dependencyTotal[y] = working > 0 ? (100 * (young + old)) / working : NaN;
    s.women15to49[y] = ageRangeSum(f, n, 15, 50);
    s.school3to5[y] = ageRangeSum(both, n, 3, 6);
    s.school6to11[y] = ageRangeSum(both, n, 6, 12);
    s.school12to14[y] = ageRangeSum(both, n, 12, 15);
    s.school15to17[y] = ageRangeSum(both, n, 15, 18);
    s.medianAge[y] = medianAge(both, n);
  }
  return s;
}
