/**
 * Issue 11, item 8: access control fails closed. A server that started with users keeps refusing
 * when the user file disappears, loses its last user or cannot be read (503 naming the file;
 * health still answers); a server beyond loopback is closed from its first request.
 */
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserStore } from '../../server/auth/users.ts';
import { startServer } from '../../server/server.ts';
import { tempDir } from '../helpers.ts';
import { securedCounty, type SecuredCounty } from './securedCounty.ts';

describe('access control fails closed', () => {
  const dir = tempDir('fail-closed');
  const backup = path.join(dir, 'users.backup.json');
  let county: SecuredCounty;

  beforeAll(async () => {
    county = await securedCounty(dir);
    copyFileSync(county.users.file, backup);
  });
  afterAll(() => county.db.close());

  const expect503 = async (why: RegExp) => {
    const res = await county.as(null, '/api/meta');
    expect(res.status).toBe(503);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('access_control_unavailable');
    expect(body.error.message).toMatch(why);
    expect((await county.as(county.tokens.analyst, '/api/meta')).status).toBe(503);
    expect((await county.as(null, '/api/health')).status).toBe(200);
  };

  it('a missing user file does not open the server', async () => {
    expect((await county.as(null, '/api/meta')).status).toBe(401);
    rmSync(county.users.file);
    await expect503(/has no users/);
    copyFileSync(backup, county.users.file);
    expect((await county.as(county.tokens.analyst, '/api/meta')).status).toBe(200);
  });

  it('removing the last user does not open the server', async () => {
    writeFileSync(county.users.file, JSON.stringify({ users: [] }));
    await expect503(/has no users/);
    copyFileSync(backup, county.users.file);
  });

  it('a malformed user file answers 503 naming it, and health still answers', async () => {
    writeFileSync(county.users.file, readFileSync(backup, 'utf8').slice(0, 40));
    await expect503(new RegExp(`${county.users.file.replaceAll('.', '\\.')} cannot be read as JSON`));
    writeFileSync(county.users.file, JSON.stringify({ users: [{ id: 'x' }] }));
    await expect503(/is not a user list/);
    copyFileSync(backup, county.users.file);
    expect((await county.as(county.tokens.analyst, '/api/meta')).status).toBe(200);
  });

  it('an app made closed (beyond loopback) refuses before any user exists', async () => {
    const empty = new UserStore(path.join(dir, 'nobody.json'));
    county.remake({ users: empty, closed: true });
    expect((await county.as(null, '/api/meta')).status).toBe(503);
    expect((await county.as(null, '/api/health')).status).toBe(200);
    county.remake();
  });

  it('serve beyond loopback refuses a broken user file at start', async () => {
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{"users": [');
    await expect(startServer({ dbPath: county.dbPath, port: 0, hostname: '0.0.0.0', usersFile: broken })).rejects.toThrow(/cannot be read as JSON/);
  });
});
