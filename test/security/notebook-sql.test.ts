/**
 * Issue 11, item 2: notebook SQL sees aggregate views only. Even a library template cannot read a
 * record table or quarantine: its sandbox holds copies of the rollups of the reader's townships,
 * locked against files; under small-cell suppression a township account gets the published cells
 * (n NULL where withheld) and no monthly rollup.
 */
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { principalOf } from '../../server/auth/principal.ts';
import { DEFAULT_ANALYTICS } from '../../server/config.ts';
import { cellKey } from '../../server/disclosure/cells.ts';
import { suppressionPattern } from '../../server/disclosure/pattern.ts';
import { parseNotebook } from '../../server/notebooks/parse.ts';
import { reportTablesDir } from '../../server/notebooks/reportTables.ts';
import { renderNotebook } from '../../server/notebooks/run.ts';
import { tempDir } from '../helpers.ts';
import { OTHER, OWN, securedCounty, type SecuredCounty } from './securedCounty.ts';

const block = (name: string, sql: string) => `\`\`\`sql ${name}\n${sql}\n\`\`\`\n`;

const NOTEBOOK = `---
title: probe
audience: township
params:
  township: township
---

${block('records', 'SELECT birth_id, birth_date FROM births')}
${block('quarantined', 'SELECT * FROM quarantine')}
${block('catalog', "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1")}
${block('files', "SELECT * FROM read_csv('/etc/passwd')")}
${block('towns', 'SELECT DISTINCT township FROM r_births ORDER BY 1')}
${block('cells', "SELECT period, n FROM published_cells WHERE family = 'births' AND coords = 'R=migrant' AND period LIKE '2023-%' ORDER BY period")}
`;

describe("notebook SQL runs on aggregates of the reader's townships", () => {
  const dir = tempDir('notebook-sql');
  let county: SecuredCounty;
  const notebook = parseNotebook('probe', NOTEBOOK);
  const reader = (name: 'li' | 'zhao') => county.users.list().find((u) => u.name === name)!;
  const render = (name: 'li' | 'zhao', suppressSmall: boolean) =>
    renderNotebook(notebook, { township: OWN }, { db: county.db, config: { ...DEFAULT_ANALYTICS, suppressSmall }, who: principalOf(reader(name)) });

  beforeAll(async () => {
    county = await securedCounty(dir);
  });
  afterAll(() => county.db.close());

  const errorOf = (report: Awaited<ReturnType<typeof render>>, name: string) => report.errors.find((e) => e.block.name === name)?.message ?? '';

  it('record tables, quarantine and files are not there', async () => {
    for (const [name, suppress] of [['zhao', false], ['li', false], ['li', true]] as const) {
      const report = await render(name, suppress);
      expect(errorOf(report, 'records')).toMatch(/births does not exist/);
      expect(errorOf(report, 'quarantined')).toMatch(/quarantine does not exist/);
      expect(errorOf(report, 'files')).toMatch(/disabled|Permission/i);
      const tables = report.results.get('catalog')!.rows.map((r) => r.table_name);
      for (const t of ['births', 'marriages', 'migrants', 'deaths', 'population', 'quarantine', 'ingest_meta', 'assets']) expect(tables).not.toContain(t);
    }
  });

  it('a township account reads its own townships only; a county account reads the county', async () => {
    expect((await render('li', false)).results.get('towns')!.rows.map((r) => r.township)).toEqual([OWN]);
    const county_ = (await render('zhao', false)).results.get('towns')!.rows.map((r) => r.township);
    expect(county_).toEqual(expect.arrayContaining(['all', OWN, OTHER]));
  });

  it('under suppression a township account gets the published cells, withheld ones NULL, and no rollup', async () => {
    const report = await render('li', true);
    expect(errorOf(report, 'towns')).toMatch(/r_births does not exist/);
    const cells = report.results.get('cells')!.rows;
    const pattern = await suppressionPattern(county.db, OWN, 5);
    const months = ((await (await county.as(county.tokens.analyst, `/api/indicators/births?township=${OWN}&from=2023&to=2023&period=month&residence=migrant`)).json()) as { rows: { period: string; value: number }[] }).rows;
    let withheld = 0;
    for (const m of months.filter((r) => r.value > 0)) {
      const row = cells.find((c) => c.period === m.period);
      const hidden = pattern.hides(cellKey('births', OWN, m.period, { R: 'migrant' }));
      expect(row?.n ?? null, m.period).toBe(hidden ? null : m.value);
      if (hidden) withheld++;
    }
    expect(withheld).toBeGreaterThan(0);
  });

  it("a county account reads files holding one rollup each, written once per database file, with the same rows", async () => {
    const dir = reportTablesDir(county.db.path);
    rmSync(dir, { recursive: true, force: true });
    const first = await render('zhao', false);
    const files = readdirSync(dir);
    const identity = await county.db.fileIdentity();
    expect(files).toEqual([`${identity}.r_births.duckdb`]);
    const written = statSync(path.join(dir, files[0]!)).mtimeMs;
    // the file holds that rollup's rows and nothing else: every other sandbox table in it is empty
    const file = await DuckDBInstance.create(path.join(dir, files[0]!), { access_mode: 'READ_ONLY' });
    const connection = await file.connect();
    const counts = (await connection.runAndReadAll(
      "SELECT table_name, estimated_size FROM duckdb_tables() WHERE estimated_size > 0")).getRowObjectsJson();
    connection.closeSync();
    file.closeSync();
    expect(counts.map((c) => c.table_name)).toEqual(['r_births']);
    const source = await county.db.query<{ n: number }>('notebooks/sandbox/copy/r_births', { all: true, townships: [] });
    expect(Number(counts[0]!.estimated_size)).toBe(source.length);
    // a second render reads the same file; the rows equal the copy a township sandbox is given
    const second = await render('zhao', false);
    expect(statSync(path.join(dir, files[0]!)).mtimeMs).toBe(written);
    expect(second.results.get('towns')!.rows).toEqual(first.results.get('towns')!.rows);
    const own = (await render('li', false)).results.get('towns')!.rows;
    expect(first.results.get('towns')!.rows).toContainEqual(own[0]);
    // files of an earlier database file go when this one's are written
    writeFileSync(path.join(dir, '1-2.r_births.duckdb'), '');
    rmSync(path.join(dir, files[0]!));
    await render('zhao', false);
    expect(readdirSync(dir)).toEqual([`${identity}.r_births.duckdb`]);
  });
});
