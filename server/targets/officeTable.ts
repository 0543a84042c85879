/**
 * @module targets/officeTable
 * Reads a small office table (the targets file) into rows of text cells: CSV in UTF-8 (with or
 * without a byte-order mark) or GB18030/GBK, as Excel on a Chinese Windows saves it. This is the
 * one place a targets file is decoded, so it can switch to the shared office-file reader (CSV and
 * XLSX with Chinese headers) when that lands; until then an .xlsx is refused with a clear message.
 *
 * @example
 * readOfficeTable('exports/targets.csv'); // [['指标', '乡镇', '年度', '目标值'], ['户籍人口政策符合率', '全县', '2024', '99'], …]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

export class OfficeTableError extends Error {
  override readonly name = 'OfficeTableError';
}

/** UTF-8 when the bytes are valid UTF-8, else GB18030 (a superset of GBK and GB2312). */
export function decodeOfficeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export function parseCsvText(text: string): string[][] {
  return parse(text, { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
}

export function readOfficeTable(file: string): string[][] {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx' || ext === '.xls') {
    throw new OfficeTableError(`${file}: Excel files are not read yet; save the sheet as CSV (另存为 CSV) named ${path.basename(file, ext)}.csv`);
  }
  try {
    return parseCsvText(decodeOfficeText(readFileSync(file)));
  } catch (e) {
    throw new OfficeTableError(`${file}: not a readable CSV file (${e instanceof Error ? e.message : String(e)})`);
  }
}
