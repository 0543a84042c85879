/**
 * Issue 11, item 4: wrong secrets cannot freeze the server through scrypt. Verification runs off
 * the event loop, refused tokens are remembered, failures are limited per client and per user
 * id (429 with Retry-After), and an unknown id costs the same key derivation as a known one.
 */
import { scrypt } from 'node:crypto';
import { promisify } from 'node:util';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenVerifier } from '../../server/auth/tokens.ts';
import { UserStore } from '../../server/auth/users.ts';
import { tempDir } from '../helpers.ts';
import { securedCounty, type SecuredCounty } from './securedCounty.ts';

const wrongSecret = (token: string, i: number) => `${token.slice(0, 12)}${String(i).padStart(43, 'Q')}`;
const unknownId = (i: number) => `rk_zz${String(i).padStart(6, '0')}_${'B'.repeat(43)}`;

describe('token verification', () => {
  const dir = tempDir('tokens');
  const store = new UserStore(path.join(dir, 'users.json'));
  let token: string;
  let calls = 0;
  const derive = promisify(scrypt) as (secret: string, salt: Buffer, keylen: number) => Promise<Buffer>;
  const counting = (secret: string, salt: Buffer) => {
    calls++;
    return derive(secret, salt, 32);
  };

  beforeAll(() => {
    token = store.add({ name: 'wang', role: 'admin' }).token;
  });

  it('an unknown id costs the same key derivation as a known one', async () => {
    const v = new TokenVerifier(store, { hash: counting });
    calls = 0;
    expect(await v.verify(wrongSecret(token, 1), 'a')).toMatchObject({ ok: false, reason: 'wrong' });
    expect(calls).toBe(1);
    expect(await v.verify(unknownId(1), 'b')).toMatchObject({ ok: false, reason: 'wrong' });
    expect(calls).toBe(2);
  });

  it('remembers refused and verified tokens: a repeat costs no key derivation', async () => {
    const v = new TokenVerifier(store, { hash: counting });
    calls = 0;
    for (let i = 0; i < 5; i++) expect((await v.verify(wrongSecret(token, 7), `c${i}`)).ok).toBe(false);
    expect(calls).toBe(1);
    for (let i = 0; i < 5; i++) expect(await v.verify(token, 'd')).toMatchObject({ ok: true, user: { name: 'wang' } });
    expect(calls).toBe(2);
  });

  it('limits failures per client and per user id; a verified token still passes', async () => {
    const v = new TokenVerifier(store, { hash: counting });
    expect((await v.verify(token, 'owner')).ok).toBe(true);
    calls = 0;
    const fromOne = await Promise.all(Array.from({ length: 32 }, (_, i) => v.verify(wrongSecret(token, 100 + i), 'flood')));
    expect(fromOne.filter((r) => !r.ok && r.reason === 'wrong')).toHaveLength(10);
    expect(fromOne.filter((r) => !r.ok && r.reason === 'rate_limited')).toHaveLength(22);
    expect(calls).toBe(10);
    const fromMany = await Promise.all(Array.from({ length: 20 }, (_, i) => v.verify(wrongSecret(token, 200 + i), `bot${i}`)));
    expect(fromMany.filter((r) => !r.ok && r.reason === 'rate_limited').length).toBeGreaterThanOrEqual(9);
    expect(await v.verify(wrongSecret(token, 999), 'fresh-client')).toMatchObject({ ok: false, reason: 'rate_limited', key: expect.stringMatching(/^user:/) });
    expect(await v.verify(token, 'owner')).toMatchObject({ ok: true });
  });

  it('answers a refusal only after its delay, while a verified token passes at once (tarpit)', async () => {
    const v = new TokenVerifier(store, { hash: counting, refusalDelayMs: 300 });
    expect((await v.verify(token, 'owner')).ok).toBe(true);
    await Promise.all(Array.from({ length: 10 }, (_, i) => v.verify(wrongSecret(token, 300 + i), 'tarpit')));
    const order: string[] = [];
    const refused = v.verify(wrongSecret(token, 400), 'tarpit').then((r) => { order.push(`refused:${r.ok ? 'ok' : r.reason}`); });
    const started = performance.now();
    const owner = v.verify(token, 'tarpit').then((r) => { order.push(`owner:${r.ok}`); });
    await Promise.all([refused, owner]);
    // Timers never fire early: a lower bound holds however loaded the machine is.
    expect(performance.now() - started).toBeGreaterThanOrEqual(295);
    expect(order).toEqual(['owner:true', 'refused:rate_limited']);
  });

  it('scrypt runs off the event loop', async () => {
    const v = new TokenVerifier(store);
    let ticks = 0;
    const timer = setInterval(() => { ticks++; }, 1);
    await Promise.all(Array.from({ length: 8 }, (_, i) => v.verify(wrongSecret(token, 300 + i), `e${i}`)));
    clearInterval(timer);
    expect(ticks).toBeGreaterThanOrEqual(10);
  });
});

describe('32 clients sending wrong secrets to the API', () => {
  const dir = tempDir('tokens-api');
  let county: SecuredCounty;
  beforeAll(async () => {
    county = await securedCounty(dir);
  });
  afterAll(() => county.db.close());

  it('answer 401 and then 429 with Retry-After; another user is still served', async () => {
    const answers = await Promise.all(Array.from({ length: 32 }, (_, i) => county.as(wrongSecret(county.tokens.admin, i), '/api/meta')));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(22);
    expect(Number(answers.find((r) => r.status === 429)!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await county.as(null, '/api/health')).status).toBe(200);
    const login = await county.app.request('/api/login', { method: 'POST', body: JSON.stringify({ token: wrongSecret(county.tokens.analyst, 1) }), headers: { 'content-type': 'application/json' } });
    expect(login.status).toBe(429);
  });
});
