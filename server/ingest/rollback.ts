/**
 * @module ingest/rollback
 * Puts the previous import back: `<db>.1` is renamed over `<db>` in one atomic step (a server
 * notices the new file at its next query), older versions move up one (`.2` → `.1`, …), and the
 * replaced database is kept as `<db>.rolled-back` in case the rollback was a mistake.
 */
import { existsSync, linkSync, renameSync, rmSync } from 'node:fs';
import { IngestError } from './IngestError.ts';
import { acquireIngestLock } from './lock.ts';
import { versionPath } from './versions.ts';

export function rollback(dbPath: string): void {
  const previous = versionPath(dbPath, 1);
  if (!existsSync(previous)) throw new IngestError('source_missing', `no previous version ${previous} to roll back to`);
  const release = acquireIngestLock(dbPath);
  try {
    const setAside = `${dbPath}.rolled-back`;
    rmSync(setAside, { force: true });
    if (existsSync(dbPath)) linkSync(dbPath, setAside);
    renameSync(previous, dbPath);
    for (let n = 2; existsSync(versionPath(dbPath, n)); n++) renameSync(versionPath(dbPath, n), versionPath(dbPath, n - 1));
  } finally {
    release();
  }
}
