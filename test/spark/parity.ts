/**
 * Parity of two imported databases, one from DuckDB's import and one from the Spark job: every
 * table the Spark-built database serves equals the DuckDB one row for row (EXCEPT ALL both ways),
 * the quarantine holds as many rows per table and rule, and the API answers the same figures.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { expect } from 'vitest';
import { createApp } from '../../server/app.ts';
import { Database } from '../../server/db/Database.ts';
import { runNamed } from '../../server/db/namedQuery.ts';

/** Tables every import writes about itself (times, paths, JSON text): compared by other means. */
const BOOKKEEPING = new Set(['quarantine', 'ingest_tables', 'ingest_meta', 'assets', 'targets']);

export interface TableDiff { table: string; only_a: number; only_b: number; rows_a: number; rows_b: number }

/** Every served table of `sparkDb` against the same table of `duckDb`. */
export async function diffTables(duckDb: string, sparkDb: string): Promise<TableDiff[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    // ATTACH takes no parameters; the paths are the test's own files (as in office-import.test.ts).
    await connection.run(`ATTACH '${duckDb.replaceAll("'", "''")}' AS a (READ_ONLY)`);
    await connection.run(`ATTACH '${sparkDb.replaceAll("'", "''")}' AS b (READ_ONLY)`);
    const tables = (await runNamed(connection, 'test/tables_of', { database: 'b' })).map((r) => String(r.table_name));
    const served = tables.filter((t) => !BOOKKEEPING.has(t));
    const diffs: TableDiff[] = [];
    for (const table of served) {
      const [row] = await runNamed(connection, 'test/rollup_except', { a_table: `a.${table}`, b_table: `b.${table}` });
      diffs.push({ table, ...(row as Omit<TableDiff, 'table'>) });
    }
    return diffs;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

export async function quarantineByRule(dbPath: string): Promise<{ table_name: string; rule: string; n: number }[]> {
  const db = await Database.open(dbPath);
  try {
    return await db.query('test/quarantine_by_rule');
  } finally {
    db.close();
  }
}

/** When an import or a render ran: fields two imports of the same exports need not share. */
const WHEN = new Set(['ingestedAt', 'timings']);
/** A rendered report is compared by its figures: the narrative's numbers, its tables, its errors. */
const REPORT_FIGURES = new Set(['notebook', 'params', 'slots', 'tables', 'errors']);
const figures = (body: unknown) => {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const report = 'notebook' in body && 'slots' in body;
  return Object.fromEntries(Object.entries(body).filter(([k]) => !WHEN.has(k) && (!report || REPORT_FIGURES.has(k))));
};

/** GET `urls` from an app over each database: the same status and body; returns how many answered 200. */
export async function expectSameAnswers(duckDb: string, sparkDb: string, urls: readonly string[]): Promise<number> {
  const [a, b] = await Promise.all([Database.open(duckDb), Database.open(sparkDb)]);
  try {
    const appA = createApp({ db: a, webRoot: '/nonexistent', log: () => {} });
    const appB = createApp({ db: b, webRoot: '/nonexistent', log: () => {} });
    let ok = 0;
    for (const url of urls) {
      const [ra, rb] = [await appA.request(url), await appB.request(url)];
      expect(rb.status, url).toBe(ra.status);
      expect(figures(await rb.json()), url).toEqual(figures(await ra.json()));
      if (ra.status === 200) ok++;
    }
    return ok;
  } finally {
    a.close();
    b.close();
  }
}
