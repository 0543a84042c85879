/**
 * @module office/secret
 * The secret that keys the hash of ID numbers, kept in a file beside the database
 * (`renkou-id.secret`, readable by its owner only) and made once: the same person hashes to the
 * same key in every later import into that folder, and without the file a key cannot be turned
 * back into a number by trying all numbers.
 *
 * @example
 * const secret = idSecret('data/renkou.duckdb'); // 64 hex characters
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const SECRET_FILE = 'renkou-id.secret';

export function idSecret(dbPath: string): string {
  const file = path.join(path.dirname(path.resolve(dbPath)), SECRET_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('hex');
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch {
    return readFileSync(file, 'utf8').trim(); // another import made it first
  }
}
