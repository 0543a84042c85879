/**
 * @module db/hasRollup
 * Whether the database has a rollup, once per database generation: one added to the import after
 * a database was imported is missing until its next import, and the questions it would answer
 * fast are answered from the older rollups meanwhile.
 */
import type { Database } from './Database.ts';

export function hasRollup(db: Database, name: string): Promise<boolean> {
  return db.memo(`has ${name}`, async () => ((await db.query<{ n: number }>('meta/has_rollup', { name }))[0]?.n ?? 0) > 0);
}
