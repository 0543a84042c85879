/**
 * A small county generated from a known, stable process, written as Parquet with its rows kept
 * in memory: 3 townships, registered population 2007..2024 by cohort simulation (fixed
 * Gompertz-Makeham mortality, fixed ASFR shape with a TFR per township, SRB 106), one birth and
 * one death record per event, and migrant stocks that arrived before 2007 and never leave.
 * Counts use stochastic rounding (unbiased), seeded, so the data are deterministic.
 */
import path from 'node:path';
import { writeParquet, type Cell } from '../fixtures/parquet.ts';
import { mulberry32 as rng } from '../stats/simulate.ts';

export const TOWNS = ['999902001', '999902101', '999902201'] as const;
export const FIRST_YEAR = 2007;
export const LAST_YEAR = 2024;
const TFR = [1.1, 1.5, 1.9];
const MORTALITY = [0.9, 1.0, 1.15];

export interface Pop { year: number; town: string; sex: 'M' | 'F'; age: number; count: number }
export interface Birth { id: string; date: string; town: string; sex: 'M' | 'F'; mother: string }
export interface Death { id: string; date: string; town: string; sex: 'M' | 'F'; born: string }
export interface Migrant { id: string; town: string; direction: 'in' | 'out'; sex: 'M' | 'F'; born: string; arrival: string }
export interface StableCounty { population: Pop[]; births: Birth[]; deaths: Death[]; migrants: Migrant[] }

