/**
 * A township boundary file goes in through the 数据导入 page's upload with the tables, as it does
 * from a folder: the mapping step says which file it is and how many townships it outlines (or why
 * it cannot be used, in Chinese, as a problem to resolve), and after the import the map has those
 * polygons. Anything that is neither a table nor a boundary file is refused, by name.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileMapping, ImportStatus, MappingAnswer } from '../contract/imports.ts';
import { startServer, type RunningServer } from '../server/server.ts';
import { demoCounty } from './fixtures/demoCounty.ts';
import { TINY_OFFICE, writeTinyOffice } from './fixtures/tinyOffice.ts';
import { tempDir } from './helpers.ts';

const dir = tempDir('import-boundaries');
let server: RunningServer;
let tables: string[];

/** A square around (x, y) for a township, as a county's GIS office would export it (12-digit codes). */
const square = (code: string, x: number) => ({
  type: 'Feature', properties: { 统计用区划代码: `${code}000`, 名称: code },
  geometry: { type: 'Polygon', coordinates: [[[x, 30], [x + 0.1, 30], [x + 0.1, 30.1], [x, 30.1], [x, 30]]] },
});
const GEOJSON = JSON.stringify({ type: 'FeatureCollection', features: TINY_OFFICE.townships.map((code, i) => square(code, 110 + i * 0.1)) });
const NO_CODE = JSON.stringify({ type: 'FeatureCollection', features: [{ ...square(TINY_OFFICE.townships[0]!, 110), properties: { 名称: '城关街道' } }] });

async function upload(extra: { name: string; text: string }[], withTables = true): Promise<Response> {
  const form = new FormData();
  if (withTables) for (const file of tables) form.append('files', new Blob([readFileSync(file)]), path.basename(file));
  for (const f of extra) form.append('files', new Blob([f.text]), f.name);
  return fetch(`${server.url}/api/import/uploads`, { method: 'POST', body: form });
}

/** The upload folders the server keeps beside the database. */
const uploadSessions = () => {
  const uploads = path.join(dir, 'served', 'uploads');
  return existsSync(uploads) ? readdirSync(uploads).filter((n) => /^[0-9a-f]{16}$/.test(n)).sort() : [];
};

const call = async <T>(p: string, method = 'GET', body?: unknown): Promise<T> => {
  const res = await fetch(`${server.url}${p}`, body === undefined ? { method } : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status, `${method} ${p}`).toBe(200);
  return res.json() as Promise<T>;
};

beforeAll(async () => {
  const served = path.join(dir, 'served');
  mkdirSync(served);
  copyFileSync((await demoCounty()).dbPath, path.join(served, 'renkou.duckdb'));
  const office = path.join(dir, 'office');
  mkdirSync(office);
  tables = await writeTinyOffice(office);
  server = await startServer({ dbPath: path.join(served, 'renkou.duckdb'), port: 0, usersFile: path.join(dir, 'no-users.json'), auditFile: path.join(dir, 'audit.log') });
});
afterAll(async () => {
  await server?.close();
});

