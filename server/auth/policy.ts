/**
 * @module auth/policy
 * What a township user's rows may carry. With small-cell suppression on, a cell computed from
 * fewer events than the threshold loses its figures (value, numerator, denominator and any
 * count or interval fields become null) and says `suppressed: true`; county users keep the
 * `small` marker only.
 */
import type { AnalyticsConfig } from '../config.ts';
import type { Principal } from './principal.ts';

const KEEP = new Set(['township', 'period', 'small', 'order', 'age', 'sex', 'group', 'kind', 'origin', 'name', 'rank', 'target']);

export function applySmallCellPolicy<R extends { small: boolean }>(rows: R[], who: Principal, config: AnalyticsConfig): R[] {
  if (!config.suppressSmall || who.scope.kind === 'county') return rows;
  return rows.map((row) => {
    if (!row.small) return row;
    const masked: Record<string, unknown> = { suppressed: true };
    for (const [k, v] of Object.entries(row)) masked[k] = KEEP.has(k) ? v : null;
    return masked as R;
  });
}
