/**
 * @module answer/cacheMiddleware
 * Repeated GET answers come from the answer cache (answer/cache.ts) instead of being computed
 * again, with a strong `ETag` and `304 Not Modified` when the browser already holds them, and
 * gzipped (once, when stored) for a browser that accepts it.
 *
 * Only answers that went through the pipeline are stored: `respond` (answer/respond.ts) marks the
 * request `published`, so a route that answers any other way (a download, a report with its
 * audit record, an error) is never cached. The key is everything an answer may depend on besides
 * the epoch: the path, the query parameters in canonical order, JSON or Arrow, and the asker —
 * their role, their scope (a township account's codes) and whether small cells are suppressed for
 * them — so an answer is never shared across scopes. Answers are `Cache-Control: private,
 * no-cache`: a browser keeps them but asks again each time, and gets a 304 while nothing changed.
 *
 * @example
 * api.use('*', cacheAnswers({ cache, db, config }));
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';
import { schemeInForce } from '../assessment/scheme.ts';
import { principal, type AppEnv, type Principal } from '../auth/principal.ts';
import type { AnalyticsConfig } from '../config.ts';
import type { Database } from '../db/Database.ts';
import { wantsArrow } from '../http/respond.ts';
import type { AnswerCache, CachedAnswer } from './cache.ts';
import { suppresses } from './pipeline.ts';

export interface CacheOptions {
  readonly cache: AnswerCache;
  readonly db: Database;
  readonly config: AnalyticsConfig;
}

/** How every cacheable answer may be kept by the browser: privately, and revalidated on each use. */
const CACHE_CONTROL = 'private, no-cache';

/**
 * What answers depend on besides the request: the database generation, the admins' target edits
 * and the 考核 scheme file in force (its path and modification time).
 */
export async function epochOf(db: Database, config: AnalyticsConfig): Promise<string> {
  const scheme = schemeInForce(db.path);
  return `${await db.generation()}|${config.targets.revision()}|${scheme.file}|${scheme.mtimeMs}`;
}

/** Who an answer is for, as far as it can differ: role, scope (a township account's codes) and small-cell suppression. */
export function scopeKey(who: Principal, config: AnalyticsConfig): string {
  const scope = who.scope.kind === 'county' ? 'county' : [...who.scope.codes].sort().join(',');
  return `${who.role}|${scope}|${suppresses({ config, who }) ? 'suppressed' : 'shown'}`;
}

function keyOf(c: Context<AppEnv>, config: AnalyticsConfig): string {
  const url = new URL(c.req.url);
  const params = [...url.searchParams].sort(([a, x], [b, y]) => (a === b ? compare(x, y) : compare(a, b)));
  return JSON.stringify([url.pathname, params, wantsArrow(c) ? 'arrow' : 'json', scopeKey(principal(c), config)]);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when `If-None-Match` names this ETag (weak comparison, as RFC 9110 asks for this header). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

/**
 * Answers smaller than this go as they are: on a county office's network a 64 KB answer takes a
 * few milliseconds, about what unzipping costs the browser, and nearly every dashboard answer is
 * smaller. The ranking and the meta of a province (hundreds of KB) are what gzip is for.
 */
export const GZIP_MIN_BYTES = 64 * 1024;

function acceptsGzip(c: Context<AppEnv>): boolean {
  return /\bgzip\b/i.test(c.req.header('accept-encoding') ?? '');
}

/**
 * The cached bytes, gzipped where the browser accepts it: a province's SRB ranking is 698 KB of
 * JSON and 187 KB gzipped, over a county office's network. The two encodings are two
 * representations, so each has its own strong ETag.
 */
function send(c: Context<AppEnv>, answer: CachedAnswer): Response {
  const gzip = answer.gzip !== null && acceptsGzip(c);
  const etag = gzip ? `${answer.etag.slice(0, -1)}-gz"` : answer.etag;
  const validators = { etag, 'cache-control': CACHE_CONTROL, vary: 'Accept, Accept-Encoding' };
  if (matches(c.req.header('if-none-match'), etag)) return c.body(null, 304, validators);
  if (gzip) return c.body(answer.gzip, 200, { ...answer.headers, ...validators, 'content-encoding': 'gzip' });
  return c.body(answer.body, 200, { ...answer.headers, ...validators });
}

export function cacheAnswers({ cache, db, config }: CacheOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'GET' || cache.maxBytes === 0) return next();
    const epoch = await epochOf(db, config);
    const key = keyOf(c, config);
    const hit = cache.lookup(epoch, key);
    if (hit !== undefined) return send(c, hit);
    await next();
    const res = c.res;
    if (c.get('published') !== true || res.status !== 200 || res.headers.has('set-cookie')) return;
    const body = new Uint8Array(await res.arrayBuffer());
    const headers: Record<string, string> = {};
    res.headers.forEach((value, name) => { headers[name] = value; });
    // Level 1, on the first asker's request path: the province's 698 KB ranking zips to 187 KB in
    // 5.8 ms, against 160 KB in 18.7 ms at zlib's default level 6.
    const gzip = body.byteLength >= GZIP_MIN_BYTES ? new Uint8Array(gzipSync(body, { level: 1 })) : null;
    const answer: CachedAnswer = { body, headers, etag: `"${createHash('sha1').update(body).digest('base64url')}"`, gzip };
    cache.store(epoch, key, answer);
    c.res = undefined; // replaced, not merged with the consumed response's headers
    c.res = send(c, answer);
  };
}
