/**
 * @module routes/auth
 * `POST /api/login {token}` starts a browser session (HttpOnly, SameSite=Strict cookie, Secure
 * over HTTPS); `POST /api/logout`; `GET /api/session` says who is logged in and whether access
 * control is on.
 * Bodies are strict JSON (http/jsonBody.ts); the Origin check and the JSON-only rule sit in front
 * of every state-changing route (http/writeGuard.ts).
 */
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AuditLog } from '../http/audit.ts';
import { tooManyAttempts } from '../auth/middleware.ts';
import { principal, type AppEnv } from '../auth/principal.ts';
import { SESSION_COOKIE, type Sessions } from '../auth/sessions.ts';
import type { TokenVerifier } from '../auth/tokens.ts';
import type { UserStore } from '../auth/users.ts';
import { ApiError } from '../http/errors.ts';
import { json } from '../http/validate.ts';
import { clientAddress, isHttps, type NetworkConfig } from '../http/network.ts';

const loginBody = z.strictObject({ token: z.string().min(1).max(200) });

export interface AuthRouteOptions {
  readonly users: UserStore | null;
  readonly verifier: TokenVerifier | null;
  readonly sessions: Sessions;
  readonly audit: AuditLog;
  readonly network: NetworkConfig;
}

export function authRoutes({ users, verifier, sessions, audit, network }: AuthRouteOptions) {
  return new Hono<AppEnv>()
    .post('/login', json(loginBody, '{"token": "rk_…"}'), async (c) => {
      const { token } = c.req.valid('json');
      const client = clientAddress(c, network);
      const verdict = verifier ? await verifier.verify(token, client) : null;
      if (verdict && !verdict.ok && verdict.reason === 'rate_limited') throw tooManyAttempts(verdict);
      if (!verdict?.ok) {
        audit.record('login_failed', null, { via: 'login', client });
        throw new ApiError(401, 'bad_token', 'this access token is not valid');
      }
      const user = verdict.user;
      setCookie(c, SESSION_COOKIE, sessions.create(user.id), { httpOnly: true, sameSite: 'Strict', path: '/', secure: isHttps(c, network) });
      audit.record('login', user.name, { role: user.role, client });
      return c.json({ name: user.name, role: user.role, townships: user.townships });
    })

    .post('/logout', (c) => {
      const session = getCookie(c, SESSION_COOKIE);
      if (session) sessions.end(session);
      deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c, network) });
      audit.record('logout', principal(c).name);
      return c.json({ ok: true });
    })

    .get('/session', (c) => {
      const p = c.get('principal');
      const accessControl = users?.state().kind === 'users';
      if (!p || (accessControl && !p.authenticated)) return c.json({ accessControl, user: null });
      return c.json({ accessControl, user: { name: p.name, role: p.role, townships: p.scope.kind === 'county' ? 'all' : [...p.scope.codes] } });
    });
}
