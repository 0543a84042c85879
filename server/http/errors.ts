/**
 * @module errors
 * One error type for everything the API refuses: an HTTP status, a stable machine code and a
 * message written for a planner. `app.onError` turns it into JSON; anything else becomes a 500
 * without a stack trace.
 *
 * @example
 * throw new ApiError(400, 'bad_parameter', 'year must be between 2000 and 2024', { parameter: 'year' });
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

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
