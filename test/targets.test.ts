/**
 * Targets: a targets.csv in the export folder with Chinese headers (saved as GB18030, as Excel on
 * a Chinese Windows does) is imported and used by the indicators; admins' edits override it and
 * can be removed again; a file that cannot be read stops the import with the line and column
 * named and leaves the database in use untouched; only admins may edit.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { NO_AUDIT } from '../server/http/audit.ts';
import { LOCAL_ADMIN, type AppEnv } from '../server/auth/principal.ts';
import { Database } from '../server/db/Database.ts';
import { asApiError } from '../server/http/errors.ts';
import { targetRoutes } from '../server/routes/targets.ts';
import { defaultAnalytics } from '../server/config.ts';
import { ingest } from '../server/ingest/ingest.ts';
import { TargetBook } from '../server/targets/book.ts';
import { buildRandomCounty, TOWNS } from './fixtures/randomCounty.ts';
import { serveRandomCounty } from './fixtures/randomCountyApp.ts';

const county = buildRandomCounty();

describe('the target book (pure)', () => {
  const at = (value: number) => ({ direction: 'at_least' as const, value, upper: null });
  const book = new TargetBook(
    [{ measure: 'compliance_registered', scope: 'all', year: 2024, ...at(98), source: 'file' },
      { measure: 'compliance_registered', scope: '999901101', year: null, ...at(97), source: 'file' }],
    [{ measure: 'compliance_registered', scope: 'all', year: 2024, ...at(98.5), source: 'edit' }],
  );
  it('the most specific target wins, an edit beats the file, and the default applies where nothing is set', () => {
    expect(book.find('compliance_registered', '999901101', 2024)).toMatchObject({ value: 97, source: 'file' });
    expect(book.find('compliance_registered', '999901001', 2024)).toMatchObject({ value: 98.5, source: 'edit' });
    expect(book.find('compliance_registered', '999901001', 2023)).toMatchObject({ value: 99, source: 'default' });
    expect(book.find('births', 'all', 2024)).toBeNull();
  });

  it('never gives a township the county\'s count: 出生人数 ≤ 5000 is the county\'s total', () => {
    const counts = new TargetBook([], [
      { measure: 'births', scope: 'all', year: 2024, direction: 'at_most', value: 5000, upper: null, source: 'edit' },
      { measure: 'births', scope: '999901101', year: 2024, direction: 'at_most', value: 400, upper: null, source: 'edit' },
    ]);
    expect(counts.find('births', 'all', 2024)).toMatchObject({ value: 5000 });
    expect(counts.find('births', '999901101', 2024)).toMatchObject({ value: 400 });
    expect(counts.find('births', '999901001', 2024)).toBeNull();
  });
});

describe('targets.csv in the export folder, and edits on top', () => {
  const analytics = defaultAnalytics();
  const served = serveRandomCounty('targets', county, {
    analytics,
    beforeImport(source) {
      const csv = ['指标,乡镇（街道）,年度,目标值,方向', '户籍人口计划生育率,全县,2023,97.5,不低于', '户籍人口政策符合率,青石镇,,≥96%,', '出生人口性别比,全县,2023,103-107,区间'].join('\r\n');
      writeFileSync(path.join(source, 'targets.csv'), iconv.encode(csv, 'gb18030'));
    },
  });
  const { source, dbPath } = served;
  const app = { request: (url: string, init?: RequestInit) => served.app.request(url, init) };

  const compliance = async (town: string, year: number) => {
    const res = await app.request(`/api/indicators/compliance?township=${town}&from=${year}&to=${year}&residence=registered`);
    return ((await res.json()) as { rows: { value: number; target: number; target_rule: string; meets_target: boolean }[] }).rows[0]!;
  };

  it('reads the GB18030 file with Chinese headers: county 2023 target, a township target for every year, a band', async () => {
    const res = await app.request('/api/targets?year=2023');
    const body = (await res.json()) as { set: { measure: string; scope: string; year: number | null; rule: string; source: string }[] };
    expect(body.set.map((t) => [t.measure, t.scope, t.year, t.rule, t.source])).toEqual([
      ['compliance_registered', TOWNS[1], null, '≥ 96', 'file'],
      ['compliance_registered', 'all', 2023, '≥ 97.5', 'file'],
      ['srb', 'all', 2023, '103～107', 'file'],
    ]);
    const row = await compliance(TOWNS[0], 2023);
    expect(row).toMatchObject({ target: 97.5, target_rule: '≥ 97.5', meets_target: row.value >= 97.5 });
    expect(await compliance(TOWNS[1], 2021)).toMatchObject({ target: 96 });
    expect(await compliance(TOWNS[0], 2022)).toMatchObject({ target: 99 });
  });

  it('an admin edit overrides the file until it is removed', async () => {
    const post = (url: string, body: object) => app.request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const set = await post('/api/targets', { measure: 'compliance_registered', scope: 'all', year: 2023, direction: 'at_least', value: 95 });
    expect(set.status).toBe(200);
    const edited = await compliance(TOWNS[0], 2023);
    expect(edited).toMatchObject({ target: 95, meets_target: edited.value >= 95 });
    expect((await post('/api/targets', { measure: 'compliance_registered', scope: 'all', year: 2023, direction: 'between', value: 95 })).status).toBe(400);
    expect((await post('/api/targets', { measure: 'nope', scope: 'all', year: 2023, direction: 'at_least', value: 95 })).status).toBe(400);
    // values no measure can take are refused, in Chinese, and keep nothing: a rate of 150 %, a sex ratio of 0, a band past 100 %
    for (const [body, message] of [
      [{ measure: 'compliance_migrant', value: 150, direction: 'at_least' }, '流动人口出生政策符合率的目标值应在 0% 到 100% 之间，不能是 150%'],
      [{ measure: 'srb', value: 0, direction: 'at_most' }, '出生人口性别比的目标值应在 80 到 150 之间，不能是 0'],
      [{ measure: 'hospital_rate', value: 95, upper: 101, direction: 'between' }, '住院分娩率的目标值应在 0% 到 100% 之间，不能是 101%'],
    ] as const) {
      const refused = await post('/api/targets', { scope: 'all', year: 2023, ...body });
      expect(refused.status).toBe(400);
      expect(JSON.stringify(await refused.json())).toContain(message);
    }
    expect(analytics.targets.list().filter((t) => t.year === 2023 && t.source !== 'file').map((t) => t.measure)).toEqual(['compliance_registered']);
    expect((await post('/api/targets/remove', { measure: 'compliance_registered', scope: 'all', year: 2023 })).status).toBe(200);
    expect(await compliance(TOWNS[0], 2023)).toMatchObject({ target: 97.5 });
  });

  it('only admins may set or remove targets', async () => {
    const analyst = new Hono<AppEnv>();
    analyst.use('*', async (c, next) => { c.set('principal', { ...LOCAL_ADMIN, name: 'zhao', role: 'analyst', authenticated: true }); await next(); });
    analyst.onError((e, c) => {
      const answer = asApiError(e);
      return answer ? c.json(answer.toJSON(), answer.status) : c.json({ error: String(e) }, 500);
    });
    const db = await Database.open(dbPath);
    try {
      analyst.route('/api/targets', targetRoutes(db, analytics, NO_AUDIT));
      const post = (url: string, body: object) => analyst.request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect((await post('/api/targets', { measure: 'srb', scope: 'all', year: 2024, direction: 'at_most', value: 110 })).status).toBe(403);
      expect((await post('/api/targets/remove', { measure: 'srb', scope: 'all', year: 2024 })).status).toBe(403);
      expect(analytics.targets.list().some((t) => t.measure === 'srb')).toBe(false);
      expect(((await (await analyst.request('/api/targets?year=2024')).json()) as { canEdit: boolean }).canEdit).toBe(false);
    } finally {
      db.close();
    }
  });

  it('a targets file that cannot be read stops the import, naming line and column, and the database in use stays', async () => {
    const before = statSync(dbPath).mtimeMs;
    writeFileSync(path.join(source, 'targets.csv'), '指标,乡镇,年度,目标值\n户籍人口政策符合率,全县,2024,九十九\n', 'utf8');
    await expect(ingest({ source, dbPath, today: '2026-11-23' })).rejects.toThrow(/targets\.csv 第 2 行“目标值”列：“九十九”不是目标值/);
    writeFileSync(path.join(source, 'targets.csv'), '指标,乡镇,年度,目标值\n户籍人口政策符合率,不存在镇,2024,99\n', 'utf8');
    await expect(ingest({ source, dbPath, today: '2026-11-23' })).rejects.toThrow(/第 2 行“乡镇”列：“不存在镇”既不是全县，也不是本县的乡镇/);
    // a rate over 100 % would be kept and change every township's score
    writeFileSync(path.join(source, 'targets.csv'), '指标,乡镇,年度,目标值\n流动人口出生政策符合率,全县,2024,150\n', 'utf8');
    await expect(ingest({ source, dbPath, today: '2026-11-23' })).rejects.toThrow(/第 2 行“目标值”列：流动人口出生政策符合率的目标值应在 0% 到 100% 之间，不能是 150%/);
    expect(statSync(dbPath).mtimeMs).toBe(before);
    expect(existsSync(`${dbPath}.building`)).toBe(false);
  });
});
