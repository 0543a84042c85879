/**
 * @module outputs/xlsx
 * An {@link OutputTable} as an Excel workbook (exceljs): the title in the first row, bold
 * headers, numbers stored as numbers rounded to their column's decimals with a matching number
 * format (#,##0 / #,##0.00), columns sized to their Chinese text, the note below the table.
 *
 * @example
 * const bytes = await tableToXlsx(table, '规划表');
 */
import ExcelJS from 'exceljs';
import { formulaSafe } from '../../common/csvField.ts';
import { rounded, type OutputTable } from './table.ts';

/** Width in Excel's character units: a CJK character counts twice. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

export async function tableToXlsx(t: OutputTable, sheetName: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Renkou';
  const sheet = book.addWorksheet(sheetName.slice(0, 31).replace(/[\\/?*[\]:]/g, '_'));
  sheet.addRow([t.title]).font = { bold: true, size: 12 };
  const header = sheet.addRow(t.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  for (const row of t.rows) {
    sheet.addRow(t.columns.map((c, i) => {
      const v = rounded(row[i] ?? null, c.decimals);
      return typeof v === 'string' ? formulaSafe(v) : v;
    }));
  }
  t.columns.forEach((c, i) => {
    const col = sheet.getColumn(i + 1);
    if (c.decimals !== undefined) col.numFmt = c.decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(c.decimals)}`;
    const widest = Math.max(textWidth(c.header), ...t.rows.map((r) => textWidth(String(r[i] ?? ''))));
    col.width = Math.min(40, Math.max(8, widest + 2));
  });
  if (t.note) sheet.addRow([]).getCell(1);
  if (t.note) sheet.addRow([t.note]).font = { size: 9, color: { argb: 'FF555555' } };
  return Buffer.from(await book.xlsx.writeBuffer());
}
