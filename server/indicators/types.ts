/**
 * @module indicators/types
 * The shapes shared by every indicator: the validated query, the rows it answers, and the
 * definition each indicator registers (unit, names and definitions in Chinese and English).
 */
import type { Database } from '../db/Database.ts';
import type { CellCache } from './cellCache.ts';
import type { MonthIndex, PeriodSpan } from './periods.ts';
import type { TargetBook } from '../targets/book.ts';
import { PERIOD_KINDS, RESIDENCE_FILTERS, COMPARE_MODES, AGE_GROUPINGS, DIRECTION_FILTERS } from '../../contract/api.ts';
import type { PeriodKind, ResidenceFilter, CompareMode, AgeGrouping, DirectionFilter, Extra, IndicatorRow, Bilingual } from '../../contract/api.ts';
export { PERIOD_KINDS, RESIDENCE_FILTERS, COMPARE_MODES, AGE_GROUPINGS, DIRECTION_FILTERS };
export type { PeriodKind, ResidenceFilter, CompareMode, AgeGrouping, DirectionFilter, Extra, IndicatorRow, Bilingual };

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

export interface IndicatorContext {
  readonly db: Database;
  readonly query: IndicatorQuery;
  /** Cells computed from fewer events than this are marked `small`. */
  readonly smallCell: number;
  /** The targets in force (file, admin edits, defaults): compliance rows carry theirs. */
  readonly targets: TargetBook;
  /** Query results shared by the blocks of one report render (indicators/cellCache.ts); none for an API request. */
  readonly cells?: CellCache;
}

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
