import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../server/db/Database.ts';
import { ingest, type IngestReport } from '../server/ingest/ingest.ts';
import { isIngestError } from '../server/ingest/IngestError.ts';
import { acquireIngestLock } from '../server/ingest/lock.ts';
import { TINY, writeTinyCounty } from './fixtures/tinyCounty.ts';
import { writeParquet } from './fixtures/parquet.ts';
import { tempDir } from './helpers.ts';

const TODAY = '2026-11-23';

async function expectIngestError(promise: Promise<unknown>, code: string, ...mentions: string[]): Promise<void> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(isIngestError(error), `expected an IngestError ${code}, got ${String(error)}`).toBe(true);
  if (!isIngestError(error)) return;
  expect(error.code).toBe(code);
  for (const m of mentions) expect(error.message).toContain(m);
}

describe('ingest of the hand-made tiny county', () => {
  const dir = tempDir('ingest');
  const source = path.join(dir, 'exports');
  const dbPath = path.join(dir, 'renkou.duckdb');
  let report: IngestReport;

  beforeAll(async () => {
    await writeTinyCounty(source);
    report = await ingest({ source, dbPath, today: TODAY });
  });

  it('accepts and quarantines exactly the rows the fixture was built with, by rule', () => {
    for (const table of report.tables) {
      const expected = TINY.expected[table.table];
      expect({ table: table.table, accepted: table.rowsAccepted, quarantined: table.quarantined })
        .toEqual({ table: table.table, accepted: expected.accepted, quarantined: expected.quarantined });
      const bad = Object.values(expected.quarantined as Record<string, number>).reduce((a, b) => a + b, 0);
      expect(table.rowsRead).toBe(expected.accepted + bad);
    }
  });

  it('keeps the first of two rows with the same id and quarantines the later one whole', async () => {
    const db = await Database.open(dbPath);
    try {
      // The first B1 (2023-09-30, 城关街道) is kept, the second (2024-02-01, 柳河乡) is not; the
      // table keeps what the rollups read, not the record id.
      const kept = await db.query<{ birth_date: string; township_code: string; columns: string }>('test/accepted_births');
      expect(kept.map((r) => `${r.birth_date} ${r.township_code}`)).toEqual([
        '2023-09-30 999901001', '2023-10-01 999901001', '2024-03-10 999901201', '2024-06-01 999901201']);
      expect(kept[0]?.columns).toBe('township_code,birth_date,sex,birth_order,mother_birth_date,mother_residence,policy_status,delivery_place');
      const quarantined = await db.query<{ rule: string; record: string; file_row: number }>('test/quarantine_rows', { table: 'births' });
      const duplicate = quarantined.find((r) => r.rule === 'duplicate_id');
      expect(duplicate?.file_row).toBe(9);
      expect(JSON.parse(duplicate?.record ?? '{}')).toMatchObject({ birth_id: 'B1', birth_date: '2024-02-01', township_code: '999901201' });
    } finally {
      db.close();
    }
  });

  it('stores the TopoJSON for the map', async () => {
    const db = await Database.open(dbPath);
    try {
      const rows = await db.query<{ content: string }>('meta/asset', { name: 'regions.topojson' });
      expect(JSON.parse(rows[0]!.content).objects.townships.geometries).toHaveLength(2);
    } finally {
      db.close();
    }
  });
});

