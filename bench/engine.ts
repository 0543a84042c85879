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
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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

/** The numpy version of the same arithmetic (bench/engine_anchor.py), run on the same inputs in the same run. */
export interface NumpyAnchor { medianMs: number; runsMs: number[]; numpy: string; python: string; finalTotal: number; sameTotal: boolean }

export interface EngineBench { survivalGivenMs: number; withLifeTablesMs: number; townships: number; numpy: NumpyAnchor | { missing: string } }

const ANCHOR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'engine_anchor.py');

/** The machine's Python with numpy (Debian's python3-numpy is for /usr/bin/python3; a pyenv python3 on PATH may lack it). */
function pythonWithNumpy(): string | null {
  for (const python of ['/usr/bin/python3', 'python3']) {
    if (spawnSync(python, ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0) return python;
  }
  return null;
}

function numpyAnchor(male: Schedule, female: Schedule, townships: number, repeats: number, tsTotal: number): NumpyAnchor | { missing: string } {
  const python = pythonWithNumpy();
  if (python === null) return { missing: 'no python3 with numpy (apt-get install python3-numpy)' };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'renkou-anchor-'));
  try {
    const file = path.join(dir, 'survival.bin');
    const both = new Float64Array(2 * T * A);
    both.set(male.data.subarray(0, T * A));
    both.set(female.data.subarray(0, T * A), T * A);
    writeFileSync(file, both);
    const run = spawnSync(python, [ANCHOR, file, String(townships), String(T), String(A), String(repeats)], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`numpy anchor failed: ${run.stderr}`);
    const out = JSON.parse(run.stdout) as Omit<NumpyAnchor, 'python' | 'sameTotal'>;
    // The anchor counts only if it did the same arithmetic: its total after 30 steps equals the engine's.
    return { ...out, python, sameTotal: Math.abs(out.finalTotal - tsTotal) <= 1e-9 * tsTotal };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const finalTotal = (results: ReturnType<typeof project>[]) =>
  results.reduce((sum, r) => {
    let s = 0;
    for (let i = r.steps * r.ageGroups; i < (r.steps + 1) * r.ageGroups; i++) s += r.population.male[i]! + r.population.female[i]!;
    return sum + s;
  }, 0);

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
  const numpy = numpyAnchor(survival.male, survival.female, 1500, Math.max(repeats, 5), finalTotal(inputs.map((inp) => project(inp))));
  return { survivalGivenMs: median(given), withLifeTablesMs: median(withTables), townships: 1500, numpy };
}

/**
 * The engine in a process of its own (`node --import tsx bench/engine.ts` prints the JSON): the
 * bench's own process has rendered reports and held large answers by then, and its heap and
 * compiled code made the same loop up to twice as slow as alone.
 */
export function benchEngineInChild(): EngineBench {
  const run = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`bench/engine.ts failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as EngineBench;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(benchEngine()));
}
