/**
 * @module disclosure/planningTable
 * A township account's planning table under small-cell suppression. Its observed column quotes
 * counts of the base year: births (the births cell of that year) and each planning group, a sum
 * of the published resident pyramid's cells; a figure is shown only where every cell it is made
 * of is. The jump-off sentence quotes the base year's and the pooled years' births and the base
 * year's women, so it is shown only where all of those are. Projected columns are the model's
 * figures, not counts (as in disclosure/projection.ts).
 */
import { PLANNING_GROUPS } from '../../common/planningGroups.ts';
import type { PlanningTable } from '../projection/planningTable.ts';
import { cellKey } from './cells.ts';
import { SINGLE_AGES } from './families/population.ts';
import type { Pattern } from './pattern.ts';

/** The table with its withheld figures null (its values and jump-off are nullable already). */
export function disclosePlanningTable(table: PlanningTable, pattern: Pattern): PlanningTable {
  const t = table.scope;
  const base = String(table.baseYear);
  const births = (year: number) => cellKey('births', t, String(year));
  const resident = (sex: 'M' | 'F', lo: number, hi: number) =>
    SINGLE_AGES.slice(lo, hi + 1).map((A) => cellKey('population', t, base, { C: 'resident', S: sex, A }));
  const cellsOf = (id: string): string[] => {
    const g = PLANNING_GROUPS.find((p) => p.id === id);
    if (!g?.ages) return [births(table.baseYear)];
    const [lo, hi] = g.ages;
    return g.sex === 'F' ? resident('F', lo, hi) : [...resident('M', lo, hi), ...resident('F', lo, hi)];
  };
  const hidden = (keys: readonly string[]) => keys.some((k) => pattern.hides(k));
  const jump = table.jumpOff;
  const jumpCells = jump ? [births(jump.baseYear), ...jump.pooledYears.map(births), ...resident('F', 15, 49)] : [];
  return {
    ...table,
    rows: table.rows.map((r) => {
      if (!hidden(cellsOf(r.group))) return r;
      return { ...r, values: r.values.map((v, i) => (table.columns[i]?.scenario === 'observed' ? null : v)) };
    }),
    jumpOff: jump && hidden(jumpCells) ? null : jump,
  };
}
