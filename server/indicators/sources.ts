/**
 * @module indicators/sources
 * The named queries behind the indicators, with their parameters bound from the validated query.
 * Each returns typed rows; indicators combine them in TypeScript.
 */
import type { IndicatorContext, ResidenceFilter } from './types.ts';

export function residencesOf(filter: ResidenceFilter): string[] {
  return filter === 'all' ? ['registered', 'migrant'] : [filter];
}

function baseParams(context: IndicatorContext) {
  const q = context.query;
  return { townships: q.townships, from: q.from, to: q.to, period: q.period, residences: residencesOf(q.residence) };
}

export interface BirthCell { township: string; period: string; residence: string; sex: string; birth_order: number; policy_status: string; hospital: boolean | null; n: number }
export interface AgeCell { township: string; period: string; age: number; n: number }
export interface ExposureCell { township: string; period: string; sex: string; age: number; person_years: number }
export interface MarriageCell { township: string; period: string; remarriage: boolean; n: number }
export interface MarriagePersonCell { township: string; period: string; sex: string; first_marriage: boolean; age: number; n: number }
export interface StockCell { township: string; period: string; direction: string; sex: string; cert: boolean; w1549: boolean; n: number }
export interface OriginCell { township: string; period: string; direction: string; origin: string; n: number }
export interface FlowCell { township: string; period: string; direction: string; event: 'arrival' | 'departure'; sex: string; n: number }
export interface StructureCell { township: string; period: string; sex: string; age: number; registered: number; migrant_in: number; migrant_out: number }
export interface PeriodInfo { period: string; period_year: number; start_date: string; end_date: string; months: number; mid_year: number }

export const sources = {
  periods: (c: IndicatorContext) => c.db.query<PeriodInfo>('indicators/periods', { period: c.query.period, from: c.query.from, to: c.query.to }),
  births: (c: IndicatorContext) => c.db.query<BirthCell>('indicators/births', baseParams(c)),
  birthsByAge: (c: IndicatorContext) => c.db.query<AgeCell>('indicators/births_by_age', baseParams(c)),
  exposure: (c: IndicatorContext) => c.db.query<ExposureCell>('indicators/exposure', baseParams(c)),
  marriages: (c: IndicatorContext) => c.db.query<MarriageCell>('indicators/marriages', baseParams(c)),
  marriagePersons: (c: IndicatorContext) => c.db.query<MarriagePersonCell>('indicators/marriage_persons', baseParams(c)),
  migrantStock: (c: IndicatorContext) => c.db.query<StockCell>('indicators/migrant_stock', baseParams(c)),
  migrantOrigin: (c: IndicatorContext) => c.db.query<OriginCell>('indicators/migrant_origin', baseParams(c)),
  migrantFlow: (c: IndicatorContext) => c.db.query<FlowCell>('indicators/migrant_flow', baseParams(c)),
  structure: (c: IndicatorContext) => c.db.query<StructureCell>('indicators/structure', baseParams(c)),
};
