/**
 * @module test/demography/balance
 * The demographic balance P(t+n) = P(t) + B − D + M, by sex and step, to rounding error.
 */
import { expect } from 'vitest';
import type { ProjectionResult } from '../../server/demography/types.ts';

export function expectBalance(r: ProjectionResult, tolerance = 1e-12): void {
  const A = r.ageGroups;
  for (const sex of ['male', 'female'] as const) {
    const pop = r.population[sex];
    const sum = (t: number) => pop.subarray(t * A, (t + 1) * A).reduce((a, b) => a + b, 0);
    for (let t = 0; t < r.steps; t++) {
      const expected = sum(t) + r.births[sex][t]! - r.deaths[sex][t]! + r.migrants[sex][t]!;
      const diff = Math.abs(sum(t + 1) - expected) / Math.max(1, sum(t + 1));
      if (diff > tolerance) expect.fail(`${sex} step ${t}: P(t+n) − (P + B − D + M) = ${diff} relative`);
    }
  }
}
