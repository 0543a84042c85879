/**
 * @module indicators/cells
 * An indicator answers one row per cell (township × period). Here: the grid of cells a query
 * asks for, the `township|period` keys that index sums by cell, and building one row the same way
 * everywhere: value = numerator / denominator × scale (null when the denominator is 0), marked
 * small when the events behind it are fewer than the threshold.
 */
import { labelOf } from './periods.ts';
import type { Extra, IndicatorContext, IndicatorRow } from './types.ts';

/** Every (township, period) the query asks for, so that a period without events answers 0, not nothing. */
export async function grid(context: IndicatorContext): Promise<[string, string][]> {
  const periods = context.query.spans.map(labelOf);
  return context.query.townships.flatMap((t) => periods.map((p): [string, string] => [t, p]));
}

export function ratioRow(
  township: string, period: string, numerator: number, denominator: number | null, scale: number,
  smallCell: number, extra: Record<string, Extra> = {}, events = numerator,
): IndicatorRow {
  const value = denominator && denominator > 0 ? (numerator / denominator) * scale : null;
  return { township, period, value, numerator, denominator, small: events < smallCell, ...extra };
}

export function countRow(township: string, period: string, count: number, smallCell: number, extra: Record<string, Extra> = {}): IndicatorRow {
  return { township, period, value: count, numerator: count, denominator: null, small: count < smallCell, ...extra };
}

/** Sums `value(row)` of rows grouped by `key(row)`. */
export function sumBy<T>(rows: readonly T[], key: (row: T) => string, value: (row: T) => number): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of rows) {
    const k = key(row);
    sums.set(k, (sums.get(k) ?? 0) + value(row));
  }
  return sums;
}

export const cell = (township: string, period: string): string => `${township}|${period}`;

/** Splits a `township|period` key back. */
export function uncell(key: string): [string, string] {
  const at = key.indexOf('|');
  return [key.slice(0, at), key.slice(at + 1)];
}
