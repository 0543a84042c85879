/**
 * @module app
 * The Hono application: `/api/*` routes over the ingested database, and the built web app
 * (`dist/web`) for everything else. Errors answer JSON with a code and a planner's message.
 *
 * @example
 * const app = createApp({ db: await Database.open(dbPath) });
 * serve({ fetch: app.fetch, port: 8080, hostname: '127.0.0.1' });
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Database } from './db/Database.ts';
import { ApiError, isApiError } from './http/errors.ts';
import { WEB_DIST_DIR } from './paths.ts';
import { metaRoutes } from './routes/meta.ts';
import { mapRoutes } from './routes/map.ts';
import { indicatorRoutes } from './routes/indicators.ts';
import { srbRoutes } from './routes/srb.ts';
import { projectionRoutes } from './routes/projections.ts';
import { reportRoutes } from './routes/reports.ts';
import { IMPORT_ROUTE_RULES, importRoutes } from './routes/import.ts';
import { qualityRoutes } from './routes/quality.ts';
import { targetRoutes } from './routes/targets.ts';
import { assessmentRoutes } from './routes/assessment.ts';
import { progressRoutes } from './routes/progress.ts';
import { answerCacheBytesFromEnv, DEFAULT_ANALYTICS, type AnalyticsConfig } from './config.ts';
import { NO_AUDIT, type AuditLog } from './http/audit.ts';
import { accessControl } from './auth/middleware.ts';
import type { AppEnv } from './auth/principal.ts';
import { Sessions } from './auth/sessions.ts';
import { TokenVerifier } from './auth/tokens.ts';
import type { UserStore } from './auth/users.ts';
import { limitBodies } from './http/bodyLimit.ts';
import { DIRECT, type NetworkConfig } from './http/network.ts';
import type { RouteRule } from './http/routeRules.ts';
import { guardWrites } from './http/writeGuard.ts';
import { authRoutes } from './routes/auth.ts';
import { inlineJobs, type JobRunner } from './workers/jobs.ts';
import { AnswerCache } from './answer/cache.ts';
import { cacheAnswers } from './answer/cacheMiddleware.ts';

export interface AppOptions {
  readonly db: Database;
  /** Folder of the built front end; defaults to dist/web. */
  readonly webRoot?: string;
  readonly log?: (message: string) => void;
  readonly analytics?: AnalyticsConfig;
  /** Users and tokens; access control is on whenever it holds at least one user. */
  readonly users?: UserStore | null;
  readonly audit?: AuditLog;
  /** Proxy trust and public origins (RENKOU_TRUST_PROXY, RENKOU_PUBLIC_ORIGIN); direct by default. */
  readonly network?: NetworkConfig;
  /** Access control on from the start, even before the user file has a user (a server beyond loopback). */
  readonly closed?: boolean;
  /** Routes that take larger bodies or other body types than JSON (http/routeRules.ts). */
  readonly routeRules?: readonly RouteRule[];
  /** Where projections and report renders run: worker threads in a server (workers/pool.ts); the calling thread by default. */
  readonly jobs?: JobRunner;
  /** Published answers kept per database generation (answer/cache.ts); RENKOU_ANSWER_CACHE_MB by default. */
  readonly answerCache?: AnswerCache;
}

export function createApp(options: AppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const log = options.log ?? ((m: string) => console.error(m));

  app.use('*', secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      frameAncestors: ["'none'"],
    },
  }));

  const audit = options.audit ?? NO_AUDIT;
  const network = options.network ?? DIRECT;
  // The upload route takes files (multipart, up to RENKOU_UPLOAD_LIMIT); every other body is small JSON.
  const rules = [...IMPORT_ROUTE_RULES, ...(options.routeRules ?? [])];

  app.onError((e, c) => {
    if (isApiError(e)) {
      if (e.status === 403) {
        audit.record('denied', c.get('principal')?.name ?? null, { method: c.req.method, path: c.req.path, code: e.code, parameter: e.details.parameter ?? null });
      }
      const retry = e.details.retryAfterSeconds;
      if (typeof retry === 'number') c.header('Retry-After', String(retry));
      return c.json(e.toJSON(), e.status);
    }
    log(`internal error on ${c.req.method} ${c.req.path}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    return c.json(new ApiError(500, 'internal', 'the server could not answer this request; the error was logged').toJSON(), 500);
  });

  // Bodies are limited before anything reads them, authentication included (http/bodyLimit.ts).
  app.use('*', limitBodies(rules));

  const api = new Hono<AppEnv>();
  const sessions = new Sessions();
  const users = options.users ?? null;
  const verifier = users ? new TokenVerifier(users, { onLimited: (key) => audit.record('rate_limited', null, { key }) }) : null;
  api.use('*', guardWrites(network, rules));
  api.use('*', accessControl({ users, verifier, sessions, network, audit, closed: options.closed }));
  api.get('/health', (c) => c.json({ status: 'ok' }));
  api.route('/', authRoutes({ users, verifier, sessions, audit, network }));
  const analytics = options.analytics ?? DEFAULT_ANALYTICS;
  const jobs = options.jobs ?? inlineJobs(options.db);
  // After access control (the asker is known), before every route: repeated answers are bytes.
  api.use('*', cacheAnswers({ cache: options.answerCache ?? new AnswerCache(answerCacheBytesFromEnv()), db: options.db, config: analytics }));
  api.route('/', metaRoutes(options.db, analytics));
  api.route('/', mapRoutes(options.db, analytics, jobs));
  api.route('/', indicatorRoutes(options.db, analytics, jobs));
  api.route('/', srbRoutes(options.db, analytics, jobs));
  api.route('/', projectionRoutes(options.db, jobs, analytics));
  api.route('/', reportRoutes(options.db, jobs, analytics, audit));
  api.route('/', importRoutes(options.db, audit));
  api.route('/', qualityRoutes(options.db, audit));
  api.route('/', targetRoutes(options.db, analytics, audit));
  api.route('/', assessmentRoutes(options.db, analytics, jobs));
  api.route('/', progressRoutes(options.db, analytics, jobs));
  api.all('*', (c) => {
    throw new ApiError(404, 'not_found', `no API route ${c.req.method} ${c.req.path}`);
  });
  app.route('/api', api);

  const webRoot = options.webRoot ?? WEB_DIST_DIR;
  if (existsSync(webRoot)) {
    const root = path.relative(process.cwd(), webRoot) || '.';
    app.use('/*', serveStatic({ root }));
    app.get('*', serveStatic({ root, path: 'index.html' }));
  }
  app.notFound((c) => c.json(new ApiError(404, 'not_found', `nothing at ${c.req.path}`).toJSON(), 404));
  return app;
}
