/**
 * @module generator/write
 * Streams records into in-memory DuckDB staging tables of small integers and writes each
 * contract table to Parquet with `COPY (SELECT …) TO … (FORMAT parquet, COMPRESSION zstd)`.
 *
 * The hot loops never build strings or DuckDB value objects: every cell is a number in a typed
 * array (township codes as INTEGER, dates as day numbers since 1970-01-01, categories as small
 * codes, ids as township code + serial). Categories are ENUM columns, which the Parquet writer
 * stores as dictionary-encoded VARCHAR without a per-row conversion. A full buffer of 2048 rows is copied into one reused
 * data chunk with one native copy per column and appended. The ids, codes, dates and labels
 * of the contract are then built by DuckDB inside the COPY (see the SQL helpers below), in
 * insertion order. Staging tables are dropped after their COPY, and a COPY can run while the
 * next table is being generated (`finish` returns a promise).
 *
 * @example
 * const w = await StageWriter.open(conn, 'deaths', [{ name: 'serial', type: 'INTEGER' }, …]);
 * w.cols[0]![w.n] = 17; …; w.commit();
 * await w.finish('/out/deaths.parquet', `${sqlId('D', 'code', 'serial')} AS death_id, …`);
 */
import duckdb from '@duckdb/node-bindings';
import { BOOLEAN, DuckDBDataChunk, ENUM8, INTEGER, UTINYINT, type DuckDBAppender, type DuckDBConnection, type DuckDBType } from '@duckdb/node-api';

export const CHUNK_ROWS = 2048;

/** The null of a nullable INTEGER staging column (written as NULL). */
export const NULL_INT = -2147483648;

/**
 * A staging column: INTEGER (Int32Array; `nullable` ones hold NULL_INT for null), UTINYINT or
 * BOOLEAN (Uint8Array, 0/1), or an ENUM of up to 255 labels (Uint8Array of 0-based codes),
 * which DuckDB writes to Parquet as dictionary-encoded VARCHAR with no per-row work.
 */
export type StageColumn =
  | { readonly name: string; readonly type: 'INTEGER'; readonly nullable?: boolean }
  | { readonly name: string; readonly type: 'UTINYINT' | 'BOOLEAN' }
  | { readonly name: string; readonly type: 'ENUM'; readonly labels: readonly string[] };
export type StageCol = Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>;

function duckType(c: StageColumn): DuckDBType {
  if (c.type === 'ENUM') {
    if (c.labels.length > 255) throw new Error(`enum ${c.name} has more than 255 labels`);
    return ENUM8(c.labels);
  }
  return c.type === 'INTEGER' ? INTEGER : c.type === 'BOOLEAN' ? BOOLEAN : UTINYINT;
}

function sqlType(c: StageColumn): string {
  return c.type === 'ENUM' ? `ENUM(${c.labels.map((l) => `'${l.replaceAll("'", "''")}'`).join(', ')})` : c.type;
}

export class StageWriter {
  /** Column buffers: write row values at index `n`, then call commit(). */
  readonly cols: StageCol[];
  n = 0;
  rows = 0;
  private readonly chunk: DuckDBDataChunk;
  /** Indexes of the nullable INTEGER columns, and a validity mask (64-bit words as pairs of 32). */
  private readonly nullable: number[];
  private readonly mask = new Uint32Array(CHUNK_ROWS / 32);

  private constructor(
    private readonly conn: DuckDBConnection,
    private readonly appender: DuckDBAppender,
    readonly table: string,
    columns: readonly StageColumn[],
  ) {
    this.cols = columns.map((c) => (c.type === 'INTEGER' ? new Int32Array(CHUNK_ROWS) : new Uint8Array(CHUNK_ROWS)));
    this.nullable = columns.flatMap((c, i) => (c.type === 'INTEGER' && c.nullable ? [i] : []));
    // one reusable chunk: native chunk memory is invisible to V8's GC
    this.chunk = DuckDBDataChunk.create(columns.map(duckType), CHUNK_ROWS);
  }

