/**
 * @module errors/zodIssue
 * The first problem zod found, as the field it concerns and a message: every place that
 * validates input with a schema (query strings, JSON bodies, projection requests, notebook API
 * sources) reports failures the same way.
 *
 * @example
 * const r = schema.safeParse(body);
 * if (!r.success) { const { field, message } = firstIssue(r.error); throw badParameter(field || 'body', message); }
 */
import type { z } from 'zod';

export interface FirstIssue {
  /** Dotted path of the object or value at fault ('' for the input as a whole). */
  readonly path: string;
  /** The path with the unknown key, when the fault is a key the schema does not know. */
  readonly field: string;
  readonly message: string;
  readonly unknownKey: boolean;
}

/** `error`: a ZodError (or zod core's, as @hono/zod-validator hands over). */
export function firstIssue(error: { readonly issues: readonly z.core.$ZodIssue[] }): FirstIssue {
  const issue = error.issues[0];
  const at = issue?.path.map(String) ?? [];
  const unknownKey = issue?.code === 'unrecognized_keys';
  const path = at.join('.');
  const field = unknownKey ? [...at, issue.keys[0] ?? ''].join('.') : path;
  return { path, field, message: issue?.message ?? 'invalid', unknownKey };
}
