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
import { Hono, type MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { secureHeaders } from 'hono/secure-headers';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Database } from './db/Database.ts';
import { ApiError, asApiError } from './http/errors.ts';
import { WEB_DIST_DIR } from './paths.ts';
import { IMPORT_ROUTE_RULES } from './routes/import.ts';
import { apiRoutes } from './routes/api.ts';
import { askApiOf } from './routes/mapSvg.ts';
import type { AnswerCache } from './answer/cache.ts';
import type { AnalyticsConfig } from './config.ts';
import { NO_AUDIT, type AuditLog } from './http/audit.ts';
import type { AppEnv } from './auth/principal.ts';
import type { UserStore } from './auth/users.ts';
import { limitBodies } from './http/bodyLimit.ts';
import { DIRECT, type NetworkConfig } from './http/network.ts';
import type { RouteRule } from './http/routeRules.ts';
import type { JobRunner } from './workers/jobs.ts';

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

  app.onError((error, c) => {
    const e = asApiError(error);
    if (e) {
      if (e.status === 403) {
        audit.record('denied', c.get('principal')?.name ?? null, { method: c.req.method, path: c.req.path, code: e.code, parameter: e.details.parameter ?? null });
      }
      const retry = e.details.retryAfterSeconds;
      if (typeof retry === 'number') c.header('Retry-After', String(retry));
      return c.json(e.toJSON(), e.status);
    }
    log(`internal error on ${c.req.method} ${c.req.path}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    return c.json(new ApiError(500, 'internal', 'the server could not answer this request; the error was logged').toJSON(), 500);
  });

  // Bodies are limited before anything reads them, authentication included (http/bodyLimit.ts).
  app.use('*', limitBodies(rules));

  // The map picture's values are asked of the app itself, as its asker would ask: the same
  // access control, scope rules and answer cache entries as the page's own request for them.
  const askApi = askApiOf({ request: (p, init, env) => app.request(`/api${p}`, init, env as never) });
  app.route('/api', apiRoutes({ ...options, audit, network, rules, askApi }));

  const webRoot = options.webRoot ?? WEB_DIST_DIR;
  if (existsSync(webRoot)) {
    const root = path.relative(process.cwd(), webRoot) || '.';
    // the front end's files go compressed (the chart chunk: 866 kB, 298 kB gzipped) to a client that accepts it
    app.use('/*', cacheHeader);
    app.use('/assets/*', compress());
    app.use('/*', serveStatic({ root }));
    app.get('*', serveStatic({ root, path: 'index.html' }));
  }
  app.notFound((c) => c.json(new ApiError(404, 'not_found', `nothing at ${c.req.path}`).toJSON(), 404));
  return app;
}

/**
 * Vite names what it builds into assets/ by content: a browser keeps those a year without asking
 * again (and keeps their compiled code), so a reload fetches and compiles no JavaScript. The page
 * itself is asked for each time, so a new build is seen at once. (Set after the file is served:
 * the API's routes come first and never reach this.)
 */
const cacheHeader: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.res.ok) c.header('Cache-Control', c.req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
};
