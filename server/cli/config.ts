/**
 * @module cli/config
 * Where the data is: each setting from its flag, else its environment variable, else the default.
 * `RENKOU_DATA` (export folder), `RENKOU_DB` (database file), `PORT`, `HOST`.
 */
import { TABLES, TABLE_ORDER, type TableName } from '../../contract/tables.ts';
import { DEFAULT_DB_PATH, DEMO_EXPORT_DIR } from '../paths.ts';
import { UsageError } from './command.ts';

export function dbPathFrom(flag: string | undefined): string {
  return flag ?? process.env.RENKOU_DB ?? DEFAULT_DB_PATH;
}

export function dataDirFrom(flag: string | undefined): string {
  return flag ?? process.env.RENKOU_DATA ?? DEMO_EXPORT_DIR;
}

export function portFrom(flag: string | undefined): number {
  const text = flag ?? process.env.PORT ?? '8080';
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`port must be an integer 0..65535, not "${text}"`);
  return port;
}

export function hostFrom(flag: string | undefined): string {
  return flag ?? process.env.HOST ?? '127.0.0.1';
}

/** `--drop <table>`, repeatable (ingest, start): the tables the planner confirms emptying when the folder has no file for them. */
export function dropTablesFrom(flags: readonly string[] | undefined): TableName[] {
  for (const t of flags ?? []) if (!Object.hasOwn(TABLES, t)) throw new UsageError(`--drop takes a table name (${TABLE_ORDER.join(', ')}), not "${t}"`);
  return [...(flags ?? [])] as TableName[];
}
