/**
 * @module http/bodyLimit
 * Every request body is limited before anything reads it — before authentication too, so an
 * open route such as `POST /api/login` cannot be made to read 300 MB. Hono's body-limit middleware
 * does the counting (Content-Length, or the bytes of a chunked body as they arrive); the limit is
 * 64 KiB unless a route rule (http/routeRules.ts) gives its route a larger one.
 *
 * @example
 * app.use('*', limitBodies([{ path: '/api/imports/upload', maxBodyBytes: 512 * MiB }]));
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from './errors.ts';
import { DEFAULT_MAX_BODY_BYTES, KiB, ruleFor, type RouteRule } from './routeRules.ts';

function sized(maxSize: number): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError(413, 'body_too_large', `the request body is larger than this route takes (${Math.round(maxSize / KiB)} KiB)`, { maxBytes: maxSize });
    },
  });
}

export function limitBodies(rules: readonly RouteRule[] = [], defaultMax = DEFAULT_MAX_BODY_BYTES): MiddlewareHandler {
  const limiters = new Map<number, MiddlewareHandler>();
  return (c, next) => {
    // A GET or HEAD has no body to read; asking the request for one would make @hono/node-server
    // build a whole fetch Request (with its AbortSignal) for every dashboard call.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const max = ruleFor(rules, c.req.path)?.maxBodyBytes ?? defaultMax;
    let limiter = limiters.get(max);
    if (!limiter) limiters.set(max, (limiter = sized(max)));
    return limiter(c, next);
  };
}
