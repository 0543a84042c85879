/**
 * @module disclosure/calendar
 * The months the data covers and every period label (month, quarter, half, year, statistical
 * year) as a run of those months, read once per database generation. Period cells are sums of
 * months, which is what lets the period audit (disclosure/intervals.ts) be exact.
 */
import type { Database } from '../db/Database.ts';

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

function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (;;) {
    const label = `${y}-${String(m).padStart(2, '0')}`;
    out.push(label);
    if (label >= last) return out;
    if (++m > 12) { m = 1; y++; }
  }
}

export function calendar(db: Database): Promise<Calendar> {
  return db.memo('disclosure/calendar', async () => {
    const rows = await db.query<{ kind: string; label: string; first_month: string; last_month: string }>('disclosure/periods');
    const first = rows.reduce((a, r) => (r.first_month < a ? r.first_month : a), rows[0]?.first_month ?? '2000-01');
    const last = rows.reduce((a, r) => (r.last_month > a ? r.last_month : a), first);
    const months = monthsBetween(first, last);
    const index = new Map(months.map((m, i) => [m, i]));
    const periods = rows.map((r): PeriodSpan => ({ kind: r.kind, label: r.label, from: index.get(r.first_month)!, to: index.get(r.last_month)! + 1 }));
    const labelsOfMonth: string[][] = months.map(() => []);
    for (const p of periods) for (let i = p.from; i < p.to; i++) labelsOfMonth[i]!.push(p.label);
    return { months, periods, byLabel: new Map(periods.map((p) => [p.label, p])), labelsOfMonth, monthIndex: index };
  });
}
