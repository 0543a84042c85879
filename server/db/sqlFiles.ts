/**
 * @module db/sqlFiles
 * Every query the server runs is a named file under `sql/`. This module is the only way to get
 * SQL text: a name that is not a file there is a programming error, never request input.
 *
 * @example
 * const text = sqlText('meta/townships'); // contents of sql/meta/townships.sql
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SQL_DIR } from '../paths.ts';

const cache = new Map<string, string>();
const NAME = /^[a-z0-9_]+(\/[a-z0-9_]+)*$/;

export function sqlText(name: string): string {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  if (!NAME.test(name)) throw new Error(`not a query name: ${JSON.stringify(name)}`);
  const text = readFileSync(path.join(SQL_DIR, `${name}.sql`), 'utf8');
  cache.set(name, text);
  return text;
}