describe('a boundary file uploaded with the tables', () => {
  it('refuses a file that is neither a table nor a boundary file, naming it', async () => {
    const res = await upload([{ name: '说明.pdf', text: '%PDF-1.4' }], false);
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('import_format');
    expect(error.message).toMatch(/^说明\.pdf：只能上传 CSV（\.csv、\.tsv、\.txt）、Excel（\.xlsx、\.xls）或乡镇边界（\.geojson、\.topojson）文件/);
    // refused beside the tables: none of them is kept (they hold names and ID numbers)
    const sessionsBefore = uploadSessions();
    expect((await upload([{ name: '说明.pdf', text: '%PDF-1.4' }])).status).toBe(400);
    expect(uploadSessions()).toEqual(sessionsBefore);
  });

  it('names a boundary file without township codes as a problem, in Chinese', async () => {
    const { id } = (await (await upload([{ name: '乡镇边界.geojson', text: NO_CODE }])).json()) as { id: string };
    const answer = await call<MappingAnswer>(`/api/import/${id}/mapping`);
    expect(answer.boundaries).toEqual({ file: '乡镇边界.geojson', problem: expect.stringMatching(/^乡镇边界\.geojson：第 1 个要素（features\[0\]）没有 9 位或 12 位乡镇代码/) });
  });

  it('says how many townships it outlines, and the imported map has their polygons', async () => {
    const res = await upload([{ name: '乡镇边界.geojson', text: GEOJSON }]);
    expect(res.status).toBe(200);
    const { id, files } = (await res.json()) as { id: string; files: string[] };
    expect(files).toContain('乡镇边界.geojson');
    const answer = await call<MappingAnswer>(`/api/import/${id}/mapping`);
    expect(answer.boundaries).toEqual({ file: '乡镇边界.geojson', townships: 2 });

    // the one column no system names (生日) mapped by hand, as the page's select does
    const mapping: FileMapping[] = answer.suggestions.map((s) => ({
      file: s.file, ...(s.sheet ? { sheet: s.sheet } : {}), table: s.table!, direction: s.direction,
      columns: Object.fromEntries(s.columns.map((c) => [c.header, c.header === '生日' ? 'birth_date' : c.field])),
    }));
    await call(`/api/import/${id}/mapping`, 'PUT', { files: mapping });
    // the tiny county has no deaths file and the served demo county has deaths: the stop names the table,
    // and the confirmation sends back exactly that
    const stopped = await fetch(`${server.url}/api/import/${id}/dry-run`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(stopped.status).toBe(400);
    expect(((await stopped.json()) as { error: { code: string; tables: string[] } }).error).toMatchObject({ code: 'import_table_vanished', tables: ['deaths'] });
    await call(`/api/import/${id}/run`, 'POST', { dropTables: ['deaths'] });
    await expect.poll(async () => (await call<ImportStatus>(`/api/import/${id}/status`)).state, { timeout: 120_000, interval: 250 }).toBe('done');

    // the server looks for the new database file at most once a second
    const outlined = async () => {
      const topology = await call<{ type: string; objects: Record<string, { geometries: { id: string }[] }> }>('/api/regions.topojson');
      return Object.values(topology.objects).flatMap((o) => o.geometries.map((g) => g.id)).sort();
    };
    await expect.poll(outlined, { timeout: 10_000 }).toEqual([...TINY_OFFICE.townships].sort());
  });
});

describe('a file set to 不导入 on the page', () => {
  it('is saved under ignore: and no longer stops the dry run', async () => {
    const { id } = (await (await upload([{ name: '填表说明.csv', text: '说明\r\n请按要求填写\r\n' }])).json()) as { id: string };
    const before = await call<MappingAnswer>(`/api/import/${id}/mapping`);
    expect(before.suggestions.flatMap((s) => s.problems).some((p) => p.startsWith('填表说明.csv：无法判断是哪张表'))).toBe(true);
    const files: FileMapping[] = before.suggestions.filter((s) => s.table).map((s) => ({
      file: s.file, table: s.table!, direction: s.direction,
      columns: Object.fromEntries(s.columns.map((c) => [c.header, c.header === '生日' ? 'birth_date' : c.field])),
    }));
    await call(`/api/import/${id}/mapping`, 'PUT', { files, ignored: ['填表说明.csv'] });
    const after = await call<MappingAnswer>(`/api/import/${id}/mapping`);
    expect(after.suggestions.flatMap((s) => s.problems)).toEqual([]);
    expect(after.suggestions.find((s) => s.source === '填表说明.csv')).toMatchObject({ ignored: true, table: null });
    // its columns are still shown, so that a planner who gives it a table maps them there
    expect(after.suggestions.find((s) => s.source === '填表说明.csv')!.columns).toEqual([{ header: '说明', field: 'ignore', confidence: 'none', samples: [] }]); // its text not shown: a file no table fits
    // (over the demo county's deaths when this test runs alone)
    const dry = await call<{ tables: { table: string; rowsAccepted: number }[] }>(`/api/import/${id}/dry-run`, 'POST', { dropTables: ['deaths'] });
    expect(dry.tables.find((t) => t.table === 'births')!.rowsAccepted).toBe(TINY_OFFICE.expected.births.accepted);
  });
});
