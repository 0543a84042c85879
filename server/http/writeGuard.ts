/**
 * @module http/writeGuard
 * State-changing requests (POST, PUT, PATCH, DELETE) come from Renkou's own pages or from API
 * clients, never from another site: a browser's `Origin` (or `Sec-Fetch-Site`) must name Renkou
 * itself — another port of the same host is another origin — and the body must be
 * `application/json`, which no cross-site form can send without the browser asking first. A
 * request with neither header comes from a program, not a browser, and carries no victim's cookie.
 * A route rule (http/routeRules.ts) may allow other body types, e.g. a file upload.
 *
 * @example
 * api.use('*', guardWrites(network, rules));
 */
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors.ts';
import { ownOrigins, type NetworkConfig } from './network.ts';
import { ruleFor, type RouteRule } from './routeRules.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

export function guardWrites(network: NetworkConfig, rules: readonly RouteRule[] = []): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    const site = c.req.header('sec-fetch-site');
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      throw new ApiError(403, 'cross_site_request', `a ${c.req.method} from another site (${site}) is refused: changes are made from Renkou's own pages only`);
    }
    const origin = c.req.header('origin');
    if (origin !== undefined && !ownOrigins(c, network).includes(origin)) {
      throw new ApiError(403, 'cross_site_request',
        `a ${c.req.method} from ${origin.slice(0, 100)} is refused: changes are made from Renkou's own pages only (behind a proxy, set RENKOU_PUBLIC_ORIGIN)`);
    }
    const type = mediaType(c.req.header('content-type'));
    const allowed = ['application/json', ...(ruleFor(rules, c.req.path)?.bodyTypes ?? [])];
    if (!allowed.includes(type)) {
      throw new ApiError(415, 'unsupported_media_type', `send Content-Type: ${allowed.join(' or ')}${type ? `, not ${type.slice(0, 60)}` : ''}`);
    }
    return next();
  };
}
