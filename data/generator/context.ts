/**
 * @module generator/context
 * What every record writer shares: the run options, the townships, the simulation, and small
 * helpers for ids and dates.
 */
import { dayOf, daysInYear } from './dates.ts';
import type { Rng } from '../../common/random.ts';
import type { Township } from './regions.ts';
import type { Simulation } from './simulate.ts';

export interface Context {
  readonly seed: number;
  readonly fromYear: number;
  readonly toYear: number;
  readonly years: number;
  readonly scale: number;
  readonly townships: readonly Township[];
  readonly sim: Simulation;
  /** 31 December of toYear: the end of the data; migrants still present have no departure date. */
  readonly endDay: number;
}

export const SEX_CODES = ['M', 'F'] as const;

/** `prefix` + 9-digit township code + 7-digit serial, e.g. B9999010010000001. */
export function recordId(prefix: string, code: string, serial: number): string {
  return prefix + code + String(serial).padStart(7, '0');
}

/** A day in `year` drawn with weights by month (12 numbers, any scale). */
export function dayInYearByMonth(rng: Rng, year: number, monthWeights: readonly number[], total: number): number {
  const m = rng.pick(monthWeights, total);
  const start = dayOf(year, m + 1, 1);
  const end = m === 11 ? dayOf(year + 1, 1, 1) : dayOf(year, m + 2, 1);
  return start + rng.int(end - start);
}

/** A uniformly drawn day in `year`. */
export function dayInYear(rng: Rng, year: number): number {
  return dayOf(year, 1, 1) + rng.int(daysInYear(year));
}

/** Birth seasonality: slightly more births in autumn and winter (mild, ±8%). */
export const BIRTH_MONTHS = [1.05, 0.95, 0.97, 0.93, 0.94, 0.94, 0.98, 1.0, 1.04, 1.08, 1.08, 1.06] as const;
export const BIRTH_MONTHS_TOTAL = BIRTH_MONTHS.reduce((a, b) => a + b, 0);
