/**
 * @module notebooks/reportTables
 * The rollups a county account's report SQL reads, kept on disk once per database file: one small
 * DuckDB file per rollup (`<db>.report-tables/<file identity>.<table>.duckdb`) holding that rollup
 * alone, in the sandbox's column types. A county sandbox attaches them read-only instead of
 * copying millions of rows into memory for every render (a province's births and migrant-origin
 * rollups are 10 M rows: seconds and ~600 MB a render). The files hold aggregates only — the same
 * rows a county sandbox was given before — never a record table.
 *
 * A file is built the first time a render asks for it, natively by DuckDB (`INSERT … SELECT`
 * between attached files), from the database file the server has open; files of other database
 * files (an earlier import) are removed then.
 *
 * @example
 * const files = await reportTableFiles(db, ['r_births']); // Map { 'r_births' => '/…/renkou.duckdb.report-tables/123-456.r_births.duckdb' }
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { DuckDBInstance } from '@duckdb/node-api';
import { fileIdentityOf, type Database } from '../db/Database.ts';
import { runNamed } from '../db/namedQuery.ts';
import { quoted } from '../db/sqlPath.ts';

/** Memory of the instance that writes a file (its scans stream; the limit bounds the buffer cache). */
const EXPORT_MEMORY = '256MB';

const building = new Map<string, Promise<string>>();

export function reportTablesDir(dbPath: string): string {
  return `${dbPath}.report-tables`;
}

/** Where a table's file for one database file identity (`Database.fileIdentity()`) lives. */
export function reportTableFile(dbPath: string, identity: string, table: string): string {
  return path.join(reportTablesDir(dbPath), `${identity}.${table}.duckdb`);
}

/** The file of each table, built where missing; null when the database file changed under us (then copy instead). */
export async function reportTableFiles(db: Database, tables: readonly string[]): Promise<Map<string, string> | null> {
  const identity = await db.fileIdentity();
  const files = new Map<string, string>();
  for (const table of tables) {
    const file = reportTableFile(db.path, identity, table);
    if (!existsSync(file)) {
      let pending = building.get(file);
      if (!pending) {
        pending = awaitOtherThread(file).then((done) => (done ? file : buildFile(db.path, identity, table, file)));
        building.set(file, pending);
        void pending.then(() => building.delete(file), () => building.delete(file));
      }
      if (!(await pending)) return null;
    }
    files.set(table, file);
  }
  return files;
}

/** How long a render waits for a file another thread of this process is writing (the province's take ~1.5 s each). */
const OTHER_WRITER_WAIT_MS = 30_000;

/**
 * True once the file exists, if another thread of this process (the server's main thread, which
 * prepares them: prepareReportTables.ts) is writing it now; false when nobody is, or it gave up.
 */
async function awaitOtherThread(file: string): Promise<boolean> {
  const dir = path.dirname(file);
  const mine = `${path.basename(file)}.${process.pid}-`;
  const started = Date.now();
  while (existsSync(dir) && readdirSync(dir).some((n) => n.startsWith(mine) && n.endsWith('.partial'))) {
    if (existsSync(file)) return true;
    if (Date.now() - started > OTHER_WRITER_WAIT_MS) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return existsSync(file);
}

/** Writes one table's file under a temporary name, then renames it: a reader sees a whole file or none. */
async function buildFile(dbPath: string, identity: string, table: string, file: string): Promise<string> {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true });
  removeOtherGenerations(dir, identity);
  // Reports render in worker threads of one process: the partial name is this writer's alone.
  const partial = `${file}.${process.pid}-${threadId}-${randomUUID().slice(0, 8)}.partial`;
  const instance = await DuckDBInstance.create(':memory:', { memory_limit: EXPORT_MEMORY });
  const connection = await instance.connect();
  try {
    // Paths are the server's own (the database path and this folder) and the table name is one of
    // the sandbox's fixed list (sandbox.ts), never request input: ATTACH takes no bound parameter.
    // The file at the path is the one the server has open if it is so before and after ATTACH
    // (an import swaps files by rename, which changes the path's inode).
    if (fileIdentityOf(dbPath) !== identity) return '';
    await connection.run(`ATTACH ${quoted(dbPath)} AS source (READ_ONLY)`);
    if (fileIdentityOf(dbPath) !== identity) return '';
    await connection.run(`ATTACH ${quoted(partial)} AS out`);
    await connection.run('USE out');
    await runNamed(connection, 'notebooks/sandbox/create');
    await connection.run(`INSERT INTO out.main.${table} BY NAME SELECT * FROM source.main.${table}`);
    await connection.run('USE memory');
    await connection.run('DETACH out');
    await connection.run('DETACH source');
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  renameSync(partial, file);
  return file;
}

function removeOtherGenerations(dir: string, identity: string): void {
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(`${identity}.`)) rmSync(path.join(dir, name), { force: true });
  }
}

