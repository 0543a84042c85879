/**
 * @module db/Database
 * The server's read-only handle on the ingested DuckDB file. Queries are named `sql/` files
 * with bound parameters; results come back as JSON-ready row objects (cast BIGINTs in SQL).
 *
 * When an ingest swaps a new file into place (a rename, so a new inode), the next query
 * notices and reopens: the server keeps serving across imports without a restart, and the
 * old instance is closed once its in-flight queries are done.
 *
 * @example
 * const db = await Database.open('data/renkou.duckdb');
 * const rows = await db.query('meta/townships');
 */
import { statSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection, type DuckDBDataChunk } from '@duckdb/node-api';
import type { Params } from './bind.ts';
import { bindNamed, runNamed, type Row } from './namedQuery.ts';
import { sqlText } from './sqlFiles.ts';
import { runNamedNumeric, type NumericColumns } from './numericQuery.ts';

export type { NumericColumns, Row };

interface Generation {
  /** Counts the files this process has opened, so answers cached under it die with the data. */
  id: number;
  instance: DuckDBInstance;
  connections: DuckDBConnection[];
  inode: number;
  mtimeMs: number;
  inFlight: number;
  retired: boolean;
  closed: boolean;
}

/** Connections per generation: DuckDB runs one query per connection at a time. */
const POOL_SIZE = 4;
/** How often (at most) the file is stat'ed to notice a swapped-in import. */
const RECHECK_MS = 1000;
/**
 * DuckDB's memory limit for the server (RENKOU_DUCKDB_MEMORY, default 1GB): its buffer cache
 * grows to this and no further, which bounds the server's memory under load.
 */
const MEMORY_LIMIT = process.env.RENKOU_DUCKDB_MEMORY ?? '1GB';

export class Database {
  private current: Generation;
  private next = 0;
  private lastCheck = Date.now();
  private opening: Promise<void> | null = null;
  private memos = new Map<string, { generation: Generation; value: Promise<unknown> }>();
  private readonly swapListeners: (() => void)[] = [];

  private constructor(readonly path: string, generation: Generation, private readonly memoryLimit: string) {
    this.current = generation;
  }

  /** `memoryLimit`: DuckDB's buffer cache for this handle (default RENKOU_DUCKDB_MEMORY, 1GB). */
  static async open(path: string, options: { memoryLimit?: string } = {}): Promise<Database> {
    const memoryLimit = options.memoryLimit ?? MEMORY_LIMIT;
    return new Database(path, await openGeneration(path, memoryLimit), memoryLimit);
  }

  /**
   * Runs `sql/<name>.sql` with its `$parameters` bound from `params`. `T` names the row shape
   * the query file promises (its column aliases and casts); it is not checked at run time.
   */
  async query<T = Row>(name: string, params: Params = {}): Promise<T[]> {
    return (await this.withConnection((connection) => runNamed(connection, name, params))) as T[];
  }

