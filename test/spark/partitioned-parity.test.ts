/**
 * A 100-township set hive-partitioned by province and year, imported by DuckDB and by the Spark
 * engine on a loopback cluster — with one of the two workers (and its executors) killed while the
 * job runs: Spark runs the lost tasks again on the other worker, and every rollup still equals
 * DuckDB's exactly, with the same quarantine counts and the same API answers.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../server/ingest/ingest.ts';
import { ingestSpark } from '../../server/spark/ingestSpark.ts';
import type { LocalCluster } from '../../server/spark/cluster.ts';
import { partitionedSet } from '../fixtures/partitionedSet.ts';
import { tempDir } from '../helpers.ts';
import { diffTables, expectSameAnswers, quarantineByRule, type TableDiff } from './parity.ts';

describe('a 100-township set partitioned by year, a worker killed mid-job', () => {
  const dir = tempDir('spark-partitioned');
  const duckDb = path.join(dir, 'duck.duckdb');
  const sparkDb = path.join(dir, 'spark.duckdb');
  const progress: string[] = [];
  let killedAt = -1;

  beforeAll(async () => {
    const exports = await partitionedSet(dir);
    await ingest({ source: exports, dbPath: duckDb, today: '2026-11-23', keepVersions: 0 });
    let cluster: LocalCluster | null = null;
    await ingestSpark({
      source: exports, dbPath: sparkDb, today: '2026-11-23', keepVersions: 0,
      onCluster: (c) => { cluster = c; },
      onProgress: (m) => {
        progress.push(m);
        // Once births are read (population and regions are already cached on the executors).
        if (killedAt < 0 && /^出生（births）：读取 /.test(m)) {
          cluster!.killWorker(0);
          killedAt = progress.length;
        }
      },
    });
  }, 2_700_000);

  it('read every partition and lost a worker while the job ran', () => {
    expect(progress.some((m) => /^出生（births）：读取 118,040 行，来自 16 个文件/.test(m))).toBe(true);
    expect(progress.some((m) => /^户籍人口（年末）（population）：读取 303,000 行，来自 15 个文件/.test(m))).toBe(true);
    expect(killedAt).toBeGreaterThan(0);
    // The job went on after the kill: the remaining tables, every rollup, then the swap.
    expect(progress.slice(killedAt).filter((m) => /^汇总表 \S+ 已写出/.test(m)).length).toBeGreaterThanOrEqual(13);
    expect(progress.at(-1)).toMatch(/^导入完成/);
  });

  it('builds every rollup table exactly as DuckDB does (EXCEPT ALL both ways)', async () => {
    const diffs = await diffTables(duckDb, sparkDb);
    expect(diffs.map((d) => d.table)).toEqual(expect.arrayContaining(['r_births', 'r_population', 'r_migrant_stock', 'year_ends', 'regions']));
    expect(diffs.length).toBeGreaterThanOrEqual(14);
    const same = (d: TableDiff) => ({ table: d.table, only_a: 0, only_b: 0, rows_a: d.rows_a, rows_b: d.rows_a });
    expect(diffs).toEqual(diffs.map(same));
    expect(diffs.every((d) => d.rows_a > 0)).toBe(true);
  });

  it('quarantines as many rows per table and rule', async () => {
    const [duck, spark] = [await quarantineByRule(duckDb), await quarantineByRule(sparkDb)];
    expect(duck.reduce((s, q) => s + q.n, 0)).toBe(18);
    expect(spark).toEqual(duck);
  });

  it('answers the API with the same figures from either database', async () => {
    const ok = await expectSameAnswers(duckDb, sparkDb, [
      '/api/indicators/population?township=all&from=2010&to=2024&residence=registered',
      '/api/indicators/births?township=all&from=2010&to=2024&period=month',
      '/api/indicators/tfr?township=all&from=2015&to=2024',
      '/api/indicators/migrant_stock?township=all&from=2015&to=2024',
      '/api/indicators/life_expectancy?township=all&from=2015&to=2024',
      '/api/map?year=2024',
      '/api/srb/ranking?from=2020&to=2024',
      '/api/quality/townships',
      '/api/meta',
    ]);
    expect(ok).toBe(9);
  });
});
