/**
 * @module auth/adminsOnly
 * Middleware refusing anyone but an admin (403 `admin_only`, with a message naming what only an
 * admin may do). It runs before body validation, so a refusal never depends on what was sent.
 *
 * @example
 * app.post('/targets', adminsOnly('只有管理员可以修改目标 (only admins may change targets)'), json(setBody), …);
 */
import { createMiddleware } from 'hono/factory';
import { ApiError } from '../http/errors.ts';
import { principal, type AppEnv } from './principal.ts';

export function adminsOnly(message: string) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (principal(c).role !== 'admin') throw new ApiError(403, 'admin_only', message);
    await next();
  });
}
