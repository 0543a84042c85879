/**
 * @module indicators/periods
 * The periods planners report in, as spans of whole months: a span is its kind, its first month
 * and its length, and everything else (label, period-year, end, midpoint) follows from those.
 * Calendar `year` (`2024`), statistical year `statyear` (`SY2024` = 2023-10..2024-09), `half`
 * (`2024H1`), `quarter` (`2024Q1`), `month` (`2024-01`), the statistical half-year `stathalf`
 * (`SY2024H1` = 2023-10..2024-03, `SY2024H2` = 2024-04..09), year-to-date `ytd` through month MM
 * (`2024YTD06` = 1 Jan–30 Jun 2024), `rolling` 12 months ending at a month (`R12-2024-06` =
 * 2023-07..2024-06) and any `range` of whole months (`2023-07..2024-06`). The rollups are monthly,
 * so every span is whole months. 同比 (yoy) is the same span a year earlier; 环比 (prev) the span
 * of the same length just before (none for year-to-date, whose length is fixed by the calendar).
 *
 * @example
 * spansFor({ period: 'ytd', from: 2024, to: 2024, through: 6 }); // [{ kind: 'ytd', start: 24288, months: 6 }]
 * labelOf(spansFor({ period: 'ytd', from: 2024, to: 2024, through: 6 })[0]!); // '2024YTD06'
 */
import type { CompareMode, PeriodKind } from './types.ts';

/** A month as one integer: year × 12 + (month − 1). */
export type MonthIndex = number;

export interface PeriodSpan {
  readonly kind: PeriodKind;
  readonly start: MonthIndex;
  readonly months: number;
}

export interface PeriodRequest {
  readonly period: PeriodKind;
  readonly from: number;
  readonly to: number;
  /** Last month (1–12) of `ytd`, or the month a `rolling` span ends at. */
  readonly through?: number | null;
  /** First and last month of a `range`, as month indexes. */
  readonly start?: MonthIndex | null;
  readonly end?: MonthIndex | null;
}

export const monthIndex = (year: number, month: number): MonthIndex => year * 12 + month - 1;
const yearOf = (m: MonthIndex) => Math.floor(m / 12);
const monthOf = (m: MonthIndex) => (m % 12) + 1;
const pad = (n: number) => String(n).padStart(2, '0');
/** `2024-06` for a month index. */
export const monthText = (m: MonthIndex) => `${yearOf(m)}-${pad(monthOf(m))}`;
/** The statistical year a month belongs to (October opens the next one). */
const statYearOf = (m: MonthIndex) => yearOf(m) + (monthOf(m) >= 10 ? 1 : 0);

export function endOf(span: PeriodSpan): MonthIndex {
  return span.start + span.months - 1;
}

export function labelOf(span: PeriodSpan): string {
  const y = yearOf(span.start);
  const m = monthOf(span.start);
  const end = endOf(span);
  switch (span.kind) {
    case 'year': return String(y);
    case 'statyear': return `SY${statYearOf(end)}`;
    case 'half': return `${y}H${m > 6 ? 2 : 1}`;
    case 'quarter': return `${y}Q${Math.ceil(m / 3)}`;
    case 'month': return monthText(span.start);
    case 'stathalf': return `SY${statYearOf(end)}H${m >= 10 || m <= 3 ? 1 : 2}`;
    case 'ytd': return `${y}YTD${pad(span.months)}`;
    case 'rolling': return `R12-${monthText(end)}`;
    case 'range': return `${monthText(span.start)}..${monthText(end)}`;
  }
}

/** The year a span is listed under by `from`/`to`: its statistical year, else the year it ends in. */
export function periodYearOf(span: PeriodSpan): number {
  const end = endOf(span);
  return span.kind === 'statyear' || span.kind === 'stathalf' ? statYearOf(end) : yearOf(end);
}

function perYear(year: number, request: PeriodRequest): PeriodSpan[] {
  const span = (kind: PeriodKind, start: MonthIndex, months: number): PeriodSpan => ({ kind, start, months });
  const jan = monthIndex(year, 1);
  const through = request.through ?? 12;
  switch (request.period) {
    case 'year': return [span('year', jan, 12)];
    case 'statyear': return [span('statyear', jan - 3, 12)];
    case 'half': return [0, 6].map((k) => span('half', jan + k, 6));
    case 'quarter': return [0, 3, 6, 9].map((k) => span('quarter', jan + k, 3));
    // with `through`, the months of 1至N月 of each year (a 1至6月 report's month-by-month comparison)
    case 'month': return Array.from({ length: through }, (_, k) => span('month', jan + k, 1));
    case 'stathalf': return [span('stathalf', jan - 3, 6), span('stathalf', jan + 3, 6)];
    case 'ytd': return [span('ytd', jan, through)];
    case 'rolling': {
      const ends = request.through ? [monthIndex(year, request.through)] : Array.from({ length: 12 }, (_, k) => jan + k);
      return ends.map((end) => span('rolling', end - 11, 12));
    }
    case 'range': return [];
  }
}

/** The spans a request asks for, in time order. */
export function spansFor(request: PeriodRequest): PeriodSpan[] {
  if (request.period === 'range') {
    const { start, end } = request;
    return start === null || start === undefined || end === null || end === undefined ? [] : [{ kind: 'range', start, months: end - start + 1 }];
  }
  const out: PeriodSpan[] = [];
  for (let y = request.from; y <= request.to; y++) out.push(...perYear(y, request));
  return out;
}

/** The span a comparison refers to: a year earlier (yoy), or the same length just before (prev). */
export function comparedSpan(span: PeriodSpan, mode: Exclude<CompareMode, 'none'>): PeriodSpan | null {
  if (mode === 'yoy') return { ...span, start: span.start - 12 };
  if (span.kind === 'ytd') return null;
  return { ...span, start: span.start - span.months };
}

/** Everything SQL needs to know about a span: first and last day, last month, midpoint in fractional years. */
export interface SpanInfo {
  label: string;
  periodYear: number;
  startDate: string;
  endDate: string;
  endMonth: string;
  months: number;
  /** Midpoint as a fractional year (31 Dec of year y = y + 1.0), for the mid-period population. */
  midYear: number;
}

function lastDay(m: MonthIndex): number {
  return new Date(Date.UTC(yearOf(m), monthOf(m), 0)).getUTCDate();
}

export function spanInfo(span: PeriodSpan): SpanInfo {
  const end = endOf(span);
  return {
    label: labelOf(span), periodYear: periodYearOf(span), months: span.months,
    startDate: `${monthText(span.start)}-01`, endDate: `${monthText(end)}-${pad(lastDay(end))}`, endMonth: `${monthText(end)}-01`,
    midYear: span.start / 12 + span.months / 24,
  };
}

/** `2024-06` → month index; null when not a month of that form. */
export function parseMonth(text: string): MonthIndex | null {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? monthIndex(Number(m[1]), month) : null;
}
