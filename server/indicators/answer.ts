/**
 * @module indicators/answer
 * Computes one indicator for a validated query: widens the years by one when a comparison needs
 * the period before, adds the change, then keeps the periods asked for.
 */
import type { AnalyticsConfig } from '../config.ts';
import type { Database } from '../db/Database.ts';
import { ApiError } from '../errors.ts';
import type { Catalog } from './catalog.ts';
import { withChange } from './compare.ts';
import type { IndicatorDef, IndicatorQuery, IndicatorRow } from './types.ts';

export interface IndicatorAnswer {
  indicator: string;
  unit: string;
  name: IndicatorDef['name'];
  query: IndicatorQuery;
  rows: IndicatorRow[];
}

/** The 4-digit year in a period label (`SY2024` → 2024, `2024Q1` → 2024). */
export function periodYear(label: string): number {
  return Number(/\d{4}/.exec(label)?.[0]);
}

export async function answerIndicator(
  db: Database, def: IndicatorDef, query: IndicatorQuery, data: Catalog, config: AnalyticsConfig,
): Promise<IndicatorAnswer> {
  if (!def.periods.includes(query.period)) {
    throw new ApiError(400, 'bad_parameter', `period: ${def.id} is measured at ${def.periods.join(' / ')} only`, { parameter: 'period' });
  }
  const widened = query.compare === 'none' ? query : { ...query, from: Math.max(data.firstYear, query.from - 1) };
  let rows = await def.compute({ db, query: widened, smallCell: config.smallCell, targets: config.targets });
  if (query.compare !== 'none') rows = withChange(rows, def.keys, query.period, query.compare);
  rows = rows.filter((r) => periodYear(r.period) >= query.from);
  return { indicator: def.id, unit: def.unit, name: def.name, query, rows };
}
