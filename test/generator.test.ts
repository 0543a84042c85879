/**
 * The demo-county generator: determinism, the export contract's columns and types, the exact
 * population balance against births, deaths and registered moves, the topojson, and the
 * injected defects. Figures are computed from the Parquet files with DuckDB.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, type Manifest } from '../data/generator/index.ts';
import { STORAGE_TYPE, TABLES, TABLE_ORDER, type TableName } from '../contract/tables.ts';

let root: string;
let dir: string;
let manifest: Manifest;
let conn: DuckDBConnection;
let close: () => void;

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  const r = await conn.runAndReadAll(sql);
  return r.getRowObjectsJson() as Record<string, unknown>[];
}
async function scalar(sql: string): Promise<number> {
  const r = await rows(sql);
  return Number(Object.values(r[0]!)[0]);
}
const f = (d: string, t: string) => `'${join(d, `${t}.parquet`)}'`;

async function tableHash(d: string, t: TableName): Promise<string> {
  const r = await rows(`SELECT md5(string_agg(CAST(x AS VARCHAR), '|' ORDER BY file_row_number)) h FROM read_parquet(${f(d, t)}, file_row_number = true) x`);
  return String(r[0]!['h']);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'renkou-gen-'));
  dir = join(root, 'county');
  const summary = await generate({ seed: 1, outDir: dir });
  manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  expect(summary.rowCounts).toEqual(manifest.rowCounts);
  const instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
  close = () => { conn.closeSync(); instance.closeSync(); };
  // Births as the import keeps them (first of each id, injected defects left out): several tests read this view.
  const bad = manifest.injected.filter((d) => d.table === 'births' && d.rule !== 'duplicate_id').map((d) => `'${d.id}'`).join(',');
  await conn.run(`CREATE TEMP VIEW births_ok AS
    SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY birth_id ORDER BY file_row_number) k
      FROM read_parquet(${f(dir, 'births')}, file_row_number = true)) WHERE k = 1 AND birth_id NOT IN (${bad})`);
}, 60_000);

afterAll(async () => {
  close?.();
  await rm(root, { recursive: true, force: true });
});

describe('generator output', () => {
  it('writes every contract table with exactly the contract columns and storage types', async () => {
    for (const t of TABLE_ORDER) {
      const cols = await rows(`DESCRIBE SELECT * FROM ${f(dir, t)}`);
      // The columns the office-file mapping fills (keys, ID check) are not in a Parquet export.
      const exported = TABLES[t].columns.filter((c) => !c.office);
      expect(cols.map((c) => c['column_name'])).toEqual(exported.map((c) => c.name));
      expect(cols.map((c) => c['column_type'])).toEqual(exported.map((c) => STORAGE_TYPE[c.family]));
      expect(await scalar(`SELECT count(*) FROM ${f(dir, t)}`)).toBe(manifest.rowCounts[t]);
    }
  });

  it('is the designed county: 20 townships, ~600,000 people, codes of the county', async () => {
    expect(manifest.county).toEqual({ code: '999901', name: '清河县' });
    const kinds = await rows(`SELECT kind, count(*)::INT n FROM ${f(dir, 'regions')} GROUP BY 1 ORDER BY 1`);
    expect(kinds).toEqual([{ kind: 'subdistrict', n: 5 }, { kind: 'town', n: 10 }, { kind: 'township', n: 5 }]);
    expect(await scalar(`SELECT count(*) FROM ${f(dir, 'regions')} WHERE code NOT LIKE '999901___' OR county_code <> '999901' OR area_km2 <= 0`)).toBe(0);
    const pop2000 = await scalar(`SELECT sum(count) FROM ${f(dir, 'population')} WHERE year = 2000`);
    expect(pop2000).toBeGreaterThan(570_000);
    expect(pop2000).toBeLessThan(640_000);
    expect(manifest.hotspots.length).toBeGreaterThanOrEqual(2);
  });

  it('has one topojson geometry per township, with id = code', async () => {
    const topo = JSON.parse(await readFile(join(dir, 'regions.topojson'), 'utf8')) as { objects: { townships: { geometries: { id: string; properties: { code: string; name: string } }[] } } };
    const geoms = topo.objects.townships.geometries;
    const codes = (await rows(`SELECT code, name FROM ${f(dir, 'regions')} ORDER BY code`));
    expect(geoms.map((g) => g.id).sort()).toEqual(codes.map((c) => c['code']));
    for (const g of geoms) expect(g.properties.code).toBe(g.id);
  });

  it('closes the population balance exactly for every township, year, sex and age', async () => {
    // pop(t, a+1) = pop(t-1, a) − deaths in t of the cohort born in t−1−a + moves (100+ is open)
    const mismatches = await scalar(`
      WITH p AS (SELECT * FROM ${f(dir, 'population')}),
      d AS (SELECT year(death_date) AS yr, township_code, sex, greatest(year(death_date) - year(birth_date), 0) AS cohort_age, count(*) n
            FROM ${f(dir, 'deaths')} GROUP BY ALL),
      dd AS (SELECT yr, township_code, sex, least(cohort_age, 100) AS age_end, sum(n) n FROM d GROUP BY ALL),
      prev AS (SELECT year + 1 AS yr, township_code, sex, least(age + 1, 100) AS age_end, sum(count) c FROM p GROUP BY ALL),
      b AS (SELECT year(birth_date) AS yr, township_code, sex, 0 AS age_end, count(*) c FROM births_ok WHERE mother_residence = 'registered' GROUP BY ALL),
      mv AS (SELECT year AS yr, township_code, sex, age AS age_end, net FROM '${join(dir, manifest.movesFile)}')
      SELECT count(*) FROM p
      LEFT JOIN prev ON prev.yr = p.year AND prev.township_code = p.township_code AND prev.sex = p.sex AND prev.age_end = p.age
      LEFT JOIN b ON b.yr = p.year AND b.township_code = p.township_code AND b.sex = p.sex AND b.age_end = p.age
      LEFT JOIN dd ON dd.yr = p.year AND dd.township_code = p.township_code AND dd.sex = p.sex AND dd.age_end = p.age
      LEFT JOIN mv ON mv.yr = p.year AND mv.township_code = p.township_code AND mv.sex = p.sex AND mv.age_end = p.age
      WHERE p.year > 2000 AND p.count <> coalesce(prev.c, 0) + coalesce(b.c, 0) - coalesce(dd.n, 0) + coalesce(mv.net, 0)`);
    expect(mismatches).toBe(0);
    // registered moves are modest: |net| summed over ages ≥ 1 below 1.5% of the population a year
    const moveShare = await scalar(`SELECT max(abs_net / pop) FROM (SELECT m.year, sum(abs(net)) abs_net FROM '${join(dir, manifest.movesFile)}' m WHERE age > 0 GROUP BY 1) x
      JOIN (SELECT year, sum(count) pop FROM ${f(dir, 'population')} GROUP BY 1) y USING (year)`);
    expect(moveShare).toBeLessThan(0.015);
  });

  it('registered births of year t = aged 0 at the end of t + their deaths in t − net moves at age 0', async () => {
    const r = await rows(`
      WITH b AS (SELECT year(birth_date) AS yr, count(*)::INT n FROM births_ok WHERE mother_residence = 'registered' GROUP BY 1),
      p AS (SELECT year AS yr, sum(count)::INT n FROM ${f(dir, 'population')} WHERE age = 0 GROUP BY 1),
      d AS (SELECT year(death_date) AS yr, count(*)::INT n FROM ${f(dir, 'deaths')} WHERE year(birth_date) = year(death_date) GROUP BY 1)
      SELECT b.yr, b.n AS births, p.n AS pop0, d.n AS deaths0 FROM b JOIN p USING (yr) JOIN d USING (yr) ORDER BY 1`);
    expect(r).toHaveLength(25);
    for (const x of r) expect(x['births']).toBe(Number(x['pop0']) + Number(x['deaths0']) - manifest.movesAge0[String(x['yr'])]!);
    const moves0 = Object.values(manifest.movesAge0).map(Math.abs);
    expect(Math.max(...moves0)).toBeLessThan(40);
  });

  it('adds one in-migrant record, aged 0 at arrival, per child born to an in-migrant mother', async () => {
    expect(manifest.migrantBirths).toBeGreaterThan(10_000);
    expect(manifest.migrantChildren).toBe(manifest.migrantBirths);
    const bad = manifest.injected.filter((d) => d.table === 'births').map((d) => `'${d.id}'`).join(',');
    const migrants = f(dir, 'migrants');
    // per year, township and sex: records with arrival = birth date = migrant-mother births
    const mismatches = await rows(`
      WITH b AS (SELECT year(birth_date) yr, township_code, sex, count(*) n FROM ${f(dir, 'births')}
                 WHERE mother_residence = 'migrant' AND birth_id NOT IN (${bad}) GROUP BY ALL),
      m AS (SELECT year(arrival_date) yr, township_code, sex, count(*) n FROM ${migrants}
            WHERE direction = 'in' AND arrival_date = birth_date AND date_diff('year', birth_date, arrival_date) = 0 GROUP BY ALL)
      SELECT * FROM b FULL JOIN m USING (yr, township_code, sex) WHERE b.n IS DISTINCT FROM m.n`);
    expect(mismatches).toEqual([]);
    const children = `FROM ${migrants} WHERE arrival_date = birth_date`;
    expect(await scalar(`SELECT count(*) ${children}`)).toBe(manifest.migrantChildren);
    expect(await scalar(`SELECT count(*) ${children} AND (direction <> 'in' OR marital_status <> 'never_married' OR has_certificate
      OR origin_code NOT IN ('51', '41', '43', '42', '36', '52', '34', '50') OR departure_date <= arrival_date)`)).toBe(0);
    // they follow the family's stay: about e^(−1/7) ≈ 87% still present a year after the birth (if that is in the data)
    const stay = await scalar(`SELECT avg((departure_date IS NULL OR departure_date > arrival_date + 365)::INT) ${children} AND arrival_date < DATE '2023-12-31'`);
    expect(stay).toBeGreaterThan(0.83);
    expect(stay).toBeLessThan(0.91);
    // ids continue each township's serials: still unique
    expect(await scalar(`SELECT count(*) - count(DISTINCT migrant_id) FROM ${migrants}`)).toBe(0);
  });

  it('lists exactly the injected defects, each breaking its rule', async () => {
    const ids = (rule: string, table = 'births') => manifest.injected.filter((d) => d.rule === rule && d.table === table).map((d) => d.id).sort();
    expect(manifest.injected.length).toBeGreaterThanOrEqual(15);
    const list = async (sql: string) => (await rows(sql)).map((x) => String(Object.values(x)[0])).sort();
    const births = f(dir, 'births');
    expect(await list(`SELECT birth_id FROM ${births} WHERE mother_birth_date IS NULL`)).toEqual(ids('missing_value'));
    expect(await list(`SELECT birth_id FROM ${births} WHERE date_diff('day', mother_birth_date, birth_date) < 12 * 365.25`)).toEqual(ids('mother_under_12'));
    expect(await list(`SELECT birth_id FROM ${births} WHERE township_code NOT IN (SELECT code FROM ${f(dir, 'regions')})`)).toEqual(ids('unknown_township'));
    expect(await list(`SELECT migrant_id FROM ${f(dir, 'migrants')} WHERE township_code NOT IN (SELECT code FROM ${f(dir, 'regions')})`)).toEqual(ids('unknown_township', 'migrants'));
    expect(await list(`SELECT birth_id FROM ${births} WHERE birth_date > current_date`)).toEqual(ids('future_date'));
    expect(await list(`SELECT birth_id FROM ${births} GROUP BY 1 HAVING count(*) > 1`)).toEqual(ids('duplicate_id'));
    // the duplicates are the last rows of the file
    const last = await list(`SELECT birth_id FROM read_parquet(${births}, file_row_number = true) ORDER BY file_row_number DESC LIMIT ${ids('duplicate_id').length}`);
    expect(last).toEqual(ids('duplicate_id'));
    // no other table breaks a rule
    for (const t of ['deaths', 'marriages', 'population'] as const) {
      const key = TABLES[t].key.join(', ');
      expect(await scalar(`SELECT count(*) - count(DISTINCT (${key})) FROM ${f(dir, t)}`)).toBe(0);
    }
    expect(await scalar(`SELECT count(*) FROM ${f(dir, 'deaths')} WHERE death_date < birth_date OR death_date > current_date`)).toBe(0);
    expect(await scalar(`SELECT count(*) FROM ${f(dir, 'migrants')} WHERE arrival_date < birth_date OR departure_date < arrival_date OR arrival_date > DATE '2024-12-31'`)).toBe(0);
    expect(await scalar(`SELECT count(*) FROM ${f(dir, 'marriages')} WHERE date_diff('day', wife_birth_date, registration_date) < 16 * 365.25 OR date_diff('day', husband_birth_date, registration_date) < 16 * 365.25`)).toBe(0);
  });

  it('is deterministic: same options give identical rows, another seed different rows', async () => {
    const small = { townships: 4, fromYear: 2000, toYear: 2003 } as const;
    await generate({ ...small, seed: 7, outDir: join(root, 'a') });
    await generate({ ...small, seed: 7, outDir: join(root, 'b') });
    await generate({ ...small, seed: 8, outDir: join(root, 'c') });
    for (const t of TABLE_ORDER) {
      const a = await tableHash(join(root, 'a'), t);
      expect(await tableHash(join(root, 'b'), t)).toBe(a);
      if (t !== 'regions') expect(await tableHash(join(root, 'c'), t)).not.toBe(a);
    }
    expect(await readFile(join(root, 'a', 'regions.topojson'), 'utf8')).toBe(await readFile(join(root, 'b', 'regions.topojson'), 'utf8'));
  }, 60_000);
});
