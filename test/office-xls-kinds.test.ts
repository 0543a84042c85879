/**
 * Files named .xls that are not Excel 97–2003 files, as provincial systems' 导出Excel buttons
 * write them: a web page (an HTML table, GBK, with a title above the table, merged cells, <br>
 * and &nbsp;), an Excel 2003 XML workbook (SpreadsheetML), tab-separated text, and an .xlsx
 * under the old name. Each is read as Excel shows it; a real .xls (an OLE2 file) is refused by
 * name. End to end, the small office export with its births, marriages and in-migrants saved so
 * imports the same hand-counted figures as the CSV and .xlsx files it was made from.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ingest } from '../server/ingest/ingest.ts';
import { readMarkupSheets } from '../server/office/markupSheets.ts';
import { openOfficeFile } from '../server/office/tabular.ts';
import { xlsKind } from '../server/office/xlsKind.ts';
import { readWorkbook } from '../server/office/xlsx.ts';
import { suggestTiny, TINY_OFFICE, writeCorrectedProfile, writeTinyOffice } from './fixtures/tinyOffice.ts';
import { tempDir, withDbFile } from './helpers.ts';

async function sheetsOf(file: string, kind: 'html' | 'spreadsheetml', encoding: 'utf-8' | 'gb18030') {
  const out: { name: string; rows: { number: number; cells: string[] }[] }[] = [];
  for await (const sheet of readMarkupSheets(file, kind, encoding)) {
    const rows = [];
    for await (const row of sheet.rows) rows.push(row);
    out.push({ name: sheet.name, rows });
  }
  return out;
}

const PAGE = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>出生登记</title>
<style>td { mso-number-format: "\\@"; }</style></head><body>
<h3>2024年出生医学证明登记表</h3>
<table border="1">
<tr><th>出生医学证明编号</th><th>性别</th><th>出生日期</th><th>备注</th></tr>
<tr><td>C1</td><td>1</td><td>2024-03-05</td><td rowspan="2">同一&nbsp;产妇<br>双胎</td></tr>
<tr><td>C2<td>2<td>
  2024-03-05 </tr>
<tr><td></td><td></td><td></td><td></td></tr>
<tr><td colspan="2">C3 &amp; C4</td><td>2024年3月6日</td><td>A&lt;B</td></tr>
</table>
<p>制表人：张三</p>
</body></html>`;

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Worksheet ss:Name="婚姻登记"><Table>
  <Row><Cell><Data ss:Type="String">结婚证字号</Data></Cell><Cell><Data ss:Type="String">登记日期</Data></Cell><Cell><Data ss:Type="String">备注</Data></Cell></Row>
  <Row><Cell><Data ss:Type="String">J1</Data></Cell><Cell><Data ss:Type="DateTime">2024-02-14T00:00:00.000</Data></Cell></Row>
  <Row ss:Index="4"><Cell ss:MergeAcross="1"><Data ss:Type="String">J2 &amp; J3</Data></Cell><Cell><Data ss:Type="Number">12</Data></Cell></Row>
  <Row><Cell ss:Index="2"><Data ss:Type="DateTime">2024-05-20T08:30:00.000</Data></Cell></Row>
 </Table></Worksheet>
 <Worksheet ss:Name="说明"><Table><Row><Cell><Data ss:Type="String">填表说明</Data></Cell></Row></Table></Worksheet>
</Workbook>`;

describe('a web page saved as .xls', () => {
  it('reads its rows as Excel lays them out: title, merged cells, entities, line breaks; rows numbered as Excel numbers them', async () => {
    const dir = tempDir('xls-html');
    const file = path.join(dir, '出生.xls');
    writeFileSync(file, iconv.encode(PAGE, 'gb18030'));
    expect(await xlsKind(file)).toBe('html');
    expect(await sheetsOf(file, 'html', 'gb18030')).toEqual([{ name: '', rows: [
      { number: 1, cells: ['2024年出生医学证明登记表'] },
      { number: 2, cells: ['出生医学证明编号', '性别', '出生日期', '备注'] },
      { number: 3, cells: ['C1', '1', '2024-03-05', '同一 产妇 双胎'] },
      { number: 4, cells: ['C2', '2', '2024-03-05', ''] }, // the rowspan above keeps column 4
      // row 5 is empty
      { number: 6, cells: ['C3 & C4', '', '2024年3月6日', 'A<B'] },
      // the 制表人 line under the table is left out: it may name a person
    ] }]);
  });
});

describe('an Excel 2003 XML workbook saved as .xls', () => {
  it('reads each worksheet, cells placed by ss:Index and MergeAcross, DateTime cells as dates', async () => {
    const dir = tempDir('xls-xml');
    const file = path.join(dir, '婚姻.xls');
    writeFileSync(file, XML);
    expect(await xlsKind(file)).toBe('spreadsheetml');
    expect(await sheetsOf(file, 'spreadsheetml', 'utf-8')).toEqual([
      { name: '婚姻登记', rows: [
        { number: 1, cells: ['结婚证字号', '登记日期', '备注'] },
        { number: 2, cells: ['J1', '2024-02-14'] },
        { number: 4, cells: ['J2 & J3', '', '12'] },
        { number: 5, cells: ['', '2024-05-20 08:30:00'] },
      ] },
      { name: '说明', rows: [{ number: 1, cells: ['填表说明'] }] },
    ]);
  });
});

describe('what a .xls file holds', () => {
  it('refuses a real Excel 97–2003 file by name, and reads tab-separated text and an .xlsx under the old name', async () => {
    const dir = tempDir('xls-kinds');
    const work = path.join(dir, 'w.renkou-work');
    writeFileSync(path.join(dir, '旧.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array<number>(504).fill(0)]));
    expect(await xlsKind(path.join(dir, '旧.xls'))).toBe('ole');
    await expect(openOfficeFile(dir, '旧.xls', work)).rejects.toThrow('旧.xls: 旧版 Excel（.xls/.et）文件无法读取，请在 Excel 或 WPS 中另存为 .xlsx 或 CSV');

    writeFileSync(path.join(dir, '流入.xls'), iconv.encode('流动人口编号\t流入时间\r\nL1\t2020-01-05\r\n', 'gb18030'));
    expect(await xlsKind(path.join(dir, '流入.xls'))).toBe('text');
    const [text] = await openOfficeFile(dir, '流入.xls', work);
    expect(text).toMatchObject({ name: '流入.xls', encoding: 'gb18030', delimiter: '\t' });
    expect(readFileSync(text!.csv, 'utf8')).toBe('流动人口编号\t流入时间\r\nL1\t2020-01-05\r\n');

    const tiny = tempDir('xls-kinds-tiny');
    await writeTinyOffice(tiny);
    writeFileSync(path.join(dir, '婚姻.xls'), readFileSync(path.join(tiny, '婚姻登记.xlsx')));
    expect(await xlsKind(path.join(dir, '婚姻.xls'))).toBe('zip');
    const [zip] = await openOfficeFile(dir, '婚姻.xls', work);
    expect(zip).toMatchObject({ name: '婚姻.xls#婚姻登记', sheet: '婚姻登记', encoding: 'xlsx' });
    expect(readFileSync(zip!.csv, 'utf8').split('\n')[1]).toMatch(/^J2024001,2024-02-14,999901001000,/);
  });
});

describe('a real Excel 97–2003 file beside the tables', () => {
  it('is named as that file\'s problem, and the import goes on once the planner sets it to 不导入', async () => {
    const dir = tempDir('xls-ole-beside');
    await writeTinyOffice(dir);
    writeFileSync(path.join(dir, '填表说明.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array<number>(504).fill(0)]));
    const found = await suggestTiny(dir);
    expect(found.find((f) => f.suggestion.source === '填表说明.xls')!.suggestion).toMatchObject({ table: null, columns: [], problems: [
      '填表说明.xls: 旧版 Excel（.xls/.et）文件无法读取，请在 Excel 或 WPS 中另存为 .xlsx 或 CSV；不需要导入的文件请设为不导入（映射文件中列入 ignore）'] });
    writeCorrectedProfile(dir, found);
    const dbPath = path.join(dir, 'tiny.duckdb');
    const stopped = await ingest({ source: dir, dbPath, today: '2026-11-23', keepVersions: 0 }).catch((e: unknown) => e);
    expect(String((stopped as Error).message)).toContain('导入映射不完整：\n- 填表说明.xls: 旧版 Excel（.xls/.et）文件无法读取');
    writeCorrectedProfile(dir, found, ['填表说明.xls']);
    const report = await ingest({ source: dir, dbPath, today: '2026-11-23', keepVersions: 0 });
    expect(report.tables.find((t) => t.table === 'births')).toMatchObject({ rowsAccepted: TINY_OFFICE.expected.births.accepted });
    expect(report.mapping.find((m) => m.source === '填表说明.xls')).toMatchObject({ ignored: true });
  });
});

/** A table's rows as an HTML page with a title above it, as a system exports it. */
function htmlPage(title: string, rows: readonly (readonly string[])[]): string {
  const escape = (t: string) => t.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
  const tr = rows.map((r, i) => `<tr>${r.map((c) => (i === 0 ? `<th>${escape(c)}</th>` : `<td style="mso-number-format:'\\@'">${escape(c)}</td>`)).join('')}</tr>`);
  return `<html><head><meta charset="gbk"></head><body><table><tr><td colspan="${rows[0]!.length}">${title}</td></tr>\n${tr.join('\n')}\n</table></body></html>`;
}