describe('a failed import leaves the previous database untouched', () => {
  const dir = tempDir('ingest-fail');
  const good = path.join(dir, 'good');
  const dbPath = path.join(dir, 'renkou.duckdb');

  beforeAll(async () => {
    await writeTinyCounty(good);
    await ingest({ source: good, dbPath, today: TODAY });
  });

  async function birthsStillServed(): Promise<void> {
    const db = await Database.open(dbPath);
    try {
      const rows = await db.query<{ n: number }>('test/count_births');
      expect(rows[0]!.n).toBe(TINY.expected.births.accepted);
    } finally {
      db.close();
    }
  }

  function variant(name: string): string {
    const target = path.join(dir, name);
    mkdirSync(target, { recursive: true });
    for (const f of ['regions.parquet', 'population.parquet', 'births.parquet', 'marriages.parquet', 'migrants.parquet', 'deaths.parquet', 'regions.topojson']) {
      copyFileSync(path.join(good, f), path.join(target, f));
    }
    return target;
  }

  it('a corrupt (truncated) Parquet file is named in the error', async () => {
    const source = variant('corrupt');
    const births = path.join(source, 'births.parquet');
    const bytes = readFileSync(births);
    writeFileSync(births, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectIngestError(ingest({ source, dbPath, today: TODAY }), 'file_unreadable', births);
    await birthsStillServed();
    expect(existsSync(`${dbPath}.building`)).toBe(false);
  });

  it('a file missing a required column names the file and the column', async () => {
    const source = variant('missing-column');
    const marriages = path.join(source, 'marriages.parquet');
    await writeParquet(marriages, { marriage_id: 'VARCHAR', registration_date: 'DATE', township_code: 'VARCHAR' },
      [['M1', '2024-05-20', '999901001']]);
    await expectIngestError(ingest({ source, dbPath, today: TODAY }), 'column_missing', marriages, '"husband_birth_date"');
    await birthsStillServed();
  });

  it('a column of the wrong type names the file, the column and the wanted type', async () => {
    const source = variant('wrong-type');
    const population = path.join(source, 'population.parquet');
    await writeParquet(population, { year: 'VARCHAR', township_code: 'VARCHAR', sex: 'VARCHAR', age: 'INTEGER', count: 'INTEGER' },
      [['2024', '999901001', 'M', 0, 5]]);
    await expectIngestError(ingest({ source, dbPath, today: TODAY }), 'column_type', population, '"year"', 'integer');
    await birthsStillServed();
  });

  it('an empty file and an empty table are refused', async () => {
    const zeroBytes = variant('zero-bytes');
    writeFileSync(path.join(zeroBytes, 'births.parquet'), '');
    await expectIngestError(ingest({ source: zeroBytes, dbPath, today: TODAY }), 'file_unreadable', 'births.parquet');
    const noRows = variant('no-rows');
    await writeParquet(path.join(noRows, 'regions.parquet'), { code: 'VARCHAR', name: 'VARCHAR', county_code: 'VARCHAR', kind: 'VARCHAR' }, []);
    await expectIngestError(ingest({ source: noRows, dbPath, today: TODAY }), 'file_empty', 'regions');
    await birthsStillServed();
  });

  it('an optional table that comes empty, or with every row broken, stops the import instead of emptying the table', async () => {
    const deathsSchema = { death_id: 'VARCHAR', death_date: 'DATE', township_code: 'VARCHAR', sex: 'VARCHAR', birth_date: 'DATE' };
    const empty = variant('deaths-empty');
    await writeParquet(path.join(empty, 'deaths.parquet'), deathsSchema, []);
    await expectIngestError(ingest({ source: empty, dbPath, today: TODAY }), 'file_empty', 'deaths.parquet', '死亡表没有数据行');
    const broken = variant('deaths-broken');
    await writeParquet(path.join(broken, 'deaths.parquet'), deathsSchema,
      [['D1', '2024-02-02', '999901001', 'M', '2024-05-01'], ['D2', '2024-02-02', '999901999', 'F', '1950-01-01']]);
    await expectIngestError(ingest({ source: broken, dbPath, today: TODAY }), 'all_quarantined', 'deaths.parquet', '2 行全部违反规则', 'death_before_birth 1', 'unknown_township 1');
    await birthsStillServed();
    // a dry run reports such a table rather than stopping, and says the import itself would stop
    const dry = await ingest({ source: broken, dbPath, today: TODAY, dryRun: true });
    expect(dry.tables.find((t) => t.table === 'deaths')).toMatchObject({ rowsRead: 2, rowsAccepted: 0, quarantined: { death_before_birth: 1, unknown_township: 1 } });
    expect(dry.tables.find((t) => t.table === 'deaths')!.wouldStop).toMatch(/deaths\.parquet：死亡表的 2 行全部违反规则/);
    expect(dry.tables.filter((t) => t.wouldStop).map((t) => t.table)).toEqual(['deaths']);
  });

  it('a missing required table is named', async () => {
    const source = variant('no-births');
    rmSync(path.join(source, 'births.parquet'));
    await expectIngestError(ingest({ source, dbPath, today: TODAY }), 'table_missing', '"births"');
    await birthsStillServed();
  });

  it('a second import while one runs is refused with a clear message', async () => {
    const release = acquireIngestLock(dbPath);
    try {
      await expectIngestError(ingest({ source: good, dbPath, today: TODAY }), 'ingest_running', 'another import');
    } finally {
      release();
    }
    await birthsStillServed();
  });

  it('the lock appears with its owner already written, and a dead owner\'s lock is taken over', () => {
    const lockPath = `${dbPath}.lock`;
    const release = acquireIngestLock(dbPath);
    try {
      expect(JSON.parse(readFileSync(lockPath, 'utf8')).pid).toBe(process.pid);
      expect(readdirSync(path.dirname(dbPath)).filter((f) => f.startsWith(`${path.basename(lockPath)}.`))).toEqual([]);
    } finally {
      release();
    }
    expect(existsSync(lockPath)).toBe(false);
    const dead = spawnSync(process.execPath, ['-e', 'process.pid']).pid; // a pid that has exited
    writeFileSync(lockPath, JSON.stringify({ pid: dead, startedAt: '2026-11-23T00:00:00Z' }));
    const takeOver = acquireIngestLock(dbPath);
    expect(JSON.parse(readFileSync(lockPath, 'utf8')).pid).toBe(process.pid);
    takeOver();
  });
});

describe('hive-partitioned folders', () => {
  it('reads births/year=YYYY/*.parquet like a single file', async () => {
    const dir = tempDir('hive');
    const source = path.join(dir, 'exports');
    await writeTinyCounty(source);
    const flat = path.join(source, 'births.parquet');
    rmSync(flat);
    const columns = { birth_id: 'VARCHAR', birth_date: 'DATE', township_code: 'VARCHAR', sex: 'VARCHAR', birth_order: 'INTEGER',
      mother_birth_date: 'DATE', mother_residence: 'VARCHAR', policy_status: 'VARCHAR' };
    await writeParquet(path.join(source, 'births', 'year=2023', 'part-0.parquet'), columns,
      [['B1', '2023-09-30', '999901001', 'M', 1, '1995-05-01', 'registered', 'compliant']]);
    await writeParquet(path.join(source, 'births', 'year=2024', 'part-0.parquet'), columns,
      [['B3', '2024-03-10', '999901201', 'M', 1, '1998-07-07', 'migrant', 'unknown'],
       ['B4', '2024-06-01', '999901201', 'M', 3, '1988-02-02', 'migrant', 'noncompliant']]);
    const report = await ingest({ source, dbPath: path.join(dir, 'r.duckdb'), today: TODAY });
    const births = report.tables.find((t) => t.table === 'births');
    expect(births).toMatchObject({ files: 2, rowsRead: 3, rowsAccepted: 3 });
  });
});
