/**
 * SRB page: the 103–107 band and the interval band are drawn, the series follows the township,
 * order and estimate chosen, the funnel plot has its 95% and 99.8% limit lines and one point per
 * township, and the ranking table equals /api/srb/ranking.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvDataLines, downloadText, launch, open, pageErrors, ready, type Browser } from './browser.ts';
import { startDemoServer, type DemoServer } from './demoServer.ts';

let demo: DemoServer;
let browser: Browser;
let lastYear: number;
const get = async <T>(p: string): Promise<T> => (await fetch(`${demo.url}${p}`)).json() as Promise<T>;

beforeAll(async () => {
  demo = await startDemoServer();
  browser = await launch();
  lastYear = (await get<{ years: { to: number } }>('/api/meta')).years.to;
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe('sex ratio at birth 性别比', () => {
  it('draws the normal band, the interval band and the funnel limits', async () => {
    const page = await open(browser.context, demo.url, 'page=srb');
    const series = page.locator('#srb-series-chart');
    await expect.poll(() => series.locator('.normal_band_marks path').count()).toBe(1);
    expect(await series.locator('.interval_band_layer_0_marks path').count()).toBeGreaterThan(0);
    expect(await series.locator('.ratio_points_marks path').count()).toBe(10);
    const funnel = page.locator('#srb-funnel-chart');
    // two limit lines each (upper and lower) for 95% and 99.8%
    expect(await funnel.locator('.limit_95_marks path').count()).toBe(2);
    // the series' copy drawn for print is not shown on screen (one chart, not two)
    expect(await page.locator('#srb-series .chart.print-only').isVisible()).toBe(false);
    expect(await page.locator('#srb-series-chart').isVisible()).toBe(true);
    expect(await funnel.locator('.limit_998_marks path').count()).toBe(2);
    expect(await funnel.locator('.center_marks line, .center_marks path').count()).toBe(1);
    const ranking = await get<{ townships: { name: string; rank: number }[] }>(`/api/srb/ranking?from=${lastYear - 2}&to=${lastYear}`);
    expect(await funnel.locator('.townships_layer_0_marks path').count()).toBe(ranking.townships.length);
    const rows = page.locator('#srb-ranking-table tbody tr');
    expect(await rows.count()).toBe(ranking.townships.length);
    expect(await rows.first().innerText()).toContain(ranking.townships[0]!.name);
    const csv = await downloadText(page, () => page.click('[data-csv="srb-ranking"]'));
    expect(csvDataLines(csv.text)).toHaveLength(ranking.townships.length);
    // every column named in Chinese, the judgement once (the interval's position has a name of its own)
    const header = csv.text.replace('\uFEFF', '').split(/\r?\n/)[0]!.split(',');
    expect(header.filter((h) => /^[a-z_]+$/.test(h))).toEqual([]);
    expect(header.filter((h) => h === '判断')).toHaveLength(1);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('draws every township on the funnel: third births put a few beyond the axis, on its edge as triangles with their ratio', async () => {
    const ranking = await get<{ townships: { name: string; srb: number | null }[] }>(`/api/srb/ranking?from=${lastYear - 2}&to=${lastYear}&order=3%2B`);
    const beyond = ranking.townships.filter((t) => t.srb !== null && (t.srb > 180 || t.srb < 70));
    expect(beyond.length).toBeGreaterThan(0); // the demo county's third births: a handful per township
    const page = await open(browser.context, demo.url, 'page=srb&order=3%2B');
    const funnel = page.locator('#srb-funnel-chart');
    await expect.poll(() => funnel.locator('.townships_layer_0_marks path').count()).toBe(ranking.townships.length);
    // on the edge as triangles, and named with their ratios under the plot
    expect(await funnel.locator('.townships_layer_0_marks path[d^="M0,"]').count()).toBe(beyond.length);
    const note = await page.locator('#srb-funnel .note').innerText();
    expect(note).toContain('▲▼');
    for (const t of beyond) expect(note).toContain(`${t.name} ${t.srb!.toFixed(1)}`);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('follows township, birth order and raw/smoothed; CSV rows equal the API', async () => {
    const ranking = await get<{ townships: { township: string; name: string }[] }>(`/api/srb/ranking?from=${lastYear - 2}&to=${lastYear}`);
    const top = ranking.townships[0]!;
    const page = await open(browser.context, demo.url, 'page=srb');
    await page.locator(`#srb-ranking-table tr[data-township="${top.township}"] a`).click();
    await ready(page, 'srb');
    expect(new URL(page.url()).searchParams.get('township')).toBe(top.township);
    expect(await page.locator('#srb-series-chart svg.marks').innerHTML()).toContain(top.name);
    await page.selectOption('#order', '2');
    await ready(page, 'srb');
    await page.selectOption('#estimate', 'raw');
    await ready(page, 'srb');
    const url = new URL(page.url());
    expect(url.searchParams.get('order')).toBe('2');
    expect(url.searchParams.get('estimate')).toBe('raw');
    expect(await page.locator('#srb-series h2').innerText()).toContain('原始值');
    const api = await get<{ rows: { srb: number }[] }>(`/api/srb?township=all,${top.township}&from=${lastYear - 9}&to=${lastYear}&order=2`);
    await expect.poll(() => page.locator('#srb-series').getAttribute('data-rows')).toBe(String(api.rows.length));
    const csv = await downloadText(page, () => page.click('[data-csv="srb-series"]'));
    const lines = csvDataLines(csv.text);
    expect(lines).toHaveLength(api.rows.length);
    expect(csv.text.split('\r\n')[0]).toContain('性别比');
    await page.close();
  });
});
