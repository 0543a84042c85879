/**
 * The hand-made tiny county through the Spark engine: one row breaking each contract rule, so every
 * rule's transpiled form is exercised. The counts are the fixture's own (worked out from its rows,
 * test/fixtures/tinyCounty.ts), and the rollups equal DuckDB's. A broken export stops before any
 * cluster is started, names the file and the column, and leaves the current database serving.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../server/ingest/ingest.ts';
import { isIngestError } from '../../server/ingest/IngestError.ts';
import { ingestSpark } from '../../server/spark/ingestSpark.ts';
import type { IngestReport } from '../../server/ingest/ingest.ts';
import { writeParquet } from '../fixtures/parquet.ts';
import { TINY, writeTinyCounty } from '../fixtures/tinyCounty.ts';
import { tempDir } from '../helpers.ts';
import { diffTables, quarantineByRule, type TableDiff } from './parity.ts';

const TODAY = '2026-11-23';

describe('the tiny county through Spark: every rule', () => {
  const dir = tempDir('spark-tiny');
  const source = path.join(dir, 'exports');
  const duckDb = path.join(dir, 'duck.duckdb');
  const sparkDb = path.join(dir, 'spark.duckdb');
  let report: IngestReport;

  beforeAll(async () => {
    await writeTinyCounty(source);
    await ingest({ source, dbPath: duckDb, today: TODAY, keepVersions: 0 });
    report = await ingestSpark({ source, dbPath: sparkDb, today: TODAY, keepVersions: 0 });
  }, 2_700_000);

  it('accepts and quarantines exactly the rows the fixture was built with, by rule', () => {
    for (const table of report.tables) {
      const expected = TINY.expected[table.table];
      expect({ table: table.table, accepted: table.rowsAccepted, quarantined: table.quarantined })
        .toEqual({ table: table.table, accepted: expected.accepted, quarantined: expected.quarantined });
    }
    expect(report.tables.map((t) => t.table)).toEqual(['regions', 'population', 'births', 'marriages', 'migrants', 'deaths']);
  });

  it('keeps the same quarantine and rollups as DuckDB', async () => {
    expect(await quarantineByRule(sparkDb)).toEqual(await quarantineByRule(duckDb));
    const diffs = await diffTables(duckDb, sparkDb);
    const same = (d: TableDiff) => ({ table: d.table, only_a: 0, only_b: 0, rows_a: d.rows_a, rows_b: d.rows_a });
    expect(diffs).toEqual(diffs.map(same));
    expect(diffs.find((d) => d.table === 'r_births')?.rows_a).toBeGreaterThan(0);
  });

  it('a file missing a required column is named before a cluster starts; the current database stays', async () => {
    const broken = path.join(dir, 'broken');
    mkdirSync(broken, { recursive: true });
    for (const f of readdirSync(source)) copyFileSync(path.join(source, f), path.join(broken, f));
    const marriages = path.join(broken, 'marriages.parquet');
    await writeParquet(marriages, { marriage_id: 'VARCHAR', registration_date: 'DATE', township_code: 'VARCHAR' }, [['M1', '2024-05-20', '999901001']]);
    const before = readFileSync(sparkDb);
    const progress: string[] = [];
    const error = await ingestSpark({ source: broken, dbPath: sparkDb, today: TODAY, onProgress: (m) => progress.push(m) }).then(() => null, (e: unknown) => e);
    expect(isIngestError(error) && error.code).toBe('column_missing');
    expect((error as Error).message).toContain(marriages);
    expect((error as Error).message).toContain('husband_birth_date');
    expect(progress.some((m) => /cluster/.test(m))).toBe(false);
    expect(readFileSync(sparkDb).equals(before)).toBe(true);
    expect(existsSync(`${sparkDb}.building`)).toBe(false);
  });

  it('an optional table given an empty file stops before a cluster starts, as in DuckDB; the current database stays', async () => {
    const empty = path.join(dir, 'deaths-empty');
    mkdirSync(empty, { recursive: true });
    for (const f of readdirSync(source)) copyFileSync(path.join(source, f), path.join(empty, f));
    const deaths = path.join(empty, 'deaths.parquet');
    await writeParquet(deaths, { death_id: 'VARCHAR', death_date: 'DATE', township_code: 'VARCHAR', sex: 'VARCHAR', birth_date: 'DATE' }, []);
    const before = readFileSync(sparkDb);
    const progress: string[] = [];
    const error = await ingestSpark({ source: empty, dbPath: sparkDb, today: TODAY, onProgress: (m) => progress.push(m) }).then(() => null, (e: unknown) => e);
    expect(isIngestError(error) && error.code).toBe('file_empty');
    expect((error as Error).message).toContain(`${deaths}：死亡表没有数据行`);
    expect(progress.some((m) => /cluster|集群/.test(m))).toBe(false);
    expect(readFileSync(sparkDb).equals(before)).toBe(true);
  });
  it('a refresh of the county without its deaths file stops before a cluster starts, as in DuckDB; --drop confirms', async () => {
    const without = path.join(dir, 'no-deaths');
    mkdirSync(without, { recursive: true });
    for (const f of readdirSync(source)) if (f !== 'deaths.parquet') copyFileSync(path.join(source, f), path.join(without, f));
    const before = readFileSync(sparkDb);
    const progress: string[] = [];
    const error = await ingestSpark({ source: without, dbPath: sparkDb, today: TODAY, onProgress: (m) => progress.push(m) }).then(() => null, (e: unknown) => e);
    expect(isIngestError(error) && error.code).toBe('table_vanished');
    expect((error as Error).message).toMatch(/^当前数据库的死亡表有 1 行，这次的导出中却没有死亡表的文件/);
    expect(progress.some((m) => /cluster|集群/.test(m))).toBe(false);
    expect(readFileSync(sparkDb).equals(before)).toBe(true);
    // and the same stop from DuckDB over its own database of the county
    const duck = await ingest({ source: without, dbPath: duckDb, today: TODAY, keepVersions: 0 }).then(() => null, (e: unknown) => e);
    expect(isIngestError(duck) && duck.code).toBe('table_vanished');
  });
});
