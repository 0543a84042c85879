/**
 * @module indicators/compare
 * Adds the change against the compared period to every row: `previous`, `change` (absolute) and
 * `change_pct` (relative, %), matching rows on the township and the indicator's key fields.
 * `compared` maps each period label to the label it is compared with (indicators/periods.ts).
 */
import type { IndicatorRow } from './types.ts';

export function withChange(rows: readonly IndicatorRow[], keys: readonly string[], compared: ReadonlyMap<string, string>): IndicatorRow[] {
  const identity = (row: IndicatorRow, period: string) => JSON.stringify([row.township, period, ...keys.map((k) => row[k] ?? null)]);
  const byKey = new Map(rows.map((r) => [identity(r, r.period), r]));
  return rows.map((row) => {
    const label = compared.get(row.period);
    const before = label === undefined ? undefined : byKey.get(identity(row, label));
    const previous = before?.value ?? null;
    const change = previous === null || row.value === null ? null : row.value - previous;
    const change_pct = change === null || !previous ? null : (change / previous) * 100;
    return { ...row, previous, change, change_pct };
  });
}
