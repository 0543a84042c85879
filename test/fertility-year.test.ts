/**
 * The yearly fertility tables built at import (sql/rollups/fertility_year.sql): a question by
 * calendar year reads them instead of the monthly births and the year-ends. Checked two ways: the
 * TFR of each township by residence against plain-TypeScript sums of the seeded county's records,
 * and every fertility answer against the same database with the tables dropped (the month-by-month
 * path, which an older database takes), to the last character of the JSON.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../server/app.ts';
import { Database } from '../server/db/Database.ts';
import { buildRandomCounty, TOWNS, type Migrant } from './fixtures/randomCounty.ts';
import { serveRandomCounty } from './fixtures/randomCountyApp.ts';
import { copyWithoutTables, tempDir } from './helpers.ts';

const county = buildRandomCounty(11);

function completedAge(born: string, on: string): number {
  const [by, bm, bd] = born.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m * 100 + d < bm * 100 + bd ? 1 : 0);
}
const clamp = (age: number) => Math.min(Math.max(age, 15), 49);

/** Women of `age` at 31 Dec of `year` in `town`: registered, and in-migrants present then. */
function womenAt(year: number, age: number, town: string, residence: 'registered' | 'migrant'): number {
  if (residence === 'registered') {
    return county.population.filter((p) => p.year === year && p.town === town && p.sex === 'F' && p.age === age).reduce((a, p) => a + p.count, 0);
  }
  const date = `${year}-12-31`;
  const present = (m: Migrant) => m.direction === 'in' && m.town === town && m.sex === 'F' && m.arrival <= date && (m.departure === null || m.departure > date);
  return county.migrants.filter((m) => present(m) && completedAge(m.born, date) === age).length;
}

/** TFR of one township, year and residence: Σ births at age ÷ the mean of the two year-ends. */
function expectedTfr(town: string, year: number, residence: 'registered' | 'migrant'): { tfr: number; births: number } {
  let tfr = 0;
  let births = 0;
  for (let age = 15; age <= 49; age++) {
    const b = county.births.filter((x) => x.town === town && x.residence === residence && x.date.startsWith(`${year}-`) && clamp(completedAge(x.mother, x.date)) === age).length;
    const womenYears = (womenAt(year - 1, age, town, residence) + womenAt(year, age, town, residence)) / 2;
    if (womenYears > 0) tfr += b / womenYears;
    births += b;
  }
  return { tfr, births };
}

describe('fertility by calendar year from the import\'s yearly tables', () => {
  const served = serveRandomCounty<{ township: string; period: string; value: number | null; numerator: number }>('fertility-year', county);
  let monthly: { db: Database; app: ReturnType<typeof createApp> } | null = null;

  beforeAll(async () => {
    // the same data without the yearly tables: the month-by-month path
    const file = path.join(tempDir('fertility-monthly'), 'm.duckdb');
    await copyWithoutTables(served.dbPath, file, ['r_births_age_year', 'r_women_years']);
    const db = await Database.open(file);
    monthly = { db, app: createApp({ db, webRoot: '/none', log: () => {} }) };
  });
  afterAll(() => monthly?.db.close());

  it('gives each township\'s TFR by residence as the records do (mothers under 15 and over 49 at 15 and 49)', async () => {
    for (const residence of ['registered', 'migrant'] as const) {
      const rows = await served.get(`/api/indicators/tfr?township=${TOWNS.join(',')}&from=2021&to=2023&residence=${residence}`);
      expect(rows).toHaveLength(TOWNS.length * 3);
      for (const row of rows) {
        const expected = expectedTfr(row.township, Number(row.period), residence);
        expect(row.numerator, `${row.township} ${row.period} ${residence}`).toBe(expected.births);
        expect(row.value, `${row.township} ${row.period} ${residence}`).toBeCloseTo(expected.tfr, 9);
      }
    }
    expect(county.births.some((b) => completedAge(b.mother, b.date) < 15 || completedAge(b.mother, b.date) > 49)).toBe(true);
  });

  it('answers every fertility question by year exactly as the month-by-month path does', async () => {
    const urls = [
      'tfr?township=each&from=2019&to=2024', 'tfr?township=all&from=2019&to=2024&residence=registered&compare=yoy',
      `tfr?township=${TOWNS[1]}&from=2024&to=2024&residence=migrant`, 'asfr?township=each&from=2022&to=2023',
      'asfr?township=all&from=2019&to=2024&ages=5&residence=migrant', 'mean_age_childbearing?township=each&from=2019&to=2024',
    ];
    for (const url of urls) {
      const [fast, slow] = await Promise.all([served.app.request(`/api/indicators/${url}`), monthly!.app.request(`/api/indicators/${url}`)]);
      expect(fast.status, url).toBe(200);
      const [a, b] = [await fast.text(), await slow.text()];
      expect(a, url).toBe(b);
      expect((JSON.parse(a) as { rows: unknown[] }).rows.length, url).toBeGreaterThan(0);
    }
  });

  it('leaves other periods to the monthly path (a statistical year is not a calendar year)', async () => {
    for (const url of ['tfr?township=each&from=2022&to=2023&period=statyear', 'tfr?township=all&from=2023&to=2023&period=half']) {
      const [withTables, without] = await Promise.all([served.app.request(`/api/indicators/${url}`), monthly!.app.request(`/api/indicators/${url}`)]);
      expect(withTables.status, url).toBe(200);
      expect(await withTables.text(), url).toBe(await without.text());
    }
  });
});
