/**
 * @module csv
 * A chart's data rows as CSV (RFC 4180 quoting) with a UTF-8 byte-order mark, so Excel on a
 * Chinese Windows opens the Chinese text correctly, and a download of it. Text cells are
 * neutralised against formula injection (server/csvField.ts); numbers keep their sign.
 *
 * @example
 * toCsv([{ township: '999901001', value: 1.5 }], [{ key: 'township', label: '乡镇代码' }]);
 */
import { csvText, quoteCsv } from '../../server/csvField.ts';

export type CsvValue = string | number | boolean | null | undefined;
export type CsvRow = Readonly<Record<string, CsvValue>>;
export interface CsvColumn { key: string; label: string }

export const BOM = '\uFEFF';

function cell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return typeof value === 'string' ? csvText(value) : quoteCsv(String(value));
}

/** Every key that occurs in the rows, in first-seen order. */
export function columnsOf(rows: readonly CsvRow[]): string[] {
  const keys = new Set<string>();
  for (const row of rows) for (const k of Object.keys(row)) keys.add(k);
  return [...keys];
}

export function toCsv(rows: readonly CsvRow[], columns: readonly CsvColumn[]): string {
  const lines = [columns.map((c) => cell(c.label)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(row[c.key])).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
