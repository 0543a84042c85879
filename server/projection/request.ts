/**
 * @module projection/request
 * The body of `POST /api/projections`, validated with zod at the edge; a failure is a 400
 * naming the field. The canonical form (defaults filled, scope sorted, keys sorted) keys the cache.
 *
 * @example
 * const req = parseProjectionRequest({ scope: 'all', scenario: 'low' });
 */
import { z } from 'zod';
import { badParameter } from '../errors/domain.ts';
import { firstIssue } from '../errors/zodIssue.ts';
import { DEFAULTS } from './constants.ts';
import { CustomSchema, ProjectionRequestSchema } from '../../contract/projectionRequest.ts';
import type { ProjectionBody } from '../../contract/projectionRequest.ts';
export { CustomSchema, ProjectionRequestSchema };
export type { ProjectionBody };

/** The validated request with everything resolved but the base year. */
export interface ProjectionRequest {
  readonly scopes: readonly string[];
  readonly baseYear?: number | undefined;
  readonly horizon: number;
  readonly scenario: ProjectionBody['scenario'];
  readonly custom?: z.infer<typeof CustomSchema> | undefined;
  readonly variant: 'deterministic' | 'probabilistic';
  readonly draws: number;
  readonly seed: number;
  readonly pyramids: boolean;
}

function fail(field: string, message: string): never {
  throw badParameter(field, message);
}

/** Any body (the CLI's, a notebook's) checked against the schema, then resolved. */
export function parseProjectionRequest(body: unknown): ProjectionRequest {
  const r = ProjectionRequestSchema.safeParse(body);
  if (!r.success) {
    const { field, message, unknownKey } = firstIssue(r.error);
    fail(field || 'body', unknownKey ? 'is not a field of a projection request' : message);
  }
  return resolveProjectionRequest(r.data);
}

/** A body that passed the schema (the route's json() validator): the rules across fields, and the canonical form. */
export function resolveProjectionRequest(b: ProjectionBody): ProjectionRequest {
  const scopes = [...new Set(typeof b.scope === 'string' ? [b.scope] : b.scope)].sort();
  if (b.custom !== undefined && b.scenario !== 'custom') fail('custom', 'custom assumptions need scenario "custom"');
  if (b.variant === 'probabilistic' && scopes.length !== 1) fail('scope', 'the probabilistic variant is for the county or one township');
  if (b.variant === 'deterministic' && (b.draws !== undefined || b.seed !== undefined)) {
    fail(b.draws !== undefined ? 'draws' : 'seed', 'draws and seed go with variant "probabilistic"');
  }
  return {
    scopes, baseYear: b.baseYear, horizon: b.horizon, scenario: b.scenario, custom: b.custom, variant: b.variant,
    draws: b.variant === 'probabilistic' ? b.draws ?? DEFAULTS.draws : 0,
    seed: b.variant === 'probabilistic' ? b.seed ?? DEFAULTS.seed : 0,
    pyramids: b.pyramids,
  };
}

/** JSON with object keys sorted (arrays keep their order): equal requests give equal strings. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}
