/**
 * @module spark/serving
 * Builds the serving database from what the Spark job wrote: the rollups, the township list and
 * the quarantine. The rollup tables are first created by sql/rollups/build.sql itself over empty
 * record tables, so each has exactly the column types a DuckDB import gives it; the job's Parquet
 * is then inserted by column name and the empty record tables are dropped: the database serves
 * from rollups alone.
 *
 * @example
 * await loadSparkOutput(connection, '/tmp/run/out');
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { STORAGE_TYPE, TABLES, TABLE_ORDER } from '../../contract/tables.ts';
import { bindParams } from '../db/bind.ts';
import { runNamed } from '../db/namedQuery.ts';
import { IngestError } from '../ingest/IngestError.ts';

/** The Parquet files Spark wrote into a folder (its `_SUCCESS` and `.crc` files left out). */
export function parquetFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.parquet')).sort().map((f) => path.join(dir, f));
}

async function bindFiles(connection: DuckDBConnection, files: readonly string[]): Promise<void> {
  const { values, types } = bindParams({ files });
  await connection.run('SET VARIABLE spark_files = $files', values, types);
}

/** Expects `ingest/setup` to have run on the connection. */
export async function loadSparkOutput(connection: DuckDBConnection, out: string): Promise<string[]> {
  // Empty contract tables with the storage types of ingest.ts's staging; the only SQL assembled
  // here is built from the contract's constant names and types.
  for (const name of TABLE_ORDER) {
    const columns = TABLES[name].columns.map((c) => `"${c.name}" ${STORAGE_TYPE[c.family]}`);
    await connection.run(`CREATE TABLE "${name}" (${columns.join(', ')})`);
  }
  const regions = parquetFiles(path.join(out, 'tables', 'regions'));
  if (regions.length === 0) throw new IngestError('spark_failed', `the Spark job wrote no township list under ${out}`);
  await bindFiles(connection, regions);
  await runNamed(connection, 'spark/regions');
  const before = new Set((await runNamed(connection, 'spark/table_names')).map((r) => String(r.table_name)));
  await runNamed(connection, 'rollups/build');
  const rollups = (await runNamed(connection, 'spark/table_names')).map((r) => String(r.table_name)).filter((t) => !before.has(t));
  for (const table of rollups) {
    const files = parquetFiles(path.join(out, 'rollups', table));
    if (files.length === 0) throw new IngestError('spark_failed', `the Spark job wrote no rollup "${table}" under ${out}`);
    await bindFiles(connection, files);
    // The table name comes from sql/rollups/build.sql (via duckdb_tables()), never from input. An
    // aggregate without GROUP BY (year_ends) left a row even over empty tables: cleared first.
    await connection.run(`DELETE FROM "${table}"`);
    await connection.run(`INSERT INTO "${table}" BY NAME SELECT * FROM read_parquet(getvariable('spark_files'))`);
  }
  // derived from the loaded rollups, as the DuckDB import derives it from its own
  await runNamed(connection, 'rollups/fertility_year');
  const quarantined = parquetFiles(path.join(out, 'quarantine'));
  if (quarantined.length > 0) {
    await bindFiles(connection, quarantined);
    await runNamed(connection, 'spark/quarantine');
  }
  await runNamed(connection, 'spark/drop_records');
  return rollups;
}
