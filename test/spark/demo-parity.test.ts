/**
 * The demo county imported by the Spark engine on a loopback standalone cluster (a master and two
 * workers started for the run and stopped after) against DuckDB's import of the same exports:
 * the same rollups row for row, the same quarantine counts by rule, the same API answers, and a
 * serving database without record-level tables.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readManifestCountyName } from '../../server/ingest/ingest.ts';
import { Database } from '../../server/db/Database.ts';
import { ingestSpark } from '../../server/spark/ingestSpark.ts';
import { demoCounty } from '../fixtures/demoCounty.ts';
import { tempDir } from '../helpers.ts';
import { diffTables, expectSameAnswers, quarantineByRule, type TableDiff } from './parity.ts';

/** Every indicator family, so each rollup is read by at least one answer. */
const INDICATORS = ['migrant_stock', 'migrants_by_origin', 'migrant_women_15_49', 'certificate_rate', 'population', 'age_structure',
  'dependency_ratio', 'women_15_49', 'school_age', 'pyramid', 'cbr_resident', 'births', 'cbr', 'order_share', 'compliance',
  'hospital_rate', 'marriages', 'cmr', 'first_marriage_rate', 'first_marriage_age', 'remarriage_share', 'deaths', 'cdr', 'ngr',
  'life_expectancy', 'age_groups', 'asfr', 'tfr', 'mean_age_childbearing'];

describe('the demo county through Spark', () => {
  const dir = tempDir('spark-demo');
  const sparkDb = path.join(dir, 'spark.duckdb');
  let duckDb: string;
  const progress: string[] = [];

  beforeAll(async () => {
    const demo = await demoCounty();
    duckDb = demo.dbPath;
    await ingestSpark({
      source: demo.exports, dbPath: sparkDb, today: '2026-11-23', keepVersions: 0,
      countyName: readManifestCountyName(demo.exports), onProgress: (m) => progress.push(m),
    });
  }, 2_700_000);

  it('shows progress from the cluster start to the swap', () => {
    expect(progress[0]).toBe("在本机启动 Spark 集群（1 个主节点、2 个工作节点）……");
    expect(progress.some((m) => /^出生（births）：读取 193,094 行/.test(m))).toBe(true);
    expect(progress.at(-1)).toMatch(/^导入完成，用时 [0-9.]+ 秒（Spark 任务 [0-9.]+ 秒）→ /);
  });

  it('builds every rollup table exactly as DuckDB does (EXCEPT ALL both ways)', async () => {
    const diffs = await diffTables(duckDb, sparkDb);
    const names = diffs.map((d) => d.table);
    for (const rollup of ['calendar_months', 'r_births', 'r_births_age', 'r_population', 'township_population', 'r_deaths', 'r_marriages',
      'r_marriage_persons', 'r_migrant_stock', 'r_migrant_origin', 'r_migrant_flow', 'r_migrant_age', 'year_ends', 'regions',
      'r_births_age_year', 'r_women_years']) {
      expect(names).toContain(rollup);
    }
    const same = (d: TableDiff) => ({ table: d.table, only_a: 0, only_b: 0, rows_a: d.rows_a, rows_b: d.rows_a });
    expect(diffs).toEqual(diffs.map(same));
    expect(diffs.every((d) => d.rows_a > 0)).toBe(true);
  });

  it('quarantines as many rows per table and rule', async () => {
    const [duck, spark] = [await quarantineByRule(duckDb), await quarantineByRule(sparkDb)];
    expect(new Set(duck.map((q) => q.rule))).toEqual(new Set(['missing_value', 'mother_under_12', 'unknown_township', 'duplicate_id', 'future_date']));
    expect(spark).toEqual(duck);
  });

  it('serves from rollups alone: no record-level tables', async () => {
    const db = await Database.open(sparkDb);
    try {
      const tables = (await db.query<{ table_name: string }>('spark/table_names')).map((r) => r.table_name);
      for (const records of ['births', 'marriages', 'migrants', 'deaths', 'population']) expect(tables).not.toContain(records);
    } finally {
      db.close();
    }
  });

  it('answers the API with the same figures from either database', async () => {
    const indicators = INDICATORS.map((id) => `/api/indicators/${id}?township=all&from=2015&to=2024`);
    const township = INDICATORS.map((id) => `/api/indicators/${id}?township=999901001&from=2022&to=2024`);
    const ok = await expectSameAnswers(duckDb, sparkDb, [...indicators, ...township,
      '/api/indicators/population?township=all&from=2000&to=2024&residence=registered',
      '/api/indicators/births?township=all&from=2000&to=2024&period=month',
      '/api/indicators/compliance?township=all&from=2024&to=2024&period=ytd&through=6&residence=registered',
      '/api/map?year=2024',
      '/api/srb/ranking?from=2020&to=2024',
      '/api/quality/townships',
      '/api/meta',
      '/api/projections/assumptions?scope=all',
      '/api/projections/assumptions?scope=999901001',
      '/api/reports/situation-analysis?format=json',
      '/api/reports/township-profile?township=999901001&format=json',
    ]);
    expect(ok).toBeGreaterThanOrEqual(54);
  });
});
