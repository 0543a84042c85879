/**
 * The 考核 and 目标 pages on the demo county: the scorecard table sorts by its headers in the
 * order the API's figures give, a township name opens that township, the table downloads as CSV
 * with Chinese headers and the API's totals; the plain comparison view lists every township; the
 * 目标 page refuses a non-number in Chinese, saves a target, and the overview then shows it.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvDataLines, downloadText, launch, open, pageErrors, ready, type Browser } from './browser.ts';
import { startDemoServer, type DemoServer } from './demoServer.ts';

let demo: DemoServer;
let browser: Browser;
interface Item { id: string; score: number }
interface Town { township: string; name: string; total: number; rank: number; items: Item[] }
let towns: Town[];

const get = async <T>(p: string): Promise<T> => (await fetch(`${demo.url}${p}`)).json() as Promise<T>;

beforeAll(async () => {
  demo = await startDemoServer();
  browser = await launch();
  towns = (await get<{ townships: Town[] }>('/api/assessment?year=2024')).townships;
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe('考核 page', () => {
  it('lists the 20 townships by rank and sorts by any column', async () => {
    const page = await open(browser.context, demo.url, 'page=assessment&year=2024');
    const order = () => page.locator('#assessment-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-township')));
    expect(await order()).toEqual(towns.map((t) => t.township));
    await page.click('#assessment-table button[data-sort="total"]');
    expect(await page.getAttribute('#assessment-table th:has(button[data-sort="total"])', 'aria-sort')).toBe('descending');
    await page.click('#assessment-table button[data-sort="total"]');
    const ascending = [...towns].sort((a, b) => a.total - b.total).map((t) => t.total);
    const shownTotals = await page.locator('#assessment-table tbody td[data-col="total"]').allInnerTexts();
    expect(shownTotals.map(Number)).toEqual(ascending);
    await page.click('#assessment-table button[data-sort="compliance_registered"]');
    const scores = (await order()).map((code) => towns.find((t) => t.township === code)!.items.find((i) => i.id === 'compliance_registered')!.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    await page.click('#assessment-table button[data-sort="name"]');
    expect((await order())[0]).toBeTruthy();
    expect(await page.locator('#assessment-table .badge.cat-advanced').count()).toBe(3);
    expect(await page.locator('.chart-panel[id^="funnel-"][data-state="ready"]').count()).toBe(3);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('opens a township from its name', async () => {
    const page = await open(browser.context, demo.url, 'page=assessment&year=2024');
    const last = towns.at(-1)!;
    await page.click(`#assessment-table a[data-township="${last.township}"]`);
    await ready(page, 'township');
    expect(new URL(page.url()).searchParams.get('township')).toBe(last.township);
    await page.close();
  });

  it('downloads the table as CSV with Chinese headers and the totals of the API', async () => {
    const page = await open(browser.context, demo.url, 'page=assessment&year=2024');
    const { name, text } = await downloadText(page, () => page.click('#assessment-csv'));
    expect(name).toBe('清河县_目标管理考核_2024.csv');
    const header = text.replace(/^\uFEFF/, '').split('\r\n')[0]!;
    // units and full marks in the headers (the demo scheme's weights sum to 100)
    expect(header).toContain('名次,乡镇代码,乡镇（街道）,总分（满分100）,类别');
    expect(header).toContain(',户籍人口出生政策符合率（%）,户籍人口出生政策符合率得分（满分30）,');
    expect(header).toContain(',出生人口性别比（平滑值，女=100）,出生人口性别比（原始值，女=100）,');
    expect(header).toContain(',数据质量（政策属性不详与被隔离的记录）（件）,');
    const lines = csvDataLines(text);
    expect(lines).toHaveLength(20);
    // a count of cases is written whole (it was 0.00)
    const quality = header.split(',').indexOf('数据质量（政策属性不详与被隔离的记录）（件）');
    expect(lines.every((l) => /^\d+$/.test(l.split(',')[quality]!))).toBe(true);
    // the English scorecard writes its details the English way
    const english = await open(browser.context, demo.url, 'page=assessment&year=2024&lang=en');
    await english.locator('#assessment-table').waitFor();
    const details = await english.locator('#assessment-table tbody .item-cell small.muted').allInnerTexts();
    expect(details.join(' ')).not.toMatch(/[，；]/);
    expect(details.some((d) => /^births [\d,]+, [\d.]+–[\d.]+; raw [\d.]+$/.test(d))).toBe(true);
    await english.close();
    expect(lines[0]!.split(',').slice(0, 4)).toEqual(['1', towns[0]!.township, towns[0]!.name, towns[0]!.total.toFixed(2)]);
    // and as a workbook: the same rows, ranks and totals as number cells Excel sorts
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#assessment-xlsx')]);
    expect(download.suggestedFilename()).toBe('清河县_目标管理考核_2024.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(21);
    expect(String(sheet.getRow(1).getCell(4).value)).toBe('总分（满分100）');
    expect([sheet.getRow(2).getCell(1).value, sheet.getRow(2).getCell(2).value, sheet.getRow(2).getCell(4).value]).toEqual([1, towns[0]!.township, towns[0]!.total]);
    await page.close();
  });

  it('the plain view compares every township on the main indicators', async () => {
    const page = await open(browser.context, demo.url, 'page=assessment&year=2024&view=plain');
    expect(await page.locator('#comparison-table tbody tr').count()).toBe(20);
    const births = await get<{ rows: { township: string; value: number }[] }>(`/api/indicators/births?township=${towns.map((t) => t.township).join(',')}&from=2024&to=2024`);
    await page.click('#comparison-table button[data-sort="births"]');
    const first = await page.locator('#comparison-table tbody tr').first().getAttribute('data-township');
    expect(first).toBe([...births.rows].sort((a, b) => b.value - a.value)[0]!.township);
    await page.close();
  });
});

describe('目标 page', () => {
  it('refuses a value that is not a number, saves a target, and the overview shows it', async () => {
    const page = await open(browser.context, demo.url, 'page=targets&year=2024');
    await page.selectOption('#target-measure', 'compliance_registered');
    await page.fill('#target-value', '九十');
    await page.click('#target-save');
    await expect.poll(() => page.locator('#target-message').innerText()).toBe('目标值必须是数字。');
    // what JavaScript's Number also reads (0x10 is 16) is no target value either
    await page.fill('#target-value', '0x10');
    await page.click('#target-save');
    await expect.poll(() => page.locator('#target-message').innerText()).toBe('目标值必须是数字。');
    // a rate over 100 % is refused by the server, in Chinese
    await page.fill('#target-value', '150');
    await page.click('#target-save');
    await expect.poll(() => page.locator('#target-message').innerText()).toContain('户籍人口出生政策符合率的目标值应在 0% 到 100% 之间，不能是 150%');
    await page.fill('#target-value', '97.5%');
    await page.click('#target-save');
    await ready(page, 'targets');
    await expect.poll(() => page.locator('#target-message').innerText()).toBe('已保存。');
    const row = page.locator('#targets-table tbody tr', { hasText: '户籍人口出生政策符合率' });
    expect(await row.innerText()).toContain('≥ 97.5%');
    expect(await row.innerText()).toContain('页面修改');
    // 双过半 progress of one township, picked from the select
    await page.selectOption('#progress-township', { index: 1 });
    await ready(page, 'targets');
    const picked = await page.locator('#progress-township option:checked').innerText();
    await expect.poll(() => page.locator('#progress-title').innerText()).toContain(picked);
    const code = new URL(page.url()).searchParams.get('township')!;
    expect(code).toMatch(/^\d{9}$/);
    // the panel shows that township's progress, not the county's: its 1–6月 sex ratio is the API's for it
    const srbOf = async (place: string) => (await get<{ items: { measure: string; ytd: number | null }[] }>(`/api/progress?year=2024&through=6&township=${place}`))
      .items.find((i) => i.measure === 'srb')!.ytd!;
    const [own, county] = [await srbOf(code), await srbOf('all')];
    expect(own.toFixed(2)).not.toBe(county.toFixed(2));
    expect(await page.locator('#progress-table tbody tr', { hasText: '出生人口性别比' }).innerText()).toContain(own.toFixed(2));
    // a rate beside its yes/no has three decimals (98.999%, never a 99.00% beside 否)
    const compliance = (await get<{ items: { measure: string; ytd: number | null }[] }>(`/api/progress?year=2024&through=6&township=${code}`))
      .items.find((i) => i.measure === 'compliance_registered')!.ytd!;
    expect(await page.locator('#progress-table tbody tr', { hasText: '户籍人口出生政策符合率' }).innerText()).toContain(`${compliance.toFixed(3)}%`);
    // a rate's target with its unit, as in the table above; no 完成进度 column of dashes when no count target is set
    expect(await page.locator('#progress-table tbody tr', { hasText: '户籍人口出生政策符合率' }).innerText()).toContain('≥ 97.5%');
    expect(await page.locator('#progress-table thead').innerText()).not.toContain('完成进度');
    // a minus is written − as elsewhere on the pages (the births band's lower end, a negative estimate)
    expect(await page.locator('#progress-table tbody').innerText()).not.toMatch(/(^|[～（\s–])-\d/m);
    expect(await page.locator('#targets-table tbody').innerText()).toContain('−15～15%');
    await page.close();

    const overview = await open(browser.context, demo.url, 'page=overview&year=2024');
    await expect.poll(() => overview.locator('[data-card="compliance-registered"]').innerText()).toContain('目标 97.5%');
    const api = await get<{ rows: { target: number; value: number; meets_target: boolean }[] }>('/api/indicators/compliance?township=all&from=2024&to=2024&residence=registered');
    expect(api.rows[0]).toMatchObject({ target: 97.5, meets_target: api.rows[0]!.value >= 97.5 });
    expect(await overview.locator('[data-card="compliance-registered"]').innerText()).toContain(api.rows[0]!.meets_target ? '达标' : '未达标');
    await overview.close();
  });
});
