/**
 * Chinese text comes out of a workbook exactly as it went in. exceljs's streaming reader decoded
 * each inflated chunk of a sheet on its own, so a character whose three UTF-8 bytes straddled two
 * chunks became U+FFFD (“2004年2���25日”): a few cells in every thousand rows, quarantined as
 * unreadable or silently wrong. The fix is a patch of exceljs (patches/, applied by patch-package
 * at install); this test fails without it.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellText, readWorkbook } from '../server/office/xlsx.ts';
import { tempDir } from './helpers.ts';

const dir = tempDir('xlsx-text');
const ROWS = 20_000;
const row = (i: number) => [`C${i}`, `${2000 + (i % 25)}年${1 + (i % 12)}月${1 + (i % 28)}日`, '户籍人口政策内住院分娩医疗机构'.slice(0, 3 + (i % 11))];

describe('Chinese text in a long workbook', () => {
  for (const sharedStrings of [false, true]) {
    it(`reads every cell as written (${sharedStrings ? 'shared strings' : 'inline strings'})`, async () => {
      const file = path.join(dir, `births-${sharedStrings}.xlsx`);
      const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: sharedStrings });
      const sheet = writer.addWorksheet('出生');
      sheet.addRow(['编号', '出生日期', '备注']).commit();
      for (let i = 0; i < ROWS; i++) sheet.addRow(row(i)).commit();
      await writer.commit();

      let i = -1;
      const wrong: string[] = [];
      for await (const read of readWorkbook(file)) {
        for await (const { number, cells } of read.rows) {
          if (number !== i + 2) wrong.push(`${i}: row number ${number}`);
          if (i >= 0 && cells.join('|') !== row(i).join('|')) wrong.push(`${i}: ${cells.join('|')}`);
          i++;
        }
      }
      expect(i).toBe(ROWS);
      expect(wrong).toEqual([]);
    }, 60_000);
  }

  it('writes a number too long for Excel to keep whole as Excel shows it, so the rules name it', () => {
    expect(cellText(130524193301172000)).toBe('1.30524193301172E+17'); // an 18-digit ID number typed into a number cell
    expect(cellText(999901000000000000)).toBe('9.99901E+17');
    expect(cellText(110105491231002)).toBe('110105491231002'); // 15 digits: kept whole
    expect(cellText(999901001001)).toBe('999901001001');
    expect(cellText(1234.5)).toBe('1234.5');
  });
});