  /**
   * Runs a named query and hands its result to `visit` chunk by chunk (DuckDB's own vectors, no
   * row objects): for copying aggregates into another DuckDB instance with an appender.
   */
  forEachChunk(name: string, params: Params, visit: (chunk: DuckDBDataChunk) => void): Promise<number> {
    return this.withConnection(async (connection) => {
      const prepared = await connection.prepare(sqlText(name));
      try {
        bindNamed(prepared, params);
        const result = await prepared.run();
        let rows = 0;
        for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
          visit(chunk);
          rows += chunk.rowCount;
        }
        return rows;
      } finally {
        prepared.destroySync();
      }
    });
  }

  /** Runs a query whose columns are all numbers; answers them as columns (millions of cells, no row objects). */
  queryNumeric(name: string, params: Params = {}): Promise<NumericColumns> {
    return this.withConnection((connection) => runNamedNumeric(connection, name, params));
  }

  private async withConnection<T>(run: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    await this.reopenIfSwapped();
    const generation = this.current;
    const connection = generation.connections[this.next++ % generation.connections.length]!;
    generation.inFlight++;
    try {
      return await run(connection);
    } finally {
      generation.inFlight--;
      if (generation.retired && generation.inFlight === 0) closeGeneration(generation);
    }
  }

  /**
   * `compute()` once per database generation: small facts about the data (the township list, the
   * year span) that every request validates against, recomputed after an import swaps in.
   */
  async memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
    await this.reopenIfSwapped();
    const hit = this.memos.get(key);
    if (hit && hit.generation === this.current) return hit.value as Promise<T>;
    const value = compute();
    this.memos.set(key, { generation: this.current, value });
    value.catch(() => this.memos.delete(key));
    return value;
  }

  /**
   * A number that changes whenever an import swaps in new data: caches key their answers by it
   * (db/lru.ts, answer/cacheMiddleware.ts) so they never serve the old data's answers.
   */
  async generation(): Promise<number> {
    await this.reopenIfSwapped();
    return this.current.id;
  }

  /** The open file as `<inode>-<mtime>`: names what is derived from this very file (notebooks/reportTables.ts). */
  async fileIdentity(): Promise<string> {
    await this.reopenIfSwapped();
    return identityOf(this.current.inode, this.current.mtimeMs);
  }

  /**
   * The open file's identity, looking for a swapped-in file at once (not after the once-a-second
   * wait) when it is not `expected`: another handle on the same path (the main thread's, for a
   * worker's) may have opened the new file already.
   */
  async fileIdentityMatching(expected: string): Promise<string> {
    const identity = await this.fileIdentity();
    if (identity === expected) return identity;
    this.lastCheck = 0;
    return this.fileIdentity();
  }

  /**
   * Looks for a swapped-in file every `everyMs` even when no request comes, so the work done once
   * per file (`onSwap`) starts right after an import rather than with the next request. The timer
   * does not keep the process alive; the returned function stops it.
   */
  watchForSwaps(everyMs: number): () => void {
    const timer = setInterval(() => void this.reopenIfSwapped().catch(() => { /* the next request retries and reports it */ }), everyMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  /** Calls `listener` each time an import's file is swapped in and opened (work to do once per file). */
  onSwap(listener: () => void): void {
    this.swapListeners.push(listener);
  }

  /** Checks at most once a second whether ingest swapped in a new file. */
  private async reopenIfSwapped(): Promise<void> {
    if (this.opening) return this.opening;
    const now = Date.now();
    if (now - this.lastCheck < RECHECK_MS) return;
    this.lastCheck = now;
    let stat;
    try {
      stat = statSync(this.path);
    } catch {
      return; // mid-swap or removed: keep serving what is open
    }
    if (stat.ino === this.current.inode && stat.mtimeMs === this.current.mtimeMs) return;
    this.opening = (async () => {
      try {
        const fresh = await openGeneration(this.path, this.memoryLimit);
        const old = this.current;
        this.current = fresh;
        old.retired = true;
        if (old.inFlight === 0) closeGeneration(old);
      } finally {
        this.opening = null;
      }
      for (const listener of this.swapListeners) listener();
    })();
    return this.opening;
  }

  close(): void {
    this.current.retired = true;
    if (this.current.inFlight === 0) closeGeneration(this.current);
  }
}

let generationsOpened = 0;

/** A database file's identity as `Database.fileIdentity()` gives it; '' when it is missing. */
export function fileIdentityOf(path: string): string {
  try {
    const stat = statSync(path);
    return identityOf(stat.ino, stat.mtimeMs);
  } catch {
    return '';
  }
}

function identityOf(inode: number, mtimeMs: number): string {
  return `${inode}-${mtimeMs}`;
}

async function openGeneration(path: string, memoryLimit: string): Promise<Generation> {
  const stat = statSync(path);
  const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY', memory_limit: memoryLimit });
  const connections: DuckDBConnection[] = [];
  for (let i = 0; i < POOL_SIZE; i++) connections.push(await instance.connect());
  return { id: ++generationsOpened, instance, connections, inode: stat.ino, mtimeMs: stat.mtimeMs, inFlight: 0, retired: false, closed: false };
}

function closeGeneration(generation: Generation): void {
  if (generation.closed) return;
  generation.closed = true;
  for (const c of generation.connections) c.closeSync();
  generation.instance.closeSync();
}
