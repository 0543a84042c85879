/**
 * @module notebooks/pdf
 * A standalone report page printed to PDF by Debian's Chromium through playwright-core: A4, the
 * page's own print stylesheet (`preferCSSPageSize`), backgrounds, and a footer with the page
 * number. Without Chromium the caller gets `{ ok: false, reason }` to print, not an exception.
 *
 * @example
 * const r = await htmlToPdf(standaloneHtml(report), 'out/report.pdf');
 * if (!r.ok) console.error(r.reason);
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.RENKOU_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'];

export type PdfOutcome = { ok: true; path: string; bytes: number } | { ok: false; reason: string };

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export async function htmlToPdf(html: string, outPath: string, footerTitle = ''): Promise<PdfOutcome> {
  if (!chromiumAvailable()) return { ok: false, reason: `PDF skipped: Chromium not found at ${CHROMIUM_PATH} (Debian: apt-get install chromium, or set RENKOU_CHROMIUM)` };
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS, headless: true });
  try {
    const page = await browser.newPage();
    // The page is self-contained (inline SVG, inline CSS): nothing may be fetched.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const pdf = await page.pdf({
      format: 'A4',
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="width:100%;font-size:8pt;color:#666;font-family:'Noto Sans CJK SC',sans-serif;padding:0 17mm;display:flex;justify-content:space-between"><span>${escapeHtml(footerTitle)}</span><span>第 <span class="pageNumber"></span> 页 / 共 <span class="totalPages"></span> 页</span></div>`,
    });
    await writeFile(outPath, pdf);
    return { ok: true, path: outPath, bytes: pdf.length };
  } finally {
    await browser.close();
  }
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
