/**
 * @module auth/middleware
 * Access control for `/api/*`. It is on as soon as the user file holds a user, and it stays on
 * for the life of the server: a user file that later goes missing, is emptied or cannot be read
 * makes every route but `/api/health` answer 503 with the reason — never a fall back to the open,
 * local-admin mode. (`serve` refuses to listen beyond loopback without users, and an app created
 * with `closed: true` starts on.) A request carries `Authorization: Bearer <token>` (checked by
 * auth/tokens.ts, rate-limited per client and user id: 429 with Retry-After) or the session
 * cookie from a login; a removed user is refused at the next request. Health, login and the
 * session query stay open.
 */
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AuditLog } from '../http/audit.ts';
import { ApiError } from '../http/errors.ts';
import { clientAddress, type NetworkConfig } from '../http/network.ts';
import { LOCAL_ADMIN, principalOf, type AppEnv } from './principal.ts';
import { SESSION_COOKIE, type Sessions } from './sessions.ts';
import type { TokenVerifier, Verdict } from './tokens.ts';
import type { UserStore } from './users.ts';

const OPEN = new Set(['/api/health', '/api/login', '/api/session']);

export interface AccessOptions {
  readonly users: UserStore | null;
  readonly verifier: TokenVerifier | null;
  readonly sessions: Sessions;
  readonly network: NetworkConfig;
  readonly audit: AuditLog;
  /** Start with access control on even while the user file has no user (a server beyond loopback). */
  readonly closed?: boolean;
}

export function tooManyAttempts(verdict: Extract<Verdict, { reason: 'rate_limited' }>): ApiError {
  return new ApiError(429, 'too_many_attempts',
    `too many failed attempts: wait ${verdict.retryAfterSeconds} s before trying again`, { retryAfterSeconds: verdict.retryAfterSeconds });
}

export function accessControl(options: AccessOptions): MiddlewareHandler<AppEnv> {
  let closed = options.closed ?? false;
  return async (c, next) => {
    const state = options.users?.state() ?? { kind: 'none' as const };
    if (state.kind !== 'none') closed = true;
    if (!closed) {
      c.set('principal', LOCAL_ADMIN);
      return next();
    }
    if (state.kind !== 'users') {
      if (c.req.path === '/api/health') return next();
      const why = state.kind === 'broken' ? state.message : `${options.users?.file ?? 'the user file'} has no users (it was removed or emptied)`;
      throw new ApiError(503, 'access_control_unavailable',
        `access control cannot be checked: ${why}. Restore the user file from its backup (or add a user with renkou user add); nothing is served until then.`);
    }
    const header = c.req.header('authorization');
    let userId: string | null = null;
    if (header?.startsWith('Bearer ') && options.verifier) {
      const client = clientAddress(c, options.network);
      const verdict = await options.verifier.verify(header.slice(7).trim(), client);
      if (verdict.ok) userId = verdict.user.id;
      else if (verdict.reason === 'rate_limited') throw tooManyAttempts(verdict);
      else options.audit.record('login_failed', null, { via: 'bearer', client, path: c.req.path });
    } else if (!header) {
      const session = getCookie(c, SESSION_COOKIE);
      userId = session ? options.sessions.userId(session) : null;
    }
    const user = userId ? options.users?.byId(userId) ?? null : null;
    if (user) c.set('principal', principalOf(user));
    if (!user && !OPEN.has(c.req.path)) {
      throw new ApiError(401, 'unauthorized', header ? 'the access token is not valid (or its user was removed)' : 'log in first: send Authorization: Bearer <token>');
    }
    return next();
  };
}
