/**
 * The random county (test/fixtures/randomCounty.ts) imported once per test file and served by an
 * app with access control on: an admin, an analyst and a township user of `OWN`, small-cell
 * suppression on, and an audit log in the test's folder. `as(token, url, init)` sends a request
 * with that user's bearer token.
 */
import path from 'node:path';
import { createApp, type AppOptions } from '../../server/app.ts';
import { fileAuditLog } from '../../server/http/audit.ts';
import { UserStore } from '../../server/auth/users.ts';
import { DEFAULT_ANALYTICS } from '../../server/config.ts';
import { Database } from '../../server/db/Database.ts';
import { ingest } from '../../server/ingest/ingest.ts';
import { buildRandomCounty, TOWNS, writeRandomCounty } from '../fixtures/randomCounty.ts';

export const OWN = TOWNS[1];
export const OTHER = TOWNS[2];

export interface SecuredCounty {
  readonly dbPath: string;
  readonly db: Database;
  readonly users: UserStore;
  readonly auditFile: string;
  readonly tokens: Record<'admin' | 'analyst' | 'township', string>;
  app: ReturnType<typeof createApp>;
  as(token: string | null, url: string, init?: RequestInit): Promise<Response>;
  /** Replaces the app (same database, users and audit log) with other options. */
  remake(options?: Partial<AppOptions>): void;
}

/**
 * Imports the random county into `dir` and serves it with three users; with `database` (e.g. the
 * cached demo county), serves that instead, the township user holding `township`.
 */
export async function securedCounty(dir: string, options: Partial<AppOptions> = {}, database?: { dbPath: string; township: string }): Promise<SecuredCounty> {
  const dbPath = database?.dbPath ?? path.join(dir, 'r.duckdb');
  if (!database) {
    await writeRandomCounty(path.join(dir, 'exports'), buildRandomCounty());
    await ingest({ source: path.join(dir, 'exports'), dbPath, today: '2026-11-23' });
  }
  const db = await Database.open(dbPath);
  const users = new UserStore(path.join(dir, 'users.json'));
  const auditFile = path.join(dir, 'audit.log');
  const tokens = {
    admin: users.add({ name: 'wang', role: 'admin' }).token,
    analyst: users.add({ name: 'zhao', role: 'analyst' }).token,
    township: users.add({ name: 'li', role: 'township', townships: [database?.township ?? OWN] }).token,
  };
  const make = (more: Partial<AppOptions>) => createApp({
    db, webRoot: path.join(dir, 'none'), users, audit: fileAuditLog(auditFile), log: () => {},
    analytics: { ...DEFAULT_ANALYTICS, suppressSmall: true }, ...options, ...more,
  });
  const county: SecuredCounty = {
    dbPath, db, users, auditFile, tokens, app: make({}),
    as: async (token, url, init = {}) => county.app.request(url, {
      ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers ?? {}) },
    }),
    remake: (more = {}) => { county.app = make(more); },
  };
  return county;
}
