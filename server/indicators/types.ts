/**
 * @module indicators/types
 * The shapes shared by every indicator: the validated query, the rows it answers, and the
 * definition each indicator registers (unit, names and definitions in Chinese and English).
 */
import type { Database } from '../db/Database.ts';
import type { MonthIndex, PeriodSpan } from './periods.ts';
import type { TargetBook } from '../targets/book.ts';

export const PERIOD_KINDS = ['year', 'statyear', 'half', 'quarter', 'month', 'stathalf', 'ytd', 'rolling', 'range'] as const;
export const RESIDENCE_FILTERS = ['all', 'registered', 'migrant'] as const;
export const COMPARE_MODES = ['none', 'yoy', 'prev'] as const;
export const AGE_GROUPINGS = ['single', '5'] as const;
export const DIRECTION_FILTERS = ['in', 'out'] as const;

export type PeriodKind = (typeof PERIOD_KINDS)[number];
export type ResidenceFilter = (typeof RESIDENCE_FILTERS)[number];
export type CompareMode = (typeof COMPARE_MODES)[number];
export type AgeGrouping = (typeof AGE_GROUPINGS)[number];
export type DirectionFilter = (typeof DIRECTION_FILTERS)[number];

export interface IndicatorQuery {
  /** Township codes, or 'all' for the county-wide series. */
  readonly townships: readonly string[];
  readonly from: number;
  readonly to: number;
  readonly period: PeriodKind;
  readonly residence: ResidenceFilter;
  readonly compare: CompareMode;
  readonly ages: AgeGrouping;
  readonly direction: DirectionFilter;
  /** `ytd`: the last month (1–12); `rolling`: the month each 12-month span ends at (null: every month). */
  readonly through: number | null;
  /** `range`: first and last month. */
  readonly start: MonthIndex | null;
  readonly end: MonthIndex | null;
  /** The periods computed, in time order (what `period`, `from`, `to`, `through`, `start`, `end` ask for). */
  readonly spans: readonly PeriodSpan[];
}

export type Extra = string | number | boolean | null;

export interface IndicatorRow {
  township: string;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Fewer events than the small-cell threshold: the value is noisy (the UI warns). */
  small: boolean;
  [field: string]: Extra;
}

export interface IndicatorContext {
  readonly db: Database;
  readonly query: IndicatorQuery;
  /** Cells computed from fewer events than this are marked `small`. */
  readonly smallCell: number;
  /** The targets in force (file, admin edits, defaults): compliance rows carry theirs. */
  readonly targets: TargetBook;
}

export interface Bilingual { readonly zh: string; readonly en: string }

export interface IndicatorDef {
  readonly id: string;
  readonly unit: string;
  readonly name: Bilingual;
  readonly definition: Bilingual;
  /** Which of the optional parameters change the answer. */
  readonly uses: readonly ('residence' | 'ages' | 'direction')[];
  /** Period kinds the indicator can be asked for (structure: year-ends only). */
  readonly periods: readonly PeriodKind[];
  /** Extra fields each row carries beside township/period/value/numerator/denominator. */
  readonly fields: readonly string[];
  /** The extra fields that identify a row within a township and period (e.g. `order`, `age`). */
  readonly keys: readonly string[];
  compute(context: IndicatorContext): Promise<IndicatorRow[]>;
}
