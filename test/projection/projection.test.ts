/**
 * Projections from the data (server/projection, routes/projections) on a county generated from a
 * known stable process (test/projection/stableCounty.ts), with expected figures computed here in
 * plain TypeScript from the fixture's rows.
 */
import path from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../server/db/Database.ts';
import { ApiError, asApiError } from '../../server/http/errors.ts';
import { ingest } from '../../server/ingest/ingest.ts';
import { backtest } from '../../server/projection/backtest.ts';
import { projectionRoutes } from '../../server/routes/projections.ts';
import { inlineJobs } from '../../server/workers/jobs.ts';
import { DEFAULT_ANALYTICS } from '../../server/config.ts';
import { tempDir } from '../helpers.ts';
import { buildStableCounty, LAST_YEAR, TOWNS, writeStableCounty, type Migrant } from './stableCounty.ts';

const county = buildStableCounty();
const BASE = LAST_YEAR;

function completedAge(born: string, on: string): number {
  const [by, bm, bd] = born.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m * 100 + d < bm * 100 + bd ? 1 : 0);
}

/** Migrants present at 31 Dec of `year` by sex and age (no one in the fixture departs). */
function migrantStock(year: number, direction: 'in' | 'out', keep: (m: Migrant) => boolean): { M: number[]; F: number[] } {
  const out = { M: new Array<number>(101).fill(0), F: new Array<number>(101).fill(0) };
  const day = `${year}-12-31`;
  for (const m of county.migrants) {
    if (m.direction !== direction || m.arrival > day || !keep(m)) continue;
    out[m.sex][Math.min(100, Math.max(0, completedAge(m.born, day)))]! += 1;
  }
  return out;
}
function registered(year: number, keep: (town: string) => boolean): { M: number[]; F: number[] } {
  const out = { M: new Array<number>(101).fill(0), F: new Array<number>(101).fill(0) };
  for (const p of county.population) if (p.year === year && keep(p.town)) out[p.sex][p.age]! += p.count;
  return out;
}
function resident(year: number, keep: (town: string) => boolean): { M: number[]; F: number[] } {
  const r = registered(year, keep);
  const i = migrantStock(year, 'in', (m) => keep(m.town));
  const o = migrantStock(year, 'out', (m) => keep(m.town));
  const f = (s: 'M' | 'F') => r[s].map((v, a) => Math.max(0, v + i[s][a]! - o[s][a]!));
  return { M: f('M'), F: f('F') };
}
/** TFR over years: births by mother's completed age (15..49, folded) / (registered + in-migrant) women-years. */
function tfr(years: number[], keep: (town: string) => boolean): number {
  const births = new Array<number>(35).fill(0);
  const women = new Array<number>(35).fill(0);
  for (const b of county.births) {
    const y = Number(b.date.slice(0, 4));
    if (!years.includes(y) || !keep(b.town)) continue;
    births[Math.min(49, Math.max(15, completedAge(b.mother, b.date))) - 15]! += 1;
  }
  for (const y of years) {
    for (const yy of [y - 1, y]) {
      const r = registered(yy, keep).F;
      const i = migrantStock(yy, 'in', (m) => keep(m.town)).F;
      for (let k = 0; k < 35; k++) women[k]! += (r[15 + k]! + i[15 + k]!) / 2;
    }
  }
  return births.reduce((s, b, k) => s + b / women[k]!, 0);
}

interface Series { [k: string]: (number | null)[] }
interface ScopeResult { scope: string; series: Series; pyramids: { male: number[][]; female: number[][] }; bands?: Record<string, Record<string, (number | null)[]>> }
interface Answer { years: number[]; results: ScopeResult[]; assumptions: { scope: string; basePopulation: { male: number[]; female: number[]; total: number } }[] }

