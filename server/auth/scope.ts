/**
 * @module auth/scope
 * What a request may see. `county` sees everything; a township user sees only their township
 * codes. Every query path resolves its `township` parameter through `checkScope`, on the server,
 * so a township user can never get another township's figures — not by `township=all`, a comma
 * list or a ranking (which is filtered to their townships).
 */
import { Forbidden } from '../errors/domain.ts';

export type Scope = { readonly kind: 'county' } | { readonly kind: 'townships'; readonly codes: ReadonlySet<string> };

export const COUNTY_SCOPE: Scope = { kind: 'county' };

export function townshipScope(codes: Iterable<string>): Scope {
  return { kind: 'townships', codes: new Set(codes) };
}

export function inScope(scope: Scope, code: string): boolean {
  return scope.kind === 'county' || scope.codes.has(code);
}

/** Throws 403 when any requested code (or `all`) lies outside the scope. */
export function checkScope(scope: Scope, requested: readonly string[], parameter = 'township'): void {
  if (scope.kind === 'county') return;
  const outside = requested.filter((code) => !scope.codes.has(code));
  if (outside.length === 0) return;
  const allowed = [...scope.codes].join(', ');
  const what = outside.includes('all') ? 'county-wide figures (all)' : `township ${outside.join(', ')}`;
  throw new Forbidden('out_of_scope', `${parameter}: your account may see ${allowed} only, not ${what}`, { parameter, allowed: [...scope.codes] });
}
