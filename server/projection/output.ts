/**
 * @module projection/output
 * JSON answers of the projection API: summary series and pyramids of a projected unit, and the
 * summary of its assumptions (aggregates only; no record of any person).
 *
 * Flows (births, deaths, net migrants) are by calendar year, aligned with `years`: the value at
 * year y is the step from 31 Dec y − 1 to 31 Dec y, so the base year's is null.
 *
 * @example
 * const s = seriesOf(result, inputs.tfr, a.fertility.tfr);
 */
import { summarize } from '../demography/derived.ts';
import { lifeTable, singleYearWidths } from '../demography/lifetable.ts';
import type { ProjectionResult, Sex } from '../demography/types.ts';
import { AGES, FERTILE_AGES, FERTILE_FROM, type Assumptions, type SexAges } from './types.ts';
import { SERIES } from '../../contract/projection.ts';
import type { AssumptionsSummary, LifeTableSummary, SeriesName, Series, Pyramids } from '../../contract/projection.ts';
export { SERIES };
export type { AssumptionsSummary, SeriesName, Series, Pyramids };

/** Flows by calendar year: null for the base year, then male + female of each step. */
function flow(p: { male: Float64Array; female: Float64Array }): (number | null)[] {
  const out: (number | null)[] = [null];
  for (let i = 0; i < p.male.length; i++) out.push(p.male[i]! + p.female[i]!);
  return out;
}

/** A plain array for JSON, non-finite values (a ratio over nobody) as null. */
function arr(a: Float64Array): (number | null)[] {
  const out: (number | null)[] = new Array<number | null>(a.length);
  for (let i = 0; i < a.length; i++) out[i] = Number.isFinite(a[i]) ? a[i]! : null;
  return out;
}

export function seriesOf(r: ProjectionResult, tfrPath: Float64Array, tfr0: number): Series {
  const s = summarize(r);
  return {
    total: arr(s.total), male: arr(s.male), female: arr(s.female),
    births: flow(r.births), deaths: flow(r.deaths), netMigrants: flow(r.migrants),
    age0to14: arr(s.age0to14), age15to64: arr(s.age15to64), age65plus: arr(s.age65plus),
    dependencyTotal: arr(s.dependencyTotal), dependencyYoung: arr(s.dependencyYoung), dependencyOld: arr(s.dependencyOld),
    women15to49: arr(s.women15to49), school3to5: arr(s.school3to5), school6to11: arr(s.school6to11),
    school12to14: arr(s.school12to14), school15to17: arr(s.school15to17), medianAge: arr(s.medianAge),
    tfr: [tfr0, ...Array.from(tfrPath)],
  };
}

/** One plain array of 101 ages per year (a loop: `Array.from` of views is several times slower, for 1,501 units × 31 years). */
function yearRows(a: Float64Array, steps: number): number[][] {
  const out: number[][] = new Array<number[]>(steps + 1);
  for (let y = 0; y <= steps; y++) {
    const row: number[] = new Array<number>(AGES);
    for (let x = 0; x < AGES; x++) row[x] = a[y * AGES + x]!;
    out[y] = row;
  }
  return out;
}

const AGE_LIST = Array.from({ length: AGES }, (_, i) => i);

export function pyramidsOf(r: ProjectionResult): Pyramids {
  return { ages: AGE_LIST.slice(), male: yearRows(r.population.male, r.steps), female: yearRows(r.population.female, r.steps) };
}

const total = (a: ArrayLike<number>) => { let s = 0; for (let i = 0; i < a.length; i++) s += a[i]!; return s; };
const pair = (v: SexAges) => ({ male: Array.from(v.male), female: Array.from(v.female) });

function lifeTableSummary(mx: Float64Array, sex: Sex): LifeTableSummary {
  const lt = lifeTable(mx, singleYearWidths(AGES), { sex });
  const l = (x: number) => lt.lx[x]!;
  return {
    e0: lt.ex[0]!, e1: lt.ex[1]!, e15: lt.ex[15]!, e60: lt.ex[60]!, e65: lt.ex[65]!,
    /** Deaths before age 1 / 5 per 1,000 births; 45q15 per 1,000 at 15. */
    q0: 1000 * lt.qx[0]!, q0to4: 1000 * (1 - l(5)), q15to59: 1000 * (1 - l(60) / l(15)),
    mx: Array.from(mx),
    lx: Array.from(lt.lx),
  };
}

/** What the UI shows and lets the planner edit. */
export function assumptionsSummary(a: Assumptions, name: string): AssumptionsSummary {
  const asfr = Array.from(a.fertility.shape, (s) => s * a.fertility.tfr);
  const m = a.migration;
  return {
    scope: a.scope,
    name,
    baseYear: a.baseYear,
    basePopulation: {
      definition: 'resident = registered + in-migrants present − out-migrants away, at 31 Dec of the base year',
      total: total(a.base.male) + total(a.base.female),
      registered: total(a.baseParts.registered.male) + total(a.baseParts.registered.female),
      migrantsIn: total(a.baseParts.migIn.male) + total(a.baseParts.migIn.female),
      migrantsOut: total(a.baseParts.migOut.male) + total(a.baseParts.migOut.female),
      ...pair(a.base),
    },
    fertility: {
      years: a.fertility.years, births: a.fertility.births, tfr: a.fertility.tfr, tfrObserved: a.fertility.tfrObserved,
      weightLevel: a.fertility.weightLevel, weightShape: a.fertility.weightShape,
      ages: Array.from({ length: FERTILE_AGES }, (_, k) => FERTILE_FROM + k),
      asfr, shape: Array.from(a.fertility.shape),
      meanAge: asfr.reduce((s, f, k) => s + f * (FERTILE_FROM + k + 0.5), 0) / (a.fertility.tfr || 1),
      series: a.fertility.series,
    },
    mortality: {
      source: a.mortality.source, years: a.mortality.years, deaths: a.mortality.deaths,
      e0: a.mortality.e0, smr: a.mortality.smr, smrObserved: a.mortality.smrObserved,
      lifeTable: { male: lifeTableSummary(a.mortality.mx.male, 'male'), female: lifeTableSummary(a.mortality.mx.female, 'female') },
    },
    srb: { ...a.srb, years: a.srb.years },
    migration: {
      years: m.years,
      definition: 'net migrants a year by age at the start of the step: in-migrant arrivals − departures, minus net out-migration, plus registered transfers (residual method)',
      total: total(m.net.male) + total(m.net.female),
      migrants: total(m.migrantNet.male) + total(m.migrantNet.female),
      registeredTransfers: total(m.registeredNet.male) + total(m.registeredNet.female),
      ...pair(m.net),
      annual: m.annual,
    },
  };
}

