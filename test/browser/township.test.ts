/**
 * Township pages: the trends follow the chosen township, granularity and comparison townships;
 * the CSV beside a chart has as many data rows as the API answer behind it, with a BOM.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvDataLines, downloadText, launch, open, pageErrors, ready, type Browser } from './browser.ts';
import { startDemoServer, type DemoServer } from './demoServer.ts';

let demo: DemoServer;
let browser: Browser;
let townships: { code: string; name: string }[];
let lastYear: number;
const get = async <T>(p: string): Promise<T> => (await fetch(`${demo.url}${p}`)).json() as Promise<T>;

beforeAll(async () => {
  demo = await startDemoServer();
  browser = await launch();
  const meta = await get<{ townships: { code: string; name: string }[]; years: { to: number } }>('/api/meta');
  townships = meta.townships;
  lastYear = meta.years.to;
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe('township pages 乡镇（街道）', () => {
  it('changes township and granularity; the CSV rows equal the API rows', async () => {
    const [a, b] = [townships[3]!, townships[12]!];
    const page = await open(browser.context, demo.url, `page=township&township=${a.code}`);
    expect(await page.locator('.page-title').innerText()).toContain(a.name);
    await page.selectOption('#township', b.code);
    await ready(page, 'township');
    expect(await page.locator('.page-title').innerText()).toContain(b.name);
    await page.selectOption('#granularity', 'quarter');
    await ready(page, 'township');
    const url = new URL(page.url());
    expect(url.searchParams.get('granularity')).toBe('quarter');
    // quarterly births of the township over the default three... five years
    const from = lastYear - 4;
    const api = await get<{ rows: unknown[] }>(`/api/indicators/births?township=${b.code}&from=${from}&to=${lastYear}&period=quarter&residence=all`);
    expect(api.rows.length).toBe(20);
    await expect.poll(() => page.locator('#trend-births').getAttribute('data-rows')).toBe(String(api.rows.length));
    const csv = await downloadText(page, () => page.click('[data-csv="trend-births"]'));
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    expect(csv.text.split('\r\n')[0]).toContain('乡镇代码');
    expect(csvDataLines(csv.text)).toHaveLength(api.rows.length);
    // the x axis shows quarters
    expect(await page.locator('#trend-births-chart svg.marks').innerHTML()).toContain(`${lastYear}Q4`);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('shows several townships side by side with the county, and compliance registered vs migrant against targets', async () => {
    const [a, b, c] = [townships[0]!, townships[7]!, townships[15]!];
    const page = await open(browser.context, demo.url, `page=township&township=${a.code},${b.code}`);
    expect(await page.locator(`#compare-${b.code}`).isChecked()).toBe(true);
    await page.check(`#compare-${c.code}`);
    await ready(page, 'township');
    expect(new URL(page.url()).searchParams.get('township')).toBe(`${a.code},${b.code},${c.code}`);
    const svg = await page.locator('#trend-cbr-chart svg.marks').innerHTML();
    for (const name of ['全县', a.name, b.name, c.name]) expect(svg).toContain(name);
    // compliance: 4 areas × 2 residences × 10 years
    await expect.poll(() => page.locator('#trend-compliance').getAttribute('data-rows')).toBe(String(4 * 2 * 10));
    const comp = await page.locator('#trend-compliance-chart svg.marks').innerHTML();
    expect(comp).toContain('户籍目标 99%');
    expect(comp).toContain('流动目标 85%');
    // all townships in the side-by-side bars, the chosen ones highlighted
    await expect.poll(() => page.locator('#side-by-side-chart .mark-rect path').count()).toBe(townships.length);
    // on a 1,024 px screen the bars fit: the page does not scroll sideways (it did by 16 px)
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.reload();
    await ready(page, 'township');
    await expect.poll(() => page.locator('#side-by-side-chart .mark-rect path').count()).toBe(townships.length);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await page.close();
  });

  it('lists in a legend only the series it draws (no 全县 beside township counts)', async () => {
    const page = await open(browser.context, demo.url, `page=township&township=${townships[2]!.code}`);
    const legend = (id: string) => page.locator(`#${id}-chart .role-legend text`).allTextContents();
    const lines = (id: string) => page.locator(`#${id}-chart .mark-line path`).count();
    expect(await legend('trend-births')).toEqual([townships[2]!.name]);
    expect(await lines('trend-births')).toBe(1);
    expect(await legend('trend-cbr')).toEqual(['全县', townships[2]!.name]);
    expect(await lines('trend-cbr')).toBe(2);
    await page.close();
  });

  it('warns about small numbers where rows are marked small', async () => {
    const small = townships.at(-1)!;
    const page = await open(browser.context, demo.url, `page=township&township=${small.code}&granularity=month&residence=migrant`);
    const api = await get<{ rows: { small: boolean }[] }>(`/api/indicators/births?township=${small.code}&from=${lastYear - 2}&to=${lastYear}&period=month&residence=migrant`);
    const n = api.rows.filter((r) => r.small).length;
    expect(n).toBeGreaterThan(0);
    const warning = page.locator('#trend-births .small-warning');
    expect(await warning.innerText()).toContain('样本量小');
    expect(await warning.getAttribute('data-small')).toBe(String(n));
    // the townships side by side are compared over the whole year, and the title says so (not "the latest period")
    expect(await page.locator('#side-by-side').innerText()).toContain(`${lastYear}年全年`);
    // a month's birth rate is a period rate, its TFR a rate per year: each chart says which
    expect(await page.locator('#trend-cbr .note').innerText()).toContain('期间率');
    expect(await page.locator('#trend-tfr .note').innerText()).toContain('年率');
    await page.close();
  });

  it('says which values of a wrong link it could not use, instead of showing another township without a word', async () => {
    const first = (await get<{ years: { from: number } }>('/api/meta')).years.from;
    const to = lastYear - 14; // from after to: from falls back to the ten years up to `to`
    const page = await open(browser.context, demo.url, `page=township&township=123456789&from=${lastYear}&to=${to}`);
    await ready(page, 'township');
    expect(await page.locator('#param-problems').innerText()).toBe(
      `链接中有参数无法使用，页面显示的是改用后的结果：township=123456789 → 已改用 ${townships[0]!.name}；from=${lastYear} → 已改用 ${Math.max(first, to - 9)}（可用 ${first}–${to}）`);
    // a link the page can use says nothing
    const good = await open(browser.context, demo.url, `page=township&township=${townships[0]!.code}`);
    await ready(good, 'township');
    expect(await good.locator('#param-problems').count()).toBe(0);
    const unknownPage = await open(browser.context, demo.url, 'page=trends');
    await ready(unknownPage, 'overview');
    expect(await unknownPage.locator('#param-problems').innerText()).toContain('page=trends → 已改用 总览');
    await unknownPage.close();
    // a custom projection's value out of range: named with its range, the data's own assumption used
    const projection = await open(browser.context, demo.url, 'page=projections&scenario=custom&tfr=10&srb=105&lang=en');
    await ready(projection, 'projections');
    expect(await projection.locator('#param-problems').innerText()).toContain('tfr=10 → the value derived from the data used instead (allowed 0.3–6)');
    // and at its field: shown as given, marked, with why under it; a good field is not marked
    expect(await projection.locator('#tfr').inputValue()).toBe('10');
    expect(await projection.locator('#tfr').getAttribute('aria-invalid')).toBe('true');
    expect(await projection.locator('#tfr-refused').innerText()).toBe('Outside 0.3–6: not used; the value derived from the data is used');
    expect(await projection.locator('#srb').getAttribute('aria-invalid')).toBeNull();
    // the assumptions state the planner's SRB, the data's own beside it (printed, the fields are not shown)
    await expect.poll(() => projection.locator('#projection-assumptions dd[data-key="srb"]').textContent()).toMatch(/^105\.00 \(custom; from the data \d+\.\d\d\)$/);
    expect(pageErrors(page)).toEqual([]);
    await Promise.all([page.close(), good.close(), projection.close()]);
  });
});
