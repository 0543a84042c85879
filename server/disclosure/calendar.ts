/**
 * @module disclosure/calendar
 * The months the data covers and every standard period label (month, quarter, half, year,
 * statistical year, statistical half-year) as a run of those months, made from the indicators'
 * own period spans (indicators/periods.ts) once per database generation. Period cells are sums of
 * months, which is what lets the period audit (disclosure/intervals.ts) be exact; other spans (a
 * year to date, rolling 12 months, a range) are read by `spanMonths`.
 */
import type { Database } from '../db/Database.ts';
import { labelOf, monthText, parseMonth, spansFor } from '../indicators/periods.ts';

export interface PeriodSpan {
  readonly kind: string;
  readonly label: string;
  /** Months [from, to) as indexes into `months`. */
  readonly from: number;
  readonly to: number;
}

export interface Calendar {
  /** 'YYYY-MM', in order. */
  readonly months: readonly string[];
  readonly periods: readonly PeriodSpan[];
  readonly byLabel: ReadonlyMap<string, PeriodSpan>;
  /** For each month index, the labels (one per kind) of the periods holding it. */
  readonly labelsOfMonth: readonly (readonly string[])[];
  readonly monthIndex: ReadonlyMap<string, number>;
}

/** The period kinds of the lattice: every standard kind a question can name. */
export const LATTICE_KINDS = ['month', 'quarter', 'half', 'year', 'statyear', 'stathalf'] as const;

/** The calendar of the months `first`..`last` ('YYYY-MM'); periods reaching outside keep the months inside. */
export function makeCalendar(first: string, last: string): Calendar {
  const m0 = parseMonth(first)!;
  const m1 = parseMonth(last)!;
  const months = Array.from({ length: m1 - m0 + 1 }, (_, i) => monthText(m0 + i));
  const periods: PeriodSpan[] = [];
  const y0 = Math.floor(m0 / 12);
  const y1 = Math.floor(m1 / 12) + 1; // a statistical year opens in October of the year before
  for (const kind of LATTICE_KINDS) {
    for (const span of spansFor({ period: kind, from: y0, to: y1 })) {
      const from = Math.max(span.start, m0) - m0;
      const to = Math.min(span.start + span.months - 1, m1) - m0 + 1;
      if (to > from) periods.push({ kind, label: labelOf(span), from, to });
    }
  }
  const labelsOfMonth: string[][] = months.map(() => []);
  for (const p of periods) for (let i = p.from; i < p.to; i++) labelsOfMonth[i]!.push(p.label);
  return { months, periods, byLabel: new Map(periods.map((p) => [p.label, p])), labelsOfMonth, monthIndex: new Map(months.map((m, i) => [m, i])) };
}

export function calendar(db: Database): Promise<Calendar> {
  return db.memo('disclosure/calendar', async () => {
    const [row] = await db.query<{ first_month: string; last_month: string }>('disclosure/months');
    return makeCalendar(row?.first_month ?? '2000-01', row?.last_month ?? '2000-01');
  });
}

const pad = (n: number) => String(n).padStart(2, '0');
const month = (year: number, m: number) => `${year + Math.floor((m - 1) / 12)}-${pad(((m - 1) % 12 + 12) % 12 + 1)}`;

/**
 * The first and last month ('YYYY-MM') of a span label the calendar does not list: a year to date
 * (`2024YTD06`), rolling 12 months (`R12-2024-06`) or a range (`2023-07..2024-06`). Null for
 * anything else.
 */
export function spanMonths(label: string): [string, string] | null {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})YTD(\d{2})$/.exec(label))) return [`${m[1]}-01`, `${m[1]}-${m[2]}`];
  if ((m = /^R12-(\d{4})-(\d{2})$/.exec(label))) return [month(Number(m[1]), Number(m[2]) - 11), `${m[1]}-${m[2]}`];
  if ((m = /^(\d{4}-\d{2})\.\.(\d{4}-\d{2})$/.exec(label))) return [m[1]!, m[2]!];
  return null;
}
