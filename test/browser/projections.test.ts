/**
 * Projection page against the real projection API on the demo county (no stand-in answers):
 * - the base population shown is the sum of the base population by sex and age of
 *   `GET /api/projections/assumptions`, and the projection's first year (the base year) is it;
 * - the total is drawn for every year and its CSV has a row a year;
 * - the final-year births shown for the low, medium and high scenarios rise in that order and
 *   are the API's figures;
 * - the probabilistic variant draws bands, and the figures behind them (CSV) are the API's
 *   median inside its 80% and 95% intervals;
 * - the backtest MAPE shown is the API's figure, formatted;
 * - a township's projection starts from that township's base.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssumptionsSummary, BacktestReport, ProjectionAnswer } from '../../web/src/projection.ts';
import { csvDataLines, downloadText, launch, open, pageErrors, ready, type Browser } from './browser.ts';
import { auditEntries, startDemoServer, type DemoServer } from './demoServer.ts';

let demo: DemoServer;
let browser: Browser;
let lastYear: number;
let townships: { code: string; name: string }[];
const get = async <T>(p: string): Promise<T> => (await fetch(`${demo.url}${p}`)).json() as Promise<T>;
const sum = (xs: readonly number[]) => xs.reduce((s, v) => s + v, 0);
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const parseInt2 = (text: string) => Number(text.replace(/[,\s]/g, ''));

async function project(body: object): Promise<ProjectionAnswer> {
  const r = await fetch(`${demo.url}/api/projections`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(r.status).toBe(200);
  return await r.json() as ProjectionAnswer;
}

/** CSV text → objects keyed by the (Chinese) header. */
function csvObjects(text: string): Record<string, string>[] {
  const [head, ...lines] = text.replace(/^\uFEFF/, '').split('\r\n').filter((l) => l.length > 0);
  const keys = head!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [keys[i]!, v])));
}

