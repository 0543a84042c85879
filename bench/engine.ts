/**
 * The engine alone on synthetic inputs (bench/run.ts calls it): 1,500 townships × 30 annual steps
 * × 2 sexes × 101 ages, survivorship given (target ≤ 1 s), and with a life table per township,
 * sex and year built from m(x). Medians of repeated runs.
 */
import { project } from '../server/demography/ccmp.ts';
import { constantSchedule, mapSchedule, scheduleFromRows } from '../server/demography/schedule.ts';
import { survivalFromMx } from '../server/demography/survivorship.ts';
import type { ProjectionInputs } from '../server/demography/types.ts';
import { median } from './stats.ts';

const A = 101;
const T = 30;

function township(k: number, survival: ProjectionInputs['survival']): ProjectionInputs {
  const pop = (s: number) => Float64Array.from({ length: A }, (_, x) => (200 + 5 * s + k) * Math.exp(-x / 60));
  const asfr = Float64Array.from({ length: A }, (_, x) => (x >= 18 && x < 45 ? 0.045 : 0));
  const mig = constantSchedule(Float64Array.from({ length: A }, (_, x) => (x >= 18 && x < 35 ? -1 : 0.1)));
  return {
    ageWidth: 1,
    ageGroups: A,
    steps: T,
    population: { male: pop(0), female: pop(1) },
    survival,
    asfr: constantSchedule(asfr),
    srb: constantSchedule([1.11]),
    migration: { male: mig, female: mig, timing: 'even' },
  };
}

const gompertz = (level: number) =>
  Float64Array.from({ length: A }, (_, x) => (x === 0 ? 0.006 : 0.00003 * Math.exp(0.095 * x)) * level);
const mxRows = (level: number) => scheduleFromRows(Array.from({ length: T }, (_, t) => gompertz(level * (1 - 0.01 * t))));


export interface EngineBench { survivalGivenMs: number; withLifeTablesMs: number; townships: number }

export function benchEngine(repeats = 5): EngineBench {
  const survival = {
    male: mapSchedule(mxRows(1.2), (m) => survivalFromMx(m, 1, A, 'male')),
    female: mapSchedule(mxRows(1), (m) => survivalFromMx(m, 1, A, 'female')),
  };
  const inputs = Array.from({ length: 1500 }, (_, k) => township(k, survival));
  project(inputs[0]!); // warm up
  const given: number[] = [];
  const withTables: number[] = [];
  for (let r = 0; r < repeats; r++) {
    let t0 = performance.now();
    for (const inp of inputs) project(inp);
    given.push(performance.now() - t0);
    t0 = performance.now();
    for (let k = 0; k < 1500; k++) {
      project(township(k, {
        male: mapSchedule(mxRows(1.2 + k / 1e4), (m) => survivalFromMx(m, 1, A, 'male')),
        female: mapSchedule(mxRows(1 + k / 1e4), (m) => survivalFromMx(m, 1, A, 'female')),
      }));
    }
    withTables.push(performance.now() - t0);
  }
  return { survivalGivenMs: median(given), withLifeTablesMs: median(withTables), townships: 1500 };
}
