/**
 * Access control and township scope, enforced on the server: tokens, sessions, 401/403, the
 * scope of a township user on every analytic route, small-cell suppression, audit lines.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../server/app.ts';
import { fileAuditLog } from '../server/http/audit.ts';
import { UserStore } from '../server/auth/users.ts';
import { DEFAULT_ANALYTICS } from '../server/config.ts';
import { Database } from '../server/db/Database.ts';
import { ingest } from '../server/ingest/ingest.ts';
import { isLoopback, startServer } from '../server/server.ts';
import { buildRandomCounty, TOWNS, writeRandomCounty } from './fixtures/randomCounty.ts';
import { tempDir } from './helpers.ts';

const OWN = TOWNS[1];
const OTHER = TOWNS[2];

describe('access control and township scope', () => {
  const dir = tempDir('security');
  const dbPath = path.join(dir, 'r.duckdb');
  const auditFile = path.join(dir, 'audit.log');
  const users = new UserStore(path.join(dir, 'users.json'));
  let db: Database;
  let app: ReturnType<typeof createApp>;
  let tokens: Record<'admin' | 'analyst' | 'township', string>;

  const as = (token: string | null, url: string, init: RequestInit = {}) =>
    app.request(url, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers ?? {}) } });

  beforeAll(async () => {
    await writeRandomCounty(path.join(dir, 'exports'), buildRandomCounty());
    await ingest({ source: path.join(dir, 'exports'), dbPath, today: '2026-11-23' });
    db = await Database.open(dbPath);
    app = createApp({ db, webRoot: path.join(dir, 'none'), users, audit: fileAuditLog(auditFile), log: () => {},
      analytics: { ...DEFAULT_ANALYTICS, suppressSmall: true } });
    tokens = {
      admin: users.add({ name: 'wang', role: 'admin' }).token,
      analyst: users.add({ name: 'zhao', role: 'analyst' }).token,
      township: users.add({ name: 'li', role: 'township', townships: [OWN] }).token,
    };
  });
  afterAll(() => db.close());

  it('stores only a salted hash, never the token', () => {
    const stored = readFileSync(users.file, 'utf8');
    for (const token of Object.values(tokens)) {
      // rk_<8-char id>_<43-char base64url secret>; the secret may itself contain '_'.
      const secret = /^rk_[a-z0-9]{8}_(.{43})$/.exec(token)![1]!;
      expect(stored).not.toContain(token);
      expect(stored).not.toContain(secret);
    }
    expect(stored).toMatch(/"salt"/);
  });

  it('refuses requests without a token, with a wrong one, and accepts a valid one', async () => {
    expect((await as(null, '/api/meta')).status).toBe(401);
    expect((await as(`${tokens.analyst}x`, '/api/meta')).status).toBe(401);
    expect((await as('rk_00000000_' + 'a'.repeat(43), '/api/meta')).status).toBe(401);
    expect((await as(tokens.analyst, '/api/meta')).status).toBe(200);
    expect((await as(null, '/api/health')).status).toBe(200);
  });

  it('a removed user is refused at the next request', async () => {
    const { token } = users.add({ name: 'temp', role: 'analyst' });
    expect((await as(token, '/api/meta')).status).toBe(200);
    users.remove('temp');
    expect((await as(token, '/api/meta')).status).toBe(401);
  });

  it('a township user sees their township and nothing else, on every analytic route', async () => {
    const t = tokens.township;
    expect((await as(t, `/api/indicators/births?township=${OWN}`)).status).toBe(200);
    for (const url of [
      '/api/indicators/births?township=all',
      '/api/indicators/births',
      `/api/indicators/tfr?township=${OTHER}`,
      `/api/indicators/cbr?township=${OWN},${OTHER}`,
      '/api/srb?township=all',
      `/api/srb?township=${OTHER}`,
    ]) {
      const res = await as(t, url);
      expect(res.status, url).toBe(403);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('out_of_scope');
      expect(body.error.message).toContain(OWN);
    }
    const ranking = (await (await as(t, '/api/srb/ranking?from=2019&to=2024')).json()) as { county: unknown; prior: unknown; funnel: unknown[]; townships: { township: string; smoothed: unknown }[] };
    expect(ranking.townships.map((r) => r.township)).toEqual([OWN]);
    expect(ranking.county).toBeNull();
    expect(ranking.prior).toBeNull();
    expect(ranking.funnel).toEqual([]);
    expect(ranking.townships[0]!.smoothed).toBeNull();
    const srb = (await (await as(t, `/api/srb?township=${OWN}&from=2020&to=2024`)).json()) as { rows: { smoothed: unknown; srb: number }[] };
    expect(srb.rows.every((r) => r.smoothed === null)).toBe(true);
    // the scorecard's SRB item too: the raw ratio and interval, not the smoothed ones (fitted across every township)
    type Item = { kind: string; value: number | null; score: number | null; fields: Record<string, number | null> };
    const scored = (await (await as(t, '/api/assessment?year=2024')).json()) as { townships: { township: string; items: Item[] }[] };
    expect(scored.townships.map((x) => x.township)).toEqual([OWN]);
    const srbItem = scored.townships[0]!.items.find((i) => i.kind === 'srb')!;
    expect(srbItem).toMatchObject({ value: null, fields: { smoothed_lo: null, smoothed_hi: null } });
    const own2024 = (await (await as(t, `/api/srb?township=${OWN}&from=2024&to=2024`)).json()) as { rows: { srb: number }[] };
    expect(srbItem.fields.srb).toBeCloseTo(own2024.rows[0]!.srb, 9);
    const county = (await (await as(tokens.admin, '/api/assessment?year=2024')).json()) as { townships: { township: string; items: Item[] }[] };
    const countyItem = county.townships.find((x) => x.township === OWN)!.items.find((i) => i.kind === 'srb')!;
    expect(countyItem.value).not.toBeNull();
    expect(srbItem.score).toBe(countyItem.score); // the township's official score stays
    const map = (await (await as(t, '/api/map?year=2024')).json()) as { rows: { township: string; value: number | null }[] };
    expect(map.rows.filter((r) => r.value !== null).map((r) => r.township)).toEqual([OWN]);
    const meta = (await (await as(t, '/api/meta')).json()) as { rowCounts: object; quarantine: object; scope: string[] };
    expect(meta.rowCounts).toEqual({});
    expect(meta.quarantine).toEqual({});
    expect(meta.scope).toEqual([OWN]);
  });

  it('a township user is held to their townships by projections and reports too', async () => {
    const t = tokens.township;
    const post = (body: unknown) => as(t, '/api/projections', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    expect((await post({ scope: OWN, horizon: 5 })).status).toBe(200);
    for (const scope of ['all', OTHER, [OWN, OTHER]]) expect((await post({ scope, horizon: 5 })).status, JSON.stringify(scope)).toBe(403);
    expect((await as(t, `/api/projections/assumptions?scope=${OWN}`)).status).toBe(200);
    expect((await as(t, `/api/projections/assumptions?scope=${OTHER}`)).status).toBe(403);
    expect((await as(t, '/api/projections/backtest?baseYear=2020&to=2024')).status).toBe(403);
    expect((await as(t, '/api/reports/situation-analysis?year=2024&format=json')).status).toBe(403);
    expect((await as(t, `/api/reports/township-profile?township=${OTHER}&year=2024&format=json`)).status).toBe(403);
    expect((await as(t, `/api/reports/township-profile?township=${OWN}&year=2024&format=json`)).status).toBe(200);
    // the 1至N月 report follows its township parameter: a township renders it for its own, and its table of townships holds that one
    expect((await as(t, '/api/reports/half-year?year=2024&through=6&format=json')).status).toBe(403);
    expect((await as(t, `/api/reports/half-year?township=${OTHER}&year=2024&through=6&format=json`)).status).toBe(403);
    const own = await as(t, `/api/reports/half-year?township=${OWN}&year=2024&through=6&format=json`);
    expect(own.status).toBe(200);
    const report = (await own.json()) as { errors: unknown[]; tables: { name: string; csv: string }[] };
    expect(report.errors).toEqual([]);
    const towns = report.tables.find((x) => x.name === 'towns_table')!.csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(towns).toHaveLength(2); // the header and the account's township
    const lines = readFileSync(auditFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { event: string; user: string; notebook?: string });
    expect(lines.some((l) => l.event === 'report' && l.user === 'li' && l.notebook === 'township-profile')).toBe(true);
  });

  it('township=each is every township the asker may see, through the same scope check', async () => {
    const rowsOf = async (token: string, url: string) => {
      const res = await as(token, url);
      expect(res.status, url).toBe(200);
      return ((await res.json()) as { rows: { township: string; period: string; value: number | null }[] }).rows;
    };
    // a county user: exactly the answer to the listed codes, one township after another
    const listed = await rowsOf(tokens.analyst, `/api/indicators/births?township=${TOWNS.join(',')}&from=2023&to=2024`);
    const each = await rowsOf(tokens.analyst, '/api/indicators/births?township=each&from=2023&to=2024');
    expect(each).toEqual(listed);
    expect([...new Set(each.map((r) => r.township))].sort()).toEqual([...TOWNS].sort());
    const withCounty = await rowsOf(tokens.analyst, '/api/indicators/births?township=each,all&from=2024&to=2024');
    expect(withCounty.map((r) => r.township).sort()).toEqual([...TOWNS, 'all'].sort());
    // a township user: their township only, with no county figures
    const own = await rowsOf(tokens.township, '/api/indicators/births?township=each&from=2023&to=2024');
    expect(own).toEqual(await rowsOf(tokens.township, `/api/indicators/births?township=${OWN}&from=2023&to=2024`));
    expect((await as(tokens.township, '/api/indicators/births?township=each,all')).status).toBe(403);
    const srb = await rowsOf(tokens.township, '/api/srb?township=each&from=2024&to=2024');
    expect(srb.map((r) => r.township)).toEqual([OWN]);
  });

  it('the map picture (GET /api/map.svg) draws what the asker may see, and no more', async () => {
    const names = new Map(((await (await as(tokens.analyst, '/api/meta')).json()) as { townships: { code: string; name: string }[] }).townships.map((t) => [t.code, t.name]));
    const drawn = async (token: string) => {
      const res = await as(token, '/api/map.svg?layer=births&year=2023');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('image/svg+xml');
      return res.text();
    };
    // the random county has no boundaries: ranked bars, one labelled bar per township the asker may see
    const county = await drawn(tokens.analyst);
    for (const code of TOWNS) expect(county).toContain(names.get(code)!);
    const own = await drawn(tokens.township);
    expect(own).toContain(names.get(OWN)!);
    for (const code of TOWNS.filter((c) => c !== OWN)) expect(own).not.toContain(names.get(code)!);
    // its cached copy is the township account's own, not the county's
    expect(await drawn(tokens.township)).toBe(own);
    expect((await as(null, '/api/map.svg?layer=births&year=2023')).status).toBe(401);
    expect((await as(tokens.analyst, '/api/map.svg?layer=drop_table&year=2023')).status).toBe(400);
    // an unknown parameter is refused, not a new drawing and a new cache entry per spelling
    expect((await as(tokens.analyst, '/api/map.svg?layer=births&year=2023&junk=1')).status).toBe(400);
  });

  it('county users see every township and the county', async () => {
    for (const token of [tokens.admin, tokens.analyst]) {
      expect((await as(token, '/api/indicators/births?township=all')).status).toBe(200);
      const ranking = (await (await as(token, '/api/srb/ranking?from=2019&to=2024')).json()) as { townships: unknown[] };
      expect(ranking.townships).toHaveLength(TOWNS.length);
    }
  });

  it('small cells are suppressed, not just marked, for a township user when the option is on', async () => {
    const url = `/api/indicators/births?township=${OWN}&from=2022&to=2022&period=month`;
    const mine = (await (await as(tokens.township, url)).json()) as { rows: { small: boolean; value: number | null; suppressed?: boolean }[] };
    const county = (await (await as(tokens.analyst, url)).json()) as { rows: { small: boolean; value: number | null }[] };
    expect(county.rows.some((r) => r.small && r.value !== null)).toBe(true);
    county.rows.forEach((c, i) => {
      const row = mine.rows[i]!;
      // 1 to 4 births: suppressed (a zero names nobody); anything shown is the true figure.
      if (c.value !== null && c.value > 0 && c.value < 5) expect(row).toMatchObject({ value: null, suppressed: true });
      if (row.value !== null) expect(row.value).toBe(c.value);
    });
  });

  it('a login gives an HttpOnly, SameSite=Strict session cookie that then works alone; logins are audited', async () => {
    const bad = await app.request('/api/login', { method: 'POST', body: JSON.stringify({ token: 'nope' }), headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(401);
    const res = await app.request('/api/login', { method: 'POST', body: JSON.stringify({ token: tokens.township }), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const session = cookie.split(';')[0]!;
    const who = (await (await app.request('/api/session', { headers: { cookie: session } })).json()) as { user: { name: string; townships: string[] } };
    expect(who.user).toMatchObject({ name: 'li', townships: [OWN] });
    expect((await app.request(`/api/indicators/births?township=${OWN}`, { headers: { cookie: session } })).status).toBe(200);
    expect((await app.request('/api/indicators/births?township=all', { headers: { cookie: session } })).status).toBe(403);
    await app.request('/api/audit/export', { method: 'POST', body: JSON.stringify({ what: 'csv', params: { chart: 'births' } }), headers: { cookie: session, 'content-type': 'application/json' } });
    const lines = readFileSync(auditFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { event: string; user: string | null });
    expect(lines.map((l) => [l.event, l.user])).toEqual(expect.arrayContaining([['login_failed', null], ['login', 'li'], ['export', 'li']]));
    expect(readFileSync(auditFile, 'utf8')).not.toContain(tokens.township);
  });

  it('refuses to listen beyond loopback without users', async () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('0.0.0.0')).toBe(false);
    await expect(startServer({ dbPath, port: 0, hostname: '0.0.0.0', usersFile: path.join(dir, 'nobody.json') })).rejects.toThrow(/access control/);
  });
});
