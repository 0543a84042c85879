/**
 * @module office/xlsx
 * Reading Excel workbooks (.xlsx) row by row with exceljs's streaming reader: memory stays flat
 * however long the sheet (a 122,000-row sheet: about 7 s and 220 MB), shared strings and
 * number formats are read, and a cell formatted as a date (an Excel serial number) arrives as a
 * date. Every cell becomes text: dates as `YYYY-MM-DD`, numbers as written (but for numbers too long
 * for Excel to keep whole), so an ID number or a 12-digit code stored as text keeps every digit.
 *
 * Which row is the header (a title above it, a header in two rows): office/headerRows.
 *
 * @example
 * for await (const sheet of readWorkbook('婚姻登记.xlsx')) for await (const row of sheet.rows) console.log(row);
 */
import ExcelJS from 'exceljs';

/** A sheet row as text cells, with its row number in the sheet (1-based, as Excel shows it). */
export interface SheetRow { readonly number: number; readonly cells: string[] }

export interface SheetRows {
  readonly name: string;
  /** The rows that hold something (the header row included), in order. */
  readonly rows: AsyncIterable<SheetRow>;
}

type CellValue = ExcelJS.CellValue;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** A Date from a date-formatted cell (exceljs gives it at UTC midnight) as YYYY-MM-DD[ HH:MM:SS]. */
function dateText(d: Date): string {
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const seconds = d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds();
  return seconds === 0 ? day : `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/**
 * A number cell as text. Excel keeps 15 significant digits: a whole number of 16 digits or more (an
 * 18-digit ID number typed into a number cell, 130524193301172000) has lost its last digits, so it is
 * written as Excel shows it, 1.30524193301172E+17 — read as id_excel_number, not as a number whose
 * made-up check character passes one time in eleven (and whose made-up 17th digit gives the sex).
 */
function numberText(value: number): string {
  if (!Number.isInteger(value)) return String(value);
  if (Math.abs(value) < 1e15) return value.toFixed(0);
  return value.toExponential(14).toUpperCase().replace(/\.?0+E/, 'E');
}

export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as CellValue);
  if ('text' in value) return String(value.text);
  return ''; // an error cell (#N/A…)
}

/** The sheets of a workbook, each as an async stream of text rows (empty rows skipped; their numbers tell where they were). */
export async function* readWorkbook(file: string): AsyncGenerator<SheetRows> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit',
  });
  for await (const worksheet of reader) {
    const ws = worksheet as unknown as AsyncIterable<ExcelJS.Row> & { name?: string; id?: number };
    yield {
      name: ws.name ?? `Sheet${ws.id ?? ''}`,
      rows: (async function* () {
        for await (const row of ws) {
          const values = row.values as CellValue[];
          const cells = values.slice(1).map(cellText);
          if (cells.some((c) => c.trim() !== '')) yield { number: row.number, cells };
        }
      })(),
    };
  }
}
