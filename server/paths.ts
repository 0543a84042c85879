/**
 * @module paths
 * Where the repository's own folders are, resolved from this file so the CLI works from any cwd.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SQL_DIR = path.join(REPO_ROOT, 'sql');
export const WEB_DIST_DIR = path.join(REPO_ROOT, 'dist', 'web');
/** Default home of the demo exports and the database file (`RENKOU_DB` / `RENKOU_DATA` override). */
export const DATA_DIR = path.join(REPO_ROOT, 'data');
export const DEMO_EXPORT_DIR = path.join(DATA_DIR, 'demo');
export const DEFAULT_DB_PATH = path.join(DATA_DIR, 'renkou.duckdb');
export const DEFAULT_USERS_FILE = path.join(DATA_DIR, 'users.json');
export const DEFAULT_TARGETS_FILE = path.join(DATA_DIR, 'targets.json');
export const DEFAULT_AUDIT_LOG = path.join(DATA_DIR, 'audit.log');
