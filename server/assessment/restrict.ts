/**
 * @module assessment/restrict
 * A township account's view of the scorecard: its own townships, and the SRB item without the
 * smoothed ratio and interval. Smoothing shrinks each township toward a prior fitted across every
 * township (srb/srbRows.ts), which a township account may not see — as on the 性别比 page, it gets
 * the raw ratio and its Wilson interval. The score, which the county's scheme computes from the
 * smoothed interval, is the township's own official result and stays.
 *
 * @example
 * const shown = restrictAssessment(answer.townships, who.scope);
 */
import type { Scope } from '../auth/scope.ts';
import { inScope } from '../auth/scope.ts';
import type { TownshipResult } from './score.ts';

export function restrictAssessment(townships: readonly TownshipResult[], scope: Scope): TownshipResult[] {
  const own = townships.filter((t) => inScope(scope, t.township));
  if (scope.kind === 'county') return own;
  return own.map((t) => ({
    ...t,
    items: t.items.map((i) => (i.kind !== 'srb' ? i : { ...i, value: null, fields: { ...i.fields, smoothed_lo: null, smoothed_hi: null } })),
  }));
}
