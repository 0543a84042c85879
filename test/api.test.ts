import path from 'node:path';
import * as vega from 'vega';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../server/app.ts';
import { layerRequest } from '../web/src/charts/mapLayers.ts';
import { Database } from '../server/db/Database.ts';
import { ingest } from '../server/ingest/ingest.ts';
import { TINY, writeTinyCounty } from './fixtures/tinyCounty.ts';
import { tempDir } from './helpers.ts';

describe('API over the tiny county', () => {
  const dir = tempDir('api');
  let db: Database;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    const source = path.join(dir, 'exports');
    await writeTinyCounty(source);
    const dbPath = path.join(dir, 'renkou.duckdb');
    await ingest({ source, dbPath, today: '2026-11-23', countyName: '测试县' });
    db = await Database.open(dbPath);
    app = createApp({ db, webRoot: path.join(dir, 'no-web'), log: () => {} });
  });
  afterAll(() => db.close());

  it('GET /api/health answers ok', async () => {
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('GET /api/meta gives the county, townships, years, row and quarantine counts', async () => {
    const meta = (await (await app.request('/api/meta')).json()) as Record<string, unknown>;
    expect(meta.county).toEqual({ code: TINY.county, name: '测试县' });
    expect(meta.townships).toEqual([
      { code: '999901001', name: '城关街道', kind: 'subdistrict' },
      { code: '999901201', name: '柳河乡', kind: 'township' },
    ]);
    // events span every event table the data-quality page counts: G3 arrived in March 2018 (births start in 2023)
    expect(meta.years).toEqual({ from: 2023, to: 2024, eventsFrom: 2018, eventsTo: 2024, birthsLastMonth: '2024-06' }); // B4, 1 June 2024
    expect(meta.rowCounts).toEqual({ regions: 2, population: 8, births: 4, marriages: 2, migrants: 3, deaths: 1 });
    expect((meta.quarantine as Record<string, unknown>).births).toEqual(TINY.expected.births.quarantined);
  });

  it('GET /api/map gives the year-end population per township (hand sums of the fixture)', async () => {
    const body = (await (await app.request('/api/map?indicator=population&year=2024')).json()) as { rows: { township: string; value: number }[] };
    // 2024: M age 0 = 101, F age 0 = 90 in each township; the duplicate and the unknown township are quarantined.
    expect(body.rows.map((r) => [r.township, r.value])).toEqual([['999901001', 191], ['999901201', 191]]);
    const y2023 = (await (await app.request('/api/map?year=2023')).json()) as { rows: { value: number }[] };
    expect(y2023.rows.map((r) => r.value)).toEqual([190, 190]);
  });

  it('GET /api/map.svg draws one polygon per township, coloured along the scheme by its value', async () => {
    const res = await app.request('/api/map.svg?layer=births&year=2024&lang=en');
    expect(res.status).toBe(200);
    const svg = await res.text();
    const fills = new Map([...svg.matchAll(/<path aria-label="(\d+)"[^>]*?fill="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
    expect([...fills.keys()].sort()).toEqual(['999901001', '999901201']);
    // 2024's accepted births (fixture): none in 城关街道, B3 and B4 in 柳河乡; the domain is [0, 2]
    const rgb = (c: string) => (c.startsWith('#') ? [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)) : c.match(/\d+/g)!.map(Number));
    const oranges = vega.scheme('oranges') as (t: number) => string;
    expect(rgb(fills.get('999901001')!)).toEqual(rgb(oranges(0)));
    expect(rgb(fills.get('999901201')!)).toEqual(rgb(oranges(1)));
    expect(svg).toContain('Births');
    expect(svg).toContain('柳河乡'); // two townships: named on the map
    const statyear = await app.request('/api/map.svg?layer=births&year=2024&period=statyear');
    expect(statyear.status).toBe(200);
    expect(await statyear.text()).toContain('出生人数');
  });

  it('GET /api/map.svg of compliance counts registered births, as the headline card beside it does, and says so', async () => {
    expect(layerRequest('compliance', 2024, 'year')).toBe('/indicators/compliance?township=each&from=2024&to=2024&period=year&residence=registered');
    const res = await app.request('/api/map.svg?layer=compliance&year=2024');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('计划生育率（户籍）');
  });

  it('GET /api/map.svg passes on the refusal of its values as the API gave it, details included', async () => {
    const res = await app.request('/api/map.svg?layer=births&year=1950');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string; parameter?: string } };
    expect(body.error).toMatchObject({ code: 'bad_parameter', parameter: 'from' });
    expect(body.error.message).toContain('1950');
  });

  it('GET /api/regions.topojson serves the imported polygons keyed by code', async () => {
    const res = await app.request('/api/regions.topojson');
    expect(res.headers.get('content-type')).toContain('application/json');
    const topo = (await res.json()) as { objects: { townships: { geometries: { id: string }[] } } };
    expect(topo.objects.townships.geometries.map((g) => g.id)).toEqual(TINY.townships);
  });

  it('bad parameters answer 400 naming the parameter; unknown routes 404; both JSON without stack traces', async () => {
    const bad = await app.request('/api/map?year=abc');
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { code: string; parameter: string; message: string } };
    expect(body.error).toMatchObject({ code: 'bad_parameter', parameter: 'year' });
    const unknownLayer = await app.request('/api/map?year=2024&indicator=drop_table');
    expect(unknownLayer.status).toBe(400);
    expect(((await unknownLayer.json()) as { error: { parameter: string } }).error.parameter).toBe('indicator');
    const missing = await app.request('/api/nope');
    expect(missing.status).toBe(404);
    const text = await missing.text();
    expect(JSON.parse(text).error.code).toBe('not_found');
    expect(text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('every response carries the security headers', async () => {
    const res = await app.request('/api/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});
