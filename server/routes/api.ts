/**
 * @module routes/api
 * The `/api` tree: the write guard and access control in front of everything, then one sub-app
 * per resource (`.route('/srb', srbRoutes(…))`). Built as one chain so its type, `ApiRoutes`,
 * carries every route's path and input: the web app's typed client (`hc`, web/src/client.ts)
 * is checked against it.
 *
 * @example
 * app.route('/api', apiRoutes({ db, audit: NO_AUDIT, network: DIRECT, rules: [], askApi }));
 */
import { Hono } from 'hono';
import type { AppEnv } from '../auth/principal.ts';
import { accessControl } from '../auth/middleware.ts';
import { Sessions } from '../auth/sessions.ts';
import { TokenVerifier } from '../auth/tokens.ts';
import type { UserStore } from '../auth/users.ts';
import { AnswerCache } from '../answer/cache.ts';
import { cacheAnswers } from '../answer/cacheMiddleware.ts';
import { answerCacheBytesFromEnv, DEFAULT_ANALYTICS, type AnalyticsConfig } from '../config.ts';
import type { Database } from '../db/Database.ts';
import type { AuditLog } from '../http/audit.ts';
import { ApiError } from '../http/errors.ts';
import type { NetworkConfig } from '../http/network.ts';
import type { RouteRule } from '../http/routeRules.ts';
import { guardWrites } from '../http/writeGuard.ts';
import { inlineJobs, type JobRunner } from '../workers/jobs.ts';
import { assessmentRoutes } from './assessment.ts';
import { auditRoutes } from './audit.ts';
import { authRoutes } from './auth.ts';
import { importRoutes } from './import.ts';
import { indicatorRoutes } from './indicators.ts';
import { mapRoutes } from './map.ts';
import { mapSvgRoutes, type AskApi } from './mapSvg.ts';
import { metaRoutes } from './meta.ts';
import { progressRoutes } from './progress.ts';
import { projectionRoutes } from './projections.ts';
import { qualityRoutes } from './quality.ts';
import { regionRoutes } from './regions.ts';
import { reportRoutes } from './reports.ts';
import { srbRoutes } from './srb.ts';
import { targetRoutes } from './targets.ts';

export interface ApiOptions {
  readonly db: Database;
  readonly audit: AuditLog;
  readonly network: NetworkConfig;
  readonly rules: readonly RouteRule[];
  readonly users?: UserStore | null;
  readonly closed?: boolean;
  readonly analytics?: AnalyticsConfig;
  readonly jobs?: JobRunner;
  readonly answerCache?: AnswerCache;
  /** Asks the whole app for an API answer as a request's asker does (the map picture's values). */
  readonly askApi: AskApi;
}

export function apiRoutes(options: ApiOptions) {
  const { db, audit, network } = options;
  const sessions = new Sessions();
  const users = options.users ?? null;
  const verifier = users ? new TokenVerifier(users, { onLimited: (key) => audit.record('rate_limited', null, { key }) }) : null;
  const analytics = options.analytics ?? DEFAULT_ANALYTICS;
  const jobs = options.jobs ?? inlineJobs(db);
  return new Hono<AppEnv>()
    .use('*', guardWrites(network, options.rules))
    .use('*', accessControl({ users, verifier, sessions, network, audit, closed: options.closed }))
    .get('/health', (c) => c.json({ status: 'ok' }))
    .route('/', authRoutes({ users, verifier, sessions, audit, network }))
    .route('/audit', auditRoutes(audit))
    // After access control (the asker is known), before every answer: repeated answers are bytes.
    .use('*', cacheAnswers({ cache: options.answerCache ?? new AnswerCache(answerCacheBytesFromEnv()), db, config: analytics }))
    .route('/meta', metaRoutes(db, analytics))
    .route('/regions.topojson', regionRoutes(db))
    .route('/map', mapRoutes(db, analytics, jobs))
    .route('/map.svg', mapSvgRoutes(db, jobs, options.askApi))
    .route('/indicators', indicatorRoutes(db, analytics, jobs))
    .route('/srb', srbRoutes(db, analytics, jobs))
    .route('/projections', projectionRoutes(db, jobs, analytics))
    .route('/reports', reportRoutes(db, jobs, analytics, audit))
    .route('/import', importRoutes(db, audit))
    .route('/quality', qualityRoutes(db, audit))
    .route('/targets', targetRoutes(db, analytics, audit))
    .route('/assessment', assessmentRoutes(db, analytics, jobs))
    .route('/progress', progressRoutes(db, analytics, jobs))
    .all('*', (c) => {
      throw new ApiError(404, 'not_found', `no API route ${c.req.method} ${c.req.path}`);
    });
}

/** Every API route's method, path and input, for the typed client. */
export type ApiRoutes = ReturnType<typeof apiRoutes>;
