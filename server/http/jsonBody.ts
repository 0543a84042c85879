/**
 * @module http/jsonBody
 * Reads a JSON request body strictly and validates it with a zod schema: invalid JSON, a key that
 * appears twice in one object (which a text/plain form can forge into valid-looking JSON) or a
 * schema failure is a 400 naming the field. jsonc-parser walks the text to find duplicate keys;
 * the value itself comes from JSON.parse.
 *
 * @example
 * const { token } = await jsonBody(c, z.strictObject({ token: z.string() }));
 * const raw = await readJson(c, '{"scope": "all"}'); // validated by the caller
 */
import type { Context } from 'hono';
import { visit } from 'jsonc-parser';
import type { z, ZodType } from 'zod';
import { ApiError } from './errors.ts';

function bad(parameter: string, message: string): ApiError {
  return new ApiError(400, 'bad_body', `${parameter}: ${message}`, { parameter });
}

/** The first key that occurs twice within one object, with its path, or null. */
export function duplicateKey(text: string): string | null {
  const open: Set<string>[] = [];
  let found: string | null = null;
  visit(text, {
    onObjectBegin: () => { open.push(new Set()); },
    onObjectEnd: () => { open.pop(); },
    onObjectProperty: (key, _offset, _length, _line, _char, pathSupplier) => {
      const keys = open[open.length - 1];
      if (found === null && keys?.has(key)) found = [...pathSupplier(), key].join('.');
      keys?.add(key);
    },
  }, { disallowComments: true });
  return found;
}

/** The body as a JSON value: invalid JSON or a duplicated key is a 400. */
export async function readJson(c: Context, example = '{…}'): Promise<unknown> {
  return parseJson(await c.req.text(), example);
}

/** A JSON text as a value: invalid JSON or a duplicated key is a 400. */
export function parseJson(text: string, example = '{…}'): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw bad('body', `send a JSON object such as ${example}`);
  }
  const twice = duplicateKey(text);
  if (twice !== null) throw bad(twice, 'this key appears twice; send each key once');
  return value;
}

export async function jsonBody<T extends ZodType>(c: Context, schema: T, example = '{…}'): Promise<z.infer<T>> {
  return parseJsonBody(schema, await c.req.text(), example);
}

/** A JSON text checked against a schema: a failure is a 400 naming the field. */
export function parseJsonBody<T extends ZodType>(schema: T, text: string, example = '{…}'): z.infer<T> {
  const value = parseJson(text, example);
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue?.path.map(String) ?? [];
    if (issue?.code === 'unrecognized_keys') at.push(issue.keys[0] ?? '');
    throw bad(at.join('.') || 'body', issue?.code === 'unrecognized_keys' ? 'is not a field of this request' : issue?.message ?? 'invalid');
  }
  return parsed.data as z.infer<T>;
}
