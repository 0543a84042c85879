/**
 * @module errors/domain
 * What domain code throws when it refuses a request: a kind (what went wrong, in the domain's
 * terms), a stable machine code and a message written for a planner. Domain modules know nothing
 * of HTTP; the HTTP layer maps the kind to a status (http/errors.ts), the CLI prints the message.
 *
 * @example
 * throw new Invalid('bad_parameter', 'year: must be between 2000 and 2024', { parameter: 'year' });
 * throw new Forbidden('out_of_scope', 'scope: your account may project 110101001 only');
 */

/** invalid: the request is wrong; forbidden: not for this account; not_found: no such thing;
 * conflict: the data cannot answer it; unavailable: not now (busy, shutting down). */
export type DomainErrorKind = 'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'unavailable';

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  constructor(
    readonly code: string,
    message: string,
    /** Extra fields for the answer: `parameter` names the input at fault, `retryAfterSeconds` says when to come back. */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

/** One class per kind: `instanceof` and the kind agree, and the HTTP layer maps the kind (http/errors.ts). */
export class Invalid extends DomainError { override readonly name = 'Invalid'; readonly kind = 'invalid'; }
export class Forbidden extends DomainError { override readonly name = 'Forbidden'; readonly kind = 'forbidden'; }
export class NotFound extends DomainError { override readonly name = 'NotFound'; readonly kind = 'not_found'; }
export class Conflict extends DomainError { override readonly name = 'Conflict'; readonly kind = 'conflict'; }
export class Unavailable extends DomainError { override readonly name = 'Unavailable'; readonly kind = 'unavailable'; }

const BY_KIND: Record<DomainErrorKind, new (code: string, message: string, details?: Readonly<Record<string, unknown>>) => DomainError> = {
  invalid: Invalid, forbidden: Forbidden, not_found: NotFound, conflict: Conflict, unavailable: Unavailable,
};

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}

/** A domain error as plain data, to cross a worker thread's boundary (workers/worker.ts). */
export interface DomainErrorData { kind: DomainErrorKind; code: string; message: string; details: Record<string, unknown> }

export function domainErrorData(e: DomainError): DomainErrorData {
  return { kind: e.kind, code: e.code, message: e.message, details: { ...e.details } };
}

export function domainErrorFrom(data: DomainErrorData): DomainError {
  return new BY_KIND[data.kind](data.code, data.message, data.details);
}

/** The usual refusal of one input: `bad_parameter`, the message led by the parameter's name. */
export function badParameter(parameter: string, message: string): Invalid {
  return new Invalid('bad_parameter', `${parameter}: ${message}`, { parameter });
}
