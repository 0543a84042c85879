/**
 * The bar of "bring your own exports": the demo county dressed as an office export goes in with
 * `ingest` and no hand-made mapping, and the database answers exactly what the Parquet import of
 * the same county answers — every contract table and every rollup, row for row — less exactly
 * the rows whose ID number has a wrong check digit, which are quarantined under id_check_digit.
 * No ID number and no name from the files is anywhere in the database or the import's messages.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../server/app.ts';
import { TABLES } from '../contract/tables.ts';
import { Database } from '../server/db/Database.ts';
import { ingest, type IngestReport } from '../server/ingest/ingest.ts';
import { officeCounty, WRONG_CHECK_DIGITS, type OfficeCounty } from './fixtures/officeCounty.ts';
import { tempDir } from './helpers.ts';

/** Tables that describe the import itself rather than the data. */
const ABOUT_THE_IMPORT = new Set(['quarantine', 'ingest_meta', 'ingest_tables', 'assets']);
/** Columns only the office path fills (keyed hashes, ID check, unreadable). */
const OFFICE_COLUMNS = new Set(Object.values(TABLES).flatMap((t) => t.columns.filter((c) => c.office).map((c) => c.name)));

async function rows(c: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await c.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}

describe('an office export imported without a mapping', () => {
  const dir = tempDir('office');
  let county: OfficeCounty;
  let report: IngestReport;
  const progress: string[] = [];
  let instance: DuckDBInstance;
  let c: DuckDBConnection;
  const actualDb = path.join(dir, 'office.duckdb');

  beforeAll(async () => {
    county = await officeCounty(dir);
    report = await ingest({ source: county.office, dbPath: actualDb, today: '2026-11-23', keepVersions: 0, onProgress: (m) => progress.push(m) });
    instance = await DuckDBInstance.create(':memory:');
    c = await instance.connect();
    await c.run(`ATTACH '${county.expectedDb}' AS e (READ_ONLY)`);
    await c.run(`ATTACH '${actualDb}' AS a (READ_ONLY)`);
  }, 1_200_000);
  afterAll(() => {
    c?.closeSync();
    instance?.closeSync();
  });

  it('recognised every file automatically, including the migrants in-file and out-file', () => {
    expect(report.mappingFromProfile).toBe(false);
    const tables = Object.fromEntries(report.mapping.map((s) => [s.source, [s.table, s.direction]]));
    expect(tables).toEqual({
      '出生医学证明.csv': ['births', null], '区划.xlsx#Sheet1': ['regions', null], '婚姻登记.xlsx#Sheet1': ['marriages', null],
      '户籍人口.xlsx#Sheet1': ['population', null], '死亡证明.csv': ['deaths', null], '流入人口.csv': ['migrants', 'in'], '流出人口.csv': ['migrants', 'out'],
    });
    expect(report.mapping.find((s) => s.source === '出生医学证明.csv')!.encoding).toBe('gb18030');
  });

  it('every table and rollup equals the Parquet import of the same county less the spoiled rows', async () => {
    const tables = (await rows(c, "SELECT table_name FROM information_schema.tables WHERE table_catalog = 'e' ORDER BY 1"))
      .map((r) => String(r.table_name)).filter((t) => !ABOUT_THE_IMPORT.has(t));
    expect(tables.length).toBeGreaterThanOrEqual(20);
    for (const table of tables) {
      const columns = (await rows(c, `SELECT column_name FROM information_schema.columns WHERE table_catalog = 'e' AND table_name = '${table}' ORDER BY ordinal_position`))
        .map((r) => `"${String(r.column_name)}"`).filter((col) => !OFFICE_COLUMNS.has(col.slice(1, -1)));
      const list = columns.join(', ');
      const [counts] = await rows(c, `SELECT (SELECT count(*) FROM e.${table})::INTEGER AS e, (SELECT count(*) FROM a.${table})::INTEGER AS a`);
      expect(counts, table).toEqual({ e: counts!.e, a: counts!.e });
      const [diff] = await rows(c, `SELECT (SELECT count(*) FROM (SELECT ${list} FROM e.${table} EXCEPT ALL SELECT ${list} FROM a.${table}))::INTEGER AS missing,
        (SELECT count(*) FROM (SELECT ${list} FROM a.${table} EXCEPT ALL SELECT ${list} FROM e.${table}))::INTEGER AS extra`);
      expect(diff, table).toEqual({ missing: 0, extra: 0 });
    }
    const [births] = await rows(c, 'SELECT count(*)::INTEGER AS n FROM a.births');
    expect(births!.n).toBeGreaterThan(190_000);
  }, 300_000);

  it('quarantines what the Parquet import quarantines, plus exactly the spoiled rows under id_check_digit', async () => {
    const sql = (db: string) => `SELECT table_name || '|' || rule || '|' || coalesce(json_extract_string(record, '$.birth_id'), json_extract_string(record, '$.migrant_id'),
      json_extract_string(record, '$.marriage_id'), json_extract_string(record, '$.death_id'), json_extract_string(record, '$.code')) AS k FROM ${db}.quarantine ORDER BY 1`;
    const expected = (await rows(c, sql('e'))).map((r) => String(r.k));
    const actual = (await rows(c, sql('a'))).map((r) => String(r.k));
    const spoiled = county.corrupted.map((x) => `${x.table}|id_check_digit|${x.id}`);
    expect(spoiled).toHaveLength(4 * WRONG_CHECK_DIGITS);
    expect(actual).toEqual([...expected, ...spoiled].sort());
    for (const table of ['births', 'marriages', 'migrants', 'deaths'] as const) {
      expect(report.tables.find((t) => t.table === table)!.quarantined.id_check_digit).toBe(WRONG_CHECK_DIGITS);
    }
    // Only deaths keep a keyed hash of the number (their duplicate rule reads it): 16 hex characters.
    const keys = await rows(c, `SELECT table_name AS t, count(*)::INTEGER AS n,
      count(coalesce(record->>'mother_key', record->>'husband_key', record->>'wife_key', record->>'person_key'))::INTEGER AS keyed,
      bool_and(coalesce(regexp_full_match(record->>'person_key', '[0-9a-f]{16}'), true)) AS hex
      FROM a.quarantine WHERE rule = 'id_check_digit' GROUP BY 1 ORDER BY 1`);
    expect(keys).toEqual([
      { t: 'births', n: WRONG_CHECK_DIGITS, keyed: 0, hex: true }, { t: 'deaths', n: WRONG_CHECK_DIGITS, keyed: WRONG_CHECK_DIGITS, hex: true },
      { t: 'marriages', n: WRONG_CHECK_DIGITS, keyed: 0, hex: true }, { t: 'migrants', n: WRONG_CHECK_DIGITS, keyed: 0, hex: true },
    ]);
  });

  it('answers the same API questions', async () => {
    const e = await Database.open(county.expectedDb);
    const a = await Database.open(actualDb);
    try {
      const [appE, appA] = [createApp({ db: e, webRoot: '/none', log: () => {} }), createApp({ db: a, webRoot: '/none', log: () => {} })];
      for (const url of ['/api/indicators/tfr?township=all&from=2000&to=2024', '/api/indicators/migrant_stock?township=all&period=month&from=2023&to=2024',
        '/api/indicators/first_marriage_age?township=all', '/api/srb/ranking?from=2020&to=2024', '/api/map?indicator=population&year=2024']) {
        const [x, y] = await Promise.all([appE.request(url), appA.request(url)]);
        expect(y.status, url).toBe(200);
        expect(await y.json(), url).toEqual(await x.json());
      }
    } finally {
      e.close();
      a.close();
    }
  });

  it('keeps no raw ID number and no name: not in any table, the quarantine, the file or the messages', async () => {
    const office = county.office;
    const inFile = readFileSync(path.join(office, '流入人口.csv'), 'utf8').split('\n').slice(1, 400).map((l) => l.split(','));
    const ids = inFile.map((cells) => cells[2]!).filter((id) => /^[0-9]{15,17}[0-9X]?$/.test(id));
    const names = [...new Set(inFile.map((cells) => cells[1]!))];
    expect(ids.length).toBeGreaterThan(300);
    expect(names.length).toBeGreaterThan(10);
    // Every text cell of every table is compared with the probes as a whole value; the tables
    // that hold text made from several values (quarantined rows as JSON, the import's meta) also by substring.
    const probes = [...ids.slice(0, 200), ...names];
    await c.run(`CREATE TEMP TABLE probe AS SELECT unnest([${probes.map((v) => `'${v}'`).join(', ')}]) AS v`);
    const textColumns = await rows(c, "SELECT table_name, column_name FROM information_schema.columns WHERE table_catalog = 'a' AND data_type = 'VARCHAR'");
    expect(textColumns.length).toBeGreaterThan(30);
    for (const { table_name: t, column_name: col } of textColumns) {
      const [hit] = await rows(c, `SELECT count(*)::INTEGER AS n FROM a.${String(t)} WHERE "${String(col)}" IN (SELECT v FROM probe)`);
      expect(hit!.n, `${String(t)}.${String(col)}`).toBe(0);
    }
    for (const [t, col] of [['quarantine', 'record'], ['ingest_meta', 'value'], ['assets', 'content'], ['regions', 'name']]) {
      const [hit] = await rows(c, `SELECT count(*)::INTEGER AS n FROM a.${t}, probe WHERE contains(${col}, v)`);
      expect(hit!.n, `${t}.${col}`).toBe(0);
    }
    const bytes = readFileSync(actualDb);
    for (const id of ids.slice(0, 100)) expect(bytes.includes(Buffer.from(id)), `the database file holds ${id}`).toBe(false);
    const messages = progress.join('\n') + JSON.stringify(report);
    for (const v of [...ids, ...names]) expect(messages.includes(v), `a message holds ${v}`).toBe(false);
  }, 300_000);
});
