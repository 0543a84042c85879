/**
 * @module indicators/answer
 * Computes one indicator for a validated query: adds the compared periods when a comparison
 * needs them (a year earlier, or the span just before), adds the change, then keeps the periods
 * asked for. Compliance rows carry the target in force (server/targets/).
 */
import type { AnalyticsConfig } from '../config.ts';
import type { Database } from '../db/Database.ts';
import { Invalid } from '../errors/domain.ts';
import { targetBook } from '../targets/load.ts';
import type { Catalog } from './catalog.ts';
import type { CellCache } from './cellCache.ts';
import { withChange } from './compare.ts';
import { comparedSpan, labelOf, monthIndex, type PeriodSpan } from './periods.ts';
import type { IndicatorDef, IndicatorQuery, IndicatorRow } from './types.ts';

export interface IndicatorAnswer {
  indicator: string;
  unit: string;
  name: IndicatorDef['name'];
  query: Omit<IndicatorQuery, 'spans'>;
  rows: IndicatorRow[];
}

/** The 4-digit year in a period label (`SY2024` → 2024, `2024Q1` → 2024). */
export function periodYear(label: string): number {
  return Number(/\d{4}/.exec(label)?.[0]);
}

/** The query's spans plus those they are compared with (within the data), and which label compares with which. */
function withCompared(query: IndicatorQuery, data: Catalog): { spans: PeriodSpan[]; compared: Map<string, string> } {
  const compared = new Map<string, string>();
  if (query.compare === 'none') return { spans: [...query.spans], compared };
  const extra = new Map<string, PeriodSpan>();
  for (const span of query.spans) {
    const before = comparedSpan(span, query.compare);
    if (before === null) {
      throw new Invalid('bad_parameter', `compare: 环比 (prev) has no meaning for year-to-date periods; use compare=yoy (同比)`, { parameter: 'compare' });
    }
    if (before.start < monthIndex(data.firstYear, 1)) continue;
    compared.set(labelOf(span), labelOf(before));
    extra.set(labelOf(before), before);
  }
  const asked = new Set(query.spans.map(labelOf));
  return { spans: [...[...extra.values()].filter((s) => !asked.has(labelOf(s))), ...query.spans].sort((a, b) => a.start - b.start || a.months - b.months), compared };
}

export async function answerIndicator(
  db: Database, def: IndicatorDef, query: IndicatorQuery, data: Catalog, config: AnalyticsConfig, cells?: CellCache,
): Promise<IndicatorAnswer> {
  if (!def.periods.includes(query.period)) {
    throw new Invalid('bad_parameter', `period: ${def.id} is measured at ${def.periods.join(' / ')} only`, { parameter: 'period' });
  }
  const { spans, compared } = withCompared(query, data);
  const widened = { ...query, spans, from: Math.min(query.from, ...spans.map((s) => Math.floor(s.start / 12))) };
  const targets = await targetBook(db, config.targets);
  let rows = await def.compute({ db, query: widened, smallCell: config.smallCell, targets, ...(cells ? { cells } : {}) });
  if (query.compare !== 'none') rows = withChange(rows, def.keys, compared);
  const asked = new Set(query.spans.map(labelOf));
  rows = rows.filter((r) => asked.has(r.period));
  const { spans: _spans, ...echo } = query;
  return { indicator: def.id, unit: def.unit, name: def.name, query: echo, rows };
}
