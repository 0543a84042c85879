/**
 * @module ingest/keptCountyName
 * The county name the database being replaced was given: an office export carries none, so the
 * monthly `renkou ingest <folder>` without `--county-name` keeps the name given once (on the import
 * page or the first import) instead of calling the county by its code again.
 *
 * @example
 * const name = options.countyName ?? await keptCountyName(connection, options.dbPath);
 */
import { existsSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { runNamed } from '../db/namedQuery.ts';
import { quoted } from '../db/sqlPath.ts';

export async function keptCountyName(connection: DuckDBConnection, dbPath: string): Promise<string | undefined> {
  if (!existsSync(dbPath)) return undefined;
  try {
    await connection.run(`ATTACH ${quoted(dbPath)} AS previous (READ_ONLY)`);
  } catch {
    return undefined; // not a database this version can read: nothing to keep
  }
  try {
    const [row] = await runNamed(connection, 'ingest/previous_county_name');
    return typeof row?.value === 'string' && row.value !== '' ? row.value : undefined;
  } catch {
    return undefined; // a database without ingest_meta
  } finally {
    await connection.run('DETACH previous');
  }
}
