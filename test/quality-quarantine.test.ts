/**
 * One township's quarantined records to send back (sql/quality/quarantine_township.sql): its own
 * rows and no other's, the fields to find them by, and — asked as `none` — the rows that carry no
 * township code at all (a 合计 line, a blank code), which no township's download would hold.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { runNamed } from '../server/db/namedQuery.ts';
import { fileShown } from '../server/routes/quality.ts';

describe('quarantined records by township', () => {
  it('gives a township its rows, and `none` the rows without a code', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const c = await instance.connect();
    await runNamed(c, 'ingest/setup');
    const put = (file_row: number, record: object) => c.run(`INSERT INTO quarantine VALUES ('births', 'missing_value', '出生医学证明.csv', $row, $record)`,
      { row: file_row, record: JSON.stringify(record) });
    await put(4, { birth_id: 'C4', township_code: '999901001', birth_date: '2024-03-05', mother_birth_date: '1995-05-01' });
    await put(3001, { birth_id: '合计：3000条', township_code: null, birth_date: null, mother_birth_date: null });
    await put(7, { birth_id: 'C7', township_code: '999901201', birth_date: '2024-06-01', mother_birth_date: null });
    // file_row is a BIGINT, which the JSON rows give as text
    const ids = async (township: string) => (await runNamed(c, 'quality/quarantine_township', { township })).map((r) => [r.record_id, r.file_row]);
    expect(await ids('999901001')).toEqual([['C4', '4']]);
    expect(await ids('none')).toEqual([['合计：3000条', '3001']]);
    // a township written as a name or in full-width digits has no code either: it comes with `none`, the only download that can hold it
    await put(9, { birth_id: 'C9', township_code: '城关街道', birth_date: '2024-07-01', mother_birth_date: null });
    await put(10, { birth_id: 'C10', township_code: '９９９９０１００１', birth_date: '2024-07-02', mother_birth_date: null });
    expect(await ids('none')).toEqual([['C9', '9'], ['C10', '10'], ['合计：3000条', '3001']]);
    expect(await ids('999901999')).toEqual([]);
    // a wide population file's row (男, 女 columns) as two records: the file named as it is, the count meant said with year and age
    await c.run(`INSERT INTO quarantine VALUES ('population', 'unreadable_value', '户籍人口.csv 女', 12, $record), ('population', 'missing_value', '户籍人口.csv 男', 40, $total)`,
      { record: JSON.stringify({ year: 2024, township_code: '999901001', sex: 'F', age: 37, count: null, unreadable: 'count' }),
        total: JSON.stringify({ year: null, township_code: null, sex: 'M', age: null, count: 1013, unreadable: 'year,age' }) });
    const population = async (township: string) => (await runNamed(c, 'quality/quarantine_township', { township }))
      .filter((r) => r.table_name === 'population').map((r) => [r.file, r.file_row, r.record_id]);
    expect(await population('999901001')).toEqual([['户籍人口.csv', '12', '2024年 37岁 女']]);
    expect(await population('none')).toEqual([['户籍人口.csv', '40', null]]); // a 合计 line: no year, no age, so no record to name (男 alone is none)
    c.closeSync();
    instance.closeSync();
  });

  it('names the file as the office knows it, never the server\'s path to it', () => {
    expect(fileShown('/srv/renkou/data/exports/births.parquet')).toBe('births.parquet');
    expect(fileShown('/srv/exports/births/year=2024/part-0.parquet')).toBe('year=2024/part-0.parquet');
    expect(fileShown('出生医学证明.csv')).toBe('出生医学证明.csv');
    expect(fileShown('2024年/出生医学证明.csv')).toBe('2024年/出生医学证明.csv');
    expect(fileShown('婚姻登记.xlsx#婚姻登记')).toBe('婚姻登记.xlsx#婚姻登记');
    expect(fileShown(null)).toBeNull();
  });
});
