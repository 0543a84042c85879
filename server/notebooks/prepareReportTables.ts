/**
 * @module notebooks/prepareReportTables
 * A county account's report SQL reads rollup files written once per database file
 * (reportTables.ts): 2.9 s for the province's two, which the first report after an import used to
 * wait for. The server writes the ones the library's notebooks read as soon as it opens a database
 * file — at start and whenever an import swaps one in — off any request. A render that still finds
 * one missing (asked for within those seconds, or a notebook outside the library) builds it itself.
 *
 * @example
 * const preparing = prepareReportTablesOnEveryFile(db, (m) => console.error(m));
 * await preparing.settled(); // before closing the database
 */
import type { Database } from '../db/Database.ts';
import { listNotebooks } from './library.ts';
import { reportTableFiles } from './reportTables.ts';
import { ROLLUP_TABLES, tablesNamed } from './sandbox.ts';
import { withReusable } from './sqlBlock.ts';

/** The rollups the library's notebooks' `sql` blocks read. */
export function libraryReportTables(): string[] {
  const texts = listNotebooks().flatMap((n) => n.blocks.flatMap((b) => (b.kind === 'sql' ? [b.text] : [])));
  const named = tablesNamed(withReusable(texts));
  return ROLLUP_TABLES.filter((t) => named.has(t));
}

/** Writes the library's report tables for the file `db` has open now. */
export async function prepareReportTables(db: Database): Promise<void> {
  const tables = libraryReportTables();
  if (tables.length > 0) await reportTableFiles(db, tables);
}

/** Prepares them now and after every swap; a failure is logged (renders then build or copy as before). */
export function prepareReportTablesOnEveryFile(db: Database, log: (message: string) => void): { settled(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const prepare = () => {
    running = prepareReportTables(db).catch((e: unknown) => log(`report tables not prepared: ${e instanceof Error ? e.message : String(e)}`));
  };
  db.onSwap(prepare);
  prepare();
  // A server that closes waits for the file being written rather than leave it half-written.
  return { settled: () => running };
}
