/**
 * A year still open — a monthly refresh, births through July and no year-end population yet for
 * it — is followed through its last month with births: `/api/meta` says which month that is, and
 * `/api/progress` without `through` runs 1–7月 (not 1–6月, nor months without data counted as none).
 * A closed year (births through December) still defaults to the half-year, 双过半. (The small export's
 * births end on 10 July: its last month with births is July.)
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultThroughMonth, monthsWithBirths } from '../contract/assessment.ts';
import { ingest } from '../server/ingest/ingest.ts';
import { createApp } from '../server/app.ts';
import { Database } from '../server/db/Database.ts';
import { suggestTiny, writeCorrectedProfile, writeTinyOffice } from './fixtures/tinyOffice.ts';
import { tempDir } from './helpers.ts';

describe('a year still open', () => {
  it('picks the months a year is followed through', () => {
    expect(defaultThroughMonth('2025-01', 2025)).toBe(1);
    expect(defaultThroughMonth('2025-01', 2024)).toBe(6); // a closed year: the half-year
    expect(defaultThroughMonth('2024-12', 2024)).toBe(6);
    expect(defaultThroughMonth(null, 2024)).toBe(6);
    expect(monthsWithBirths('2025-01', 2025)).toBe(1);
    expect(monthsWithBirths('2025-01', 2024)).toBe(12);
    expect(monthsWithBirths('2024-12', 2025)).toBe(0); // a year-end population later than the births
    expect(defaultThroughMonth('2024-12', 2025)).toBe(6);
  });

  it('is followed through its last month with births by default (1–7月)', async () => {
    const dir = tempDir('open-year');
    await writeTinyOffice(dir); // births of 2024: 5 March, 1 June, 10 July (and the spoiled one of 1 August, quarantined)
    writeCorrectedProfile(dir, await suggestTiny(dir));
    const dbPath = path.join(dir, 'tiny.duckdb');
    await ingest({ source: dir, dbPath, today: '2026-11-23', keepVersions: 0 });
    // the app without a server or its worker threads: the answers are the same, and nothing is left to stop
    const db = await Database.open(dbPath);
    const app = createApp({ db, webRoot: path.join(dir, 'no-web'), log: () => {} });
    try {
      const get = async <T>(url: string) => (await (await app.request(url)).json()) as T;
      expect((await get<{ years: { birthsLastMonth: string } }>('/api/meta')).years.birthsLastMonth).toBe('2024-07');
      const open = await get<{ year: number; through: number; elapsed_share: number; items: { measure: string; counts: { births: number } }[] }>('/api/progress');
      // 1–7月 of 2024: 7 of 12 months elapsed, and all three accepted births counted
      expect(open.elapsed_share).toBeCloseTo(700 / 12, 1);
      expect(open).toMatchObject({ year: 2024, through: 7 });
      expect(open.items.find((i) => i.measure === 'births_change')!.counts.births).toBe(3);
      const half = await get<{ elapsed_share: number; items: { measure: string; counts: { births: number } }[] }>('/api/progress?through=6');
      expect(half.elapsed_share).toBe(50);
      expect(half.items.find((i) => i.measure === 'births_change')!.counts.births).toBe(2); // 5 March, 1 June
      // months whose births are not in yet are not asked for as months without births
      const late = await app.request('/api/progress?through=9');
      expect(late.status).toBe(400);
      expect(((await late.json()) as { error: { message: string } }).error.message).toBe('through: 2024年的出生只到7月，无法统计1–9月 — births of 2024 are in through month 7 only');
    } finally {
      db.close();
    }
  });
});
