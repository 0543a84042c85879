/**
 * Time for the overview page to be fully rendered (every chart drawn: `#page[data-ready="true"]`)
 * in headless Chromium against a running server: the first load after the server started (cold)
 * and reloads (warm, median of several). A load that drew an error panel stops the bench.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { median } from './stats.ts';

export interface OverviewBench { coldMs: number; warmMedianMs: number; warmRuns: number }

export async function benchOverview(baseUrl: string, warmRuns = 5): Promise<OverviewBench> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'renkou-bench-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.RENKOU_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1366, height: 768 },
  });
  try {
    const page = await context.newPage();
    const load = async (): Promise<number> => {
      const start = performance.now();
      await page.goto(`${baseUrl}/?page=overview`);
      await page.waitForSelector('#page[data-ready="true"]', { timeout: 120_000 });
      const took = performance.now() - start;
      // a panel that failed is drawn fast: time only a page that drew everything
      const failed = await page.locator('#page .error').allTextContents();
      if (failed.length > 0) throw new Error(`the overview page drew ${failed.length} error panel(s): ${failed.join(' | ')}`);
      return took;
    };
    const coldMs = await load();
    const warm: number[] = [];
    for (let i = 0; i < warmRuns; i++) warm.push(await load());
    return { coldMs, warmMedianMs: median(warm), warmRuns };
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}
