/**
 * The demo county through ingest: quarantine holds exactly the rows the generator injected, by
 * rule, and the townships add up to the county.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../server/app.ts';
import { Database } from '../server/db/Database.ts';
import { demoCounty } from './fixtures/demoCounty.ts';

interface Injected { table: string; rule: string; id: string }

describe('the demo county imported', () => {
  let db: Database;
  let injected: Injected[];

  beforeAll(async () => {
    const demo = await demoCounty();
    injected = (JSON.parse(readFileSync(path.join(demo.exports, 'manifest.json'), 'utf8')) as { injected: Injected[] }).injected;
    db = await Database.open(demo.dbPath);
  });
  afterAll(() => db.close());

  it('quarantines exactly the injected defects, each under its rule', async () => {
    const quarantined = await db.query<Injected & { table_name: string }>('test/quarantine_ids');
    const found = quarantined.map((q) => `${q.table_name}|${q.rule}|${q.id}`).sort();
    const expected = injected.map((d) => `${d.table}|${d.rule}|${d.id}`).sort();
    expect(expected.length).toBeGreaterThanOrEqual(15);
    expect(new Set(injected.map((d) => d.rule))).toEqual(new Set(['missing_value', 'mother_under_12', 'unknown_township', 'duplicate_id', 'future_date']));
    expect(found).toEqual(expected);
  });

  it('the townships add up to the county, year by year', async () => {
    const app = createApp({ db, webRoot: '/nonexistent', log: () => {} });
    const county = (await (await app.request('/api/indicators/population?township=all&from=2000&to=2024&residence=registered')).json()) as { rows: { period: string; value: number }[] };
    expect(county.rows).toHaveLength(25);
    for (const year of [2000, 2012, 2024]) {
      const map = (await (await app.request(`/api/map?year=${year}`)).json()) as { rows: { value: number }[] };
      const sum = map.rows.reduce((a, r) => a + r.value, 0);
      expect(sum).toBe(county.rows.find((r) => r.period === String(year))!.value);
    }
    expect(county.rows.at(-1)!.value).toBeGreaterThan(550_000);
  });
});
