/**
 * The 数据导入 page driven as an administrator would: upload the small office export, find the
 * column the system could not place (生日) among the problems, map it with its select, save, dry
 * run (nothing imported yet), import with progress, and see the result; then the data-quality
 * page's township table and the audited download of one township's quarantined records, which
 * carries record numbers, dates and rules and no name or ID number.
 */
import { appendFileSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/server.ts';
import { demoCounty } from '../fixtures/demoCounty.ts';
import { TINY_OFFICE, writeTinyOffice } from '../fixtures/tinyOffice.ts';
import { tempDir } from '../helpers.ts';
import { downloadText, launch, open, pageErrors, ready, type Browser } from './browser.ts';

const dir = tempDir('import-page');
let server: RunningServer;
let browser: Browser;
let files: string[];
const auditFile = path.join(dir, 'audit.log');
const get = async <T>(p: string): Promise<T> => (await fetch(`${server.url}${p}`)).json() as Promise<T>;
const audit = () => readFileSync(auditFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

beforeAll(async () => {
  const served = path.join(dir, 'served');
  mkdirSync(served);
  copyFileSync((await demoCounty()).dbPath, path.join(served, 'renkou.duckdb'));
  const exportDir = path.join(dir, 'office');
  mkdirSync(exportDir);
  files = await writeTinyOffice(exportDir);
  // two empty rows as Excel saves them under the in-migrants' table: left out, and said so
  appendFileSync(path.join(exportDir, '流入人口.csv'), ',,,,,,,,\r\n,,,,,,,,\r\n');
  server = await startServer({ dbPath: path.join(served, 'renkou.duckdb'), port: 0, usersFile: path.join(dir, 'no-users.json'), auditFile });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('数据导入', () => {
  it('uploads, corrects the mapping, dry-runs and imports', async () => {
    const page = await open(browser.context, server.url, 'page=import');
    expect(await page.locator('#nav a[data-nav="import"]').innerText()).toBe('数据导入');
    // a file that is no CSV at all: the mapping names it and says why (among other files, it can be set to 不导入),
    // and a dry run says so under its button rather than wait for ever
    await page.setInputFiles('#import-files', [{ name: '死亡证明.csv', mimeType: 'text/csv', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0xff, 0xfe, 0xfd, 0x81]) }]);
    await page.click('#import-upload');
    await page.waitForSelector('#import-mapping[data-ready="true"]', { timeout: 120_000 });
    expect(await page.locator('#import-problems').innerText()).toContain('死亡证明.csv: 文件编码无法识别（既不是 UTF-8 也不是 GB18030/GBK）');
    expect(await page.locator('section.map-file[data-source="死亡证明.csv"] select.map-table').inputValue()).toBe('?'); // — 请选择 (which table, or 不导入)
    await page.click('#import-dryrun');
    await expect.poll(() => page.locator('#import-dryrun-status').getAttribute('role'), { timeout: 60_000 }).toBe('alert');
    expect(await page.locator('#import-dryrun-status').innerText()).toContain('死亡证明.csv: 文件编码无法识别');
    await page.setInputFiles('#import-files', files);
    await page.click('#import-upload');
    await page.waitForSelector('#import-mapping[data-ready="true"]', { timeout: 120_000 });
    // no boundary file came with the tables: the page says the map will list the townships as bars
    expect(await page.locator('#import-boundaries').innerText()).toContain('没有乡镇边界文件');
    const births = page.locator('section.map-file[data-source="出生医学证明.csv"]');
    expect(await births.locator('select.map-table').inputValue()).toBe('births');
    expect(await births.locator('tr[data-header="生日"]').getAttribute('data-confidence')).toBe('none');
    expect(await births.locator('tr[data-header="母亲姓名"] td').nth(3).innerText()).toBe('（不显示）');
    expect(await births.locator('tr[data-header="母亲身份证号"] td').nth(3).innerText()).toBe('');
    expect(await page.locator('#import-problems').innerText()).toContain('找不到这些必需列：birth_date（出生日期）');
    const outFile = page.locator('section.map-file[data-source="流出人口.csv"]');
    expect(await outFile.locator('select.map-direction').inputValue()).toBe('out');
    // 流向 is asked of migrant files only, and follows the table select
    expect(await outFile.locator('select.map-direction').isVisible()).toBe(true);
    expect(await births.locator('select.map-direction').isVisible()).toBe(false);
    await births.locator('select.map-table').selectOption('migrants');
    expect(await births.locator('select.map-direction').isVisible()).toBe(true);
    await births.locator('select.map-table').selectOption('births');
    expect(await births.locator('select.map-direction').isVisible()).toBe(false);

    // a dry run the mapping cannot yet make: its message under its own button, not at the top of the page
    await page.click('#import-dryrun');
    await expect.poll(() => page.locator('#import-dryrun-status').getAttribute('role'), { timeout: 60_000 }).toBe('alert');
    expect(await page.locator('#import-dryrun-status').innerText()).toContain('找不到这些必需列：birth_date（出生日期）');
    expect(await page.locator('#import-status').innerText()).toBe('');

    await births.locator('select.map-field[data-header="生日"]').selectOption('birth_date');
    expect(await births.locator('tr[data-header="生日"] td').nth(2).innerText()).toBe('已修改'); // no longer 未识别: the planner chose
    await page.click('#import-save');
    await page.waitForSelector('#import-problems[data-empty="true"]', { timeout: 60_000 });
    expect(await page.locator('#import-save-status').innerText()).toContain('映射已保存');
    expect(await page.locator('#import-dryrun-status').innerText()).toBe(''); // the old failure is not left standing

    // the served demo county has deaths and the upload has no deaths file: the dry run stops rather than
    // empty them, and offers the box that confirms it
    expect(await page.locator('#import-allow-emptied').isVisible()).toBe(false);
    await page.click('#import-dryrun');
    await expect.poll(() => page.locator('#import-dryrun-status').getAttribute('role'), { timeout: 60_000 }).toBe('alert');
    expect(await page.locator('#import-dryrun-status').innerText()).toMatch(/^当前数据库的死亡表有 [0-9,]+ 行，这次的导出中却没有死亡表的文件/);
    // the box names what it confirms: the table the stop named
    expect(await page.locator('label.import-allow-emptied').innerText()).toMatch(/：死亡（deaths）$/);
    await page.check('#import-allow-emptied');
    await page.click('#import-dryrun');
    await page.waitForSelector('#import-dryrun-table', { timeout: 120_000 });
    const dryBirths = await page.locator('#import-dryrun-table tr[data-table="births"]').innerText();
    expect(dryBirths).toMatch(/出生（births）\s+1\s+4\s+3\s+公民身份号码校验码错误（GB 11643）（id_check_digit） 1/);
    expect((await get<{ rowCounts: Record<string, number> }>('/api/meta')).rowCounts.births).toBeGreaterThan(190_000);
    expect(await page.locator('#import-dryrun-notes ul.import-blank li').allInnerTexts()).toEqual(['流动人口（migrants）：2']);
    // the population's 12 lines (2 years × 2 townships × 3 ages), 男 and 女 on each: 24 records
    expect(await page.locator('#import-dryrun-notes ul.import-records li').allInnerTexts()).toEqual(['户籍人口（年末）（population）：12 → 24']);
    // the tiny county's three births over the demo county's year of them: said before the import replaces them
    const fell = await page.locator('#import-dryrun-notes ul.import-fell li').allInnerTexts();
    expect(fell[0]).toBe('区划（regions）：2 / 20');
    expect(fell.find((t) => t.startsWith('出生'))).toMatch(/^出生（births）：3 \/ [0-9]{3},[0-9]{3}$/);

    // the county's name: the one in use is offered; a planner may rename it; a blank or overlong one is refused in Chinese
    expect(await page.locator('#import-county-name').inputValue()).toBe('清河县');
    const refused = await fetch(`${server.url}/api/import/x/run`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ countyName: ' ' }) });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('县（区）名称不能为空');
    await page.fill('#import-county-name', '清水县');
    await page.click('#import-run');
    await page.waitForSelector('#import-done', { timeout: 180_000 });
    await expect.poll(async () => (await get<{ county: { name: string } }>('/api/meta')).county.name, { timeout: 10_000 }).toBe('清水县');
    // the header shows the new name without a reload (the shell forgot the old data's facts)
    await expect.poll(() => page.locator('#county-name').innerText(), { timeout: 10_000 }).toBe('清水县');
    expect(await page.locator('#import-result-table tr[data-table="migrants"]').innerText()).toMatch(/\s2\s+3\s+3\s+0$/);
    expect(await page.locator('#import-result-notes').innerText()).toContain('所读各列都为空的行');
    expect(await page.locator('#import-progress').innerText()).toMatch(/^导入完成，用时 [0-9.]+ 秒 → /m);
    expect(await page.locator('#import-progress').innerText()).toContain('流动人口（migrants）：接受 3 行，隔离 0 行');
    expect(await page.locator('#import-run-status').innerText()).toBe(''); // #import-done says it
    expect(await page.locator('#import-problems').count()).toBe(0); // the session's mapping is gone with it
    // the confirmation answered that import's stop only: the next upload asks again
    expect(await page.locator('#import-allow-emptied').isVisible()).toBe(false);
    expect(await page.locator('#import-allow-emptied').isChecked()).toBe(false);
    expect(pageErrors(page)).toEqual([]);

    await expect.poll(async () => (await get<{ rowCounts: Record<string, number> }>('/api/meta')).rowCounts.births, { timeout: 10_000 }).toBe(3);
    const steps = audit().filter((e) => e.event === 'import').map((e) => e.step);
    // the first upload: the file that is no CSV, and its refused dry run; each refused dry run saved its mapping
    expect(steps).toEqual(['upload', 'mapping', 'upload', 'mapping', 'mapping', 'mapping', 'mapping', 'dry-run', 'mapping', 'import']);
  });

  it('leaves a file it cannot place undecided, not 不导入: the dry run is refused until the planner chooses', async () => {
    const page = await open(browser.context, server.url, 'page=import');
    const unknown = path.join(dir, '导出数据(3).csv');
    writeFileSync(unknown, '证书号,亡故日期,所在地编码\r\nD1,2024-05-01,999901001001\r\n');
    await page.setInputFiles('#import-files', [...files, unknown]);
    await page.click('#import-upload');
    await page.waitForSelector('#import-mapping[data-ready="true"]', { timeout: 120_000 });
    const section = page.locator('section.map-file[data-source="导出数据(3).csv"]');
    expect(await section.locator('select.map-table').inputValue()).toBe('?');
    expect(await section.locator('select.map-table option:checked').innerText()).toBe('— 请选择（是哪张表，或不导入）');
    await page.locator('section.map-file[data-source="出生医学证明.csv"] select.map-field[data-header="生日"]').selectOption('birth_date');
    await page.click('#import-dryrun');
    await expect.poll(() => page.locator('#import-dryrun-status').getAttribute('role'), { timeout: 60_000 }).toBe('alert');
    expect(await page.locator('#import-dryrun-status').innerText()).toContain('导出数据(3).csv：无法判断是哪张表');
    // chosen as 不导入, it is left out and the dry run goes ahead
    await section.locator('select.map-table').selectOption('');
    await page.click('#import-dryrun');
    await page.waitForSelector('#import-dryrun-table', { timeout: 120_000 });
    expect(pageErrors(page)).toEqual([]);
  });

  it('shows every township without boundaries: the overview map falls back to bars', async () => {
    const page = await open(browser.context, server.url, 'page=overview');
    await ready(page, 'overview');
    expect(await page.locator('#map').getAttribute('data-layout')).toBe('bars');
    const svg = await page.locator('#map svg.marks').innerHTML();
    for (const name of ['城关街道', '黄坡乡']) expect(svg).toContain(name);
    // a bar names its township and value on hover, as a polygon does, and opens the township when clicked
    const code = TINY_OFFICE.townships[1]!;
    const bar = page.locator(`#map .mark-rect path[aria-label^="${code} 黄坡乡: "]`);
    await bar.hover({ force: true });
    expect(await page.locator('#map .map-tip').innerText()).toMatch(new RegExp(`^黄坡乡（${code}）：`));
    await bar.click({ force: true });
    await expect.poll(() => new URL(page.url()).searchParams.get('township')).toBe(code);
    expect(pageErrors(page)).toEqual([]);
  });

  it('shows quality by township and downloads one township\'s quarantined records, audited', async () => {
    const page = await open(browser.context, server.url, 'page=quality');
    await ready(page, 'quality');
    const row = page.locator(`#quality-townships-table tr[data-township="${TINY_OFFICE.townships[1]}"]`);
    // every column named, and the span the counts cover said (they are not one year's)
    expect(await page.locator('#quality-townships-table thead th').allInnerTexts()).toEqual(['乡镇（街道）', '接受', '隔离', '其中按规则', '政策属性不详', '隔离记录']);
    expect(await page.locator('#quality-townships-span').innerText()).toMatch(/^统计范围：导入数据中的全部记录（\d{4}–\d{4}年）/);
    expect(await row.innerText()).toMatch(/黄坡乡（999901201）\s+4\s+1\s+公民身份号码校验码错误（GB 11643） 1\s+1/);
    const { name, text } = await downloadText(page, () => row.locator('button.quarantine-download').click());
    expect(name).toBe('黄坡乡_隔离记录.csv');
    expect(text.startsWith('\uFEFF')).toBe(true); // Excel reads UTF-8 Chinese only after a BOM
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines.every((l) => l.split(',').length === 10)).toBe(true); // no header cell holds a comma
    expect(lines[0]).toBe("表 table,规则 rule,规则说明,文件 file,行号（CSV/Excel 文件中的行；Parquet 从0起）row,记录编号 record,事件日期 event date,出生日期（出生表为母亲的）birth date (mother's for births),其他日期 other date,无法识别的列 unreadable");
    expect(lines.slice(1)).toEqual([`births,id_check_digit,公民身份号码校验码错误（GB 11643）,出生医学证明.csv,5,${TINY_OFFICE.spoiledBirth},2024-08-01,1996-02-02,,`]);
    expect(text).not.toMatch(/刘静|刘小丽|99990119960202/);
    expect(audit().filter((e) => e.event === 'quarantine_download')).toMatchObject([{ township: TINY_OFFICE.townships[1], rows: 1 }]);
    expect(pageErrors(page)).toEqual([]);
  });
});
