/**
 * The built front end as the server sends it: Vite's content-named assets cached for a year and
 * compressed for a client that accepts gzip; the page itself revalidated each time, so a new build
 * is seen at once (server/app.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../server/app.ts';
import { Database } from '../server/db/Database.ts';
import { ingest } from '../server/ingest/ingest.ts';
import { writeTinyCounty } from './fixtures/tinyCounty.ts';
import { tempDir } from './helpers.ts';

describe('static files of the front end', () => {
  const dir = tempDir('static-files');
  const web = path.join(dir, 'web');
  const script = `export const chart = ${JSON.stringify('人口'.repeat(2000))};\n`;
  let db: Database;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    mkdirSync(path.join(web, 'assets'), { recursive: true });
    writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>人口</title><script type="module" src="/assets/index-AbC123.js"></script>');
    writeFileSync(path.join(web, 'assets', 'index-AbC123.js'), script);
    await writeTinyCounty(path.join(dir, 'exports'));
    await ingest({ source: path.join(dir, 'exports'), dbPath: path.join(dir, 'r.duckdb'), today: '2026-11-23' });
    db = await Database.open(path.join(dir, 'r.duckdb'));
    app = createApp({ db, webRoot: web, log: () => {} });
  });
  afterAll(() => db.close());

  it('keeps a content-named asset a year and sends it gzipped to a client that accepts it', async () => {
    const res = await app.request('/assets/index-AbC123.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.length).toBeLessThan(Buffer.byteLength(script) / 10);
    expect(gunzipSync(body).toString('utf8')).toBe(script);
    // a client that does not accept gzip gets the file as it is
    const plain = await app.request('/assets/index-AbC123.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
  });

  it('has the page asked for again each time, at / and at any page of the app', async () => {
    for (const url of ['/', '/?page=overview', '/somewhere']) {
      const res = await app.request(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('cache-control'), url).toBe('no-cache');
      expect(await res.text()).toContain('/assets/index-AbC123.js');
    }
  });
});
