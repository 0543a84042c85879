/**
 * @module ingest/versions
 * Publishing a finished import: the previous database is kept as `<db>.1` (older ones shift to
 * `.2`, `.3`, … up to `keep`), then the new file is renamed over `<db>` in one atomic step.
 * A server reading `<db>` keeps its open file until it notices the new inode.
 */
import { existsSync, linkSync, renameSync, rmSync } from 'node:fs';

export const DEFAULT_KEEP_VERSIONS = 3;

export function versionPath(dbPath: string, n: number): string {
  return `${dbPath}.${n}`;
}

export function publishDatabase(builtPath: string, dbPath: string, keep = DEFAULT_KEEP_VERSIONS): void {
  if (existsSync(dbPath) && keep > 0) {
    rmSync(versionPath(dbPath, keep), { force: true });
    for (let n = keep - 1; n >= 1; n--) {
      if (existsSync(versionPath(dbPath, n))) renameSync(versionPath(dbPath, n), versionPath(dbPath, n + 1));
    }
    linkSync(dbPath, versionPath(dbPath, 1));
  }
  renameSync(builtPath, dbPath);
}
