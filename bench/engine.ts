/**
 * The engine alone on synthetic inputs (bench/run.ts calls it): 1,500 townships × 30 annual steps
 * × 2 sexes × 101 ages, survivorship given, and with a life table per township, sex and year built
 * as the server builds them (projection/scenario.ts `survivalRow`): from the county's m(x) path
 * (made once, outside the timing) × the township's level, like an SMR. Medians of repeated runs.
 *
 * Before issue 15 the second figure also made each township's m(x) rows (9 M `Math.exp` through
 * `Float64Array.from` callbacks, more than half its time) and used the general life table: it
 * measured the synthetic inputs more than the engine.
 */
import { project } from '../server/demography/ccmp.ts';
import { constantSchedule, mapSchedule, scheduleFromRows } from '../server/demography/schedule.ts';
import { survivalFromMx, survivalSingleYear } from '../server/demography/survivorship.ts';
import type { ProjectionInputs, Schedule, Sex } from '../server/demography/types.ts';
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

/** One life table per year of `path` (T rows of m(x)) × `level`: the survivorship schedule of one township and sex. */
function survivalOf(path: Float64Array, level: number, sex: Sex): Schedule {
  const data = new Float64Array(T * A);
  for (let t = 0; t < T; t++) survivalSingleYear(path, level, sex, data.subarray(t * A, (t + 1) * A), t * A);
  return { width: A, rows: T, data };
}

export interface EngineBench { survivalGivenMs: number; withLifeTablesMs: number; townships: number }

export function benchEngine(repeats = 5): EngineBench {
  const survival = {
    male: mapSchedule(mxRows(1.2), (m) => survivalFromMx(m, 1, A, 'male')),
    female: mapSchedule(mxRows(1), (m) => survivalFromMx(m, 1, A, 'female')),
  };
  const inputs = Array.from({ length: 1500 }, (_, k) => township(k, survival));
  const pathM = mxRows(1.2).data;
  const pathF = mxRows(1).data;
  project(inputs[0]!); // warm up
  const given: number[] = [];
  const withTables: number[] = [];
  for (let r = 0; r < repeats; r++) {
    let t0 = performance.now();
    for (const inp of inputs) project(inp);
    given.push(performance.now() - t0);
    t0 = performance.now();
    for (let k = 0; k < 1500; k++) {
      const level = 1 + k / 1e4;
      project({ ...inputs[k]!, survival: { male: survivalOf(pathM, level, 'male'), female: survivalOf(pathF, level, 'female') } });
    }
    withTables.push(performance.now() - t0);
  }
  return { survivalGivenMs: median(given), withLifeTablesMs: median(withTables), townships: 1500 };
}
