/**
 * Population structure and data quality: the pyramid has a bar per age group, sex and part,
 * the comparison year is drawn as an outline, single ages give 101 groups; the data-quality page
 * shows rows read / accepted / quarantined by rule in Chinese and the two rates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadText, launch, open, pageErrors, ready, type Browser } from './browser.ts';
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

describe('population structure 人口结构', () => {
  it('draws the pyramid stacked registered + in-migrants, with a comparison year', async () => {
    const page = await open(browser.context, demo.url, 'page=structure&year=2024&compareYear=2014');
    const api = await get<{ rows: { age: string }[] }>('/api/indicators/pyramid?township=all&from=2024&to=2024&ages=5');
    // two parts per (age, sex) row
    await expect.poll(() => page.locator('#pyramid-chart .bars_marks path').count()).toBe(api.rows.length * 2);
    expect(await page.locator('#pyramid-chart .overlay_marks path').count()).toBe(2);
    const svg = await page.locator('#pyramid-chart svg.marks').innerHTML();
    expect(svg).toContain('户籍人口（在本地）');
    expect(svg).toContain('2014年常住人口');
    expect(await page.locator('#structure-figures').innerText()).toContain('65+');
    // each download's value column says its unit, and an age group is written 0–4 (Excel read 0-4 as a date)
    const header = async (csv: string) => (await downloadText(page, () => page.click(`[data-csv="${csv}"]`))).text.replace(/^\uFEFF/, '').split('\r\n');
    const [ageHead, ...ageRows] = await header('age-structure');
    expect(ageHead).toContain('数值（%）');
    expect(ageRows.join('\n')).toContain('0–14');
    expect((await header('school-age'))[0]).toContain('数值（人）');
    await page.selectOption('#ages', 'single');
    await ready(page, 'structure');
    await expect.poll(() => page.locator('#pyramid-chart .bars_marks path').count()).toBe(101 * 2 * 2);
    await page.selectOption('#compareYear', 'none');
    await ready(page, 'structure');
    expect(await page.locator('#pyramid-chart .overlay_marks').count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});

describe('data quality 数据质量', () => {
  it('shows rows by table, quarantine by rule in Chinese, completeness and consistency', async () => {
    const meta = await get<{ rowsRead: Record<string, number>; rowCounts: Record<string, number>; quarantine: Record<string, Record<string, number>> }>('/api/meta');
    const page = await open(browser.context, demo.url, 'page=quality');
    const births = page.locator('#quality-table tr[data-table="births"]');
    const text = await births.innerText();
    expect(text).toContain(meta.rowsRead.births!.toLocaleString('en-US'));
    expect(text).toContain(meta.rowCounts.births!.toLocaleString('en-US'));
    const q = meta.quarantine.births ?? {};
    const read = meta.rowsRead.births!;
    const missing = q.missing_value ?? 0;
    const other = Object.values(q).reduce((a, b) => a + b, 0) - missing;
    const fmt = (v: number) => (v >= 99.99 ? v.toFixed(4) : v.toFixed(2));
    expect(text).toContain(`${fmt((1 - missing / read) * 100)}%`);
    expect(text).toContain(`${fmt((1 - other / read) * 100)}%`);
    // the count axis ticks at whole numbers: no label printed twice (0 1 1 2 2 3)
    const ticks = await page.locator('#quarantine-chart-chart .role-axis-label text').allTextContents();
    const numeric = ticks.filter((x) => /^\d+$/.test(x));
    expect(numeric.length).toBeGreaterThan(1);
    expect(new Set(numeric).size).toBe(numeric.length);
    expect(await page.locator('#quality-table tr[data-table="overall"]').innerText()).toContain('合计');
    const rules = await page.locator('#quarantine-table').innerText();
    // The demo county carries injected defects of both kinds (data/generator, defects).
    expect(q.mother_under_12).toBeGreaterThan(0);
    expect(q.missing_value).toBeGreaterThan(0);
    expect(rules).toContain('生育时母亲不满12周岁');
    expect(rules).toContain('必填项目缺失');
    const nRules = Object.values(meta.quarantine).reduce((a, r) => a + Object.keys(r).length, 0);
    expect(await page.locator('#quarantine-table tbody tr').count()).toBe(nRules);
    await page.close();
  });
});
