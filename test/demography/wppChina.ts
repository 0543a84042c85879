/**
 * @module test/demography/wppChina
 * JSON projection inputs for China from the WPP2019 2020 base (refdata), medium variant:
 * - population by 5-year age and sex (thousands, 1 July 2020), 0-4 … 95-99, 100+;
 * - abridged m(x) (0, 1-4, 5-9, …, 100+) per 5-year period → life table inside the engine;
 * - ASFR(group) = TFR(medium) × pasfr / 100 / 5; SRB from the period series;
 * - total net migrants per period (WPP2019 gives no age detail) spread over age and sex by
 *   WPP2024's net-migration age-sex pattern of the same period (`wpp2024`), or in proportion to
 *   the 2020 population by age and sex (`population`). Timing `even`.
 * `china5` gives 5-year groups and steps; `china1` the same inputs graduated to single years
 * (Sprague population, constant hazard within groups, flat ASFR, migrants even within groups).
 */
import {
  asfrSingleFromGroups,
  countsSingleFromGroups,
  mxSingleFromGroups,
  spragueSplit,
} from '../../server/demography/graduation.ts';
import type { Sex } from '../../server/demography/types.ts';
import { num, readCsv } from './refdata.ts';

const CHINA = '156';
const A5 = 21;
export const PERIODS = [2020, 2025, 2030, 2035, 2040, 2045];
export const MX_STARTS = [0, 1, ...Array.from({ length: 20 }, (_, i) => 5 * (i + 1))];

export type MigrationPattern = 'wpp2024' | 'population';

const china = (file: string) => readCsv(file).filter((r) => r.country_code === CHINA);

/** WPP2019 population (thousands) by 5-year group for a variant and year. */
export function wppPopulation(variant: string, year: number, sex: Sex): Float64Array {
  const p = new Float64Array(A5);
  for (const r of china('wpp2019_pop_by5age_sex.csv')) {
    if (r.variant === variant && num(r, 'year') === year && r.sex === sex) p[num(r, 'age_start') / 5] = num(r, 'pop_thousands');
  }
  return p;
}

function mxAbridged(period: number, sex: Sex): Float64Array {
  const m = new Float64Array(MX_STARTS.length);
  for (const r of china('wpp2019_mx_abridged.csv')) {
    if (num(r, 'period_start') === period && r.sex === sex) m[MX_STARTS.indexOf(num(r, 'age_start'))] = num(r, 'mx');
  }
  return m;
}

function series(period: number) {
  const r = china('wpp2019_period_series.csv').find((x) => num(x, 'period_start') === period)!;
  return { tfr: num(r, 'tfr_medium'), srb: num(r, 'srb_m_per_f'), netMigration: num(r, 'net_migration_thousands') };
}

function asfr5(period: number): Float64Array {
  const f = new Float64Array(A5);
  const { tfr } = series(period);
  for (const r of china('wpp2019_pasfr.csv')) {
    if (num(r, 'period_start') === period) f[num(r, 'age_start') / 5] = (tfr * num(r, 'pasfr_percent')) / 100 / 5;
  }
  return f;
}

/** Net migrants (thousands over the 5-year period) by group, both sexes, summing to the WPP2019 total. */
function migration5(period: number, pattern: MigrationPattern): { male: Float64Array; female: Float64Array } {
  const shape = { male: new Float64Array(A5), female: new Float64Array(A5) };
  if (pattern === 'wpp2024') {
    for (const r of china('wpp2024_net_migration_by5age_5yr.csv')) {
      if (num(r, 'period_start') === period) shape[r.sex as Sex][num(r, 'age_start') / 5] = num(r, 'net_migrants_thousands');
    }
  } else {
    shape.male.set(wppPopulation('estimate', 2020, 'male'));
    shape.female.set(wppPopulation('estimate', 2020, 'female'));
  }
  const sum = shape.male.reduce((a, b) => a + b, 0) + shape.female.reduce((a, b) => a + b, 0);
  const total = series(period).netMigration;
  return { male: shape.male.map((v) => (v / sum) * total), female: shape.female.map((v) => (v / sum) * total) };
}

/** 5-year groups, 6 steps of 5 years from 2020 (the projection input JSON). */
export function china5(pattern: MigrationPattern = 'wpp2024'): Record<string, unknown> {
  const mig = PERIODS.map((p) => migration5(p, pattern));
  return {
    name: 'China, WPP2019 medium inputs, 5×5',
    ageWidth: 5,
    startYear: 2020,
    steps: PERIODS.length,
    population: { male: Array.from(wppPopulation('estimate', 2020, 'male')), female: Array.from(wppPopulation('estimate', 2020, 'female')) },
    fertility: { asfr: PERIODS.map((p) => Array.from(asfr5(p))) },
    mortality: {
      male: { mx: PERIODS.map((p) => Array.from(mxAbridged(p, 'male'))) },
      female: { mx: PERIODS.map((p) => Array.from(mxAbridged(p, 'female'))) },
    },
    srb: PERIODS.map((p) => series(p).srb),
    migration: { male: mig.map((m) => Array.from(m.male)), female: mig.map((m) => Array.from(m.female)), timing: 'even' },
  };
}

/** Single years 0..100+, 30 annual steps from 2020, graduated from the 5-year inputs. */
export function china1(pattern: MigrationPattern = 'wpp2024'): Record<string, unknown> {
  const years = Array.from({ length: 30 }, (_, t) => PERIODS[Math.floor(t / 5)]!);
  const mig = PERIODS.map((p) => migration5(p, pattern));
  const migRows = (sex: Sex) => years.map((p) => Array.from(countsSingleFromGroups(mig[PERIODS.indexOf(p)]![sex].map((v) => v / 5))));
  return {
    name: 'China, WPP2019 medium inputs graduated to single years',
    ageWidth: 1,
    startYear: 2020,
    steps: years.length,
    population: {
      male: Array.from(spragueSplit(wppPopulation('estimate', 2020, 'male'))),
      female: Array.from(spragueSplit(wppPopulation('estimate', 2020, 'female'))),
    },
    fertility: { asfr: years.map((p) => Array.from(asfrSingleFromGroups(asfr5(p)))) },
    mortality: {
      male: { mx: years.map((p) => Array.from(mxSingleFromGroups(mxAbridged(p, 'male'), MX_STARTS))) },
      female: { mx: years.map((p) => Array.from(mxSingleFromGroups(mxAbridged(p, 'female'), MX_STARTS))) },
    },
    srb: years.map((p) => series(p).srb),
    migration: { male: migRows('male'), female: migRows('female'), timing: 'even' },
  };
}

/** WPP2019 medium total (thousands) and 65+ for a year (2020 from the estimates). */
export function wppTotals(year: number): { total: number; age65plus: number } {
  const v = year === 2020 ? 'estimate' : 'medium';
  let total = 0;
  let old = 0;
  for (const sex of ['male', 'female'] as const) {
    wppPopulation(v, year, sex).forEach((p, i) => {
      total += p;
      if (i >= 13) old += p;
    });
  }
  return { total, age65plus: old };
}
