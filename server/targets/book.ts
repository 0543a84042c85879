/**
 * @module targets/book
 * The targets in force: those of the export folder's targets file, the admins' edits on the 目标
 * page, and the defaults. For a measure, a place and a year the most specific target wins — the
 * township's own for that year, its own for every year, the county's for that year, the county's
 * for every year, then the default — and at the same level an edit beats the file (the file is
 * what the county issued; an edit is a later correction made here, with who and when). A count
 * (births) is never the county's for a township: 5,000 births is the county's total.
 *
 * @example
 * const book = new TargetBook(fileTargets, edits);
 * book.find('compliance_registered', '999901101', 2024); // { direction: 'at_least', value: 99, source: 'default', … }
 */
import { MEASURES } from './measures.ts';
import { TARGET_SOURCES as SOURCES, type Target, type TargetSource } from '../../contract/assessment.ts';
export { SOURCES };
export type { Target, TargetSource };


export function targetKey(t: Pick<Target, 'measure' | 'scope' | 'year'>): string {
  return `${t.measure}|${t.scope}|${t.year ?? '*'}`;
}

export class TargetBook {
  private readonly index = new Map<string, Target>();

  constructor(readonly fromFile: readonly Target[], readonly edits: readonly Target[]) {
    for (const t of fromFile) this.index.set(targetKey(t), t);
    for (const t of edits) this.index.set(targetKey(t), t);
  }

  /** The target for a measure, place ('all' or a code) and year; null where none is set and there is no default. */
  find(measure: string, scope: string, year: number): Target | null {
    // a count (出生人数 ≤ 5000) is the county's total: a township has only the one set for itself
    const counts = MEASURES.get(measure)?.unit === 'persons';
    const places = scope === 'all' ? ['all'] : counts ? [scope] : [scope, 'all'];
    for (const place of places) {
      for (const y of [year, null]) {
        const hit = this.index.get(targetKey({ measure, scope: place, year: y }));
        if (hit) return hit;
      }
    }
    const fallback = MEASURES.get(measure)?.fallback;
    return fallback ? { ...fallback, measure, scope: 'all', year: null, source: 'default' } : null;
  }

  /** Every target set (edits replacing file targets of the same measure, place and year). */
  list(): Target[] {
    return [...this.index.values()];
  }
}
