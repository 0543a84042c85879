/**
 * The server writes the report tables the library's notebooks read as soon as it opens a database
 * file, and again when an import swaps one in (server/notebooks/prepareReportTables.ts), so the
 * first report after an import does not wait for them; a render then reads those files without
 * writing them again. An idle server notices the swap by itself (Database.watchForSwaps).
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ANALYTICS } from '../server/config.ts';
import { Database } from '../server/db/Database.ts';
import { ingest } from '../server/ingest/ingest.ts';
import { loadNotebook } from '../server/notebooks/library.ts';
import { libraryReportTables, prepareReportTablesOnEveryFile } from '../server/notebooks/prepareReportTables.ts';
import { reportTableFile, reportTablesDir } from '../server/notebooks/reportTables.ts';
import { renderNotebook } from '../server/notebooks/run.ts';
import { buildRandomCounty, writeRandomCounty } from './fixtures/randomCounty.ts';
import { tempDir } from './helpers.ts';

describe('report tables prepared when a database file opens', () => {
  const dir = tempDir('report-tables-prepared');
  const dbPath = path.join(dir, 'r.duckdb');
  let db: Database;

  beforeAll(async () => {
    await writeRandomCounty(path.join(dir, 'exports-1'), buildRandomCounty(1));
    await ingest({ source: path.join(dir, 'exports-1'), dbPath, today: '2026-11-23' });
    db = await Database.open(dbPath);
  });
  afterAll(() => db.close());

  it('names the rollups the library notebooks\' sql blocks read', () => {
    // situation-analysis reads r_births (births by month) and r_migrant_origin (origins);
    // half-year reads r_births; the other notebooks have no sql block.
    expect(libraryReportTables()).toEqual(['r_births', 'r_migrant_origin']);
  });

  it('writes them for the open file, again for a swapped-in file, and a render reads them as they are', async () => {
    const files = async () => {
      const identity = await db.fileIdentity();
      return libraryReportTables().map((t) => path.basename(reportTableFile(dbPath, identity, t)));
    };
    const preparing = prepareReportTablesOnEveryFile(db, (m) => { throw new Error(m); });
    await preparing.settled();
    const first = await files();
    expect(readdirSync(reportTablesDir(dbPath)).sort()).toEqual(first);

    await writeRandomCounty(path.join(dir, 'exports-2'), buildRandomCounty(2));
    await ingest({ source: path.join(dir, 'exports-2'), dbPath, today: '2026-11-23' });
    // no request: the server's watch notices the swap and the listener writes the new file's tables
    // (nothing here asks the database until the files have changed)
    const unwatch = db.watchForSwaps(200);
    const inDir = () => readdirSync(reportTablesDir(dbPath)).sort();
    for (let i = 0; i < 150 && (inDir().join() === first.join() || inDir().length !== first.length || inDir().some((f) => f.endsWith('.partial'))); i++) await sleep(200);
    unwatch();
    await preparing.settled();
    const second = await files();
    expect(second).not.toEqual(first);
    expect(readdirSync(reportTablesDir(dbPath)).sort()).toEqual(second); // the first file's are gone

    const written = second.map((f) => statSync(path.join(reportTablesDir(dbPath), f)).mtimeMs);
    const report = await renderNotebook(loadNotebook('situation-analysis'), {}, { db, config: DEFAULT_ANALYTICS });
    expect(report.errors).toEqual([]);
    expect(report.results.get('births_monthly')!.rows.length).toBeGreaterThan(0);
    expect(second.map((f) => statSync(path.join(reportTablesDir(dbPath), f)).mtimeMs)).toEqual(written);
  });
});
