/**
 * @module validate
 * Query-string and JSON-body validation at the edge with zod: a failure becomes a 400 ApiError
 * naming the parameter and what is allowed.
 *
 * @example
 * app.get('/x', query(z.object({ year: z.coerce.number().int() })), (c) => c.json(c.req.valid('query')));
 */
import { zValidator } from '@hono/zod-validator';
import type { z, ZodType } from 'zod';
import { ApiError } from './errors.ts';
import { parseJsonBody } from './jsonBody.ts';

export function query<T extends ZodType>(schema: T) {
  return zValidator('query', schema, (result) => {
    if (result.success) return;
    const issue = result.error.issues[0];
    const parameter = issue?.path.join('.') || 'query';
    throw new ApiError(400, 'bad_parameter', `${parameter}: ${issue?.message ?? 'invalid'}`, { parameter });
  });
}

/** Parses a JSON request body strictly (http/jsonBody.ts: duplicate keys refused) with a schema: a failure is a 400 naming the field. */
export async function jsonBody<T extends ZodType>(schema: T, request: Request): Promise<z.infer<T>> {
  return parseJsonBody(schema, await request.text());
}
