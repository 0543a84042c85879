/**
 * @module outputs/csv
 * An {@link OutputTable} as CSV for Excel on a Chinese Windows PC: UTF-8 with a byte-order mark,
 * CRLF line ends, RFC 4180 quoting, numbers rounded to their column's decimals without thousands
 * separators or units, text that would read as a formula neutralised, an age group 3-5 as 3–5
 * (Excel opens 3-5 as a date).
 */
import { csvLabel, quoteCsv } from '../../common/csvField.ts';
import { rounded, type OutputCell, type OutputTable } from './table.ts';

function cell(value: OutputCell, decimals: number | undefined): string {
  const v = rounded(value, decimals);
  if (v === null) return '';
  if (typeof v !== 'number') return csvLabel(v);
  return quoteCsv(decimals === undefined ? String(v) : v.toFixed(decimals));
}

export function tableToCsv(t: OutputTable): string {
  const lines = [t.columns.map((c) => cell(c.header, undefined)).join(',')];
  for (const row of t.rows) lines.push(t.columns.map((c, i) => cell(row[i] ?? null, c.decimals)).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
