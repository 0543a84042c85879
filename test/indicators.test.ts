/**
 * Indicators API against expectations computed here in plain TypeScript from the fixture's rows
 * (test/fixtures/randomCounty.ts), without the SQL, the rollups or the indicator code.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../server/app.ts';
import { Database } from '../server/db/Database.ts';
import { ingest } from '../server/ingest/ingest.ts';
import { buildRandomCounty, TOWNS, writeRandomCounty, type Migrant } from './fixtures/randomCounty.ts';
import { tempDir } from './helpers.ts';
import { serveRandomCounty } from './fixtures/randomCountyApp.ts';

const county = buildRandomCounty();

function completedAge(born: string, on: string): number {
  const [by, bm, bd] = born.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m * 100 + d < bm * 100 + bd ? 1 : 0);
}
const yearOf = (date: string) => Number(date.slice(0, 4));

/** Registered year-end population, summed over the filter. */
function registered(year: number, keep: (sex: string, age: number, town: string) => boolean): number {
  return county.population.filter((p) => p.year === year && keep(p.sex, p.age, p.town)).reduce((a, p) => a + p.count, 0);
}
/** In-migrants present at 31 Dec of `year` (arrived by then, not departed by then). */
function migrantsAt(date: string, keep: (m: Migrant) => boolean): Migrant[] {
  return county.migrants.filter((m) => m.arrival <= date && (m.departure === null || m.departure > date) && keep(m));
}

interface Row { township: string; period: string; value: number | null; numerator: number | null; denominator: number | null; small: boolean; [k: string]: unknown }

