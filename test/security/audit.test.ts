/**
 * Issue 11, item 6: the audit log cannot be flooded or forged. Forwarded headers are believed only
 * when a proxy is configured, every field is bounded, the file rotates at its size limit, and
 * refusals (403) are recorded.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';

const size = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').length : 0);
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileAuditLog } from '../../server/http/audit.ts';
import { tempDir } from '../helpers.ts';
import { OTHER, securedCounty, type SecuredCounty } from './securedCounty.ts';

const lines = (file: string) => readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('the audit log', () => {
  const dir = tempDir('audit');
  let county: SecuredCounty;

  beforeAll(async () => {
    county = await securedCounty(dir);
  });
  afterAll(() => county.db.close());

  const failedLogin = (headers: Record<string, string>) => county.app.request('/api/login', {
    method: 'POST', body: JSON.stringify({ token: 'rk_00000000_' + 'A'.repeat(43) }), headers: { 'content-type': 'application/json', ...headers },
  });

  it('ignores X-Forwarded-For unless a proxy is configured, and bounds what it keeps', async () => {
    const before = size(county.auditFile);
    const huge = `${'6.6.6.6, '.repeat(1500)}1.2.3.4`;
    expect((await failedLogin({ 'x-forwarded-for': huge })).status).toBe(401);
    let added = readFileSync(county.auditFile, 'utf8').slice(before);
    expect(added).not.toContain('6.6.6.6');
    expect(added.length).toBeLessThan(300);
    expect(JSON.parse(added)).toMatchObject({ event: 'login_failed', client: 'local' });

    county.remake({ network: { trustProxy: true, publicOrigins: [] } });
    const mark = size(county.auditFile);
    expect((await failedLogin({ 'x-forwarded-for': huge })).status).toBe(401);
    added = readFileSync(county.auditFile, 'utf8').slice(mark);
    expect(JSON.parse(added)).toMatchObject({ event: 'login_failed', client: '1.2.3.4' });
    county.remake();
  });

  it('refuses oversized export claims and bounds every line', async () => {
    const post = (body: unknown) => county.as(county.tokens.analyst, '/api/audit/export', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    expect((await post({ what: 'x'.repeat(10 * 1024 * 1024), params: {} })).status).toBe(413);
    expect((await post({ what: 'x'.repeat(300), params: {} })).status).toBe(400);
    expect((await post({ what: 'csv', params: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v'])) })).status).toBe(400);
    expect((await post({ what: 'csv', params: { chart: 'births' } })).status).toBe(200);
    for (const line of readFileSync(county.auditFile, 'utf8').trim().split('\n')) expect(line.length).toBeLessThanOrEqual(4096);
  });

  it('records refusals (403) with the user and the path', async () => {
    expect((await county.as(county.tokens.township, `/api/indicators/births?township=${OTHER}`)).status).toBe(403);
    expect(lines(county.auditFile).at(-1)).toMatchObject({ event: 'denied', user: 'li', path: '/api/indicators/births', code: 'out_of_scope', parameter: 'township' });
  });

  it('rotates at its size limit, keeping a bounded number of files', () => {
    const file = path.join(dir, 'rotating.log');
    const log = fileAuditLog(file, { maxBytes: 2000, keep: 3 });
    for (let i = 0; i < 200; i++) log.record('export', 'wang', { what: 'csv', params: { i: String(i), pad: 'x'.repeat(150) } });
    for (const f of [file, `${file}.1`, `${file}.2`, `${file}.3`]) {
      expect(existsSync(f), f).toBe(true);
      expect(statSync(f).size).toBeLessThanOrEqual(2000);
    }
    expect(existsSync(`${file}.4`)).toBe(false);
    expect(lines(file).at(-1)).toMatchObject({ params: { i: '199' } });
  });
});
