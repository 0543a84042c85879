/**
 * Issue 11, items 5 and 11: every body is limited before anything reads it (login included), and
 * state-changing requests must be same-origin JSON: a cross-site text/plain form cannot log a
 * victim in as the attacker, a page on another port of the same host cannot log them out or
 * forge an audit line, and duplicate JSON keys are refused.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.ts';
import { securedCounty, type SecuredCounty } from './securedCounty.ts';

/** A body stream of `total` bytes that counts how much of it the server pulled. */
function countedBody(total: number): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let sent = 0;
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) { controller.close(); return; }
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => sent };
}

describe('request bodies and state-changing requests', () => {
  const dir = tempDir('http-rules');
  let county: SecuredCounty;
  const HOST = 'renkou.test:8080';

  beforeAll(async () => {
    county = await securedCounty(dir);
  });
  afterAll(() => county.db.close());

  const login = (init: RequestInit & { headers?: Record<string, string> }) =>
    county.app.request('/api/login', { method: 'POST', ...init, headers: { host: HOST, ...(init.headers ?? {}) } });

  it('refuses a 300 MB login body by its length without reading it', async () => {
    const body = countedBody(300 * 1024 * 1024);
    const res = await county.app.request(new Request('http://renkou.test:8080/api/login', {
      method: 'POST', body: body.stream, duplex: 'half',
      headers: { 'content-type': 'application/json', 'content-length': String(300 * 1024 * 1024) },
    } as RequestInit));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('body_too_large');
    expect(body.pulled()).toBeLessThanOrEqual(2 * 64 * 1024);
  });

  it('stops reading a chunked body at the limit', async () => {
    const body = countedBody(300 * 1024 * 1024);
    const res = await county.app.request(new Request('http://renkou.test:8080/api/login', {
      method: 'POST', body: body.stream, duplex: 'half', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
    } as RequestInit));
    expect(res.status).toBe(413);
    expect(body.pulled()).toBeLessThan(1024 * 1024);
  });

  it('a text/plain form post cannot log anyone in', async () => {
    const res = await login({ body: JSON.stringify({ token: county.tokens.analyst }), headers: { 'content-type': 'text/plain' } });
    expect(res.status).toBe(415);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('refuses duplicate JSON keys', async () => {
    const res = await login({ body: `{"token":"rk_nothing","token":"${county.tokens.analyst}"}`, headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { parameter: string } }).error.parameter).toBe('token');
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('a page on another port of the same host can neither log out nor write an audit line', async () => {
    const ok = await login({ body: JSON.stringify({ token: county.tokens.township }), headers: { 'content-type': 'application/json', origin: `http://${HOST}` } });
    expect(ok.status).toBe(200);
    const cookie = ok.headers.get('set-cookie')!.split(';')[0]!;
    const before = readFileSync(county.auditFile, 'utf8');
    for (const [path, body] of [['/api/audit/export', '{"what":"csv","params":{"forged":"yes"}}'], ['/api/logout', '{}']] as const) {
      for (const headers of [{ origin: 'http://renkou.test:9999' }, { 'sec-fetch-site': 'same-site' }, { origin: 'null' }] as Record<string, string>[]) {
        const res = await county.app.request(path, { method: 'POST', body, headers: { host: HOST, cookie, 'content-type': 'application/json', ...headers } });
        expect(res.status, `${path} ${JSON.stringify(headers)}`).toBe(403);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('cross_site_request');
      }
    }
    expect(readFileSync(county.auditFile, 'utf8').slice(before.length)).not.toContain('forged');
    // The session survived: the same page on its own origin still works.
    const same = await county.app.request('/api/audit/export', {
      method: 'POST', body: '{"what":"csv","params":{"chart":"births"}}', headers: { host: HOST, cookie, 'content-type': 'application/json', origin: `http://${HOST}` },
    });
    expect(same.status).toBe(200);
  });

  it('API clients without Origin still post JSON with a token; other body types are refused', async () => {
    const post = (contentType: string) => county.as(county.tokens.analyst, '/api/projections', {
      method: 'POST', body: JSON.stringify({ scope: 'all', horizon: 5 }), headers: { host: HOST, 'content-type': contentType },
    });
    expect((await post('application/json; charset=utf-8')).status).toBe(200);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) expect((await post(type)).status, type).toBe(415);
  });
});
