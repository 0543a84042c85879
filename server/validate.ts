/**
 * @module validate
 * Query-string validation at the edge with zod: a failure becomes a 400 ApiError naming the
 * parameter and what is allowed.
 *
 * @example
 * app.get('/x', query(z.object({ year: z.coerce.number().int() })), (c) => c.json(c.req.valid('query')));
 */
import { zValidator } from '@hono/zod-validator';
import type { ZodType } from 'zod';
import { ApiError } from './errors.ts';

export function query<T extends ZodType>(schema: T) {
  return zValidator('query', schema, (result) => {
    if (result.success) return;
    const issue = result.error.issues[0];
    const parameter = issue?.path.join('.') || 'query';
    throw new ApiError(400, 'bad_parameter', `${parameter}: ${issue?.message ?? 'invalid'}`, { parameter });
  });
}
