/**
 * @module db/namedQuery
 * Runs a named `sql/` file on a connection. A file may hold several statements (ingest checks,
 * quarantines and keeps rows in one file); each statement gets only the `$name` parameters it
 * uses, and the rows of the last statement are returned as JSON-ready objects.
 *
 * @example
 * const rows = await runNamed(connection, 'meta/townships');
 */
import type { DuckDBConnection, DuckDBPreparedStatement, DuckDBResultReader, Json } from '@duckdb/node-api';
import { bindParams, type Params } from './bind.ts';
import { sqlText } from './sqlFiles.ts';

export type Row = Record<string, Json>;

/** Binds the `$name` parameters the statement uses, and only those. */
export function bindNamed(prepared: DuckDBPreparedStatement, params: Params): void {
  const names = Array.from({ length: prepared.parameterCount }, (_, k) => prepared.parameterName(k + 1));
  const { values, types } = bindParams(params, names);
  prepared.bind(values, types);
}

/**
 * The rows as JSON-ready objects, the same values and key order as `getRowObjectsJson()`, built
 * from its column-wise converter: about 4× faster on large answers (303,000 rows × 7 columns:
 * 250 ms instead of 1.1 s), which is most of a province report's indicator time.
 */
export function rowObjectsJson(reader: DuckDBResultReader): Row[] {
  const columns = reader.getColumnsJson();
  const names = reader.deduplicatedColumnNames();
  const count = reader.currentRowCount;
  const rows = new Array<Row>(count);
  for (let i = 0; i < count; i++) {
    const row: Row = {};
    for (let k = 0; k < names.length; k++) row[names[k]!] = columns[k]![i]!;
    rows[i] = row;
  }
  return rows;
}

/** RENKOU_SQL_TIMINGS=1 prints each statement's time to stderr: how an import's steps are profiled. */
const PRINT_TIMINGS = process.env.RENKOU_SQL_TIMINGS === '1';

export async function runNamed(connection: DuckDBConnection, name: string, params: Params = {}): Promise<Row[]> {
  const extracted = await connection.extractStatements(sqlText(name));
  let rows: Row[] = [];
  for (let i = 0; i < extracted.count; i++) {
    const started = performance.now();
    const prepared = await extracted.prepare(i);
    try {
      bindNamed(prepared, params);
      const reader = await prepared.runAndReadAll();
      rows = rowObjectsJson(reader);
    } finally {
      prepared.destroySync();
    }
    if (PRINT_TIMINGS) process.stderr.write(`sql ${name}#${i + 1} ${(performance.now() - started).toFixed(0)} ms\n`);
  }
  return rows;
}
