/**
 * @module http/jsonBody
 * Reads a JSON request body strictly and validates it with a zod schema: invalid JSON, a key that
 * appears twice in one object (which a text/plain form can forge into valid-looking JSON) or a
 * schema failure is a 400 naming the field. jsonc-parser walks the text to find duplicate keys;
 * the value itself comes from JSON.parse.
 *
 * @example
 * const { token } = parseJsonBody(z.strictObject({ token: z.string() }), await c.req.text());
 * // in a route: the json() validator of http/validate.ts
 */
import { visit } from 'jsonc-parser';
import type { z, ZodType } from 'zod';
import { ApiError } from './errors.ts';
import { firstIssue } from '../errors/zodIssue.ts';

function bad(parameter: string, message: string, code = 'bad_body'): ApiError {
  return new ApiError(400, code, `${parameter}: ${message}`, { parameter });
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

/** A JSON text checked against a schema: a failure is a 400 (`code`) naming the field. */
export function parseJsonBody<T extends ZodType>(schema: T, text: string, example = '{…}', code = 'bad_body'): z.infer<T> {
  const value = parseJson(text, example);
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const { field, message, unknownKey } = firstIssue(parsed.error);
    throw bad(field || 'body', unknownKey ? 'is not a field of this request' : message, code);
  }
  return parsed.data as z.infer<T>;
}
