/**
 * One screenshot of each page on the demo county at 1366×768 (a planner's office PC), the
 * viewport and the full page, into test-artifacts/screenshots/ (gitignored), for people to look
 * at: every dashboard page (projections against the real API), the reports page, and with
 * access control on, the login page (empty and after a wrong token) and a township account's
 * view. Also checks that every chart on each page rendered (no error or empty panel where data
 * exists) and that Chinese text is drawn with the CJK font in the charts.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserStore } from '../../server/auth/users.ts';
import { t } from '../../web/src/i18n/index.ts';
import { launch, pageErrors, ready, type Browser } from './browser.ts';
import { startDemoServer, type DemoServer } from './demoServer.ts';

const OUT = path.resolve('test-artifacts/screenshots');
let demo: DemoServer;
let guarded: DemoServer;
let browser: Browser;
let usersDir: string;
let townshipToken: string;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  usersDir = mkdtempSync(path.join(os.tmpdir(), 'renkou-shot-users-'));
  const store = new UserStore(path.join(usersDir, 'users.json'));
  store.add({ name: 'admin', role: 'admin' });
  townshipToken = store.add({ name: '马桥镇计生办', role: 'township', townships: ['999901103'] }).token;
  [demo, guarded] = await Promise.all([startDemoServer(), startDemoServer({ usersFile: store.file })]);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
  await guarded?.close();
  rmSync(usersDir, { recursive: true, force: true });
});

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
  await page.screenshot({ path: path.join(OUT, `${name}-full.png`), fullPage: true });
}

const PAGES: [string, string][] = [
  ['overview', 'page=overview'],
  ['township', 'page=township&township=999901103,999901001'],
  ['srb', 'page=srb&township=999901103'],
  ['structure', 'page=structure'],
  ['projections', 'page=projections&variant=probabilistic'],
  ['reports', 'page=reports'],
  ['reports-township', 'page=reports&report=township-profile&township=999901103'],
  ['quality', 'page=quality'],
  ['overview-en', 'page=overview&lang=en'],
];

describe('screenshots', () => {
  for (const [name, query] of PAGES) {
    it(`${name}: every chart renders; screenshot saved`, async () => {
      const page = await browser.context.newPage();
      await page.goto(`${demo.url}/?${query}`);
      await ready(page);
      const states = await page.locator('[data-state]').evaluateAll((els) => els.map((e) => `${e.id}:${(e as HTMLElement).dataset.state}`));
      expect(states.filter((s) => !s.endsWith(':ready'))).toEqual([]);
      // chart text is set in the CJK font
      const fonts = await page.locator('svg.marks text').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('font-family') ?? ''))]);
      for (const f of fonts.filter(Boolean)) expect(f).toContain('Noto Sans CJK SC');
      await shoot(page, name);
      expect(pageErrors(page)).toEqual([]);
      await page.close();
    });
  }

  it('login: the form, a wrong token, then a township account\'s view', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${guarded.url}/?page=projections`);
    await ready(page, 'login');
    await shoot(page, 'login');
    await page.fill('#token', 'rk_00000000_wrong');
    await page.click('#login-submit');
    await page.waitForSelector('#login-error:not([hidden])');
    expect(await page.locator('#login-error').innerText()).toBe(t('loginBadToken', 'zh'));
    await shoot(page, 'login-error');
    await page.fill('#token', townshipToken);
    await page.click('#login-submit');
    await ready(page, 'projections');
    // Back on the page asked for, as the township account, every panel drawn or explained.
    expect(new URL(page.url()).searchParams.get('page')).toBe('projections');
    expect(await page.locator('#user-name').innerText()).toBe(`马桥镇计生办（${t('townshipAccount', 'zh')}）`);
    await shoot(page, 'township-account-projections');
    await page.goto(`${guarded.url}/?page=overview`);
    await ready(page, 'overview');
    // County figures are withheld from a township account: a note says so instead of a failing panel.
    expect(await page.locator('#overview-scope-note').innerText()).toContain('全县');
    const states = await page.locator('[data-state]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.state));
    expect(states.filter((s) => s === 'error' || s === 'loading')).toEqual([]);
    await shoot(page, 'township-account-overview');
    expect(pageErrors(page)).toEqual([]);
    await page.close();
    await browser.context.clearCookies();
  });
});
