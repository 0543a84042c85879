/**
 * One elevated-SRB list everywhere: at their default spans the 总览 callouts, the 性别比 page's
 * ranking table and the 报告 page's annual report name the same townships as 偏高, each states
 * its span and rule, and each equals /api/srb/ranking (3 years pooled, interval wholly above 107).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, open, pageErrors, type Browser } from './browser.ts';
import { startDemoServer, type DemoServer } from './demoServer.ts';

let demo: DemoServer;
let browser: Browser;
const get = async <T>(p: string): Promise<T> => (await fetch(`${demo.url}${p}`)).json() as Promise<T>;

beforeAll(async () => {
  demo = await startDemoServer();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe('the elevated-SRB list', () => {
  it('is the same on 总览, 性别比 and 报告 at their default spans', async () => {
    const api = await get<{ from: number; to: number; townships: { name: string; judgement: string }[] }>('/api/srb/ranking');
    expect(api.to - api.from + 1).toBe(3);
    const expected = api.townships.filter((t) => t.judgement === 'high').map((t) => t.name).sort();
    expect(expected.length).toBeGreaterThan(0);
    const span = `${api.from}–${api.to}年`;

    const overview = await open(browser.context, demo.url, 'page=overview');
    await overview.locator('#callout-list > li').first().waitFor();
    const fromOverview = await overview.locator('#callout-list > li:has(li[data-reason="srb-high"]) > strong').allInnerTexts();
    expect(fromOverview.sort()).toEqual(expected);
    expect(await overview.locator('#callout-rule').innerText()).toContain(span);
    expect(pageErrors(overview)).toEqual([]);
    await overview.close();

    const srb = await open(browser.context, demo.url, 'page=srb');
    const fromSrb = await srb.locator('#srb-ranking-table tbody tr[data-judgement="high"] a').allInnerTexts();
    expect(fromSrb.sort()).toEqual(expected);
    expect(await srb.locator('#srb-list-rule').innerText()).toContain(span);
    expect(await srb.locator('#srb-ranking-title').innerText()).toContain(`${api.from}–${api.to}`);
    expect(pageErrors(srb)).toEqual([]);
    await srb.close();

    const report = await open(browser.context, demo.url, 'page=reports');
    const text = await report.locator('article.renkou-report').innerText();
    const m = new RegExp(`性别比偏高（${span}合计出生的95%置信区间整体高于107）的乡镇共(\\d+)个：([^，]+)，`).exec(text);
    expect(m, 'the report states the list with its span and rule').not.toBeNull();
    expect(m![2]!.split('、').sort()).toEqual(expected);
    await report.close();
  });
});
