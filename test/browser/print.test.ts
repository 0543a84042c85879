/**
 * Printing on A4: the 性别比 and 报告 pages printed to PDF by Chromium (the print stylesheet, as a
 * planner's 打印 button does). In print layout at the A4 printable width every chart's SVG lies
 * inside the page, and the PDF shows it: the SRB trend's last year label is on the first page
 * within the sheet, each sheet carries the title, print date and data source, and the report's
 * first sheet holds the report's opening section rather than standing almost empty.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.ts';
import { launch, open, ready, type Browser } from './browser.ts';
import { startDemoServer, type DemoServer } from './demoServer.ts';

const dir = tempDir('print');
let demo: DemoServer;
let browser: Browser;
let lastYear: number;

beforeAll(async () => {
  demo = await startDemoServer();
  browser = await launch();
  lastYear = ((await (await fetch(`${demo.url}/api/meta`)).json()) as { years: { to: number } }).years.to;
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

/** A4 less the print stylesheet's 12 mm side margins, in CSS pixels. */
const PRINT_WIDTH = Math.floor(((210 - 24) / 25.4) * 96);

/** Every chart SVG's box in print layout at the printable width, against the page's width. */
async function chartBoxes(page: Page): Promise<{ left: number; right: number; width: number; page: number }[]> {
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: PRINT_WIDTH, height: 1000 });
  await page.waitForTimeout(300);
  // the charts printed: a chart drawn for the screen only (its print copy beside it) has no box in print
  return page.evaluate(() => [...document.querySelectorAll('#page svg.marks, #page figure.nb-chart svg')].filter((svg) => svg.getClientRects().length > 0).map((svg) => {
    const r = svg.getBoundingClientRect();
    return { left: r.left, right: r.right, width: r.width, page: document.documentElement.clientWidth };
  }));
}

/** Text of each PDF page, and the word boxes of page 1 (pdftotext -bbox). */
function pdfText(file: string): { pages: string[]; width: number; words: { text: string; xMax: number }[] } {
  const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
  const bbox = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
  const width = Number(/<page width="([\d.]+)"/.exec(bbox)![1]);
  const words = [...bbox.matchAll(/<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({ text: m[2]!, xMax: Number(m[1]) }));
  return { pages, width, words };
}

async function printToPdf(page: Page, name: string): Promise<string> {
  const file = path.join(dir, `${name}.pdf`);
  await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true, printBackground: true });
  return file;
}

describe('printing on A4', () => {
  it('keeps every 性别比 chart inside the page, with title, date and source on each sheet', async () => {
    const page = await open(browser.context, demo.url, 'page=srb');
    const boxes = await chartBoxes(page);
    expect(boxes.length).toBeGreaterThanOrEqual(2);
    // the SRB series, 1,180 px on screen, prints from its copy drawn for the page (no shrinking to 3 pt labels)
    expect(Number(await page.locator('#srb-series .chart.print-only svg.marks').getAttribute('width'))).toBeLessThanOrEqual(720);
    for (const b of boxes) {
      expect(b.width).toBeGreaterThan(100);
      expect(b.left).toBeGreaterThanOrEqual(-0.5);
      expect(b.right).toBeLessThanOrEqual(b.page + 0.5);
    }
    const pdf = pdfText(await printToPdf(page, 'srb'));
    // the trend's x axis runs to the last year, and that label is on the sheet
    const last = pdf.words.filter((w) => w.text === String(lastYear));
    expect(last.length).toBeGreaterThan(0);
    for (const w of last) expect(w.xMax).toBeLessThanOrEqual(pdf.width);
    for (let y = lastYear - 9; y <= lastYear; y++) expect(pdf.words.some((w) => w.text === String(y)), String(y)).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    for (const [i, text] of pdf.pages.entries()) {
      expect(text, `sheet ${i + 1}`).toContain('出生人口性别比');
      expect(text, `sheet ${i + 1}`).toContain(`打印日期：${today}`);
      expect(text, `sheet ${i + 1}`).toContain('数据来源');
    }
    await page.close();
  });

  it('prints the 报告 page from its first sheet, every chart inside the page', async () => {
    const page = await open(browser.context, demo.url, 'page=reports');
    await page.locator('#report-body[data-state="ready"]').waitFor();
    const boxes = await chartBoxes(page);
    expect(boxes).toHaveLength(15);
    for (const b of boxes) {
      expect(b.left).toBeGreaterThanOrEqual(-0.5);
      expect(b.right).toBeLessThanOrEqual(b.page + 0.5);
    }
    const pdf = pdfText(await printToPdf(page, 'report'));
    expect(pdf.pages[0]).toContain('一、总体情况');
    expect(pdf.pages[0]).toContain('二、出生人口');
    for (const text of pdf.pages) expect(text).toContain('数据来源');
    // the save buttons are for the screen only
    expect(pdf.pages.join('\n')).not.toContain('保存PNG');
    await page.close();
  });

  it('repeats the 考核 scorecard\'s column headings on every sheet', async () => {
    const page = await open(browser.context, demo.url, 'page=assessment');
    await ready(page, 'assessment');
    const pdf = pdfText(await printToPdf(page, 'assessment'));
    expect(pdf.pages.length).toBeGreaterThan(1);
    // each sheet of the scorecard's rows has its header row naming the columns (Chromium left the
    // sort buttons out of the header it repeats, so sheets 2–5 had a blank band)
    const scorecard = pdf.pages.filter((text) => /得分\s*\d/.test(text));
    expect(scorecard.length).toBeGreaterThan(1);
    for (const [i, text] of scorecard.entries()) expect(text, `sheet ${i + 1}`).toMatch(/总分/);
    await page.close();
  });
});
