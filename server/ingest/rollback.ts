/**
 * @module ingest/rollback
 * Puts the previous import back: `<db>.1` is renamed over `<db>` in one atomic step (a server
 * notices the new file at its next query), older versions move up one (`.2` → `.1`, …), and the
 * replaced database is kept in case the rollback was a mistake: as `<db>.rolled-back`, or, when
 * that name is taken by an earlier rollback, `<db>.rolled-back.2`, `.3`, … — a second rollback
 * (two bad monthly imports in a row) goes one import further back and loses nothing.
 */
import { existsSync, linkSync, renameSync } from 'node:fs';
import { IngestError } from './IngestError.ts';
import { acquireIngestLock } from './lock.ts';
import { versionPath } from './versions.ts';

export interface RollbackResult {
  /** Where the replaced database now is; null when there was none (only `<db>.1`). */
  readonly setAside: string | null;
}

/** The first name no earlier rollback has taken: `<db>.rolled-back`, then `<db>.rolled-back.2`, … */
export function setAsidePath(dbPath: string): string {
  const first = `${dbPath}.rolled-back`;
  if (!existsSync(first)) return first;
  let n = 2;
  while (existsSync(`${first}.${n}`)) n++;
  return `${first}.${n}`;
}

export function rollback(dbPath: string): RollbackResult {
  const previous = versionPath(dbPath, 1);
  if (!existsSync(previous)) throw new IngestError('source_missing', `没有更早的导入可以恢复（${previous} 不存在）— no previous version ${previous} to roll back to`);
  const release = acquireIngestLock(dbPath);
  try {
    const setAside = existsSync(dbPath) ? setAsidePath(dbPath) : null;
    if (setAside) linkSync(dbPath, setAside);
    renameSync(previous, dbPath);
    for (let n = 2; existsSync(versionPath(dbPath, n)); n++) renameSync(versionPath(dbPath, n), versionPath(dbPath, n - 1));
    return { setAside };
  } finally {
    release();
  }
}
