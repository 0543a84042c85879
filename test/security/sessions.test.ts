/**
 * Issue 11, item 12 (the small leaks): the session map is bounded, the cookie is Secure when
 * Renkou is served over HTTPS (behind the documented proxy), and a custom projection with an
 * all-zero or absurd asfrShape is refused instead of answering births 0.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sessions } from '../../server/auth/sessions.ts';
import { tempDir } from '../helpers.ts';
import { securedCounty, type SecuredCounty } from './securedCounty.ts';

describe('sessions, cookies and custom schedules', () => {
  const dir = tempDir('sessions');
  let county: SecuredCounty;
  beforeAll(async () => {
    county = await securedCounty(dir);
  });
  afterAll(() => county.db.close());

  const login = (headers: Record<string, string> = {}) => county.app.request('/api/login', {
    method: 'POST', body: JSON.stringify({ token: county.tokens.analyst }), headers: { 'content-type': 'application/json', ...headers },
  });

  it('keeps at most 20 sessions per user and a bounded number in all', async () => {
    const first = (await login()).headers.get('set-cookie')!.split(';')[0]!;
    expect((await county.app.request('/api/meta', { headers: { cookie: first } })).status).toBe(200);
    for (let i = 0; i < 25; i++) await login();
    expect((await county.app.request('/api/meta', { headers: { cookie: first } })).status).toBe(401);
    const sessions = new Sessions({ perUser: 20, total: 1000 });
    for (let i = 0; i < 50_000; i++) sessions.create(`user${i % 100}`);
    expect(sessions.size).toBeLessThanOrEqual(1000);
  });

  it('sets Secure on the cookie over HTTPS only', async () => {
    expect((await login()).headers.get('set-cookie')).not.toMatch(/Secure/i);
    expect((await login({ 'x-forwarded-proto': 'https' })).headers.get('set-cookie')).not.toMatch(/Secure/i);
    county.remake({ network: { trustProxy: true, publicOrigins: [] } });
    expect((await login({ 'x-forwarded-proto': 'https' })).headers.get('set-cookie')).toMatch(/; Secure/i);
    county.remake({ network: { trustProxy: false, publicOrigins: ['https://renkou.office.lan'] } });
    expect((await login()).headers.get('set-cookie')).toMatch(/; Secure/i);
    county.remake();
  });

  it('refuses an all-zero or absurd asfrShape', async () => {
    const project = (asfrShape: number[]) => county.as(county.tokens.analyst, '/api/projections', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scope: 'all', horizon: 5, scenario: 'custom', custom: { asfrShape } }),
    });
    for (const shape of [Array(35).fill(0), Array(35).fill(1e308), [1e9, ...Array(34).fill(0)]]) {
      const res = await project(shape);
      expect(res.status, JSON.stringify(shape.slice(0, 2))).toBe(400);
      expect(((await res.json()) as { error: { parameter: string } }).error.parameter).toMatch(/^custom\.asfrShape/);
    }
    expect((await project(Array.from({ length: 35 }, (_, k) => Math.exp(-(((k - 13) / 6) ** 2))))).status).toBe(200);
  });
});
