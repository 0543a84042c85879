/**
 * Reports page 报告: lists the report notebooks of `GET /api/reports`, renders the situation
 * analysis of the demo county from the fragment (its Chinese title, inline SVG charts), links
 * the standalone page for printing, and renders the township profile of a chosen township.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, open, pageErrors, ready, type Browser } from './browser.ts';
import { startDemoServer, type DemoServer } from './demoServer.ts';

let demo: DemoServer;
let browser: Browser;
let meta: { county: { name: string }; townships: { code: string; name: string }[]; years: { to: number } };
const get = async <T>(p: string): Promise<T> => (await fetch(`${demo.url}${p}`)).json() as Promise<T>;

beforeAll(async () => {
  demo = await startDemoServer();
  browser = await launch();
  meta = await get('/api/meta');
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe('reports 报告', () => {
  it('lists both notebooks and renders the situation analysis of the county with its charts', async () => {
    const page = await open(browser.context, demo.url, 'page=reports');
    expect(await page.locator('#nav a[data-nav="reports"]').innerText()).toBe('报告');
    const listed = await page.locator('#report-list li').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.report));
    const api = await get<{ reports: { name: string }[] }>('/api/reports');
    expect(listed).toEqual(api.reports.map((r) => r.name));
    expect(listed).toEqual(expect.arrayContaining(['situation-analysis', 'township-profile']));
    expect(await page.locator('#report-list').innerText()).toContain('人口形势分析');
    // the English list describes each report in English (the reports themselves are Chinese)
    const english = await open(browser.context, demo.url, 'page=reports&lang=en');
    await ready(english, 'reports');
    expect(await english.locator('#report-list li[data-report="situation-analysis"] .note').innerText()).toMatch(/^Annual population situation analysis: .* The report is in Chinese\.$/);
    expect(await english.locator('#report-list').innerText()).not.toMatch(/出生、生育/);
    await english.close();
    // a title's blanks read as a form's (××), not as the words around removed slots (年1至月…)
    expect(await page.locator('#report-list li[data-report="half-year"] .report-title').innerText()).toBe('××年1至×月人口形势与目标完成进度');
    // the county's annual situation analysis, rendered from the fragment
    expect(await page.locator('#report-body').getAttribute('data-state')).toBe('ready');
    const title = await page.locator('#report-body article h1').first().innerText();
    expect(title).toContain(meta.county.name);
    expect(title).toContain(`${meta.years.to}年人口形势分析`);
    expect(await page.locator('#report-body article svg').count()).toBeGreaterThanOrEqual(10);
    // the standalone page, for printing or saving as PDF
    const href = await page.locator('#report-standalone').getAttribute('href');
    expect(href).toContain('/api/reports/situation-analysis?');
    expect(href).toContain('format=html');
    expect(await page.locator('#report-standalone').getAttribute('target')).toBe('_blank');
    const standalone = await fetch(new URL(href!, demo.url));
    expect(standalone.status).toBe(200);
    expect(standalone.headers.get('content-type')).toContain('text/html');
    expect(await standalone.text()).toContain(title.trim());
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('renders the township profile of a chosen township', async () => {
    const b = meta.townships[9]!;
    const page = await open(browser.context, demo.url, 'page=reports');
    await page.click('#report-list li[data-report="township-profile"] a');
    await ready(page, 'reports');
    expect(new URL(page.url()).searchParams.get('report')).toBe('township-profile');
    // the township picker starts at the first township
    expect(await page.locator('#report-body article h1').first().innerText()).toContain(meta.townships[0]!.name);
    await page.selectOption('#report-township', b.code);
    await ready(page, 'reports');
    expect(new URL(page.url()).searchParams.get('township')).toBe(b.code);
    expect(await page.locator('#report-body').getAttribute('data-state')).toBe('ready');
    const title = await page.locator('#report-body article h1').first().innerText();
    expect(title).toContain(b.name);
    expect(title).toContain('人口情况简报');
    expect(await page.locator('#report-body article svg').count()).toBeGreaterThan(0);
    expect(await page.locator('#report-standalone').getAttribute('href')).toContain(`township=${b.code}`);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});
