/**
 * @module ingest/diskErrors
 * What a planner must do when the disk itself refuses an import: the file that could not be
 * written and why — the disk is full, the folder is read-only, or the account may not write
 * there — from a Node error code (ENOSPC, EROFS, EACCES, EPERM) or DuckDB's message for the same
 * system error. Anything else is not a disk problem and is left to the caller.
 *
 * @example
 * try { writeFileSync(lock, text); } catch (e) { throw diskError(e, lock) ?? e; }
 */
import { IngestError } from './IngestError.ts';

const KINDS = [
  { code: 'disk_full', errno: ['ENOSPC'], text: /no space left on device/i,
    say: 'the disk is full (no space left on device); free some space and import again' },
  { code: 'read_only', errno: ['EROFS'], text: /read-only file system/i,
    say: 'the folder is on a read-only file system; put the database on a writable disk (--db or RENKOU_DB)' },
  { code: 'not_writable', errno: ['EACCES', 'EPERM'], text: /permission denied/i,
    say: 'this account may not write there; give it write access to the folder or choose another (--db or RENKOU_DB)' },
] as const;

/** An IngestError naming `file` when `e` is a disk problem; null otherwise. */
export function diskError(e: unknown, file: string): IngestError | null {
  const errno = (e as NodeJS.ErrnoException | null)?.code;
  const message = e instanceof Error ? e.message : String(e);
  const kind = KINDS.find((k) => (errno !== undefined && (k.errno as readonly string[]).includes(errno)) || k.text.test(message));
  if (!kind) return null;
  // DuckDB names the file it was writing (the .wal, say); Node's errors carry it as `path`.
  const named = /"([^"]+)"/.exec(message)?.[1] ?? (e as NodeJS.ErrnoException).path ?? file;
  return new IngestError(kind.code, `${named}: ${kind.say}. The current database was not changed.`, named);
}
