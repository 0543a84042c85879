/**
 * Overview page on the demo county: headline cards match the API, the map has one polygon per
 * township and follows the chosen indicator, clicking a township opens its page, the list of
 * townships to watch names the SRB outliers, English switches the headings, and the URL
 * reproduces the view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { downloadText, launch, open, pageErrors, ready, type Browser } from './browser.ts';
import { startDemoServer, type DemoServer } from './demoServer.ts';

let demo: DemoServer;
let browser: Browser;
interface Meta { townships: { code: string; name: string }[]; years: { to: number } }
let meta: Meta;

const get = async <T>(p: string): Promise<T> => (await fetch(`${demo.url}${p}`)).json() as Promise<T>;

beforeAll(async () => {
  demo = await startDemoServer();
  browser = await launch();
  meta = await get<Meta>('/api/meta');
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe('overview 总览', () => {
  it('shows headline cards equal to the API, in Chinese', async () => {
    const page = await open(browser.context, demo.url, 'page=overview');
    expect(await page.locator('h1').innerText()).toContain('人口');
    const year = meta.years.to;
    const births = await get<{ rows: { value: number; change: number }[] }>(`/api/indicators/births?township=all&from=${year}&to=${year}&compare=prev`);
    const value = births.rows[0]!.value.toLocaleString('en-US');
    await expect.poll(() => page.locator('[data-card="births"] .card-value').innerText()).toBe(value);
    const srb = await get<{ rows: { srb: number; lo: number; hi: number }[] }>(`/api/srb?township=all&from=${year}&to=${year}`);
    const card = await page.locator('[data-card="srb"]').innerText();
    expect(card).toContain(srb.rows[0]!.srb.toFixed(2));
    expect(card).toContain(`${srb.rows[0]!.lo.toFixed(2)}–${srb.rows[0]!.hi.toFixed(2)}`);
    expect(await page.locator('[data-card="cbr"] .card-value').innerText()).toMatch(/^\d+\.\d{2}‰$/);
    // the rate says which population it is of (户籍 + 流入: not the 常住人口 beside it)
    expect(await page.locator('[data-card="cbr"] h3').innerText()).toBe('出生率（户籍+流入）');
    expect(await page.locator('[data-card="compliance-registered"]').innerText()).toContain('目标 99%');
    expect(await page.locator('.card').count()).toBe(10);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('draws one map polygon per township, changes layer, and opens a township on click', async () => {
    const page = await open(browser.context, demo.url, 'page=overview');
    await expect.poll(() => page.locator('#map .mark-shape path').count()).toBe(meta.townships.length);
    expect(await page.locator('#map').getAttribute('data-townships')).toBe(String(meta.townships.length));
    await page.selectOption('#map-indicator', 'tfr');
    await ready(page, 'overview');
    expect(page.url()).toContain('map=tfr');
    expect(await page.locator('#map').getAttribute('data-layer')).toBe('tfr');
    await expect.poll(() => page.locator('#map .mark-shape path').count()).toBe(meta.townships.length);
    expect(await page.locator('#map svg.marks').innerHTML()).toContain('总和生育率');
    // hovering a polygon names its township and gives its value, as the layer's answer has it
    const tfr = await get<{ rows: { township: string; value: number }[] }>(`/api/indicators/tfr?township=each&from=${meta.years.to}&to=${meta.years.to}&period=year`);
    const hovered = meta.townships[3]!;
    // (its name label sits on its centre and carries its code too)
    await page.locator(`#map .mark-shape path[aria-label="${hovered.code}"]`).hover({ force: true });
    const tip = await page.locator('#map .map-tip').innerText();
    expect(tip).toBe(`${hovered.name}（${hovered.code}）：${tfr.rows.find((r) => r.township === hovered.code)!.value.toFixed(2)}`);
    // its table says the unit, and names a TFR's births and women-years for what they are (they do not divide to it)
    const csv = await downloadText(page, () => page.click('[data-csv="map"]'));
    expect(csv.text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('乡镇代码,名称,时期,数值（个/妇女）,出生数（各年龄合计）,育龄妇女人年数（15–49岁；总和生育率为各年龄生育率之和，不等于两数之比）,样本量小');
    // the map saved as PNG: a picture drawn again with Vega (the page's CSP once refused it)
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-image="map-png"]')]);
    expect(png.suggestedFilename()).toBe(`${(meta as Meta & { county: { name: string } }).county.name}_分布图_总和生育率_${meta.years.to}.png`);
    const bytes = readFileSync(await png.path());
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.readUInt32BE(16)).toBeGreaterThan(1000); // width at 2×: the 520 px map, its legend and margins
    // saved as SVG, its title says where, when and what (pasted into Word, the picture stands alone)
    const svg = await downloadText(page, () => page.click('[data-image="map-svg"]'));
    expect(svg.name).toBe(`${(meta as Meta & { county: { name: string } }).county.name}_分布图_总和生育率_${meta.years.to}.svg`);
    expect(svg.text).toContain(`>${(meta as Meta & { county: { name: string } }).county.name}${meta.years.to}年各乡镇（街道）总和生育率</text>`);
    // click the polygon of the first township (its label sits at its centroid)
    const target = meta.townships.find((x) => x.name.endsWith('镇'))!;
    const label = page.locator('#map .labels_marks text', { hasText: target.name }).first(); // (its white outline lies under it)
    await label.click();
    await ready(page, 'township');
    expect(new URL(page.url()).searchParams.get('township')).toBe(target.code);
    await page.close();
  });

  it('lists townships with an elevated SRB or a missed compliance target', async () => {
    const year = meta.years.to;
    // the elevated-SRB list of every page: the last 3 years pooled, interval wholly above 107
    const ranking = await get<{ townships: { township: string; judgement: string }[] }>(`/api/srb/ranking?from=${year - 2}&to=${year}`);
    const high = ranking.townships.filter((r) => r.judgement === 'high').map((r) => r.township);
    expect(high.length).toBeGreaterThan(0);
    const page = await open(browser.context, demo.url, 'page=overview');
    for (const code of high) await expect(page.locator(`#callout-list > li[data-township="${code}"]`).innerText()).resolves.toContain('性别比偏高');
    expect(await page.locator('#callout-more').isHidden()).toBe(true); // a county's list is whole
    await page.close();
  });

  it('lists the 30 townships with the most findings when there are more, and says where the rest are', async () => {
    // a province-sized list: 20 more townships in meta, and all 40 elevated in the ranking
    const page = await browser.context.newPage();
    const fakes = Array.from({ length: 20 }, (_, i) => ({ code: String(999999001 + i), name: `虚拟${i}镇`, kind: 'town' }));
    await page.route('**/api/meta', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { townships: object[] };
      await route.fulfill({ response, json: { ...body, townships: [...body.townships, ...fakes] } });
    });
    await page.route('**/api/srb/ranking?*', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { townships: object[] };
      const all = [...body.townships, ...fakes.map((f) => ({ ...body.townships[0], township: f.code, name: f.name }))];
      await route.fulfill({ response, json: { ...body, townships: all.map((r) => ({ ...r, judgement: 'high' })) } });
    });
    await page.goto(`${demo.url}/?page=overview`);
    await ready(page);
    expect(await page.locator('#callout-list > li').count()).toBe(30);
    const more = page.locator('#callout-more');
    expect(await more.innerText()).toContain(`另有${meta.townships.length + 20 - 30}个乡镇（街道）未列出（以上为问题最多的30个）`);
    expect(await more.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      '/?page=srb', `/?page=assessment&view=plain&year=${meta.years.to}&window=year`,
    ]);
    await page.close();
  });

  it('says how many townships the map shows grey for want of a value, and that small values are not marked on it', async () => {
    // the layer's values as the page receives them, two townships without a value and three small
    const page = await browser.context.newPage();
    await page.route('**/api/indicators/tfr?*township=each*', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { rows: { value: number | null; small: boolean }[] };
      const rows = body.rows.map((r, i) => ({ ...r, value: i < 2 ? null : r.value, small: i < 3 }));
      await route.fulfill({ response, json: { ...body, rows } });
    });
    await page.goto(`${demo.url}/?page=overview&map=tfr`);
    await ready(page, 'overview');
    const note = page.locator('#map [data-no-value]');
    expect(await note.getAttribute('data-no-value')).toBe('2');
    expect(await note.innerText()).toBe('2个乡镇（街道）没有数值，地图上以灰色表示。');
    expect(await page.locator('#map .small-warning').innerText()).toContain('3个数值的事件数少于5，数值波动大，解读时须谨慎（图中未标出，下载的数据中标为“样本量小”）');
    // not the trend charts' 'hollow points': the map draws none
    expect(await page.locator('#map .small-warning').innerText()).not.toContain('空心点');
    await page.close();
  });

  it('switches to English and back; the URL reproduces the view', async () => {
    const page = await open(browser.context, demo.url, 'page=overview&period=statyear&year=2022&map=srb');
    expect(await page.locator('.page-title').innerText()).toContain('2022统计年度');
    expect(await page.locator('#period').inputValue()).toBe('statyear');
    expect(await page.locator('#map-indicator').inputValue()).toBe('srb');
    await page.click('#lang-switch');
    await ready(page, 'overview');
    expect(page.url()).toContain('lang=en');
    expect(await page.locator('.page-title').innerText()).toContain('Overview');
    expect(await page.locator('#nav [data-nav="srb"]').innerText()).toBe('Sex ratio at birth');
    expect(await page.locator('#headline-panel h2').innerText()).toBe('Headline figures');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    // the server's map in English: its legend title, and a hover tip with ASCII punctuation
    expect(await page.locator('#map svg.marks').innerHTML()).toContain('SRB (smoothed)');
    const first = meta.townships[0]!;
    await page.locator(`#map .mark-shape path[aria-label="${first.code}"]`).hover({ force: true });
    expect(await page.locator('#map .map-tip').innerText()).toMatch(new RegExp(`^${first.name} \\(${first.code}\\): \\d+\\.\\d{2}$`));
    // a fresh tab on the same URL shows the same view
    const again = await open(browser.context, demo.url, new URL(page.url()).search.slice(1));
    expect(await again.locator('#year').inputValue()).toBe('2022');
    expect(await again.locator('#map-indicator').inputValue()).toBe('srb');
    expect(await again.locator('#headline-panel h2').innerText()).toBe('Headline figures');
    await page.click('#lang-switch');
    await ready(page, 'overview');
    expect(await page.locator('#headline-panel h2').innerText()).toBe('主要指标');
    await page.goBack();
    await ready(page, 'overview');
    expect(await page.locator('#headline-panel h2').innerText()).toBe('Headline figures');
    await page.close();
    await again.close();
  });
});
