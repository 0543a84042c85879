/**
 * A CSV that DuckDB cannot read row by row — a 合计 line under the table, a value with an unquoted
 * comma — stops the import with the file, the line and what is wrong in Chinese, not DuckDB's
 * English ("CSV Error on Line: 3002 … Possible fixes: strict_mode=false"), and without the line's
 * text, which may hold a name or an ID number.
 */
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ingest } from '../server/ingest/ingest.ts';
import { csvReadProblem, unevenRecord } from '../server/office/csvErrors.ts';
import { suggestTiny, writeCorrectedProfile, writeTinyOffice } from './fixtures/tinyOffice.ts';
import { tempDir, withMemoryDb } from './helpers.ts';

const dir = tempDir('csv-errors');

/** DuckDB's own message for reading `file` as the office import reads it. */
function duckdbError(file: string): Promise<string> {
  return withMemoryDb((connection) => connection
    .run(`SELECT * FROM read_csv('${file}', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')`)
    .then(() => '', (e: unknown) => (e instanceof Error ? e.message : String(e))));
}

describe('CSV lines DuckDB cannot read', () => {
  it('names the line and its columns against the header\'s, past the part DuckDB samples', async () => {
    const file = path.join(dir, 'long.csv');
    const rows = Array.from({ length: 25_000 }, (_, i) => `C${i},2024-01-01,张三${i}`);
    writeFileSync(file, ['编号,出生日期,姓名', ...rows, '合计：25000条'].join('\n') + '\n');
    const message = await duckdbError(file);
    expect(message).toMatch(/CSV Error on Line: 25002/);
    const problem = csvReadProblem('出生医学证明.csv', message);
    expect(problem).toBe('出生医学证明.csv：第 25002 行有 1 列，表头有 3 列（是表格下方的合计行或说明文字，还是值中有未加引号的逗号？请改正或删除这一行后再导入）');
    expect(problem).not.toContain('合计：25000条');
  });

  it('stops an import whose births file ends in a 合计 line, in Chinese', async () => {
    const office = path.join(dir, 'office');
    mkdirSync(office);
    await writeTinyOffice(office);
    // the planner's mapping, made before the total line was added under the births
    writeCorrectedProfile(office, await suggestTiny(office));
    const births = path.join(office, '出生医学证明.csv');
    appendFileSync(births, iconv.encode('合计：4条\r\n', 'gb18030'));
    // DuckDB, sampling the few rows to learn the file's shape, only says it could not: the line is found by counting
    const lines = iconv.decode(readFileSync(births), 'gb18030').split('\r\n').filter((l) => l !== '');
    expect(lines.at(-1)).toBe('合计：4条');
    const error = await ingest({ source: office, dbPath: path.join(dir, 'x.duckdb'), today: '2026-11-23', keepVersions: 0 }).catch((e: unknown) => e as Error);
    expect((error as Error).message).toBe(`出生医学证明.csv：第 ${lines.length} 行有 1 列，表头有 ${lines[0]!.split(',').length} 列（是表格下方的合计行或说明文字，还是值中有未加引号的逗号？请改正或删除这一行后再导入）`);
  });

  it('without the file\'s text, says the rows are uneven (the general message)', () => {
    expect(csvReadProblem('区划.csv', 'Invalid Input Error: Error when sniffing file "x.csv".')).toBe('区划.csv：各行的列数不一致，无法读出文件的格式（表格下方是否有合计行或说明文字？请删除后再导入）');
  });
});

describe('the first uneven record of a CSV text', () => {
  it('counts fields as a CSV reader does: quoted delimiters and line breaks, "" quotes, blank lines passed over', () => {
    const text = 'a,b,c\n1,2,3\n\n4,"5,x",6\n"7\n8",9,10\n"x""y",1,2\n合计：4条\n';
    expect(unevenRecord(text, ',', 0)).toEqual({ line: 8, fields: 1, headerFields: 3 });
    expect(unevenRecord('a,b,c\n1,2,3\n"x""y",1,2\n', ',', 0)).toBeNull();
  });

  it('reads the header after the lines above it, CRLF lines, another delimiter, and a last line without a break', () => {
    expect(unevenRecord('2024年出生登记\r\na;b\r\n1;2\r\n3\r\n', ';', 1)).toEqual({ line: 4, fields: 1, headerFields: 2 });
    expect(unevenRecord('a\tb\n1\t2\n1\t2\t3', '\t', 0)).toEqual({ line: 3, fields: 3, headerFields: 2 });
    expect(unevenRecord('a,b\n1,2', ',', 0)).toBeNull();
  });
});
