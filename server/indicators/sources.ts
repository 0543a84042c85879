/**
 * @module indicators/sources
 * The named queries behind the indicators, with their parameters bound from the validated query.
 * Each returns typed rows; indicators combine them in TypeScript.
 */
import { monthText, spanInfo, type PeriodSpan } from './periods.ts';
import type { IndicatorContext, ResidenceFilter } from './types.ts';
import type { Params } from '../db/bind.ts';
import { MAX_AGE } from '../../contract/tables.ts';

export function residencesOf(filter: ResidenceFilter): string[] {
  return filter === 'all' ? ['registered', 'migrant'] : [filter];
}

/**
 * The periods as bound lists: every month of every span with the span's label (`pm_month`,
 * `pm_label`: a month in several spans appears once for each; `labels` may name spans otherwise,
 * one label for several spans pooling them), and one entry per span with its
 * length, midpoint and last month (`p_label`, `p_months`, `p_mid`, `p_end_month`).
 */
export function periodParams(spans: readonly PeriodSpan[], labels: readonly string[] = spans.map((s) => spanInfo(s).label)) {
  const pm_month: string[] = [];
  const pm_label: string[] = [];
  const infos = spans.map(spanInfo);
  spans.forEach((span, i) => {
    for (let m = span.start; m < span.start + span.months; m++) {
      pm_month.push(`${monthText(m)}-01`);
      pm_label.push(labels[i]!);
    }
  });
  return {
    pm_month, pm_label,
    p_label: infos.map((p) => p.label), p_months: infos.map((p) => p.months), p_mid: infos.map((p) => p.midYear), p_end_month: infos.map((p) => p.endMonth),
  };
}

/**
 * Mid-period population per `township|period`: person-years ÷ the span's length in years. Crude
 * rates (births, marriages per 1000) divide by it, so over part of a year they are period rates —
 * a planner's 1–6月出生率 — not annualised; over a whole year both are the same.
 */
export function midPopulation(exposure: readonly ExposureCell[], spans: readonly PeriodSpan[]): Map<string, number> {
  const months = new Map(spans.map((s) => [spanInfo(s).label, s.months]));
  const out = new Map<string, number>();
  for (const r of exposure) {
    const key = `${r.township}|${r.period}`;
    out.set(key, (out.get(key) ?? 0) + (r.person_years * 12) / (months.get(r.period) ?? 12));
  }
  return out;
}

function baseParams(context: IndicatorContext) {
  const q = context.query;
  return { townships: q.townships, from: q.from, to: q.to, residences: residencesOf(q.residence), ...periodParams(q.spans) };
}

export interface BirthCell { township: string; period: string; residence: string; sex: string; birth_order: number; policy_status: string; hospital: boolean | null; n: number }
export interface AgeCell { township: string; period: string; age: number; n: number }
export interface ExposureCell { township: string; period: string; sex: string; age: number; person_years: number }
export interface MarriageCell { township: string; period: string; remarriage: boolean; n: number }
export interface MarriagePersonCell { township: string; period: string; sex: string; first_marriage: boolean; age: number; n: number }
export interface StockCell { township: string; period: string; direction: string; sex: string; cert: boolean; w1549: boolean; n: number }
export interface OriginCell { township: string; period: string; direction: string; origin: string; n: number }
export interface FlowCell { township: string; period: string; direction: string; event: 'arrival' | 'departure'; sex: string; n: number }
export interface StructureCell extends StructureTotal { sex: string; age: number }
export interface StructureTotal { township: string; period: string; registered: number; migrant_in: number; migrant_out: number }

/**
 * Runs `sql/<name>.sql` with the query's parameters (and `fixed` ones), once per report render
 * when the context shares a {@link CellCache}.
 */
function cellsOf<T>(name: string, fixed: Params = {}) {
  return (c: IndicatorContext): Promise<T[]> => {
    const params = { ...baseParams(c), ...fixed };
    return c.cells ? c.cells.get(name, params, () => c.db.query<T>(name, params)) : c.db.query<T>(name, params);
  };
}

export const sources = {
  births: cellsOf<BirthCell>('indicators/births'),
  birthsByAge: cellsOf<AgeCell>('indicators/births_by_age'),
  /** Person-years by sex and single age. */
  exposure: cellsOf<ExposureCell>('indicators/exposure', { by_age: true, sexes: ['M', 'F'], age_from: 0, age_to: MAX_AGE }),
  /** Person-years of each township and period (sex and age null): what crude rates divide by. */
  exposureTotals: cellsOf<ExposureCell>('indicators/exposure', { by_age: false, sexes: ['M', 'F'], age_from: 0, age_to: MAX_AGE }),
  /** Women-years by single age 15–49 (fertility). */
  womenYears: cellsOf<ExposureCell>('indicators/exposure', { by_age: true, sexes: ['F'], age_from: 15, age_to: 49 }),
  marriages: cellsOf<MarriageCell>('indicators/marriages'),
  marriagePersons: cellsOf<MarriagePersonCell>('indicators/marriage_persons'),
  migrantStock: cellsOf<StockCell>('indicators/migrant_stock'),
  migrantOrigin: cellsOf<OriginCell>('indicators/migrant_origin'),
  migrantFlow: cellsOf<FlowCell>('indicators/migrant_flow'),
  structure: cellsOf<StructureCell>('indicators/structure'),
  structureTotals: cellsOf<StructureTotal>('indicators/structure_totals'),
};