const pad = (n: number) => String(n).padStart(2, '0');
function dayOf(r: () => number, year: number): string {
  const d = new Date(Date.UTC(year, 0, 1) + Math.floor(r() * 365) * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** One-year death probability of a person aged x at the start of the year. */
function q(x: number, sex: 'M' | 'F', k: number): number {
  const m = x === 0 ? 0.004 : (0.0002 + (sex === 'M' ? 0.00004 : 0.00002) * Math.exp(0.1 * (x + 0.5))) * k;
  return Math.min(0.9, 1 - Math.exp(-m));
}

/** ASFR shape over ages 15..49 (sums to 1). */
const SHAPE = (() => {
  const s = Array.from({ length: 35 }, (_, i) => { const a = 15 + i + 0.5; return Math.exp(-((a - 28) ** 2) / (2 * 5 ** 2)); });
  const t = s.reduce((x, y) => x + y, 0);
  return s.map((v) => v / t);
})();

export function buildStableCounty(seed = 11): StableCounty {
  const r = rng(seed);
  const round = (x: number) => { const f = Math.floor(x); return f + (r() < x - f ? 1 : 0); };
  const population: Pop[] = [];
  const births: Birth[] = [];
  const deaths: Death[] = [];
  const migrants: Migrant[] = [];
  TOWNS.forEach((town, ti) => {
    const pop = { M: new Array<number>(101).fill(0), F: new Array<number>(101).fill(0) };
    for (let a = 0; a <= 100; a++) for (const s of ['M', 'F'] as const) pop[s][a] = round((a < 60 ? 220 : 220 * Math.exp(-(a - 60) / 12)) * (1 + ti * 0.3));
    const write = (year: number) => { for (const s of ['M', 'F'] as const) for (let a = 0; a <= 100; a++) population.push({ year, town, sex: s, age: a, count: pop[s][a]! }); };
    write(FIRST_YEAR);
    for (let year = FIRST_YEAR + 1; year <= LAST_YEAR; year++) {
      const next = { M: new Array<number>(101).fill(0), F: new Array<number>(101).fill(0) };
      for (const s of ['M', 'F'] as const) {
        for (let a = 0; a <= 100; a++) {
          const d = round(pop[s][a]! * q(a, s, MORTALITY[ti]!));
          for (let i = 0; i < d; i++) deaths.push({ id: `D${town}${year}${s}${a}-${i}`, date: dayOf(r, year), town, sex: s, born: dayOf(r, year - 1 - a) });
          const to = Math.min(100, a + 1);
          next[s][to] += pop[s][a]! - d;
        }
      }
      for (let k = 0; k < 35; k++) {
        const age = 15 + k;
        const women = (pop.F[age]! + next.F[age]!) / 2;
        const b = round(TFR[ti]! * SHAPE[k]! * women);
        for (let i = 0; i < b; i++) {
          const date = dayOf(r, year);
          const sex = r() < 106 / 206 ? 'M' : 'F';
          // born 1 Jan: her completed age on any day of `year` is exactly `age`
          const id = `B${town}${year}-${k}-${i}`;
          births.push({ id, date, town, sex, mother: `${year - age}-01-01` });
          if (r() < q(0, sex, MORTALITY[ti]!) / 2) {
            deaths.push({ id: `D${id}`, date, town, sex, born: date });
            continue;
          }
          next[sex][0] += 1;
        }
      }
      pop.M = next.M;
      pop.F = next.F;
      write(year);
    }
    // Migrant stocks: arrived before the first year, never leave (ages 18-45 in 2007).
    for (let i = 0; i < 300; i++) {
      const sex = r() < 0.5 ? 'M' : 'F';
      migrants.push({ id: `MI${town}-${i}`, town, direction: 'in', sex, born: dayOf(r, 1962 + Math.floor(r() * 28)), arrival: dayOf(r, 2000 + Math.floor(r() * 6)) });
    }
    for (let i = 0; i < 120; i++) {
      const sex = r() < 0.5 ? 'M' : 'F';
      migrants.push({ id: `MO${town}-${i}`, town, direction: 'out', sex, born: dayOf(r, 1965 + Math.floor(r() * 25)), arrival: dayOf(r, 2000 + Math.floor(r() * 6)) });
    }
  });
  return { population, births, deaths, migrants };
}

export async function writeStableCounty(dir: string, c: StableCounty): Promise<void> {
  await writeParquet(path.join(dir, 'regions.parquet'), { code: 'VARCHAR', name: 'VARCHAR', county_code: 'VARCHAR', kind: 'VARCHAR' },
    [[TOWNS[0], '城南街道', '999902', 'subdistrict'], [TOWNS[1], '石桥镇', '999902', 'town'], [TOWNS[2], '河口乡', '999902', 'township']]);
  await writeParquet(path.join(dir, 'population.parquet'), { year: 'INTEGER', township_code: 'VARCHAR', sex: 'VARCHAR', age: 'INTEGER', count: 'INTEGER' },
    c.population.map((p): Cell[] => [p.year, p.town, p.sex, p.age, p.count]));
  await writeParquet(path.join(dir, 'births.parquet'), {
    birth_id: 'VARCHAR', birth_date: 'DATE', township_code: 'VARCHAR', sex: 'VARCHAR', birth_order: 'INTEGER',
    mother_birth_date: 'DATE', mother_residence: 'VARCHAR', policy_status: 'VARCHAR',
  }, c.births.map((b): Cell[] => [b.id, b.date, b.town, b.sex, 1, b.mother, 'registered', 'compliant']));
  await writeParquet(path.join(dir, 'deaths.parquet'), { death_id: 'VARCHAR', death_date: 'DATE', township_code: 'VARCHAR', sex: 'VARCHAR', birth_date: 'DATE' },
    c.deaths.map((d): Cell[] => [d.id, d.date, d.town, d.sex, d.born]));
  await writeParquet(path.join(dir, 'marriages.parquet'), {
    marriage_id: 'VARCHAR', registration_date: 'DATE', township_code: 'VARCHAR', husband_birth_date: 'DATE',
    wife_birth_date: 'DATE', husband_prior: 'VARCHAR', wife_prior: 'VARCHAR',
  }, [['W1', '2020-05-01', TOWNS[0], '1990-01-01', '1992-01-01', 'never_married', 'never_married']]);
  await writeParquet(path.join(dir, 'migrants.parquet'), {
    migrant_id: 'VARCHAR', township_code: 'VARCHAR', direction: 'VARCHAR', sex: 'VARCHAR', birth_date: 'DATE',
    arrival_date: 'DATE', departure_date: 'DATE', origin_code: 'VARCHAR', marital_status: 'VARCHAR', has_certificate: 'BOOLEAN',
  }, c.migrants.map((m): Cell[] => [m.id, m.town, m.direction, m.sex, m.born, m.arrival, null, '51', 'married', true]));
}