describe('projections from the data of a stable county', () => {
  const dir = tempDir('projection');
  let db: Database;
  const app = new Hono();
  app.onError((e, c) => {
    const answer = asApiError(e);
    return answer ? c.json(answer.toJSON(), answer.status) : c.json(new ApiError(500, 'internal', String(e)).toJSON(), 500);
  });
  const post = async (body: unknown) => {
    const res = await app.request('/api/projections', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    return { status: res.status, body: (await res.json()) as Answer & { error?: { parameter?: string; message: string } } };
  };
  const ok = async (body: unknown): Promise<Answer> => {
    const r = await post(body);
    expect(r.status, JSON.stringify(r.body.error)).toBe(200);
    return r.body;
  };

  beforeAll(async () => {
    const source = path.join(dir, 'exports');
    await writeStableCounty(source, county);
    const dbPath = path.join(dir, 'p.duckdb');
    await ingest({ source, dbPath, today: '2026-11-23' });
    db = await Database.open(dbPath);
    app.route('/api/projections', projectionRoutes(db, inlineJobs(db), DEFAULT_ANALYTICS));
  }, 120_000);
  afterAll(() => db.close());

  it('base population = registered + in-migrants − out-migrants by sex and age (county and a township)', async () => {
    for (const scope of ['all', TOWNS[2]] as const) {
      const res = await app.request(`/api/projections/assumptions?scope=${scope}`);
      expect(res.status).toBe(200);
      const a = (await res.json()) as { baseYear: number; basePopulation: { male: number[]; female: number[] } };
      expect(a.baseYear).toBe(BASE);
      const expected = resident(BASE, (t) => scope === 'all' || t === scope);
      expect(a.basePopulation.male).toEqual(expected.M);
      expect(a.basePopulation.female).toEqual(expected.F);
    }
  });

  it('TFR = births by mother\'s age / (registered + in-migrant) women-years over the last 3 years', async () => {
    for (const scope of ['all', TOWNS[0]] as const) {
      const res = await app.request(`/api/projections/assumptions?scope=${scope}&baseYear=${BASE}`);
      const a = (await res.json()) as { fertility: { years: number[]; tfr: number; tfrObserved: number } };
      expect(a.fertility.years).toEqual([BASE - 2, BASE - 1, BASE]);
      expect(a.fertility.tfrObserved).toBeCloseTo(tfr([BASE - 2, BASE - 1, BASE], (t) => scope === 'all' || t === scope), 10);
    }
  });

  it('the first year equals the base; townships add up to the county by sex and age in every year', async () => {
    const a = await ok({ scope: ['all', ...TOWNS], horizon: 15 });
    expect(a.years).toHaveLength(16);
    const byScope = new Map(a.results.map((r) => [r.scope, r]));
    const countyResult = byScope.get('all')!;
    const base = a.assumptions.find((x) => x.scope === 'all')!.basePopulation;
    expect(countyResult.pyramids.male[0]).toEqual(base.male);
    expect(countyResult.pyramids.female[0]).toEqual(base.female);
    for (const t of TOWNS) {
      const b = a.assumptions.find((x) => x.scope === t)!.basePopulation;
      expect(byScope.get(t)!.pyramids.male[0]).toEqual(b.male);
    }
    for (let y = 0; y < a.years.length; y++) {
      for (const sex of ['male', 'female'] as const) {
        for (let age = 0; age <= 100; age++) {
          const sum = TOWNS.reduce((s, t) => s + byScope.get(t)!.pyramids[sex][y]![age]!, 0);
          expect(Math.abs(sum - countyResult.pyramids[sex][y]![age]!)).toBeLessThan(1e-6);
        }
      }
      for (const k of ['births', 'deaths', 'netMigrants'] as const) {
        if (y === 0) continue;
        const sum = TOWNS.reduce((s, t) => s + byScope.get(t)!.series[k]![y]!, 0);
        expect(Math.abs(sum - countyResult.series[k]![y]!)).toBeLessThan(1e-6);
      }
      if (y === 0) continue;
      for (const t of ['all', ...TOWNS]) { // each unit's accounts close: P(y) − P(y−1) = B − D + M
        const s = byScope.get(t)!.series;
        expect(s.total[y]! - s.total[y - 1]!).toBeCloseTo(s.births[y]! - s.deaths[y]! + s.netMigrants[y]!, 6);
      }
    }
  });

  it('zero_migration has no net migrants; low < medium < high births every year', async () => {
    const zero = await ok({ scope: 'all', scenario: 'zero_migration' });
    expect(zero.results[0]!.series.netMigrants!.slice(1).every((v) => v === 0)).toBe(true);
    const [low, medium, high] = await Promise.all(['low', 'medium', 'high'].map((scenario) => ok({ scope: 'all', scenario, horizon: 30 })));
    for (let y = 1; y <= 30; y++) {
      const b = (x: Answer) => x.results[0]!.series.births![y]!;
      expect(b(low!)).toBeLessThan(b(medium!));
      expect(b(medium!)).toBeLessThan(b(high!));
    }
  });

  it('pyramids: false answers the same series without the pyramids', async () => {
    const scope = ['all', ...TOWNS];
    const [full, lean] = await Promise.all([ok({ scope, horizon: 10 }), ok({ scope, horizon: 10, pyramids: false })]);
    expect(lean.results.map((r) => r.scope)).toEqual(full.results.map((r) => r.scope));
    lean.results.forEach((r, i) => {
      expect(r.pyramids).toBeUndefined();
      expect(r.series).toEqual(full.results[i]!.series);
    });
    expect(full.results[0]!.pyramids.male).toHaveLength(11);
    expect((await post({ scope: 'all', pyramids: 'no' })).body.error?.parameter).toBe('pyramids');
  });

  it('custom: a TFR target reached linearly, SRB and migration multiplier applied', async () => {
    const a = await ok({ scope: 'all', scenario: 'custom', horizon: 10, custom: { tfr: 2.0, tfrYear: BASE + 5, srb: 110 } });
    const t = a.results[0]!.series.tfr!;
    expect(t[5]).toBeCloseTo(2.0, 10);
    expect(t[10]).toBeCloseTo(2.0, 10);
    expect(t[1]! - t[0]!).toBeCloseTo((2.0 - t[0]!) / 5, 10);
    const p = a.results[0]!.pyramids;
    expect(p.male[1]![0]! / p.female[1]![0]!).toBeCloseTo(1.1, 2);
  });

  it('probabilistic: median close to the deterministic medium, 80% inside 95%, same seed same answer', async () => {
    const det = await ok({ scope: 'all', horizon: 20 });
    const prob = await ok({ scope: 'all', horizon: 20, variant: 'probabilistic', draws: 1000, seed: 7 });
    const again = await ok({ scope: 'all', horizon: 20, variant: 'probabilistic', draws: 1000, seed: 7 });
    expect(again.results[0]!.bands).toEqual(prob.results[0]!.bands);
    const bands = prob.results[0]!.bands!;
    for (const [name, band] of Object.entries(bands)) {
      for (let y = 0; y <= 20; y++) {
        if (band.p50![y] === null) continue;
        expect(band.p025![y]!).toBeLessThanOrEqual(band.p10![y]! + 1e-9);
        expect(band.p10![y]!).toBeLessThanOrEqual(band.p50![y]! + 1e-9);
        expect(band.p50![y]!).toBeLessThanOrEqual(band.p90![y]! + 1e-9);
        expect(band.p90![y]!).toBeLessThanOrEqual(band.p975![y]! + 1e-9);
        const d = det.results[0]!.series[name]![y]!;
        expect(Math.abs(band.p50![y]! - d) / d, `${name} ${y}`).toBeLessThan(name === 'births' ? 0.05 : 0.02);
      }
    }
    expect(bands.total!.p975![20]! - bands.total!.p025![20]!).toBeGreaterThan(bands.total!.p975![1]! - bands.total!.p025![1]!);
    const town = await ok({ scope: TOWNS[1], horizon: 10, variant: 'probabilistic', draws: 200 });
    expect(town.results[0]!.bands!.total!.p50![10]).toBeGreaterThan(0);
  });

  it('backtest on the stable process: small errors for the county and the townships', async () => {
    const r = await backtest(db, { baseYear: 2016, to: LAST_YEAR });
    expect(r.years).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(Math.abs(r.horizon.county.total)).toBeLessThan(1);
    expect(r.horizon.mape.total).toBeLessThan(2);
    expect(r.horizon.mape.age65plus).toBeLessThan(3);
    const res = await app.request('/api/projections/backtest?baseYear=2016&to=2024');
    expect(res.status).toBe(200);
    const body = (await res.json()) as typeof r;
    expect(body.horizon.mape.total).toBeCloseTo(r.horizon.mape.total, 10);
  });

  it('bad bodies and queries answer 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ scope: 'all', horizon: 40 }, 'horizon'],
      [{ scope: 'all', horizon: 4 }, 'horizon'],
      [{ scope: 'all', scenario: 'optimistic' }, 'scenario'],
      [{ scope: 'nowhere' }, 'scope'],
      [{ scope: '123456789' }, 'scope'],
      [{ horizon: 10 }, 'scope'],
      [{ scope: 'all', custom: { tfr: 1.5 } }, 'custom'],
      [{ scope: 'all', scenario: 'custom', custom: { tfr: 12 } }, 'custom.tfr'],
      [{ scope: 'all', scenario: 'custom', custom: { asfrShape: [1, 2] } }, 'custom.asfrShape'],
      [{ scope: 'all', colour: 'red' }, 'colour'],
      [{ scope: ['all', TOWNS[0]], variant: 'probabilistic' }, 'scope'],
      [{ scope: 'all', draws: 500 }, 'draws'],
      [{ scope: 'all', variant: 'probabilistic', draws: 10 }, 'draws'],
      [{ scope: 'all', baseYear: 1990 }, 'baseYear'],
    ];
    for (const [body, field] of cases) {
      const r = await post(body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error?.parameter, JSON.stringify(body)).toBe(field);
      expect(r.body.error?.message.startsWith(`${field}: `)).toBe(true);
    }
    const notJson = await app.request('/api/projections', { method: 'POST', body: '{', headers: { 'content-type': 'application/json' } });
    expect(notJson.status).toBe(400);
    const q = await app.request('/api/projections/assumptions?scope=12');
    expect(q.status).toBe(400);
    expect(((await q.json()) as { error: { parameter: string } }).error.parameter).toBe('scope');
    const bt = await app.request('/api/projections/backtest?baseYear=2024&to=2020');
    expect(bt.status).toBe(400);
  });
});
