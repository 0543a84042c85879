/**
 * @module db/namedQuery
 * Runs a named `sql/` file on a connection. A file may hold several statements (ingest checks,
 * quarantines and keeps rows in one file); each statement gets only the `$name` parameters it
 * uses, and the rows of the last statement are returned as JSON-ready objects.
 *
 * @example
 * const rows = await runNamed(connection, 'meta/townships');
 */
import type { DuckDBConnection, DuckDBPreparedStatement, Json } from '@duckdb/node-api';
import { bindParams, type Params } from './bind.ts';
import { sqlText } from './sqlFiles.ts';

export type Row = Record<string, Json>;

/** Binds the `$name` parameters the statement uses, and only those. */
export function bindNamed(prepared: DuckDBPreparedStatement, params: Params): void {
  const names = Array.from({ length: prepared.parameterCount }, (_, k) => prepared.parameterName(k + 1));
  const { values, types } = bindParams(params, names);
  prepared.bind(values, types);
}

export async function runNamed(connection: DuckDBConnection, name: string, params: Params = {}): Promise<Row[]> {
  const extracted = await connection.extractStatements(sqlText(name));
  let rows: Row[] = [];
  for (let i = 0; i < extracted.count; i++) {
    const prepared = await extracted.prepare(i);
    try {
      bindNamed(prepared, params);
      const reader = await prepared.runAndReadAll();
      rows = reader.getRowObjectsJson() as Row[];
    } finally {
      prepared.destroySync();
    }
  }
  return rows;
}