  /** Create the staging table (on `conn`, which must not be running a COPY meanwhile). */
  static async open(conn: DuckDBConnection, table: string, columns: readonly StageColumn[]): Promise<StageWriter> {
    const ddl = columns.map((c) => `"${c.name}" ${sqlType(c)}`).join(', ');
    await conn.run(`CREATE OR REPLACE TABLE "${table}" (${ddl})`);
    const appender = await conn.createAppender(table);
    return new StageWriter(conn, appender, table, columns);
  }

  /** Mark the row at index `n` complete; flushes a full buffer. */
  commit(): void {
    this.rows++;
    if (++this.n === CHUNK_ROWS) this.flush();
  }

  /** Append a whole row (for the few rows written outside the hot loops). */
  push(row: readonly number[]): void {
    for (let c = 0; c < row.length; c++) this.cols[c]![this.n] = row[c]!;
    this.commit();
  }

  /** The values of the row at index i of the current buffer (call before commit). */
  row(i: number): number[] {
    return this.cols.map((c) => c[i]!);
  }

  private flush(): void {
    if (this.n === 0) return;
    const raw = this.chunk.chunk;
    duckdb.data_chunk_reset(raw);
    duckdb.data_chunk_set_size(raw, this.n);
    for (let c = 0; c < this.cols.length; c++) {
      const a = this.cols[c]!;
      duckdb.copy_data_to_vector(duckdb.data_chunk_get_vector(raw, c), 0, a.buffer, a.byteOffset, this.n * a.BYTES_PER_ELEMENT);
    }
    for (const c of this.nullable) {
      const a = this.cols[c]!;
      let nulls = false;
      this.mask.fill(0xffffffff);
      for (let i = 0; i < this.n; i++) {
        if (a[i] === NULL_INT) {
          this.mask[i >>> 5]! &= ~(1 << (i & 31));
          nulls = true;
        }
      }
      if (!nulls) continue;
      // DuckDB's validity words are little-endian uint64s: two Uint32 words each on x86/arm64
      const v = duckdb.data_chunk_get_vector(raw, c);
      duckdb.vector_ensure_validity_writable(v);
      duckdb.copy_data_to_vector_validity(v, 0, this.mask.buffer, 0, Math.ceil(this.n / 64) * 8);
    }
    this.appender.appendDataChunk(this.chunk);
    this.n = 0;
  }

  /** Flush and close the appender; the rows are then in the staging table. */
  close(): number {
    this.flush();
    this.appender.flushSync();
    this.appender.closeSync();
    return this.rows;
  }

  /**
   * Close, write `SELECT select FROM staging` to Parquet in insertion order and drop the staging
   * table. `conn` may be another connection than the appender's, so that the COPY can run while
   * the next table is generated.
   */
  async finish(path: string, select: string, conn: DuckDBConnection = this.conn): Promise<number> {
    this.close();
    await copyToParquet(conn, `SELECT ${select} FROM "${this.table}"`, path);
    await conn.run(`DROP TABLE "${this.table}"`);
    return this.rows;
  }
}

export async function copyToParquet(conn: DuckDBConnection, query: string, path: string): Promise<void> {
  await conn.run(`COPY (${query}) TO '${path.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION zstd)`);
}

// ---- SQL helpers for the COPY: contract values from staging integers ----

/** `prefix` + 9-digit township code + 7-digit serial (longer serials are written in full), as recordId(). */
export function sqlId(prefix: string, code: string, serial: string): string {
  return `'${prefix}' || CASE WHEN ${serial} < 10000000 THEN (${code}::BIGINT * 10000000 + ${serial})::VARCHAR ELSE ${code}::VARCHAR || ${serial}::VARCHAR END`;
}

/** A DATE from a day number (days since 1970-01-01; NULL stays NULL). */
export function sqlDate(day: string): string {
  return `(DATE '1970-01-01' + ${day})`;
}


/** Township code (INTEGER) as the contract's 9-digit text. */
export function sqlCode(code: string): string {
  return `${code}::VARCHAR`;
}

/** A township code as the INTEGER written to staging columns. */
export function codeInt(code: string): number {
  const n = Number(code);
  if (!Number.isInteger(n) || n < 100000000 || n > 2147483647 || String(n) !== code) throw new Error(`township code ${code} cannot be staged as an integer`);
  return n;
}
