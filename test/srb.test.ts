/**
 * SRB API against expectations computed here: counts from the fixture rows, the Wilson interval
 * written out from its formula, and the flag rule.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../server/app.ts';
import { Database } from '../server/db/Database.ts';
import { ingest } from '../server/ingest/ingest.ts';
import { buildRandomCounty, TOWNS, writeRandomCounty } from './fixtures/randomCounty.ts';
import { tempDir } from './helpers.ts';

const county = buildRandomCounty();
const Z = 1.959963984540054;

function wilsonRatio(male: number, female: number): [number, number] {
  const n = male + female;
  const p = male / n;
  const centre = (p + (Z * Z) / (2 * n)) / (1 + (Z * Z) / n);
  const half = (Z / (1 + (Z * Z) / n)) * Math.sqrt((p * (1 - p)) / n + (Z * Z) / (4 * n * n));
  const toRatio = (share: number) => (100 * share) / (1 - share);
  return [toRatio(centre - half), toRatio(centre + half)];
}

interface SrbRow { township: string; period: string; male: number; female: number; srb: number; lo: number; hi: number; smoothed: number; smoothed_lo: number; smoothed_hi: number; shrinkage: number; flag: string; small: boolean }

describe('sex ratio at birth', () => {
  const dir = tempDir('srb');
  let db: Database;
  let app: ReturnType<typeof createApp>;
  const get = async <T>(url: string): Promise<T> => {
    const res = await app.request(url);
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    const source = path.join(dir, 'exports');
    await writeRandomCounty(source, county);
    await ingest({ source, dbPath: path.join(dir, 'r.duckdb'), today: '2026-11-23' });
    db = await Database.open(path.join(dir, 'r.duckdb'));
    app = createApp({ db, webRoot: path.join(dir, 'none'), log: () => {} });
  });
  afterAll(() => db.close());

  it('raw SRB and its Wilson interval per township and year, by birth order', async () => {
    const { rows } = await get<{ rows: SrbRow[] }>(`/api/srb?township=${TOWNS[0]},all&from=2020&to=2022&order=2`);
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      const births = county.births.filter((b) => b.date.startsWith(row.period) && Math.min(b.order, 3) === 2 && (row.township === 'all' || b.town === row.township));
      const male = births.filter((b) => b.sex === 'M').length;
      const female = births.length - male;
      const [lo, hi] = wilsonRatio(male, female);
      expect(row).toMatchObject({ male, female });
      expect(row.srb).toBeCloseTo((100 * male) / female, 9);
      expect(row.lo).toBeCloseTo(lo, 9);
      expect(row.hi).toBeCloseTo(hi, 9);
      expect(row.flag).toBe(lo > 107 ? 'high' : hi < 103 ? 'low' : 'normal');
      expect(row.lo).toBeLessThan(row.srb);
    }
    const countyRow = rows.find((r) => r.township === 'all')!;
    expect(countyRow.smoothed).toBe(countyRow.srb);
  });

  it('smoothing moves each township toward the county by the weight s/(s+n) on the male share', async () => {
    const { rows } = await get<{ rows: SrbRow[] }>(`/api/srb?township=${TOWNS.join(',')},all&from=2021&to=2021`);
    const countyRow = rows.find((r) => r.township === 'all')!;
    for (const row of rows.filter((r) => r.township !== 'all')) {
      const share = (srb: number) => srb / (100 + srb);
      const smoothedShare = share(row.smoothed);
      // The smoothed share lies between the township's own share and the prior mean.
      const own = row.male / (row.male + row.female);
      expect(Math.min(own, share(countyRow.srb)) - 0.02).toBeLessThanOrEqual(smoothedShare);
      expect(Math.max(own, share(countyRow.srb)) + 0.02).toBeGreaterThanOrEqual(smoothedShare);
      expect(row.shrinkage).toBeGreaterThan(0);
      expect(row.shrinkage).toBeLessThan(1);
      expect(row.smoothed_lo).toBeLessThan(row.smoothed);
      expect(row.smoothed_hi).toBeGreaterThan(row.smoothed);
    }
  });

  it('ranking pools the span, orders by smoothed SRB and gives funnel limits around the county ratio', async () => {
    const ranking = await get<{ county: SrbRow; townships: (SrbRow & { rank: number; name: string; funnel: string })[]; funnel: { births: number; lo95: number; hi95: number }[] }>(
      '/api/srb/ranking?from=2019&to=2024');
    const male = county.births.filter((b) => b.sex === 'M').length;
    expect(ranking.county).toMatchObject({ male, female: county.births.length - male });
    expect(ranking.townships.map((t) => t.rank)).toEqual([1, 2, 3]);
    const smoothed = ranking.townships.map((t) => t.smoothed);
    expect([...smoothed].sort((a, b) => b - a)).toEqual(smoothed);
    expect(ranking.townships[0]!.name.length).toBeGreaterThan(0);
    for (const point of ranking.funnel) {
      expect(point.lo95).toBeLessThan(ranking.county.srb);
      expect(point.hi95).toBeGreaterThan(ranking.county.srb);
    }
    expect(ranking.funnel[0]!.hi95 - ranking.funnel[0]!.lo95).toBeGreaterThan(ranking.funnel.at(-1)!.hi95 - ranking.funnel.at(-1)!.lo95);
  });

  it('rejects an unknown birth order naming the parameter', async () => {
    const res = await app.request('/api/srb?order=4');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { parameter: string } }).error.parameter).toBe('order');
  });
});
