/**
 * The answer cache (server/answer/cache.ts, cacheMiddleware.ts) is correct: a repeated answer is the
 * same answer, a township account never receives another scope's cached answer, an import (a new
 * database generation) or a target edit gives fresh answers, ETags give 304 only while the answer is
 * unchanged, the cache holds no more bytes than its bound, large answers go gzipped to a browser that
 * accepts it, and a report renders once per epoch. Expected figures are counted here
 * from the fixture's rows (test/fixtures/randomCounty.ts), not read from the server.
 */
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { AnswerCache } from '../server/answer/cache.ts';
import { GZIP_MIN_BYTES } from '../server/answer/cacheMiddleware.ts';
import { ingest } from '../server/ingest/ingest.ts';
import { buildRandomCounty, TOWNS, writeRandomCounty, type RandomCounty } from './fixtures/randomCounty.ts';
import { tempDir } from './helpers.ts';
import { OWN, securedCounty, type SecuredCounty } from './security/securedCounty.ts';

interface Row { township: string; period: string; value: number | null }

/** Births of one township in one month of the fixture. */
function births(county: RandomCounty, town: string, month: string): number {
  return county.births.filter((b) => b.town === town && b.date.startsWith(month)).length;
}

const MONTHLY = `/api/indicators/births?township=${OWN}&from=2019&to=2024&period=month`;
const YEARLY = `/api/indicators/births?township=${TOWNS.join(',')}&from=2019&to=2024`;

