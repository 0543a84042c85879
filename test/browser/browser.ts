/**
 * Debian's Chromium driven by playwright-core for the browser tests: headless, no sandbox, a
 * temporary user-data-dir, 1366×768 (a planner's office PC), and helpers to open a page of the
 * dashboard and wait until it has finished loading (`#page[data-ready="true"]`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.RENKOU_CHROMIUM ?? '/usr/bin/chromium';
export const VIEWPORT = { width: 1366, height: 768 };

export interface Browser { context: BrowserContext; close(): Promise<void> }

export async function launch(): Promise<Browser> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'renkou-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: VIEWPORT,
    acceptDownloads: true,
    locale: 'zh-CN',
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Waits until the router has rendered the page and every chart has settled. */
export async function ready(page: Page, pageId?: string): Promise<void> {
  const selector = pageId ? `#page[data-ready="true"][data-page="${pageId}"]` : '#page[data-ready="true"]';
  await page.waitForSelector(selector, { timeout: 60_000 });
}

/** Opens `?query` on the server and waits for the page. Page errors fail the test. */
export async function open(context: BrowserContext, baseUrl: string, query: string): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as Page & { errors?: string[] }).errors = errors;
  await page.goto(`${baseUrl}/?${query}`);
  await ready(page);
  return page;
}

export function pageErrors(page: Page): string[] {
  return (page as Page & { errors?: string[] }).errors ?? [];
}

/** Reads a downloaded file's text. */
export async function downloadText(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await download.path();
  const { readFileSync } = await import('node:fs');
  return { name: download.suggestedFilename(), text: readFileSync(file, 'utf8') };
}

/** Data lines of a CSV (header and trailing empty line removed; no quoted newlines in ours). */
export function csvDataLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split('\r\n').slice(1).filter((l) => l.length > 0);
}