describe('indicators over a seeded county, checked against plain-TypeScript sums', () => {
  const served = serveRandomCounty<Row>('indicators', county);
  const { get } = served;
  const app = { request: (url: string) => served.app.request(url) };

  it('births by township and year', async () => {
    const rows = await get(`/api/indicators/births?township=${TOWNS.join(',')}&from=2019&to=2024`);
    expect(rows).toHaveLength(TOWNS.length * 6);
    for (const row of rows) {
      const expected = county.births.filter((b) => b.town === row.township && yearOf(b.date) === Number(row.period)).length;
      expect(row.value, `${row.township} ${row.period}`).toBe(expected);
    }
  });

  it('statistical years run 1 Oct..30 Sep: a birth on 30 Sep 2023 is SY2023, one on 1 Oct 2023 is SY2024', async () => {
    const rows = await get('/api/indicators/births?township=all&from=2023&to=2024&period=statyear');
    expect(rows.map((r) => r.period)).toEqual(['SY2023', 'SY2024']);
    const sy = (label: number) => county.births.filter((b) => b.date >= `${label - 1}-10-01` && b.date <= `${label}-09-30`).length;
    expect(rows[0]!.value).toBe(sy(2023));
    expect(rows[1]!.value).toBe(sy(2024));
    const withoutBoundary = (label: number) => county.births.filter((b) => !b.id.startsWith('SY-') && b.date >= `${label - 1}-10-01` && b.date <= `${label}-09-30`).length;
    expect(rows[0]!.value).toBe(withoutBoundary(2023) + 1);
    expect(rows[1]!.value).toBe(withoutBoundary(2024) + 1);
  });

  it('quarters, halves and months partition the year', async () => {
    const quarters = await get(`/api/indicators/births?township=${TOWNS[1]}&from=2021&to=2021&period=quarter`);
    expect(quarters.map((r) => r.period)).toEqual(['2021Q1', '2021Q2', '2021Q3', '2021Q4']);
    quarters.forEach((row, i) => {
      const months = [`2021-${String(3 * i + 1).padStart(2, '0')}`, `2021-${String(3 * i + 3).padStart(2, '0')}-31`];
      expect(row.value).toBe(county.births.filter((b) => b.town === TOWNS[1] && b.date >= months[0]! && b.date <= months[1]!).length);
    });
    const months = await get(`/api/indicators/births?township=${TOWNS[1]}&from=2021&to=2021&period=month`);
    expect(months).toHaveLength(12);
    expect(months[6]).toMatchObject({ period: '2021-07', value: county.births.filter((b) => b.town === TOWNS[1] && b.date.startsWith('2021-07')).length });
    const halves = await get(`/api/indicators/births?township=${TOWNS[1]}&from=2021&to=2021&period=half`);
    expect(halves.map((r) => r.value)).toEqual([quarters[0]!.value! + quarters[1]!.value!, quarters[2]!.value! + quarters[3]!.value!]);
  });

  it('crude birth rate: registered births ÷ mean of the year-end registered populations × 1000', async () => {
    const [row] = await get(`/api/indicators/cbr?township=${TOWNS[0]}&from=2022&to=2022&residence=registered`);
    const births = county.births.filter((b) => b.town === TOWNS[0] && yearOf(b.date) === 2022 && b.residence === 'registered').length;
    const mid = (registered(2021, (_s, _a, t) => t === TOWNS[0]) + registered(2022, (_s, _a, t) => t === TOWNS[0])) / 2;
    expect(row!.numerator).toBe(births);
    expect(row!.denominator).toBeCloseTo(mid, 6);
    expect(row!.value).toBeCloseTo((births / mid) * 1000, 9);
  });

  it('TFR (county, all residents): Σ births at each age ÷ women-years (registered + in-migrants, year-end mean)', async () => {
    const [row] = await get('/api/indicators/tfr?township=all&from=2022&to=2022');
    let tfr = 0;
    for (let age = 15; age <= 49; age++) {
      const births = county.births.filter((b) => yearOf(b.date) === 2022 && Math.min(Math.max(completedAge(b.mother, b.date), 15), 49) === age).length;
      const women = [2021, 2022].map((y) => registered(y, (s, a) => s === 'F' && a === age)
        + migrantsAt(`${y}-12-31`, (m) => m.direction === 'in' && m.sex === 'F' && completedAge(m.born, `${y}-12-31`) === age).length);
      const womenYears = (women[0]! + women[1]!) / 2;
      tfr += births / womenYears;
    }
    expect(row!.value).toBeCloseTo(tfr, 9);
    expect(row!.numerator).toBe(county.births.filter((b) => yearOf(b.date) === 2022).length);
  });

  it('compliance: compliant ÷ all births, unknown reported separately, against the target', async () => {
    const [row] = await get('/api/indicators/compliance?township=all&from=2023&to=2023&residence=registered');
    const births = county.births.filter((b) => yearOf(b.date) === 2023 && b.residence === 'registered');
    const compliant = births.filter((b) => b.policy === 'compliant').length;
    const unknown = births.filter((b) => b.policy === 'unknown').length;
    expect(row).toMatchObject({ numerator: compliant, denominator: births.length, unknown, target: 99, meets_target: false });
    expect(row!.value).toBeCloseTo((100 * compliant) / births.length, 9);
    expect(row!.unknown_share).toBeCloseTo((100 * unknown) / births.length, 9);
  });

  it('hospital-delivery rate counts only births with a recorded place', async () => {
    const [row] = await get('/api/indicators/hospital_rate?township=all&from=2020&to=2020');
    const births = county.births.filter((b) => yearOf(b.date) === 2020);
    const known = births.filter((b) => b.place !== null);
    expect(row).toMatchObject({ numerator: known.filter((b) => b.place === 'hospital').length, denominator: known.length, unrecorded: births.length - known.length });
  });

  it('migrant stock at the period end, brute-forced over the records', async () => {
    const years = await get(`/api/indicators/migrant_stock?township=${TOWNS[1]}&from=2019&to=2024`);
    for (const row of years) {
      expect(row.value, row.period).toBe(migrantsAt(`${row.period}-12-31`, (m) => m.town === TOWNS[1] && m.direction === 'in').length);
    }
    const [q2] = await get(`/api/indicators/migrant_stock?township=${TOWNS[1]}&from=2022&to=2022&period=quarter&direction=out`).then((r) => r.filter((x) => x.period === '2022Q2'));
    expect(q2!.value).toBe(migrantsAt('2022-06-30', (m) => m.town === TOWNS[1] && m.direction === 'out').length);
  });

  it('certificate rate among in-migrant women 15–49 at the period end', async () => {
    const [row] = await get('/api/indicators/certificate_rate?township=all&from=2021&to=2021');
    const women = migrantsAt('2021-12-31', (m) => m.direction === 'in' && m.sex === 'F' && completedAge(m.born, '2021-12-31') >= 15 && completedAge(m.born, '2021-12-31') <= 49);
    expect(row).toMatchObject({ numerator: women.filter((m) => m.cert).length, denominator: women.length });
  });

  it('inflow counts arrivals in the period', async () => {
    const [row] = await get(`/api/indicators/migrant_inflow?township=${TOWNS[2]}&from=2020&to=2020`);
    expect(row!.value).toBe(county.migrants.filter((m) => m.town === TOWNS[2] && m.direction === 'in' && yearOf(m.arrival) === 2020).length);
  });

  it('mean age at first marriage by sex, and the remarriage share', async () => {
    const rows = await get('/api/indicators/first_marriage_age?township=all&from=2021&to=2021');
    const wives = county.marriages.filter((m) => yearOf(m.date) === 2021 && m.wPrior === 'never_married');
    const husbands = county.marriages.filter((m) => yearOf(m.date) === 2021 && m.hPrior === 'never_married');
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(rows.find((r) => r.sex === 'F')!.value).toBeCloseTo(mean(wives.map((m) => completedAge(m.wife, m.date))), 9);
    expect(rows.find((r) => r.sex === 'M')!.value).toBeCloseTo(mean(husbands.map((m) => completedAge(m.husband, m.date))), 9);
    const [re] = await get('/api/indicators/remarriage_share?township=all&from=2021&to=2021');
    const all = county.marriages.filter((m) => yearOf(m.date) === 2021);
    expect(re!.numerator).toBe(all.filter((m) => m.hPrior !== 'never_married' || m.wPrior !== 'never_married').length);
    expect(re!.denominator).toBe(all.length);
  });

  it('pyramid in 5-year groups and age structure shares at 31 Dec (registered)', async () => {
    const rows = await get(`/api/indicators/pyramid?township=${TOWNS[2]}&from=2024&to=2024&residence=registered&ages=5`);
    expect(rows).toHaveLength(2 * 21);
    const f2024 = rows.find((r) => r.sex === 'F' && r.age === '20-24')!;
    expect(f2024.value).toBe(registered(2024, (s, a, t) => t === TOWNS[2] && s === 'F' && a >= 20 && a <= 24));
    expect(rows.find((r) => r.sex === 'M' && r.age === '100+')!.value).toBe(registered(2024, (s, a, t) => t === TOWNS[2] && s === 'M' && a === 100));
    const shares = await get(`/api/indicators/age_structure?township=${TOWNS[2]}&from=2024&to=2024&residence=registered`);
    const total = registered(2024, (_s, _a, t) => t === TOWNS[2]);
    expect(shares.find((r) => r.group === '65+')!.value).toBeCloseTo((100 * registered(2024, (_s, a, t) => t === TOWNS[2] && a >= 65)) / total, 9);
  });

  it('resident population = registered + in-migrants − out-migrants', async () => {
    const [row] = await get(`/api/indicators/population?township=${TOWNS[0]}&from=2023&to=2023`);
    const here = (d: 'in' | 'out') => migrantsAt('2023-12-31', (m) => m.town === TOWNS[0] && m.direction === d).length;
    expect(row!.value).toBe(registered(2023, (_s, _a, t) => t === TOWNS[0]) + here('in') - here('out'));
  });

  it('同比: change against the same period a year earlier', async () => {
    const rows = await get(`/api/indicators/births?township=${TOWNS[0]}&from=2021&to=2022&compare=yoy`);
    const count = (y: number) => county.births.filter((b) => b.town === TOWNS[0] && yearOf(b.date) === y).length;
    expect(rows.map((r) => r.period)).toEqual(['2021', '2022']);
    expect(rows[1]).toMatchObject({ value: count(2022), previous: count(2021), change: count(2022) - count(2021) });
    expect(rows[1]!.change_pct).toBeCloseTo((100 * (count(2022) - count(2021))) / count(2021), 9);
    const months = await get(`/api/indicators/births?township=${TOWNS[0]}&from=2022&to=2022&period=month&compare=prev`);
    const jan = county.births.filter((b) => b.town === TOWNS[0] && b.date.startsWith('2022-01')).length;
    const dec = county.births.filter((b) => b.town === TOWNS[0] && b.date.startsWith('2021-12')).length;
    expect(months[0]).toMatchObject({ period: '2022-01', value: jan, previous: dec });
  });

  it('marks cells with fewer events than the threshold as small', async () => {
    const rows = await get(`/api/indicators/births?township=${TOWNS[0]}&from=2022&to=2022&period=month`);
    for (const row of rows) expect(row.small).toBe((row.value ?? 0) < 5);
    expect(rows.some((r) => r.small)).toBe(true);
  });

  it.each([
    ['/api/indicators/nonsense', 'name'],
    ['/api/indicators/births?township=999901999', 'township'],
    ['/api/indicators/births?township=12345', 'township'],
    ['/api/indicators/births?from=2024&to=2020', 'from'],
    ['/api/indicators/births?from=1990', 'from'],
    ['/api/indicators/births?to=2031', 'to'],
    ['/api/indicators/births?from=twenty', 'from'],
    ['/api/indicators/births?period=week', 'period'],
    ['/api/indicators/births?residence=hukou', 'residence'],
    ['/api/indicators/pyramid?period=month', 'period'],
    ['/api/indicators/births?townhsip=all', 'query'],
  ])('%s answers 400 naming %s', async (url, parameter) => {
    const res = await app.request(url);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { parameter?: string; message: string } };
    expect(body.error.parameter ?? 'query').toBe(parameter);
    expect(body.error.message.length).toBeGreaterThan(10);
  });

  it('lists every indicator with unit, definitions and parameters', async () => {
    const body = (await (await app.request('/api/indicators')).json()) as { indicators: { id: string; unit: string; definition: { zh: string; en: string } }[] };
    const ids = body.indicators.map((d) => d.id);
    for (const id of ['births', 'cbr', 'asfr', 'tfr', 'order_share', 'compliance', 'marriages', 'first_marriage_age', 'migrant_stock', 'migrant_inflow', 'certificate_rate', 'pyramid']) {
      expect(ids).toContain(id);
    }
    for (const d of body.indicators) expect(d.definition.zh.length * d.definition.en.length * d.unit.length).toBeGreaterThan(0);
  });
});

