/**
 * @module disclosure/families/accumulate
 * Shared by the family builders: sums monthly counts into period cells (every label holding the
 * month) and lays out, for a set of coordinates, the period slice the interval audit reads. Keys
 * are made from a prefix and precomputed coordinate parts (disclosure/cells.ts): a township has
 * some 100,000 cells, and building each key once matters.
 */
import type { Calendar } from '../calendar.ts';
import type { Family } from '../cells.ts';

/** Adds `n` to the cell of every period holding `month`, for each coordinate part. */
export function addToPeriods(sums: Map<string, number>, cal: Calendar, family: Family, township: string, month: string, parts: readonly string[], n: number): void {
  const i = cal.monthIndex.get(month);
  if (i === undefined) return;
  for (const label of cal.labelsOfMonth[i]!) {
    const prefix = `${family}/${township}/${label}/`;
    for (const part of parts) {
      const key = prefix + part;
      sums.set(key, (sums.get(key) ?? 0) + n);
    }
  }
}

/** A period cell of a slice: its key and months [from, to). */
export interface PeriodCell { readonly key: string; readonly from: number; readonly to: number }

/** Every period cell of one coordinate part, as month intervals (absent cells are published zeros). */
export function periodSlice(cal: Calendar, family: Family, township: string, part: string): PeriodCell[] {
  return cal.periods.map((p) => ({ key: `${family}/${township}/${p.label}/${part}`, from: p.from, to: p.to }));
}
