/**
 * @module errors/zodIssue
 * The first problem zod found, as the field it concerns and a message: every place that
 * validates input with a schema (query strings, JSON bodies, projection requests, notebook API
 * sources, profiles) reports failures the same way.
 *
 * @example
 * const r = schema.safeParse(body);
 * if (!r.success) { const { field, message } = firstIssue(r.error, 'body'); … }
 */
import type { z } from 'zod';

export interface FirstIssue {
  /** Dotted path of the field, or `whole` when the problem is with the input as a whole. */
  readonly field: string;
  readonly message: string;
  /** The field is not one the schema knows (a strict object's unknown key). */
  readonly unknownKey: boolean;
}

/** `error`: a ZodError (or zod core's, as @hono/zod-validator hands over). */
export function firstIssue(error: { readonly issues: readonly z.core.$ZodIssue[] }, whole: string): FirstIssue {
  const issue = error.issues[0];
  const at = issue?.path.map(String) ?? [];
  const unknownKey = issue?.code === 'unrecognized_keys';
  if (unknownKey) at.push(issue.keys[0] ?? '');
  return { field: at.join('.') || whole, message: issue?.message ?? 'invalid', unknownKey };
}
