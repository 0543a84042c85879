/**
 * @module demography/schedule
 * Per-step inputs ({@link Schedule}): one row for all steps, or one row per step.
 *
 * @example
 * const srb = constantSchedule([1.06]);
 * scheduleRow(srb, 12)[0]; // 1.06
 */
import type { Schedule } from './types.ts';

/** A schedule whose single row applies to every step. */
export function constantSchedule(row: ArrayLike<number>): Schedule {
  return { width: row.length, rows: 1, data: Float64Array.from(row) };
}

/** A schedule with one row per step (all rows the same width). */
export function scheduleFromRows(rows: readonly ArrayLike<number>[]): Schedule {
  const width = rows.length > 0 ? rows[0]!.length : 0;
  const data = new Float64Array(rows.length * width);
  rows.forEach((r, i) => {
    if (r.length !== width) throw new RangeError(`row ${i} has ${r.length} values, expected ${width}`);
    data.set(r, i * width);
  });
  return { width, rows: rows.length, data };
}

/** The row that applies at `step` (a view, not a copy). */
export function scheduleRow(s: Schedule, step: number): Float64Array {
  const r = s.rows === 1 ? 0 : step;
  return s.data.subarray(r * s.width, (r + 1) * s.width);
}

/** A new schedule with `f` applied to every row (e.g. m(x) rows → survivorship rows). */
export function mapSchedule(s: Schedule, f: (row: Float64Array) => ArrayLike<number>): Schedule {
  const rows: ArrayLike<number>[] = [];
  for (let r = 0; r < s.rows; r++) rows.push(f(scheduleRow(s, r)));
  return scheduleFromRows(rows);
}