/** A table's rows as an Excel 2003 XML workbook, dates as DateTime cells. */
function spreadsheetMl(sheet: string, rows: readonly (readonly string[])[]): string {
  const cell = (c: string) => (/^\d{4}-\d{2}-\d{2}$/.test(c)
    ? `<Cell><Data ss:Type="DateTime">${c}T00:00:00.000</Data></Cell>`
    : `<Cell><Data ss:Type="String">${c}</Data></Cell>`);
  return `<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">` +
    `<Worksheet ss:Name="${sheet}"><Table>${rows.map((r) => `<Row>${r.map(cell).join('')}</Row>`).join('\n')}</Table></Worksheet></Workbook>`;
}

describe('the small office export with its .xls files', () => {
  it('imports the hand-counted figures, naming the spoiled birth by its row on the page', async () => {
    const dir = tempDir('xls-office');
    await writeTinyOffice(dir);
    const gbLines = (name: string) => iconv.decode(readFileSync(path.join(dir, name)), 'gb18030').split('\r\n').filter((l) => l !== '').map((l) => l.split(','));
    // births: a GBK web page with a title row; marriages: an XML workbook; in-migrants: tab-separated text
    writeFileSync(path.join(dir, '出生医学证明.xls'), iconv.encode(htmlPage('2024年出生医学证明', gbLines('出生医学证明.csv')), 'gb18030'));
    rmSync(path.join(dir, '出生医学证明.csv'));
    const marriages: string[][] = [];
    for await (const sheet of readWorkbook(path.join(dir, '婚姻登记.xlsx'))) for await (const row of sheet.rows) marriages.push(row.cells);
    writeFileSync(path.join(dir, '婚姻登记.xls'), spreadsheetMl('婚姻登记', marriages));
    rmSync(path.join(dir, '婚姻登记.xlsx'));
    const inflow = readFileSync(path.join(dir, '流入人口.csv'), 'utf8').replace(/^\uFEFF/, '').replaceAll(',', '\t');
    writeFileSync(path.join(dir, '流入人口.xls'), iconv.encode(inflow, 'gb18030'));
    rmSync(path.join(dir, '流入人口.csv'));

    const found = await suggestTiny(dir);
    expect(found.map((f) => [f.suggestion.source, f.suggestion.table, f.suggestion.encoding])).toEqual(expect.arrayContaining([
      ['出生医学证明.xls', 'births', 'html'], ['婚姻登记.xls#婚姻登记', 'marriages', 'spreadsheetml'], ['流入人口.xls', 'migrants', 'gb18030']]));
    writeCorrectedProfile(dir, found);
    const dbPath = path.join(dir, 'tiny.duckdb');
    const report = await ingest({ source: dir, dbPath, today: '2026-11-23', keepVersions: 0 });
    const byTable = Object.fromEntries(report.tables.map((t) => [t.table, { accepted: t.rowsAccepted, quarantined: t.quarantined }]));
    expect(byTable).toMatchObject(TINY_OFFICE.expected);
    await withDbFile(dbPath, async (c) => {
      const rows = async (sql: string) => (await c.runAndReadAll(sql)).getRowObjectsJson();
      // the title is row 1 and the header row 2: the fourth birth is on row 6
      expect(await rows("SELECT file, file_row::INTEGER AS row, rule, record::JSON->>'birth_id' AS id FROM quarantine")).toEqual([
        { file: '出生医学证明.xls', row: 6, rule: 'id_check_digit', id: TINY_OFFICE.spoiledBirth }]);
      expect(await rows("SELECT strftime(birth_date, '%Y-%m-%d') AS b FROM births ORDER BY 1")).toEqual([{ b: '2024-03-05' }, { b: '2024-06-01' }, { b: '2024-07-10' }]);
      expect(await rows("SELECT strftime(registration_date, '%Y-%m-%d') AS d FROM marriages ORDER BY 1")).toEqual([{ d: '2024-02-14' }, { d: '2024-05-20' }]);
      expect(await rows("SELECT count(*)::INTEGER AS n FROM migrants WHERE direction = 'in'")).toEqual([{ n: 2 }]);
    });
  });
});
