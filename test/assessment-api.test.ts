/**
 * `GET /api/assessment` on the demo county: the 20 townships ranked, each total the sum of its
 * item scores, each compliance and certificate item equal to what the indicators API answers for
 * that township and window, the SRB item scored on the smoothed interval, the statistical-year
 * window, and a township account seeing its own township only.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../server/app.ts';
import { LOCAL_ADMIN } from '../server/auth/principal.ts';
import { townshipScope } from '../server/auth/scope.ts';
import { Database } from '../server/db/Database.ts';
import { demoCounty } from './fixtures/demoCounty.ts';
import { tempDir } from './helpers.ts';
import { Hono } from 'hono';
import type { AppEnv } from '../server/auth/principal.ts';
import { assessmentRoutes } from '../server/routes/assessment.ts';
import { defaultAnalytics } from '../server/config.ts';

interface Item { id: string; value: number | null; target: number | null; score: number; weight: number; fields: Record<string, number | null>; warn: boolean }
interface Township { township: string; name: string; total: number; rank: number; category: string; veto: boolean; items: Item[] }
interface Answer { year: number; window: { kind: string; label: string }; townships: Township[] }
interface Row { township: string; value: number | null; numerator: number; denominator: number; target: number | null }

describe('the assessment of the demo county', () => {
  const dir = tempDir('assessment');
  let db: Database;
  let app: ReturnType<typeof createApp>;
  const json = async <T>(url: string): Promise<T> => {
    const res = await app.request(url);
    const body = (await res.json()) as T & { error?: unknown };
    expect(res.status, JSON.stringify(body.error)).toBe(200);
    return body;
  };

  beforeAll(async () => {
    db = await Database.open((await demoCounty()).dbPath);
    app = createApp({ db, webRoot: path.join(dir, 'none'), log: () => {}, analytics: defaultAnalytics() });
  });
  afterAll(() => db.close());

  it('ranks the 20 townships; each total is the sum of its item scores', async () => {
    const a = await json<Answer>('/api/assessment?year=2024');
    expect(a.window).toMatchObject({ kind: 'year', label: '2024' });
    expect(a.townships).toHaveLength(20);
    expect(a.townships.map((t) => t.rank)).toEqual([...a.townships.map((t) => t.rank)].sort((x, y) => x - y));
    expect(a.townships[0]!.rank).toBe(1);
    for (const t of a.townships) {
      expect(t.items.map((i) => i.id)).toEqual(['compliance_registered', 'compliance_migrant', 'srb', 'certificate_rate', 'births_change', 'data_quality']);
      expect(t.total).toBeCloseTo(t.items.reduce((s, i) => s + i.score, 0), 9);
      for (const i of t.items) expect(i.score).toBeGreaterThanOrEqual(0), expect(i.score).toBeLessThanOrEqual(i.weight);
    }
    for (let k = 1; k < a.townships.length; k++) {
      const [prev, cur] = [a.townships[k - 1]!, a.townships[k]!];
      if (prev.veto === cur.veto) expect(prev.total).toBeGreaterThanOrEqual(cur.total);
    }
    expect(a.townships.filter((t) => t.category === 'advanced')).toHaveLength(3); // 15% of 20
    expect(a.townships.slice(-5).every((t) => ['key_management', 'key_help'].includes(t.category))).toBe(true);
  });

  it('each compliance and certificate item equals the indicators API for that township', async () => {
    const a = await json<Answer>('/api/assessment?year=2024');
    const codes = a.townships.map((t) => t.township).join(',');
    const [reg, mig, cert] = await Promise.all([
      json<{ rows: Row[] }>(`/api/indicators/compliance?township=${codes}&from=2024&to=2024&residence=registered`),
      json<{ rows: Row[] }>(`/api/indicators/compliance?township=${codes}&from=2024&to=2024&residence=migrant`),
      json<{ rows: Row[] }>(`/api/indicators/certificate_rate?township=${codes}&from=2024&to=2024`),
    ]);
    for (const t of a.townships) {
      const item = (id: string) => t.items.find((i) => i.id === id)!;
      const r = reg.rows.find((x) => x.township === t.township)!;
      expect(item('compliance_registered').value).toBe(r.value);
      expect(item('compliance_registered').fields.births).toBe(r.denominator);
      expect(item('compliance_registered').fields.compliant).toBe(r.numerator);
      expect(item('compliance_registered').target).toBe(r.target);
      const m = mig.rows.find((x) => x.township === t.township)!;
      expect(item('compliance_migrant').value).toBe(m.denominator > 0 ? m.value : null);
      expect(item('certificate_rate').value).toBe(cert.rows.find((x) => x.township === t.township)!.value);
    }
  });

  it('the SRB item scores full marks while the smoothed interval reaches the target (small townships are not punished for noise)', async () => {
    const a = await json<Answer>('/api/assessment?year=2024');
    for (const t of a.townships) {
      const srb = t.items.find((i) => i.id === 'srb')!;
      const lo = srb.fields.smoothed_lo;
      if (lo !== null && lo !== undefined && lo <= 107) expect(srb.score).toBe(srb.weight);
      else expect(srb.score).toBeCloseTo(Math.max(0, Math.min(1, (125 - srb.value!) / (125 - 107))) * srb.weight, 2);
    }
  });

  it('window=statyear assesses 1 Oct 2023 – 30 Sep 2024', async () => {
    const a = await json<Answer>('/api/assessment?year=2024&window=statyear');
    expect(a.window).toMatchObject({ kind: 'statyear', label: 'SY2024' });
    const t = a.townships[0]!;
    const [row] = (await json<{ rows: Row[] }>(`/api/indicators/compliance?township=${t.township}&from=2024&to=2024&period=statyear&residence=registered`)).rows;
    expect(t.items.find((i) => i.id === 'compliance_registered')!.value).toBe(row!.value);
  });

  it('refuses a year outside the data, and shows a township account its own township only', async () => {
    expect((await app.request('/api/assessment?year=1990')).status).toBe(400);
    const scoped = new Hono<AppEnv>();
    scoped.use('*', async (c, next) => { c.set('principal', { ...LOCAL_ADMIN, role: 'township', scope: townshipScope(['999901101']) }); await next(); });
    scoped.route('/api/assessment', assessmentRoutes(db, defaultAnalytics()));
    const body = (await (await scoped.request('/api/assessment?year=2024')).json()) as Answer;
    expect(body.townships.map((t) => t.township)).toEqual(['999901101']);
  });
});
