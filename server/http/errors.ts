/**
 * @module http/errors
 * One error type for everything the API refuses: an HTTP status, a stable machine code and a
 * message written for a planner. Domain code throws domain errors (errors/domain.ts) without a
 * status; `asApiError` gives each kind its status. `app.onError` turns the result into JSON;
 * anything else becomes a 500 without a stack trace.
 *
 * @example
 * throw new ApiError(404, 'not_found', 'no API route GET /api/x');
 * const answer = asApiError(new Invalid('bad_parameter', 'year: …')); // status 400
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isDomainError, type DomainErrorKind } from '../errors/domain.ts';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }

  toJSON(): { error: { code: string; message: string } & Record<string, unknown> } {
    return { error: { code: this.code, message: this.message, ...this.details } };
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

const STATUS: Record<DomainErrorKind, ContentfulStatusCode> = {
  invalid: 400, forbidden: 403, not_found: 404, conflict: 409, unavailable: 503,
};

/** The API's answer to a refusal, from the HTTP layer or from the domain; null for anything else (a bug: 500). */
export function asApiError(e: unknown): ApiError | null {
  if (isApiError(e)) return e;
  if (isDomainError(e)) return new ApiError(STATUS[e.kind], e.code, e.message, e.details);
  return null;
}
