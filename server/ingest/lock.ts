/**
 * @module ingest/lock
 * One ingest at a time per database: a lock file created exclusively beside it, holding the
 * owner's pid. A lock left by a killed process (its pid no longer running) is taken over.
 * The lock is written to a private file first and hard-linked into place, so it appears with
 * its pid already in it: a rival never sees an empty lock and mistakes it for a stale one.
 */
import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { diskError } from './diskErrors.ts';
import { IngestError } from './IngestError.ts';

interface LockInfo { pid: number; startedAt: string }

/** Whether a process of this id runs (EPERM: it does, as another user). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(lockPath: string): LockInfo | null {
  try {
    return JSON.parse(readFileSync(lockPath, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

/** Takes the lock or throws `ingest_running`; returns the function that releases it. */
export function acquireIngestLock(dbPath: string): () => void {
  const lockPath = `${dbPath}.lock`;
  const draft = `${lockPath}.${process.pid}`;
  try {
    writeFileSync(draft, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() } satisfies LockInfo));
  } catch (e) {
    throw diskError(e, lockPath) ?? e; // a read-only or full disk is said here, before any work
  }
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        linkSync(draft, lockPath); // atomic: fails with EEXIST when another process holds the lock
        return () => rmSync(lockPath, { force: true });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw diskError(e, lockPath) ?? e;
        const owner = readLock(lockPath);
        if (owner && isRunning(owner.pid)) {
          throw new IngestError('ingest_running',
            `another import into ${dbPath} is running (pid ${owner.pid}, started ${owner.startedAt}); wait for it to finish`);
        }
        rmSync(lockPath, { force: true }); // stale: its owner was killed
      }
    }
  } finally {
    rmSync(draft, { force: true });
  }
  throw new IngestError('ingest_running', `could not take the import lock ${lockPath}`);
}
