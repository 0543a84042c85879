import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../server/db/Database.ts';
import { tempDir } from './helpers.ts';

describe('Database.queryNumeric (columns of numbers)', () => {
  const dbPath = path.join(tempDir('numeric'), 'cells.duckdb');
  let db: Database;

  beforeAll(async () => {
    const instance = await DuckDBInstance.create(dbPath);
    const connection = await instance.connect();
    await connection.run("CREATE TABLE cells AS SELECT range AS i, 'x' || range AS label FROM range(10000)");
    connection.closeSync();
    instance.closeSync();
    db = await Database.open(dbPath);
  });
  afterAll(() => db.close());

  it('answers every row over several chunks, NULL as NaN, every integer width, FLOAT, BIGINT and BOOLEAN as numbers', async () => {
    const { rowCount, columns } = await db.queryNumeric('test/numeric_cells', { n: 5000 });
    expect(rowCount).toBe(5000);
    expect(Object.keys(columns)).toEqual(['i', 'half', 'big', 'even', 'small', 'sparse', 'quarter']);
    for (const k of [0, 1, 2, 7, 63, 64, 65, 2047, 2048, 2049, 4999]) {
      expect(columns.i![k]).toBe(k);
      expect(columns.big![k]).toBe(3 * k);
      expect(columns.even![k]).toBe(k % 2 === 0 ? 1 : 0);
      expect(columns.small![k]).toBe((k % 100) - 50);
      expect(columns.quarter![k]).toBe(k / 4); // exact in a FLOAT for these k
      if (k % 5 === 0) expect(columns.sparse![k]).toBeNaN();
      else expect(columns.sparse![k]).toBe(-k);
      if (k % 7 === 0) expect(columns.half![k]).toBeNaN();
      else expect(columns.half![k]).toBe(k / 2);
    }
    expect(columns.i!.reduce((a, b) => a + b, 0)).toBe((4999 * 5000) / 2);
  });

  it('several reads at once on the shared connections each get their own rows', async () => {
    const sizes = [100, 9000, 3000, 10000, 1, 7000, 2500];
    const answers = await Promise.all(sizes.map((n) => db.queryNumeric('test/numeric_cells', { n })));
    answers.forEach((a, k) => {
      expect(a.rowCount).toBe(sizes[k]);
      expect(a.columns.i![sizes[k]! - 1]).toBe(sizes[k]! - 1);
    });
  });

  it('refuses a text column, naming the file and the column', async () => {
    await expect(db.queryNumeric('test/text_cells')).rejects.toThrow('sql/test/text_cells.sql: column "label" is VARCHAR; cast it to DOUBLE or INTEGER');
  });
});
