/**
 * A header in two rows, as offices merge cells in Excel: 新生儿 over 姓名 性别 出生日期 孩次, 母亲 over
 * 姓名 身份证号 户籍性质, and 出生医学证明编号 merged down. The two rows are read as one header
 * (新生儿性别, 母亲身份证号 …), in a workbook and in the CSV Excel saves from it; a record is never
 * taken for the header (its cells would be shown as column names: a name, an ID number). The small
 * office export's births so laid out import the hand-counted figures.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ingest } from '../server/ingest/ingest.ts';
import { combineHeaderRows, findHeader, headerRowIndex, isValueRow } from '../server/office/headerRows.ts';
import { suggestTiny, TINY_OFFICE, writeCorrectedProfile, writeTinyOffice } from './fixtures/tinyOffice.ts';
import { tempDir, withDbFile } from './helpers.ts';

const GROUPS = ['出生医学证明编号', '新生儿', '', '', '', '母亲', '', '', '政策属性', '乡镇（街道）代码'];
const LABELS = ['', '姓名', '性别', '出生日期', '孩次', '姓名', '身份证号', '户籍性质', '', ''];
const COMBINED = ['出生医学证明编号', '新生儿姓名', '新生儿性别', '新生儿出生日期', '新生儿孩次', '母亲姓名', '母亲身份证号', '母亲户籍性质', '政策属性', '乡镇（街道）代码'];

describe('header rows', () => {
  it('reads a group row over the labels as one header, and leaves a plain header alone', () => {
    expect(combineHeaderRows(GROUPS, LABELS)).toEqual(COMBINED);
    expect(combineHeaderRows(['男方', '', '女方', ''], ['身份证号', '出生日期', '身份证号', '出生日期'])).toEqual(['男方身份证号', '男方出生日期', '女方身份证号', '女方出生日期']);
    // no merge to be seen: a title, or a header over the first record
    expect(combineHeaderRows(['2024年出生登记', '', ''], ['编号', '性别', '出生日期'])).toBeNull();
    expect(combineHeaderRows(['编号', '性别', '出生日期'], ['C1', '1', '2024-03-05'])).toBeNull();
    expect(combineHeaderRows(['编号', '性别', '出生日期'], ['', '', ''])).toBeNull(); // a header with nothing under it
  });

  it('never takes a record for the header', () => {
    const record = ['C2024001', '王小明', '1', '2024-03-05', '1', '王芳', '999901199505010022', '户籍', '政策内', '999901001'];
    expect(isValueRow(record)).toBe(true);
    expect(isValueRow(LABELS)).toBe(false);
    expect(isValueRow(['年度', '乡镇（街道）代码', '年龄', '男', '女'])).toBe(false);
    // the widest rows are records: the header is the widest of the others (the labels, row 2), not the first record
    expect(headerRowIndex([['2024年出生医学证明登记'], GROUPS, LABELS, record, record])).toBe(2);
    expect(headerRowIndex([GROUPS, LABELS, record])).toBe(1);
  });
});

describe('the header among the top rows', () => {
  const rows = (...cells: string[][]) => cells.map((c, i) => ({ number: i + 1, cells: c }));
  const HEADER = ['出生医学证明编号', '新生儿姓名', '性别', '出生日期', '孩次', '母亲姓名', '母亲身份证件号码', '户籍性质', '政策属性', '乡镇（街道）代码'];

  it('never joins a record to the header, however many of its cells are words (a blank ID number, 男, 第1孩)', () => {
    const record = ['B9999010010000001', '李敏', '男', '2020-06-12', '第1孩', '张伟', '', '户籍', '政策内', '999901001'];
    expect(findHeader(rows(HEADER, record, record))).toEqual({ index: 0, names: null });
    // nor a record of words only with one blank cell: one column labelled only above is no merge
    const words = ['甲', '李敏', '男', '', '第1孩', '张伟', '无', '户籍', '政策内', '城关'];
    expect(findHeader(rows(HEADER, words))).toEqual({ index: 0, names: null });
  });

  it('takes the header with an unlabelled column over a wider record, and skips a 填报单位 line above it', () => {
    const header = [...HEADER, ''];
    const record = ['C1', '李敏', '1', '2024年3月5日', '1', '张伟', '999901199505010022', '户籍', '政策内', '999901001', '无'];
    expect(findHeader(rows(header, record, record)).index).toBe(0);
    expect(findHeader(rows(['填报单位：清河县卫健局', '', '', '填报日期：2024年1月5日'], HEADER, record)).index).toBe(1);
    // a note line without a date is not a group row either, and a label with a date in it is a label
    const population = ['乡镇代码', '性别', '年龄', '2024年12月31日人数'];
    expect(findHeader(rows(['填报单位：某县卫健局', '', '', '单位：人'], population, ['999901001', '男', '0', '10'])))
      .toEqual({ index: 1, names: null });
    expect(findHeader(rows(['2024年户籍人口'], population, ['999901001', '男', '0', '10'])).index).toBe(1);
  });

  it('reads a group row wider than its labels (columns merged down) with the labels under it', () => {
    expect(findHeader(rows(['出生医学证明编号', '出生日期', '乡镇（街道）代码', '母亲', ''], ['', '', '', '姓名', '身份证号'], ['C1', '2024-03-05', '999901001', '李敏', '999901199505010022'])))
      .toEqual({ index: 1, names: ['出生医学证明编号', '出生日期', '乡镇（街道）代码', '母亲姓名', '母亲身份证号'] });
  });
});

describe('the small office export with its births under a two-row header', () => {
  async function folderWith(kind: 'xlsx' | 'csv') {
    const dir = tempDir(`header-rows-${kind}`);
    await writeTinyOffice(dir);
    const records = iconv.decode(readFileSync(path.join(dir, '出生医学证明.csv')), 'gb18030').split('\r\n').filter((l) => l !== '').slice(1)
      .map((l) => l.split(',')); // 编号, 新生儿姓名, 性别, 生日, 孩次, 母亲姓名, 母亲身份证号, 户籍性质, 政策属性, 乡镇代码: the order of the labels
    rmSync(path.join(dir, '出生医学证明.csv'));
    if (kind === 'xlsx') {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('出生');
      sheet.addRow(GROUPS);
      sheet.addRow(LABELS);
      sheet.mergeCells('A1:A2');
      sheet.mergeCells('B1:E1');
      sheet.mergeCells('F1:H1');
      for (const r of records) sheet.addRow(r);
      writeFileSync(path.join(dir, '出生医学证明.xlsx'), Buffer.from(await book.xlsx.writeBuffer()));
    } else {
      writeFileSync(path.join(dir, '出生医学证明.csv'), iconv.encode([GROUPS, LABELS, ...records].map((r) => r.join(',')).join('\r\n') + '\r\n', 'gb18030'));
    }
    return dir;
  }

  for (const kind of ['xlsx', 'csv'] as const) {
    it(`names the columns by both rows and imports the hand-counted births (${kind})`, async () => {
      const dir = await folderWith(kind);
      const found = await suggestTiny(dir);
      const births = found.find((f) => f.suggestion.table === 'births')!.suggestion;
      expect(births.headers).toEqual(COMBINED);
      expect(Object.fromEntries(births.columns.map((c) => [c.header, c.field]))).toEqual({
        出生医学证明编号: 'birth_id', 新生儿姓名: 'ignore', 新生儿性别: 'sex', 新生儿出生日期: 'birth_date', 新生儿孩次: 'birth_order',
        母亲姓名: 'ignore', 母亲身份证号: 'mother_id_number', 母亲户籍性质: 'mother_residence', 政策属性: 'policy_status', '乡镇（街道）代码': 'township_code',
      });
      // the samples are read under the two-row header too (the planner checks them, the checks read them)
      expect(births.columns.find((c) => c.header === '新生儿出生日期')!.samples).toEqual(['2024年3月5日', '2024/6/1', '20240710']);
      // no name and no ID number is shown as a column name or a sample
      const shown = JSON.stringify(births.columns.map((c) => [c.header, c.samples]));
      expect(shown).not.toMatch(/王|李|张|刘|9999011/);
      writeCorrectedProfile(dir, found);
      const dbPath = path.join(dir, 'tiny.duckdb');
      const report = await ingest({ source: dir, dbPath, today: '2026-11-23', keepVersions: 0 });
      expect(report.tables.find((t) => t.table === 'births')).toMatchObject({ rowsRead: 4, rowsAccepted: TINY_OFFICE.expected.births.accepted, quarantined: TINY_OFFICE.expected.births.quarantined });
      await withDbFile(dbPath, async (c) => {
        // the header takes rows 1 and 2: the fourth birth is on row 6, as Excel shows it
        expect((await c.runAndReadAll("SELECT file_row::INTEGER AS row, record::JSON->>'birth_id' AS id FROM quarantine")).getRowObjectsJson()).toEqual([
          { row: 6, id: TINY_OFFICE.spoiledBirth }]);
        expect((await c.runAndReadAll("SELECT strftime(birth_date, '%Y-%m-%d') AS b, sex::VARCHAR AS sex FROM births ORDER BY 1")).getRowObjectsJson()).toEqual([
          { b: '2024-03-05', sex: 'M' }, { b: '2024-06-01', sex: 'F' }, { b: '2024-07-10', sex: 'M' }]);
      });
    });
  }
});
