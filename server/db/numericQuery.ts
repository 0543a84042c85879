/**
 * @module db/numericQuery
 * Runs a named `sql/` query whose columns are all numbers and returns them column by column as
 * Float64Arrays (NULL → NaN). For reads of millions of rollup cells (the
 * projection's inputs for every township), where a JavaScript object per row costs far more
 * than the query itself.
 *
 * @example
 * const { rowCount, columns } = await runNamedNumeric(connection, 'projection/population', { from, to });
 * columns.n[0];
 */
import { DuckDBTypeId, type DuckDBConnection } from '@duckdb/node-api';
import type { Params } from './bind.ts';
import { bindNamed } from './namedQuery.ts';
import { sqlText } from './sqlFiles.ts';

export interface NumericColumns {
  readonly rowCount: number;
  readonly columns: Readonly<Record<string, Float64Array>>;
}

const NUMERIC = new Set<DuckDBTypeId>([
  DuckDBTypeId.TINYINT, DuckDBTypeId.SMALLINT, DuckDBTypeId.INTEGER, DuckDBTypeId.BIGINT,
  DuckDBTypeId.UTINYINT, DuckDBTypeId.USMALLINT, DuckDBTypeId.UINTEGER, DuckDBTypeId.UBIGINT,
  DuckDBTypeId.FLOAT, DuckDBTypeId.DOUBLE, DuckDBTypeId.BOOLEAN,
]);

function concat(parts: readonly Float64Array[], length: number): Float64Array {
  const out = new Float64Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export async function runNamedNumeric(connection: DuckDBConnection, name: string, params: Params = {}): Promise<NumericColumns> {
  const prepared = await connection.prepare(sqlText(name));
  try {
    bindNamed(prepared, params);
    // Materialized (not streamed): another query may use this connection before the chunks are read.
    const result = await prepared.run();
    const names = result.columnNames();
    names.forEach((column, c) => {
      const type = result.columnTypeId(c);
      if (!NUMERIC.has(type)) throw new Error(`sql/${name}.sql: column "${column}" is ${DuckDBTypeId[type]}; cast it to DOUBLE or INTEGER`);
    });
    const parts: Float64Array[][] = names.map(() => []);
    let rowCount = 0;
    for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
      const n = chunk.rowCount;
      for (let c = 0; c < names.length; c++) {
        const vector = chunk.getColumnVector(c);
        const out = new Float64Array(n);
        for (let j = 0; j < n; j++) {
          const v = vector.getItem(j) as number | bigint | boolean | null;
          out[j] = v === null ? NaN : Number(v);
        }
        parts[c]!.push(out);
      }
      rowCount += n;
    }
    const columns: Record<string, Float64Array> = {};
    names.forEach((column, c) => { columns[column] = concat(parts[c]!, rowCount); });
    return { rowCount, columns };
  } finally {
    prepared.destroySync();
  }
}
