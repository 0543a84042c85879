/**
 * @module http/validate
 * Validation at the edge with zod, as Hono middleware so the route types (and the typed client,
 * contract/client.ts) know the input: `query()` for the query string, `json()` for a strict JSON
 * body (http/jsonBody.ts: duplicate keys refused). A failure is a 400 naming the field.
 *
 * @example
 * app.get('/x', query(z.object({ year: z.coerce.number().int() })), (c) => c.json(c.req.valid('query')));
 * app.post('/y', json(z.strictObject({ token: z.string() }), '{"token": "…"}'), (c) => c.json(c.req.valid('json')));
 */
import { zValidator } from '@hono/zod-validator';
import type { Env, MiddlewareHandler } from 'hono';
import type { z, ZodType } from 'zod';
import { badParameter } from '../errors/domain.ts';
import { firstIssue } from '../errors/zodIssue.ts';
import { parseJsonBody } from './jsonBody.ts';

export function query<T extends ZodType>(schema: T) {
  return zValidator('query', schema, (result) => {
    if (result.success) return;
    // An unknown query parameter is the query's fault as a whole: its message names the key.
    const { path, message } = firstIssue(result.error);
    throw badParameter(path || 'query', message);
  });
}

/**
 * The body as JSON checked against `schema` (`example` shows the shape in the error message).
 * `code` is the refusal's code: `bad_body` unless a route's contract says otherwise.
 */
export function json<T extends ZodType, E extends Env = Env, P extends string = string>(schema: T, example = '{…}', code = 'bad_body'): MiddlewareHandler<E, P, { in: { json: z.input<T> }; out: { json: z.output<T> } }> {
  return async (c, next) => {
    c.req.addValidatedData('json', parseJsonBody(schema, await c.req.text(), example, code) as object);
    await next();
  };
}
