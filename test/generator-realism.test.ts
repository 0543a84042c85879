/**
 * Demographic realism of the demo county, computed independently from the Parquet files:
 * TFR, the 2016 two-child bump, sex ratio at birth by order and in the hot spots, policy
 * compliance, age at first marriage, remarriage, e0 and the migrant stock (with the children born
 * here to in-migrant mothers).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, type Manifest } from '../data/generator/index.ts';

let root: string;
let manifest: Manifest;
let conn: DuckDBConnection;
let close: () => void;

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}
async function scalar(sql: string): Promise<number> {
  return Number(Object.values((await rows(sql))[0]!)[0]);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'renkou-real-'));
  await generate({ seed: 1, outDir: root });
  manifest = JSON.parse(await readFile(join(root, 'manifest.json'), 'utf8')) as Manifest;
  const instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
  close = () => { conn.closeSync(); instance.closeSync(); };
  const bad = manifest.injected.filter((d) => d.table === 'births').map((d) => `'${d.id}'`).join(',');
  for (const t of ['population', 'deaths', 'marriages', 'migrants', 'regions']) await conn.run(`CREATE VIEW ${t} AS SELECT * FROM '${join(root, t)}.parquet'`);
  await conn.run(`CREATE VIEW births AS SELECT * FROM '${join(root, 'births')}.parquet' WHERE birth_id NOT IN (${bad})`);
  await conn.run(`CREATE MACRO age_at(b, d) AS year(d) - year(b) - CASE WHEN strftime(d, '%m%d') < strftime(b, '%m%d') THEN 1 ELSE 0 END`);
  await conn.run(`CREATE MACRO srb(m, f) AS 100.0 * m / f`);
}, 60_000);

afterAll(async () => {
  close?.();
  await rm(root, { recursive: true, force: true });
});

/** TFR of registered women: Σ births by mother's age / mean of surrounding year-end women. */
async function tfr(year: number): Promise<number> {
  return scalar(`
    WITH w AS (SELECT year, age, sum(count) f FROM population WHERE sex = 'F' GROUP BY ALL),
    e AS (SELECT a.age, (a.f + b.f) / 2.0 ex FROM w a JOIN w b ON b.age = a.age AND b.year = a.year - 1 WHERE a.year = ${year}),
    bb AS (SELECT age_at(mother_birth_date, birth_date) AS age, count(*) n FROM births WHERE mother_residence = 'registered' AND year(birth_date) = ${year} GROUP BY 1)
    SELECT sum(coalesce(n, 0) / ex) FROM e LEFT JOIN bb USING (age) WHERE e.age BETWEEN 15 AND 49`);
}

/** e0 (both sexes) from deaths by age at death and mid-year population. */
async function e0(year: number): Promise<number> {
  const r = await rows(`
    WITH d AS (SELECT least(100, age_at(birth_date, death_date)) AS age, count(*) n FROM deaths WHERE year(death_date) = ${year} GROUP BY 1),
    p AS (SELECT age, sum(count) FILTER (WHERE year = ${year}) c1, sum(count) FILTER (WHERE year = ${year - 1}) c0 FROM population GROUP BY 1)
    SELECT p.age, coalesce(n, 0) / ((c0 + c1) / 2.0) AS mx FROM p LEFT JOIN d USING (age) ORDER BY p.age`);
  let l = 1;
  let e = 0;
  for (const x of r) {
    const m = Number(x['mx']);
    if (Number(x['age']) === 100) { e += l / m; break; }
    const a = Number(x['age']) === 0 ? 0.1 : 0.5;
    const q = m / (1 + (1 - a) * m);
    e += l * (1 - q) + a * l * q;
    l *= 1 - q;
  }
  return e;
}

