/**
 * The overview map after an import: the picture is drawn again from the new data, its boundaries
 * and names included (the drawing keeps them per database generation, workers/mapDrawing.ts).
 * A township renamed between two imports of the tiny county appears under its new name only, also
 * when the worker's database handle has not yet looked for the new file (it looks once a second).
 */
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../server/app.ts';
import { Database } from '../server/db/Database.ts';
import { ingest } from '../server/ingest/ingest.ts';
import { drawMap } from '../server/workers/mapDrawing.ts';
import { writeParquet } from './fixtures/parquet.ts';
import { writeTinyCounty } from './fixtures/tinyCounty.ts';
import { tempDir } from './helpers.ts';

describe('the map picture follows an import', () => {
  const dir = tempDir('map-svg-import');
  const source = path.join(dir, 'exports');
  const dbPath = path.join(dir, 'renkou.duckdb');
  let db: Database;
  let app: ReturnType<typeof createApp>;
  const map = async () => (await app.request('/api/map.svg?layer=population_registered&year=2024')).text();

  beforeAll(async () => {
    await writeTinyCounty(source);
    await ingest({ source, dbPath, today: '2026-11-23' });
    db = await Database.open(dbPath);
    app = createApp({ db, webRoot: path.join(dir, 'no-web'), log: () => {} });
  });
  afterAll(() => db.close());

  it('names the renamed township by its new name after the next import', async () => {
    const before = await map();
    expect(before).toContain('柳河乡');
    expect(before.match(/aria-roledescription="geoshape"/g)).toHaveLength(2);

    await writeParquet(path.join(source, 'regions.parquet'),
      { code: 'VARCHAR', name: 'VARCHAR', county_code: 'VARCHAR', kind: 'VARCHAR' },
      [['999901001', '城关街道', '999901', 'subdistrict'], ['999901201', '柳河镇', '999901', 'town']]);
    await ingest({ source, dbPath, today: '2026-11-23' });
    await sleep(1100); // the server looks for a swapped-in file at most once a second (db/Database.ts)

    const after = await map();
    expect(after).toContain('柳河镇');
    expect(after).not.toContain('柳河乡');
    expect(after).toContain('城关街道');
  });

  it("draws the new file's names in a worker whose handle has not looked for it yet", async () => {
    const workerDb = await Database.open(dbPath);
    const regions = async (name: string) => {
      await writeParquet(path.join(source, 'regions.parquet'),
        { code: 'VARCHAR', name: 'VARCHAR', county_code: 'VARCHAR', kind: 'VARCHAR' },
        [['999901001', '城关街道', '999901', 'subdistrict'], ['999901201', name, '999901', 'town']]);
      await ingest({ source, dbPath, today: '2026-11-23' });
    };
    const job = (file: string) => ({ layer: 'population' as const, values: { rows: [{ township: '999901001', value: 1, small: false }, { township: '999901201', value: 2, small: false }], unit: 'persons' }, lang: 'zh' as const, file });
    vi.useFakeTimers({ toFake: ['Date'] }); // the clock stands still: the worker's handle will not look by itself
    try {
      expect(await drawMap(workerDb, job(await workerDb.fileIdentity()))).toContain('柳河镇');
      await regions('柳河新镇');
      const mainFile = await db.fileIdentityMatching('a file before the import'); // the main thread has seen the new file
      const drawn = await drawMap(workerDb, job(mainFile));
      expect(drawn).toContain('柳河新镇');
      expect(drawn).not.toContain('柳河镇<');
    } finally {
      vi.useRealTimers();
      workerDb.close();
    }
  });
});