describe('Arrow transport', () => {
  it('answers an Arrow IPC stream with the same rows when asked', async () => {
    const { tableFromIPC } = await import('apache-arrow');
    const dir = tempDir('arrow');
    const source = path.join(dir, 'exports');
    await writeRandomCounty(source, county);
    await ingest({ source, dbPath: path.join(dir, 'r.duckdb'), today: '2026-11-23' });
    const db = await Database.open(path.join(dir, 'r.duckdb'));
    try {
      const app = createApp({ db, webRoot: path.join(dir, 'none'), log: () => {} });
      const url = `/api/indicators/pyramid?township=all&from=2024&to=2024&residence=registered`;
      const json = (await (await app.request(url)).json()) as { rows: Row[]; unit: string };
      const res = await app.request(url, { headers: { accept: 'application/vnd.apache.arrow.stream' } });
      expect(res.headers.get('content-type')).toBe('application/vnd.apache.arrow.stream');
      const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
      expect(table.numRows).toBe(json.rows.length);
      const values = table.getChild('value')!.toArray() as Float64Array;
      expect(Array.from(values)).toEqual(json.rows.map((r) => r.value));
      expect(JSON.parse(decodeURIComponent(res.headers.get('x-renkou-meta')!)).unit).toBe(json.unit);
    } finally {
      db.close();
    }
  });
});
