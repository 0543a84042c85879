/**
 * @module auth/middleware
 * Access control for `/api/*`: on whenever at least one user exists. A request carries
 * `Authorization: Bearer <token>` or the session cookie from a login; a removed user is refused
 * at the next request because the user file is re-read when it changes. Health and login stay open.
 */
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { ApiError } from '../errors.ts';
import { LOCAL_ADMIN, principalOf, type AppEnv } from './principal.ts';
import { SESSION_COOKIE, type Sessions } from './sessions.ts';
import type { UserStore } from './users.ts';

const OPEN = new Set(['/api/health', '/api/login', '/api/session']);

export function accessControl(users: UserStore | null, sessions: Sessions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!users || users.size === 0) {
      c.set('principal', LOCAL_ADMIN);
      return next();
    }
    const header = c.req.header('authorization');
    let user = header?.startsWith('Bearer ') ? users.verify(header.slice(7).trim()) : null;
    if (!user && !header) {
      const session = getCookie(c, SESSION_COOKIE);
      const id = session ? sessions.userId(session) : null;
      user = id ? users.list().find((u) => u.id === id) ?? null : null;
    }
    if (user) c.set('principal', principalOf(user));
    if (!user && !OPEN.has(c.req.path)) {
      throw new ApiError(401, 'unauthorized', header ? 'the access token is not valid (or its user was removed)' : 'log in first: send Authorization: Bearer <token>');
    }
    return next();
  };
}
