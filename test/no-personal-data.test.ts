/**
 * No row-level personal record ever leaves the server: every API route and every report block is
 * called with representative parameters, and no answer may contain a record id, a record's date
 * of birth or event, or any row-level column name from the exports.
 */
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../server/app.ts';
import { TABLES } from '../contract/tables.ts';
import { Database } from '../server/db/Database.ts';
import { INDICATORS } from '../server/indicators/registry.ts';
import { demoCounty } from './fixtures/demoCounty.ts';

/** Columns that only ever exist on a single person's record. */
const ROW_LEVEL = ['birth_id', 'marriage_id', 'migrant_id', 'death_id', 'mother_birth_date', 'husband_birth_date', 'wife_birth_date', 'birth_date', 'death_date', 'arrival_date', 'departure_date', 'registration_date', 'village_code'];

describe('no personal records out', () => {
  let db: Database;
  let app: ReturnType<typeof createApp>;
  const ids: string[] = [];
  const dates: string[] = [];
  let township: string;

  beforeAll(async () => {
    const demo = await demoCounty();
    // Sample real ids and personal dates straight from the exports (days 2..27, so they cannot
    // be confused with a period's first or last day).
    const instance = await DuckDBInstance.create(':memory:');
    const c = await instance.connect();
    const sample = async (sql: string) => (await c.runAndReadAll(sql)).getRowObjectsJson().map((r) => String(Object.values(r)[0]));
    const file = (t: string) => `'${path.join(demo.exports, `${t}.parquet`).replaceAll("'", "''")}'`;
    ids.push(...await sample(`SELECT birth_id FROM read_parquet(${file('births')}) USING SAMPLE 100 ROWS (reservoir, 1)`));
    ids.push(...await sample(`SELECT migrant_id FROM read_parquet(${file('migrants')}) USING SAMPLE 100 ROWS (reservoir, 1)`));
    ids.push(...await sample(`SELECT marriage_id FROM read_parquet(${file('marriages')}) USING SAMPLE 50 ROWS (reservoir, 1)`));
    ids.push(...await sample(`SELECT death_id FROM read_parquet(${file('deaths')}) USING SAMPLE 50 ROWS (reservoir, 1)`));
    dates.push(...await sample(`SELECT DISTINCT strftime(mother_birth_date, '%Y-%m-%d') AS d FROM read_parquet(${file('births')}) WHERE day(mother_birth_date) BETWEEN 2 AND 27 ORDER BY hash(d) LIMIT 100`));
    dates.push(...await sample(`SELECT DISTINCT strftime(birth_date, '%Y-%m-%d') AS d FROM read_parquet(${file('migrants')}) WHERE day(birth_date) BETWEEN 2 AND 27 ORDER BY hash(d) LIMIT 100`));
    c.closeSync();
    instance.closeSync();
    db = await Database.open(demo.dbPath);
    app = createApp({ db, webRoot: '/nonexistent', log: () => {} });
    township = ((await (await app.request('/api/meta')).json()) as { townships: { code: string }[] }).townships[3]!.code;
  });
  afterAll(() => db.close());

  function assertNoPersonalData(url: string, text: string): void {
    for (const id of ids) expect(text.includes(id), `${url} contains record id ${id}`).toBe(false);
    for (const date of dates) expect(text.includes(date), `${url} contains a personal date ${date}`).toBe(false);
    for (const column of ROW_LEVEL) expect(text.includes(`"${column}"`), `${url} has a row-level field ${column}`).toBe(false);
  }

  it('samples real ids and dates to look for', () => {
    expect(ids.length).toBe(300);
    expect(dates.length).toBe(200);
    expect(Object.keys(TABLES)).toContain('births');
  });

  it('every GET route with representative parameters', async () => {
    const urls = [
      '/api/health', '/api/meta', '/api/regions.topojson', '/api/map?indicator=population&year=2024', '/api/indicators',
      '/api/srb?township=all', `/api/srb?township=${township}&period=month&from=2024&to=2024&order=2`, '/api/srb/ranking?from=2020&to=2024',
      '/api/projections/assumptions?scope=all', `/api/projections/assumptions?scope=${township}`, '/api/projections/backtest?baseYear=2019&to=2024',
      '/api/reports', '/api/session', '/api/targets?year=2024', '/api/assessment?year=2024', '/api/assessment?year=2024&window=statyear',
      '/api/progress?year=2024&through=6', `/api/progress?year=2024&through=9&township=${township}`, '/api/progress/backtest?through=6',
    ];
    for (const def of INDICATORS.values()) {
      const period = def.periods.includes('month') ? 'month' : 'year';
      urls.push(`/api/indicators/${def.id}?township=all,${township}&from=2023&to=2024&period=${period}`);
      urls.push(`/api/indicators/${def.id}?township=${township}&from=2015&to=2024&compare=yoy`);
    }
    for (const url of urls) {
      const res = await app.request(url);
      expect(res.status, url).toBe(200);
      assertNoPersonalData(url, await res.text());
    }
  });

  it('projections, deterministic and probabilistic', async () => {
    for (const body of [
      { scope: ['all', township], horizon: 10, scenario: 'medium' },
      { scope: 'all', horizon: 10, variant: 'probabilistic', draws: 200 },
    ]) {
      const res = await app.request('/api/projections', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
      expect(res.status).toBe(200);
      assertNoPersonalData('/api/projections', await res.text());
    }
  });

  it('every block of the report notebooks', async () => {
    for (const url of ['/api/reports/situation-analysis?format=json', `/api/reports/township-profile?township=${township}&format=json`,
      '/api/reports/half-year?format=json', '/api/reports/assessment?format=json']) {
      const res = await app.request(url);
      expect(res.status, url).toBe(200);
      const text = await res.text();
      const body = JSON.parse(text) as { errors: unknown[]; charts: unknown[] };
      expect(body.errors).toEqual([]);
      expect(body.charts.length).toBeGreaterThan(0);
      assertNoPersonalData(url, text);
    }
  });
});