beforeAll(async () => {
  demo = await startDemoServer();
  browser = await launch();
  const meta = await get<{ years: { to: number }; townships: { code: string; name: string }[] }>('/api/meta');
  lastYear = meta.years.to;
  townships = meta.townships;
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe('projections 人口预测', () => {
  it('starts from the base population, compares the scenarios, steps the pyramid, shows the backtest', async () => {
    const page = await open(browser.context, demo.url, 'page=projections&horizon=20');
    await ready(page, 'projections');
    // the base population: the sum of the assumptions' base by sex and age
    const assumptions = await get<AssumptionsSummary>('/api/projections/assumptions?scope=all');
    const base = sum(assumptions.basePopulation.male) + sum(assumptions.basePopulation.female);
    expect(assumptions.baseYear).toBe(lastYear);
    const firstTotal = Number(await page.locator('#projection-status').getAttribute('data-base-total'));
    expect(firstTotal).toBe(base);
    expect(await page.locator('#projection-base-total').innerText()).toBe(int(base));
    const medium = await project({ scope: 'all', baseYear: lastYear, horizon: 20, scenario: 'medium', variant: 'deterministic' });
    expect(medium.years[0]).toBe(lastYear);
    expect(medium.results[0]!.series.total[0]).toBe(base);
    expect(await page.locator('#projection-final-total').innerText()).toBe(int(medium.results[0]!.series.total[20]!));
    expect(await page.locator('#projection-assumptions [data-key="tfr"]').innerText()).toBe(assumptions.fertility.tfr.toFixed(2));
    // 21 years of the total, then the CSV beside it (and the export is audited)
    await expect.poll(() => page.locator('#proj-total').getAttribute('data-state')).toBe('ready');
    expect(await page.locator('#proj-total').getAttribute('data-rows')).toBe('21');
    const csv = await downloadText(page, () => page.click('[data-csv="proj-total"]'));
    expect(csvDataLines(csv.text)).toHaveLength(21);
    await expect.poll(() => auditEntries(demo).filter((e) => e.event === 'export').length).toBeGreaterThan(0);
    const exported = auditEntries(demo).find((e) => e.event === 'export') as { what: string; params: Record<string, string> };
    expect(exported.what).toBe('csv');
    expect(exported.params).toMatchObject({ chart: 'proj-total', page: 'projections', horizon: '20' });
    // low < medium < high births in the final year, as the table shows them and as the API gives them
    const shown: Record<string, number> = {};
    for (const s of ['low', 'medium', 'high']) {
      const answer = await project({ scope: 'all', baseYear: lastYear, horizon: 20, scenario: s, variant: 'deterministic' });
      const births = answer.results[0]!.series.births[20]!;
      const text = await page.locator(`#scenario-table tr[data-scenario="${s}"] td[data-key="births"]`).innerText();
      expect(text).toBe(int(births));
      shown[s] = parseInt2(text);
    }
    expect(shown.low!).toBeLessThan(shown.medium!);
    expect(shown.medium!).toBeLessThan(shown.high!);
    const compare = await page.locator('#proj-compare-births-chart svg.marks').innerHTML();
    for (const s of ['低方案', '中方案', '高方案']) expect(compare).toContain(s);
    // the pyramid's slider steps the years
    const slider = page.locator('#proj-pyramid-chart input[type="range"]');
    await slider.fill(String(lastYear + 10));
    await expect.poll(() => page.locator('#proj-pyramid-chart .year_label_marks text').innerHTML()).toBe(String(lastYear + 10));
    // the backtest MAPE is the API's figure
    const backtest = await get<BacktestReport>(`/api/projections/backtest?baseYear=${lastYear - 10}&to=${lastYear}`);
    expect(Number.isFinite(backtest.horizon.mape.total)).toBe(true);
    expect(await page.locator('#backtest-mape').innerText()).toBe(`${backtest.horizon.mape.total.toFixed(2)}%`);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('draws the probabilistic bands around the median, and runs a custom scenario', async () => {
    const page = await open(browser.context, demo.url, 'page=projections&horizon=20');
    await page.selectOption('#scenario', 'high');
    await ready(page, 'projections');
    await page.selectOption('#variant', 'probabilistic');
    await ready(page, 'projections');
    const url = new URL(page.url());
    expect(url.searchParams.get('scenario')).toBe('high');
    expect(url.searchParams.get('variant')).toBe('probabilistic');
    expect(await page.locator('.page-title').innerText()).toContain('高方案');
    await expect.poll(() => page.locator('#proj-total-chart .band_marks path').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('#proj-births-chart .band_marks path').count()).toBeGreaterThan(0);
    const answer = await project({ scope: 'all', baseYear: lastYear, horizon: 20, scenario: 'high', variant: 'probabilistic' });
    const band = answer.results[0]!.bands!.total;
    const rows = csvObjects((await downloadText(page, () => page.click('[data-csv="proj-total"]'))).text);
    expect(rows).toHaveLength(21);
    rows.forEach((r, i) => {
      const [value, lo, hi, lo2, hi2] = ['数值（人）', '95%下限（人）', '95%上限（人）', '80%下限（人）', '80%上限（人）'].map((k) => Number(r[k]));
      // whole persons, as the screen shows them
      expect(value).toBe(Math.round(band.p50[i]!));
      expect(lo).toBe(Math.round(band.p025[i]!));
      expect(hi).toBe(Math.round(band.p975[i]!));
      expect(lo! <= lo2! && lo2! <= value! && value! <= hi2! && hi2! <= hi!).toBe(true);
    });
    // the band widens with the years
    expect(band.p975[20]! - band.p025[20]!).toBeGreaterThan(band.p975[1]! - band.p025[1]!);
    // custom: a TFR of 1.4
    await page.selectOption('#scenario', 'custom');
    await ready(page, 'projections');
    await page.fill('#tfr', '1.4');
    await page.press('#tfr', 'Enter');
    await ready(page, 'projections');
    expect(new URL(page.url()).searchParams.get('tfr')).toBe('1.4');
    expect(await page.locator('#tfr').inputValue()).toBe('1.4');
    expect(await page.locator('#projection-assumptions [data-key="tfrFinal"]').innerText()).toBe('1.40');
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('projects a township from its own base', async () => {
    const t = townships[5]!;
    const page = await open(browser.context, demo.url, `page=projections&scope=${t.code}&horizon=10`);
    expect(await page.locator('.page-title').innerText()).toContain(t.name);
    await expect.poll(() => page.locator('#proj-total').getAttribute('data-rows')).toBe('11');
    const a = await get<AssumptionsSummary>(`/api/projections/assumptions?scope=${t.code}`);
    const base = sum(a.basePopulation.male) + sum(a.basePopulation.female);
    expect(await page.locator('#projection-base-total').innerText()).toBe(int(base));
    // the first year is the township's base (raked to the county's margins: within a person)
    const first = Number(await page.locator('#projection-status').getAttribute('data-base-total'));
    expect(Math.abs(first - base)).toBeLessThan(1);
    const answer = await project({ scope: t.code, baseYear: lastYear, horizon: 10, scenario: 'medium', variant: 'deterministic' });
    expect(first).toBe(answer.results[0]!.series.total[0]);
    expect(answer.results[0]!.name).toBe(t.name);
    await page.close();
  });

  it('reads the planning table\'s years as a planner types them, and names those it cannot project', async () => {
    const page = await open(browser.context, demo.url, 'page=projections&horizon=10');
    await page.fill('#table-years', '２０３０，2040、 2060');
    await page.locator('#table-years').dispatchEvent('change');
    await expect.poll(() => new URL(page.url()).searchParams.get('tableYears')).toBe('2030,2040,2060');
    await expect.poll(() => page.locator('#table-years').inputValue()).toBe('2030,2040');
    expect(await page.locator('#planning-years-outside').innerText()).toBe(`年份 2060 不在 ${lastYear}–${lastYear + 30} 年之内，未列入。`);
    // the county's table is filed under its own name (清河县人口发展规划…), not 全县
    const { county } = await get<{ county: { name: string } }>('/api/meta');
    expect((await get<{ name: string }>('/api/projections/table?scope=all&format=json')).name).toBe(county.name);
    await page.close();
  });

  it('puts the page\'s custom scenario into the planning table, with the same assumptions', async () => {
    const year = lastYear + 5;
    const page = await open(browser.context, demo.url, `page=projections&scenario=custom&tfr=1.4&tableScenarios=medium,custom&tableYears=${year}`);
    await expect.poll(() => page.locator('#planning-table').getAttribute('data-rows'), { timeout: 60_000 }).not.toBeNull();
    // the total's cell under the column of `scenario` in `year` (the row's cells line up with the header's)
    const cell = async (scenario: string) => Number((await page.locator('#planning-table-grid tr[data-group="total"] td').nth(
      await page.locator('#planning-table-grid thead th').evaluateAll((ths, [y, sc]) => ths.findIndex((th) => (th as HTMLElement).dataset.year === y && (th as HTMLElement).dataset.scenario === sc), [String(year), scenario] as const),
    ).innerText()).replaceAll(',', ''));
    const custom = await project({ scope: 'all', baseYear: lastYear, horizon: 10, scenario: 'custom', custom: { tfr: 1.4 } });
    expect(await cell('custom')).toBe(Math.round(custom.results[0]!.series.total[5]!));
    expect(await cell('custom')).not.toBe(await cell('medium'));
    // a custom value out of range is refused, naming it
    const bad = await fetch(`${demo.url}/api/projections/table?scenarios=custom&tfr=10`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/^tfr: /);
    await page.close();
  });

  it('reads in English: the county by its name, ASCII punctuation', async () => {
    const page = await open(browser.context, demo.url, 'page=projections&horizon=10&lang=en');
    await expect.poll(() => page.locator('#proj-total').getAttribute('data-rows')).toBe('11');
    const { county } = await get<{ county: { name: string } }>('/api/meta');
    const medium = await project({ scope: 'all', baseYear: lastYear, horizon: 10, scenario: 'medium', variant: 'deterministic' });
    const [base, final] = [medium.results[0]!.series.total[0]!, medium.results[0]!.series.total[10]!];
    const change = (100 * (final - base)) / base;
    const sign = change >= 0 ? '+' : '−';
    expect(await page.locator('#projection-status').innerText()).toBe(
      `${county.name} · Resident population at the end of the base year (${lastYear}): ${int(base)} persons → ${lastYear + 10}: ${int(final)} persons (${sign}${Math.abs(change).toFixed(1)}%)`);
    await expect.poll(() => page.locator('#backtest-mape').count()).toBe(1);
    const backtest = await page.locator('#backtest p').innerText();
    expect(backtest).toMatch(/totals: \d+\.\d\d%/);
    expect(backtest).not.toMatch(/[：（）]/);
    await page.close();
  });
});
