/**
 * The heaviest dashboard questions asked of the raw Parquet exports directly in DuckDB (no
 * rollups), in the same run, so the ratio shows what the rollups buy.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { locateTable } from '../server/ingest/locate.ts';
import { runNamed } from '../server/db/namedQuery.ts';
import type { Params } from '../server/db/bind.ts';
import { median, timed } from './stats.ts';

export interface RawResult { name: string; sql: string; medianMs: number; comparedWith: string }

export async function benchRaw(exportDir: string, township: string, last: number, repeats: number): Promise<RawResult[]> {
  const files = (t: string) => locateTable(exportDir, t)?.files ?? [];
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const cases: { name: string; sql: string; comparedWith: string; params: Params }[] = [
    { name: 'county TFR by year', sql: 'bench/raw_tfr_county', comparedWith: 'tfr-county', params: { births: files('births'), population: files('population'), from: last - 9, to: last } },
    { name: 'SRB by township, 5 years pooled', sql: 'bench/raw_srb_ranking', comparedWith: 'srb-ranking', params: { births: files('births'), from: last - 4, to: last } },
    { name: 'county migrant stock by year', sql: 'bench/raw_migrant_stock', comparedWith: 'migrant_stock-county', params: { migrants: files('migrants'), from: last - 9, to: last } },
    { name: 'township births by month', sql: 'bench/raw_births_monthly', comparedWith: 'births-month', params: { births: files('births'), township, from: last - 9, to: last } },
  ];
  const results: RawResult[] = [];
  try {
    for (const c of cases) {
      const samples: number[] = [];
      for (let i = 0; i < repeats; i++) samples.push((await timed(() => runNamed(connection, c.sql, c.params)))[0]);
      results.push({ name: c.name, sql: `sql/${c.sql}.sql`, medianMs: median(samples), comparedWith: c.comparedWith });
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return results;
}
