/**
 * Access control in the browser: a server with a users file holding a county admin and a
 * township account (server/auth/users.ts). Without a session every view asks to log in (登录,
 * a password field); a wrong token says so; the township account's token logs in through the
 * form and returns to the requested view, the header shows the user and 退出; the township
 * pickers offer only the account's township and its figures are shown; county-wide views (the
 * overview figures, the SRB ranking across townships, data-quality counts) show a short note
 * instead of an error; logging out brings the login page back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserStore } from '../../server/auth/users.ts';
import { launch, pageErrors, ready, type Browser } from './browser.ts';
import { auditEntries, startDemoServer, type DemoServer } from './demoServer.ts';

const TOWNSHIP = '999901103';
let demo: DemoServer;
let browser: Browser;
let dir: string;
let token: string;
let townshipName: string;
let lastYear: number;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'renkou-login-'));
  const store = new UserStore(path.join(dir, 'users.json'));
  store.add({ name: 'county-admin', role: 'admin' });
  token = store.add({ name: '马桥镇计生办', role: 'township', townships: [TOWNSHIP] }).token;
  demo = await startDemoServer({ usersFile: store.file });
  browser = await launch();
  const auth = { headers: { authorization: `Bearer ${token}` } };
  const meta = await (await fetch(`${demo.url}/api/meta`, auth)).json() as { townships: { code: string; name: string }[]; years: { to: number } };
  townshipName = meta.townships.find((t) => t.code === TOWNSHIP)!.name;
  lastYear = meta.years.to;
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('login 登录 and a township account', () => {
  it('refuses a wrong token, logs in with the right one and returns to the requested view', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${demo.url}/?page=structure&year=${lastYear}`);
    await ready(page, 'login');
    expect(await page.locator('#login-title').innerText()).toBe('登录');
    expect(await page.locator('#token').getAttribute('type')).toBe('password');
    expect(await page.locator('#nav a').count()).toBe(0);
    // a wrong token: a clear error, still on the login page
    await page.fill('#token', 'rk_abcdefgh_not-a-real-token');
    await page.click('#login-submit');
    await page.waitForSelector('#login-error:not([hidden])');
    expect(await page.locator('#login-error').innerText()).toContain('访问令牌无效');
    expect(await page.locator('#page').getAttribute('data-page')).toBe('login');
    await expect.poll(() => auditEntries(demo).some((e) => e.event === 'login_failed')).toBe(true);
    // the right token: back to the structure page, for the account's township
    await page.fill('#token', token);
    await page.click('#login-submit');
    await ready(page, 'structure');
    expect(new URL(page.url()).searchParams.get('page')).toBe('structure');
    expect(await page.locator('#user-name').innerText()).toContain('马桥镇计生办');
    expect(await page.locator('#logout').innerText()).toBe('退出');
    // the cookie is HttpOnly and SameSite=Strict: not readable by the page
    expect(await page.evaluate(() => document.cookie)).toBe('');
    const cookie = (await browser.context.cookies(demo.url)).find((c) => c.name === 'renkou_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    // the township picker offers only the account's township, and its figures are shown
    const options = await page.locator('#township option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
    expect(options).toEqual([TOWNSHIP]);
    expect(await page.locator('.page-title').innerText()).toContain(townshipName);
    const pop = await (await fetch(`${demo.url}/api/indicators/population?township=${TOWNSHIP}&from=${lastYear}&to=${lastYear}&residence=all`, { headers: { authorization: `Bearer ${token}` } })).json() as { rows: { value: number }[] };
    expect(await page.locator('#structure-figures dd').first().innerText()).toBe(pop.rows[0]!.value.toLocaleString('en-US'));
    await expect.poll(() => page.locator('#pyramid').getAttribute('data-state')).toBe('ready');
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('shows notes, not errors, where a view is county-wide; logs out', async () => {
    const page = await browser.context.newPage();
    // the overview's county figures
    await page.goto(`${demo.url}/?page=overview`);
    await ready(page, 'overview');
    expect(await page.locator('#overview-scope-note').innerText()).toContain('全县');
    expect(await page.locator('#my-townships li strong').allInnerTexts()).toEqual([townshipName]);
    expect(await page.locator('#my-townships a[data-view="projections"]').getAttribute('href')).toContain(`scope=${TOWNSHIP}`);
    // 目标 and 考核 show the township's own figures too, and are offered
    expect(await page.locator('#my-townships a[data-view="targets"]').getAttribute('href')).toContain(`township=${TOWNSHIP}`);
    expect(await page.locator('#my-townships a[data-view="assessment"]').count()).toBe(1);
    // SRB: the township's series, the ranking across townships replaced by a note
    await page.goto(`${demo.url}/?page=srb`);
    await ready(page, 'srb');
    expect(await page.locator('#township option').count()).toBe(1);
    await expect.poll(() => page.locator('#srb-series').getAttribute('data-state')).toBe('ready');
    expect(await page.locator('#srb-ranking-note').innerText()).toContain('排名');
    // township page: no county line, no all-townships bars
    await page.goto(`${demo.url}/?page=township`);
    await ready(page, 'township');
    expect(await page.locator('.page-title').innerText()).toContain(townshipName);
    expect(await page.locator('#side-by-side-note').count()).toBe(1);
    const states = await page.locator('[data-state]').evaluateAll((els) => els.map((e) => `${e.id}:${(e as HTMLElement).dataset.state}`));
    expect(states.filter((s) => !s.endsWith(':ready'))).toEqual([]);
    // data quality counts
    await page.goto(`${demo.url}/?page=quality`);
    await ready(page, 'quality');
    expect(await page.locator('#quality-scope-note').innerText()).toContain('全县');
    expect(await page.locator('#quality-table').count()).toBe(0);
    // projections of the township; the county backtest is a note
    await page.goto(`${demo.url}/?page=projections&horizon=10`);
    await ready(page, 'projections');
    expect(await page.locator('#scope option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value))).toEqual([TOWNSHIP]);
    await expect.poll(() => page.locator('#proj-total').getAttribute('data-state')).toBe('ready');
    expect(await page.locator('#backtest-note').count()).toBe(1);
    // no error anywhere on these pages
    expect(await page.locator('#page .error').allInnerTexts()).toEqual([]);
    // reports: the township profile of the account's township; the county report is not offered
    await page.goto(`${demo.url}/?page=reports`);
    await ready(page, 'reports');
    expect(new URL(page.url()).searchParams.get('report')).toBeNull();
    expect(await page.locator('#report-body').getAttribute('data-report')).toBe('township-profile');
    expect(await page.locator('#report-body article h1').first().innerText()).toContain(townshipName);
    expect(await page.locator('.page-title').innerText()).toBe(`报告 · ${townshipName}`);
    expect(await page.locator('#report-list li[data-report="situation-analysis"] a').count()).toBe(0);
    await page.goto(`${demo.url}/?page=reports&report=situation-analysis`);
    await ready(page, 'reports');
    expect(await page.locator('#report-denied').count()).toBe(1);
    await page.goto(`${demo.url}/?page=projections&horizon=10`);
    await ready(page, 'projections');
    // the session ends (cookie gone): the next request is a 401, the login page comes back, and
    // logging in returns to the view that was asked for
    await browser.context.clearCookies();
    await page.selectOption('#horizon', '5');
    await ready(page, 'login');
    expect(new URL(page.url()).searchParams.get('horizon')).toBe('5');
    expect(await page.locator('#login-expired').innerText()).toContain('登录已过期');
    await page.fill('#token', token);
    await page.press('#token', 'Enter');
    await ready(page, 'projections');
    expect(await page.locator('#proj-total').getAttribute('data-rows')).toBe('6');
    // logout: back to the login page
    await page.click('#logout');
    await ready(page, 'login');
    expect(await page.locator('#user-box').isHidden()).toBe(true);
    expect(await page.locator('#login-expired').count()).toBe(0); // a logout is not an expired session
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});
