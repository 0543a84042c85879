/**
 * The demo county for report tests (the shared cached one, test/fixtures/demoCounty.ts), with the
 * API app over it and, for notebooks kept in a test folder, the report routes mounted on their own.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import { createApp } from '../../server/app.ts';
import { NO_AUDIT } from '../../server/http/audit.ts';
import type { AppEnv } from '../../server/auth/principal.ts';
import { DEFAULT_ANALYTICS } from '../../server/config.ts';
import { Database } from '../../server/db/Database.ts';
import { ApiError, asApiError } from '../../server/http/errors.ts';
import { demoCounty as sharedDemoCounty } from '../fixtures/demoCounty.ts';
import { projectionRoutes } from '../../server/routes/projections.ts';
import { reportRoutes } from '../../server/routes/reports.ts';
import { inlineJobs } from '../../server/workers/jobs.ts';

export interface DemoCounty {
  db: Database;
  dbPath: string;
  /** The full API app (indicators, SRB, …) as createApp builds it. */
  app: Hono<AppEnv>;
  /** `/api/reports` and `/api/projections` mounted as the main app mounts them. */
  reports: Hono;
  countyName: string;
}

export async function demoCounty(dir: string, notebookDir?: string): Promise<DemoCounty> {
  const { exports, dbPath } = await sharedDemoCounty();
  const countyName = (JSON.parse(readFileSync(path.join(exports, 'manifest.json'), 'utf8')) as { county: { name: string } }).county.name;
  const db = await Database.open(dbPath);
  const app = createApp({ db, webRoot: path.join(dir, 'no-web'), log: () => {} });
  const reports = new Hono();
  reports.onError((e, c) => {
    const answer = asApiError(e);
    return answer ? c.json(answer.toJSON(), answer.status) : c.json(new ApiError(500, 'internal', String(e)).toJSON(), 500);
  });
  reports.route('/api/reports', reportRoutes(db, inlineJobs(db), DEFAULT_ANALYTICS, NO_AUDIT, notebookDir));
  reports.route('/api/projections', projectionRoutes(db, inlineJobs(db), DEFAULT_ANALYTICS));
  return { db, dbPath, app, reports, countyName };
}
