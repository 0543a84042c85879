/**
 * @module http/routeRules
 * Exceptions to the request rules that every `/api/*` route follows by default: a body of at most
 * 64 KiB, and state-changing requests as `application/json` only. A route that takes a file
 * upload (e.g. an office's CSV/XLSX export) is listed here with its larger limit and its body
 * types; the Origin check applies to it all the same. The lists are passed to `createApp`.
 *
 * @example
 * const rules: RouteRule[] = [{ path: '/api/imports/upload', maxBodyBytes: 512 * MiB, bodyTypes: ['multipart/form-data'] }];
 */

export const KiB = 1024;
export const MiB = 1024 * KiB;

/** Every body, unless a rule says otherwise: JSON requests of the dashboard are a few KiB. */
export const DEFAULT_MAX_BODY_BYTES = 64 * KiB;

export interface RouteRule {
  /** The route's path (a prefix: `/api/imports` covers `/api/imports/upload`). */
  readonly path: string;
  readonly maxBodyBytes?: number;
  /** Media types this route's state-changing requests may carry besides application/json. */
  readonly bodyTypes?: readonly string[];
}

/** The rule whose path is the longest prefix of `path`, if any. */
export function ruleFor(rules: readonly RouteRule[], path: string): RouteRule | undefined {
  let best: RouteRule | undefined;
  for (const rule of rules) {
    const under = path === rule.path || path.startsWith(rule.path.endsWith('/') ? rule.path : `${rule.path}/`);
    if (under && (!best || rule.path.length > best.path.length)) best = rule;
  }
  return best;
}