describe('answer cache', () => {
  const dir = tempDir('answer-cache');
  const before = buildRandomCounty(7);
  const after = buildRandomCounty(8);
  const cache = new AnswerCache(8 * 2 ** 20);
  let county: SecuredCounty;
  const rows = async (token: string, url: string) => ((await (await county.as(token, url)).json()) as { rows: Row[] }).rows;

  beforeAll(async () => {
    county = await securedCounty(dir, { answerCache: cache });
  });

  it('a repeated answer is the same bytes, served from the cache with the same strong ETag', async () => {
    const first = await county.as(county.tokens.admin, YEARLY);
    const hits = cache.stats().hits;
    const second = await county.as(county.tokens.admin, `/api/indicators/births?to=2024&from=2019&township=${TOWNS.join(',')}`);
    expect(cache.stats().hits).toBe(hits + 1); // the same parameters in another order: the same answer
    expect(first.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(second.headers.get('cache-control')).toBe('private, no-cache');
    const body = await second.text();
    expect(body).toBe(await first.text());
    for (const row of (JSON.parse(body) as { rows: Row[] }).rows) {
      expect(row.value, `${row.township} ${row.period}`).toBe(before.births.filter((b) => b.town === row.township && b.date.startsWith(row.period)).length);
    }
  });

  it('sends a large answer gzipped to a browser that accepts it: the same bytes unzipped, its own ETag and 304', async () => {
    const LARGE = `/api/indicators/pyramid?township=${TOWNS.join(',')}&from=2019&to=2024`; // by single age: thousands of rows
    const plain = await county.as(county.tokens.admin, LARGE);
    const plainBytes = new Uint8Array(await plain.arrayBuffer());
    expect(plainBytes.byteLength).toBeGreaterThan(GZIP_MIN_BYTES);
    expect(plain.headers.get('content-encoding')).toBeNull();
    const zipped = await county.as(county.tokens.admin, LARGE, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toBe('Accept, Accept-Encoding');
    const zippedBytes = new Uint8Array(await zipped.arrayBuffer());
    expect(zippedBytes.byteLength).toBeLessThan(plainBytes.byteLength / 3);
    expect(new Uint8Array(gunzipSync(zippedBytes))).toEqual(plainBytes);
    const etag = zipped.headers.get('etag')!;
    expect(etag).not.toBe(plain.headers.get('etag'));
    const again = await county.as(county.tokens.admin, LARGE, { headers: { 'accept-encoding': 'gzip', 'if-none-match': etag } });
    expect(again.status).toBe(304);
    // the plain representation's ETag does not validate the zipped one, nor the other way round
    const crossed = await county.as(county.tokens.admin, LARGE, { headers: { 'if-none-match': etag } });
    expect(crossed.status).toBe(200);
    // a small answer goes as it is
    const small = await county.as(county.tokens.admin, `/api/indicators/births?township=${OWN}&from=2024&to=2024`, { headers: { 'accept-encoding': 'gzip' } });
    expect(small.headers.get('content-encoding')).toBeNull();
    expect((await small.arrayBuffer()).byteLength).toBeLessThan(GZIP_MIN_BYTES);
  });

  it('a township account never receives the county account\'s cached answer for the same URL', async () => {
    const countyRows = await rows(county.tokens.admin, MONTHLY);
    const small = countyRows.filter((r) => r.value !== null && r.value > 0 && r.value < 5);
    expect(small.length).toBeGreaterThan(10); // the county's answer has small cells a township may not see
    for (const r of countyRows) expect(r.value).toBe(births(before, OWN, r.period));

    const hits = cache.stats().hits;
    const townshipRows = await rows(county.tokens.township, MONTHLY);
    expect(cache.stats().hits).toBe(hits); // a miss: computed for this scope, not shared
    for (const r of townshipRows) {
      const n = births(before, OWN, r.period);
      if (n > 0 && n < 5) expect(r.value, r.period).toBeNull();
      if (r.value !== null) expect(r.value).toBe(n);
    }
    expect((await rows(county.tokens.township, MONTHLY))).toEqual(townshipRows); // its own cached answer
    expect((await rows(county.tokens.admin, MONTHLY))).toEqual(countyRows);

    // The county-wide answer is cached, yet a township account asking for it is refused.
    expect((await county.as(county.tokens.admin, '/api/indicators/births?township=all')).status).toBe(200);
    expect((await county.as(county.tokens.admin, '/api/indicators/births?township=all')).status).toBe(200);
    expect((await county.as(county.tokens.township, '/api/indicators/births?township=all')).status).toBe(403);
  });

  it('a target set on the 目标 page is in the next answer (the cache is emptied)', async () => {
    const url = '/api/indicators/compliance?township=all&from=2024&to=2024&residence=registered';
    const target = async () => ((await (await county.as(county.tokens.admin, url)).json()) as { rows: { target: number | null }[] }).rows[0]!.target;
    expect(await target()).toBe(99); // the default for registered births
    const set = await county.as(county.tokens.admin, '/api/targets', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ measure: 'compliance_registered', scope: 'all', year: 2024, direction: 'at_least', value: 97.5 }),
    });
    expect(set.status).toBe(200);
    expect(await target()).toBe(97.5);
    await county.as(county.tokens.admin, '/api/targets/remove', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ measure: 'compliance_registered', scope: 'all', year: 2024 }),
    });
    expect(await target()).toBe(99);
  });

  it('renders a report once per epoch for all its formats; a township account gets its own render; a target edit renders it again', async () => {
    // A render's timings are its own: the same figures mean the same render was sent again.
    const renderOf = async (token: string, format: string) => {
      const res = await county.as(token, `/api/reports/township-profile?township=${OWN}&format=${format}`);
      expect(res.status).toBe(200);
      return res;
    };
    const timings = async (token: string) => ((await (await renderOf(token, 'json')).json()) as { timings: { totalMs: number } }).timings.totalMs;
    const first = await timings(county.tokens.admin);
    await renderOf(county.tokens.admin, 'html');
    expect(await timings(county.tokens.admin)).toBe(first);
    expect(await timings(county.tokens.township)).not.toBe(first);
    const set = await county.as(county.tokens.admin, '/api/targets', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ measure: 'compliance_registered', scope: 'all', year: 2024, direction: 'at_least', value: 97.5 }),
    });
    expect(set.status).toBe(200);
    const edited = await timings(county.tokens.admin);
    expect(edited).not.toBe(first);
    await county.as(county.tokens.admin, '/api/targets/remove', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ measure: 'compliance_registered', scope: 'all', year: 2024 }),
    });
    expect(await timings(county.tokens.admin)).not.toBe(edited);
  });

  it('304 for a matching If-None-Match; after an import the same URL answers the new data with a new ETag', async () => {
    const first = await county.as(county.tokens.township, MONTHLY);
    const etag = first.headers.get('etag')!;
    const unchanged = await county.as(county.tokens.township, MONTHLY, { headers: { 'if-none-match': etag } });
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers.get('etag')).toBe(etag);
    expect(await unchanged.text()).toBe('');
    const countyEtag = (await county.as(county.tokens.admin, YEARLY)).headers.get('etag')!;

    const exports = path.join(dir, 'exports-8');
    await writeRandomCounty(exports, after);
    await ingest({ source: exports, dbPath: county.dbPath, today: '2026-11-23' });
    await sleep(1100); // the server looks for a swapped-in file at most once a second (db/Database.ts)

    const fresh = await county.as(county.tokens.township, MONTHLY, { headers: { 'if-none-match': etag } });
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('etag')).not.toBe(etag);
    const freshRows = ((await fresh.json()) as { rows: Row[] }).rows;
    let changed = 0;
    for (const r of freshRows) {
      const n = births(after, OWN, r.period);
      if (n > 0 && n < 5) expect(r.value, r.period).toBeNull();
      if (r.value !== null) expect(r.value).toBe(n);
      if (r.value !== null && n !== births(before, OWN, r.period)) changed++;
    }
    expect(changed).toBeGreaterThan(5); // the new data really differs where it is shown

    const yearly = await county.as(county.tokens.admin, YEARLY, { headers: { 'if-none-match': countyEtag } });
    expect(yearly.status).toBe(200);
    for (const row of ((await yearly.json()) as { rows: Row[] }).rows) {
      expect(row.value).toBe(after.births.filter((b) => b.town === row.township && b.date.startsWith(row.period)).length);
    }
  });

  it('holds no more bytes than its bound, keeping the most recently used answers', async () => {
    const small = new AnswerCache(24 * 1024);
    county.remake({ answerCache: small });
    try {
      const urls = TOWNS.flatMap((t) => ['month', 'quarter', 'year'].map((p) => `/api/indicators/births?township=${t}&period=${p}`));
      for (const url of urls) {
        expect((await county.as(county.tokens.admin, url)).status).toBe(200);
        expect(small.stats().bytes).toBeLessThanOrEqual(24 * 1024);
      }
      const held = small.stats().entries;
      expect(held).toBeGreaterThan(0);
      expect(held).toBeLessThan(urls.length); // some were evicted to stay under the bound
      const hits = small.stats().hits;
      await county.as(county.tokens.admin, urls.at(-1)!);
      expect(small.stats().hits).toBe(hits + 1); // the last one asked is still there
      await county.as(county.tokens.admin, urls[0]!);
      expect(small.stats().hits).toBe(hits + 1); // the first was evicted
    } finally {
      county.remake({ answerCache: cache });
    }
  });
});