describe('demo county realism', () => {
  it('TFR ≈ 1.6 in 2000 and ≈ 1.0 in 2024; births up 10-15% in 2016', async () => {
    expect(Math.abs((await tfr(2001)) - 1.55)).toBeLessThan(0.15);
    expect(Math.abs((await tfr(2024)) - 1.0)).toBeLessThan(0.15);
    const ratio = await scalar(`SELECT count(*) FILTER (WHERE year(birth_date) = 2016) / count(*) FILTER (WHERE year(birth_date) = 2015) FROM births`);
    expect(ratio).toBeGreaterThan(1.1);
    expect(ratio).toBeLessThan(1.15);
    const second = await rows(`SELECT year(birth_date) AS y, avg((birth_order = 2)::INT) s FROM births WHERE year(birth_date) IN (2015, 2017) GROUP BY 1 ORDER BY 1`);
    expect(Number(second[0]!['s'])).toBeLessThan(0.42);
    expect(Number(second[1]!['s'])).toBeGreaterThan(0.5);
  });

  it('SRB ≈ 118 in the 2000s (first births normal, higher orders very high), ≈ 108 by 2024, hot spots high', async () => {
    const s = (where: string) => scalar(`SELECT srb(count(*) FILTER (WHERE sex = 'M'), count(*) FILTER (WHERE sex = 'F')) FROM births WHERE ${where}`);
    const hot = manifest.hotspots.map((c) => `'${c}'`).join(',');
    const all00s = await s('year(birth_date) BETWEEN 2000 AND 2009');
    expect(all00s).toBeGreaterThan(114);
    expect(all00s).toBeLessThan(122);
    const first = await s('year(birth_date) BETWEEN 2000 AND 2009 AND birth_order = 1');
    expect(first).toBeGreaterThan(103);
    expect(first).toBeLessThan(111);
    expect(await s('year(birth_date) BETWEEN 2000 AND 2009 AND birth_order >= 2')).toBeGreaterThan(135);
    const late = await s(`year(birth_date) = 2024 AND township_code NOT IN (${hot})`);
    expect(late).toBeGreaterThan(104);
    expect(late).toBeLessThan(112);
    expect(await s(`year(birth_date) BETWEEN 2020 AND 2024 AND township_code IN (${hot})`)).toBeGreaterThan(120);
    // each hot spot's 95% Wilson interval for 2020-2024 lies wholly above 107
    for (const code of manifest.hotspots) {
      const r = (await rows(`SELECT count(*) FILTER (WHERE sex = 'M') m, count(*) n FROM births WHERE year(birth_date) BETWEEN 2020 AND 2024 AND township_code = '${code}'`))[0]!;
      const n = Number(r['n']);
      const p = Number(r['m']) / n;
      const z = 1.96;
      const lo = (p + (z * z) / (2 * n) - z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
      expect(100 * lo / (1 - lo)).toBeGreaterThan(107);
    }
  });

  it('policy compliance: registered ~98%, migrants ~85-90% with 1-3% unknown', async () => {
    const r = await rows(`SELECT mother_residence AS r, avg((policy_status = 'compliant')::INT) c, avg((policy_status = 'unknown')::INT) u FROM births GROUP BY 1 ORDER BY 1`);
    const [mig, reg] = [r[0]!, r[1]!];
    expect(Number(reg['c'])).toBeGreaterThan(0.975);
    expect(Number(reg['c'])).toBeLessThan(0.995);
    expect(Number(mig['c'])).toBeGreaterThan(0.84);
    expect(Number(mig['c'])).toBeLessThan(0.94);
    expect(Number(mig['u'])).toBeGreaterThan(0.01);
    expect(Number(mig['u'])).toBeLessThan(0.03);
    // most third+ births before 2016 are noncompliant
    expect(await scalar(`SELECT avg((policy_status = 'noncompliant')::INT) FROM births WHERE birth_order >= 3 AND year(birth_date) < 2016`)).toBeGreaterThan(0.6);
  });

  it('marriages: age at first marriage 23/25 → 27/29, 10-20% remarriages, rate ~7-9‰ → ~5‰', async () => {
    const firstAge = (sex: 'wife' | 'husband', year: number) => scalar(`SELECT avg(date_diff('day', ${sex}_birth_date, registration_date) / 365.25)
      FROM marriages WHERE ${sex}_prior = 'never_married' AND year(registration_date) = ${year}`);
    expect(Math.abs((await firstAge('wife', 2000)) - 23)).toBeLessThan(1);
    expect(Math.abs((await firstAge('husband', 2000)) - 25)).toBeLessThan(1);
    expect(Math.abs((await firstAge('wife', 2024)) - 27)).toBeLessThan(1);
    expect(Math.abs((await firstAge('husband', 2024)) - 29)).toBeLessThan(1);
    const rem = await scalar(`SELECT avg((husband_prior <> 'never_married' OR wife_prior <> 'never_married')::INT) FROM marriages`);
    expect(rem).toBeGreaterThan(0.1);
    expect(rem).toBeLessThan(0.2);
    const rate = async (y: number) => scalar(`SELECT 1000.0 * (SELECT count(*) FROM marriages WHERE year(registration_date) = ${y}) / (SELECT sum(count) FROM population WHERE year = ${y})`);
    expect(await rate(2005)).toBeGreaterThan(7);
    expect(await rate(2005)).toBeLessThan(9.5);
    expect(Math.abs((await rate(2024)) - 5)).toBeLessThan(1);
  });

  it('e0 ≈ 72 in 2000 and ≈ 79 in 2024', async () => {
    expect(Math.abs((await e0(2001)) - 72)).toBeLessThan(1.5);
    expect(Math.abs((await e0(2024)) - 79)).toBeLessThan(1.5);
  });

  it('in-migrant stock in 街道 and industrial towns rises to 15-25% by 2015 and levels off', async () => {
    const share = async (y: number) => scalar(`
      WITH places AS (SELECT code FROM regions WHERE kind = 'subdistrict' OR code IN ('999901100', '999901101', '999901102'))
      SELECT (SELECT count(*) FROM migrants WHERE direction = 'in' AND township_code IN (SELECT code FROM places)
                AND arrival_date <= make_date(${y}, 12, 31) AND (departure_date IS NULL OR departure_date > make_date(${y}, 12, 31)))
           / (SELECT sum(count) FROM population WHERE year = ${y} AND township_code IN (SELECT code FROM places))`);
    const s2000 = await share(2000);
    const s2015 = await share(2015);
    const s2024 = await share(2024);
    expect(s2000).toBeLessThan(0.1);
    expect(s2015).toBeGreaterThan(0.15);
    expect(s2015).toBeLessThan(0.25);
    expect(Math.abs(s2024 - s2015)).toBeLessThan(0.04);
    expect(await scalar(`SELECT count(*) FROM migrants WHERE arrival_date < DATE '2000-01-01'`)).toBeGreaterThan(1000);
    const young = await scalar(`SELECT avg((date_diff('day', birth_date, arrival_date) / 365.25 BETWEEN 18 AND 40)::INT) FROM migrants WHERE direction = 'in'`);
    expect(young).toBeGreaterThan(0.6);
  });

  it('the in-migrant stock has children: those who arrived young and those born here to in-migrant mothers', async () => {
    const ages = async (y: number) => (await rows(`
      SELECT avg((age_at(birth_date, make_date(${y}, 12, 31)) < 15)::INT) c15, avg((age_at(birth_date, make_date(${y}, 12, 31)) < 5)::INT) c5,
        avg((arrival_date = birth_date)::INT) here
      FROM migrants WHERE direction = 'in' AND arrival_date <= make_date(${y}, 12, 31) AND (departure_date IS NULL OR departure_date > make_date(${y}, 12, 31))`))[0]!;
    for (const y of [2010, 2015, 2024]) {
      const a = await ages(y);
      expect(Number(a['c15'])).toBeGreaterThan(0.08);
      expect(Number(a['c15'])).toBeLessThan(0.25);
      expect(Number(a['c5'])).toBeGreaterThan(0.03);
      expect(Number(a['here'])).toBeGreaterThan(0.05);
    }
    // the under-5s present at the end of 2024 are mostly born here (the 0-4 of the adults' arrivals are few)
    const u5 = await rows(`SELECT (arrival_date = birth_date) here, count(*)::INT n FROM migrants WHERE direction = 'in'
      AND birth_date > DATE '2019-12-31' AND (departure_date IS NULL) GROUP BY 1 ORDER BY 1`);
    expect(Number(u5[1]!['n'])).toBeGreaterThan(2 * Number(u5[0]!['n']));
  });
});
