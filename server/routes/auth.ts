/**
 * @module routes/auth
 * `POST /api/login {token}` starts a browser session (HttpOnly, SameSite=Strict cookie);
 * `POST /api/logout`; `GET /api/session` says who is logged in and whether access control is on;
 * `POST /api/audit/export {what, params}` records a download made in the browser.
 */
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AuditLog } from '../audit.ts';
import { principal, type AppEnv } from '../auth/principal.ts';
import { SESSION_COOKIE, type Sessions } from '../auth/sessions.ts';
import type { UserStore } from '../auth/users.ts';
import { ApiError } from '../errors.ts';
import { jsonBody as body } from '../validate.ts';

const loginBody = z.strictObject({ token: z.string().min(1).max(200) });
const exportBody = z.strictObject({ what: z.string().min(1).max(200), params: z.record(z.string(), z.string().max(2000)).default({}) });

export function authRoutes(users: UserStore | null, sessions: Sessions, audit: AuditLog): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/login', async (c) => {
    const { token } = await body(loginBody, c.req.raw);
    const user = users?.verify(token) ?? null;
    if (!user) {
      audit.record('login_failed', null, { ip: c.req.header('x-forwarded-for') ?? null });
      throw new ApiError(401, 'bad_token', 'this access token is not valid');
    }
    setCookie(c, SESSION_COOKIE, sessions.create(user.id), { httpOnly: true, sameSite: 'Strict', path: '/' });
    audit.record('login', user.name, { role: user.role });
    return c.json({ name: user.name, role: user.role, townships: user.townships });
  });

  app.post('/logout', (c) => {
    const session = getCookie(c, SESSION_COOKIE);
    if (session) sessions.end(session);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    audit.record('logout', principal(c).name);
    return c.json({ ok: true });
  });

  app.get('/session', (c) => {
    const p = c.get('principal');
    const accessControl = (users?.size ?? 0) > 0;
    if (!p || (accessControl && !p.authenticated)) return c.json({ accessControl, user: null });
    return c.json({ accessControl, user: { name: p.name, role: p.role, townships: p.scope.kind === 'county' ? 'all' : [...p.scope.codes] } });
  });

  app.post('/audit/export', async (c) => {
    const { what, params } = await body(exportBody, c.req.raw);
    audit.record('export', principal(c).name, { what, params });
    return c.json({ ok: true });
  });

  return app;
}
