/**
 * @module disclosure/rows
 * Applies a township's suppression pattern to the rows of an answer: a row whose events cell is
 * suppressed keeps only what names it (township, period, keys) and says `suppressed: true`; any
 * other figure made from a suppressed cell becomes null; a comparison's `previous`, `change` and
 * `change_pct` follow the cells of the period compared with. SRB rows, the SRB ranking (a span's
 * pooled counts are shown only when every year of the span is) and the map go the same way.
 */
import { comparedSpan, labelOf } from '../indicators/periods.ts';
import type { IndicatorQuery, IndicatorRow } from '../indicators/types.ts';
import type { BirthOrderFilter } from '../srb/srbRows.ts';
import type { Calendar } from './calendar.ts';
import { cellKey } from './cells.ts';
import { rowCells, type RowCells } from './indicatorCells.ts';
import type { Pattern } from './pattern.ts';

/** Fields that name a row rather than count anything. */
export const NAMING_FIELDS = new Set(['township', 'period', 'small', 'order', 'age', 'sex', 'group', 'kind', 'origin', 'name', 'rank', 'suppressed', 'span', 'funnel']);
const COMPARE_FIELDS = ['previous', 'change', 'change_pct'];

export type Patterns = ReadonlyMap<string, Pattern>;

const anyIn = (keys: readonly string[], pattern: Pattern) => keys.some((k) => pattern.hides(k));

/** A row with only its names, for a suppressed events cell. */
function masked<R extends Record<string, unknown>>(row: R): R {
  const out: Record<string, unknown> = { suppressed: true };
  for (const [k, v] of Object.entries(row)) out[k] = NAMING_FIELDS.has(k) ? v : null;
  return out as R;
}

/** Applies `cells` to one row. */
export function discloseRow<R extends Record<string, unknown>>(row: R, cells: RowCells, pattern: Pattern): R {
  if (anyIn(cells.events, pattern)) return masked(row);
  const out: Record<string, unknown> = { ...row };
  for (const [field, keys] of Object.entries(cells.fields)) if (field in out && anyIn(keys, pattern)) out[field] = null;
  return out as R;
}

export function discloseIndicatorRows(indicator: string, rows: readonly IndicatorRow[], query: IndicatorQuery, cal: Calendar, patterns: Patterns): IndicatorRow[] {
  return rows.map((row) => {
    const pattern = patterns.get(row.township);
    if (!pattern) throw new Error(`no suppression pattern for township ${row.township}`);
    const cells = rowCells(indicator, row, query, cal);
    const out = discloseRow(row, cells, pattern);
    if (!COMPARE_FIELDS.some((f) => f in row) || out.suppressed) return out;
    const span = query.compare === 'none' ? undefined : query.spans.find((x) => labelOf(x) === row.period);
    const compared = span && query.compare !== 'none' ? comparedSpan(span, query.compare) : null;
    const before = compared ? rowCells(indicator, row, query, cal, labelOf(compared)) : null;
    if (!before || anyIn(before.events, pattern) || anyIn(before.fields.value ?? [], pattern) || out.value === null) {
      for (const f of COMPARE_FIELDS) if (f in out) out[f] = null;
    }
    return out;
  });
}

interface SrbLike extends IndicatorRow { male: number | null; female: number | null }

const SRB_FIGURES = ['value', 'numerator', 'denominator', 'srb', 'lo', 'hi', 'flag', 'smoothed', 'smoothed_lo', 'smoothed_hi'];

function srbCells(birthCells: readonly string[], maleCells: readonly string[], femaleCells: readonly string[]): RowCells {
  const bySex = [...maleCells, ...femaleCells];
  return {
    events: birthCells,
    fields: { births: birthCells, male: maleCells, female: femaleCells, shrinkage: [], ...Object.fromEntries(SRB_FIGURES.map((f) => [f, bySex])) },
  };
}

const R = (residence: IndicatorQuery['residence']) => (residence === 'all' ? '*' : residence);
const O = (order: BirthOrderFilter) => (order === 'all' ? '*' : order === '3+' ? '3' : order);

/** SRB rows of `GET /api/srb` (one period each). */
export function discloseSrbRows<T extends SrbLike>(rows: readonly T[], query: IndicatorQuery, order: BirthOrderFilter, patterns: Patterns): T[] {
  return rows.map((row) => {
    const key = (S?: string) => cellKey('births', row.township, row.period, { R: R(query.residence), O: O(order), S });
    return discloseRow(row, srbCells([key()], [key('M')], [key('F')]), patterns.get(row.township)!);
  });
}

/** SRB ranking rows (a span of years pooled): shown only where every year of the span is. */
export function discloseRankingRows<T extends SrbLike>(rows: readonly T[], query: Pick<IndicatorQuery, 'from' | 'to' | 'residence'>, order: BirthOrderFilter, patterns: Patterns): T[] {
  const years = Array.from({ length: query.to - query.from + 1 }, (_, i) => String(query.from + i));
  return rows.map((row) => {
    const keys = (S?: string) => years.map((y) => cellKey('births', row.township, y, { R: R(query.residence), O: O(order), S }));
    return discloseRow(row, srbCells(keys(), keys('M'), keys('F')), patterns.get(row.township)!);
  });
}

/** The map's registered population at 31 Dec of `year`, for the townships that have a pattern. */
export function discloseMapRows<T extends { township: string; value: number | null }>(rows: readonly T[], year: number, patterns: Patterns): T[] {
  return rows.map((row) => {
    const pattern = patterns.get(row.township);
    if (!pattern || row.value === null) return row;
    return pattern.hides(cellKey('population', row.township, String(year), { C: 'registered' })) ? { ...row, value: null, suppressed: true } : row;
  });
}
