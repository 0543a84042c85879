/**
 * @module notebooks/export
 * Writes a rendered report to a folder: the standalone HTML page, every chart as SVG and PNG
 * named after its figure (`charts/图1_出生人口（2015–2024）.png`: white background, title in the
 * image, 16:9 or 4:3, 192 dpi), every table as CSV (`tables/表1_….csv`, UTF-8 with BOM), the Word
 * document (`<title>.docx`), `report.json` (parameters, slot values with their API sources,
 * errors, timings) and, where Chromium is present, a PDF. `only: 'docx'` writes the Word file alone.
 *
 * @example
 * const out = await exportReport({ db, config, notebook: loadNotebook('situation-analysis'), params: { year: '2024' }, outDir: 'out' });
 * out.files; // ['out/situation-analysis.html', 'out/charts/births_trend_chart.svg', …]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Principal } from '../auth/principal.ts';
import type { AnalyticsConfig } from '../config.ts';
import type { Database } from '../db/Database.ts';
import { fileSafe } from '../outputs/table.ts';
import { svgToPng } from './png.ts';
import { PNG_SCALE, reportFileName, reportToDocx } from './docx.ts';
import { standaloneHtml } from './html.ts';
import { htmlToPdf, type PdfOutcome } from './pdf.ts';
import { renderNotebook, type RenderedReport } from './run.ts';
import type { Notebook } from './types.ts';

export interface ExportOptions {
  readonly db: Database;
  readonly config: AnalyticsConfig;
  readonly notebook: Notebook;
  readonly params: Readonly<Record<string, string>>;
  readonly outDir: string;
  readonly who?: Principal;
  /** Default true: PNG copies of the charts. */
  readonly png?: boolean;
  /** Default true: a PDF where Chromium is present. */
  readonly pdf?: boolean;
  /** Default true: the Word document. */
  readonly docx?: boolean;
  /** Write this one file only (the CLI's `--format docx`). */
  readonly only?: 'docx';
}

export interface ExportResult {
  readonly report: RenderedReport;
  readonly files: string[];
  readonly pdf: PdfOutcome | null;
  readonly timings: { renderMs: number; pngMs: number; pdfMs: number; docxMs: number; totalMs: number };
}

export async function exportReport(o: ExportOptions): Promise<ExportResult> {
  const started = performance.now();
  const report = await renderNotebook(o.notebook, o.params, { db: o.db, config: o.config, who: o.who });
  const rendered = performance.now();
  const files: string[] = [];
  const write = async (rel: string, content: string | Buffer) => {
    const file = path.join(o.outDir, rel);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
    files.push(file);
  };
  if (o.only === 'docx') {
    await write(fileSafe(reportFileName(report, 'docx')), await reportToDocx(report));
    const done = performance.now();
    return { report, files, pdf: null, timings: { renderMs: rendered - started, pngMs: 0, pdfMs: 0, docxMs: done - rendered, totalMs: done - started } };
  }
  const html = standaloneHtml(report);
  await write(`${report.notebook}.html`, html);
  for (const chart of report.charts) await write(`charts/${fileSafe(chart.title)}.svg`, chart.svg);
  for (const table of report.tables) await write(`tables/${fileSafe(table.title || table.name)}.csv`, table.csv);
  if (o.png ?? true) {
    const pngs = await Promise.all(report.charts.map((chart) => svgToPng(chart.svg, PNG_SCALE)));
    for (const [i, png] of pngs.entries()) await write(`charts/${fileSafe(report.charts[i]!.title)}.png`, png);
  }
  const pngDone = performance.now();
  if (o.docx ?? true) await write(fileSafe(reportFileName(report, 'docx')), await reportToDocx(report));
  const docxDone = performance.now();
  let pdf: PdfOutcome | null = null;
  if (o.pdf ?? true) {
    pdf = await htmlToPdf(html, path.join(o.outDir, `${report.notebook}.pdf`), report.title);
    if (pdf.ok) files.push(pdf.path);
  }
  const done = performance.now();
  const timings = { renderMs: rendered - started, pngMs: pngDone - rendered, docxMs: docxDone - pngDone, pdfMs: done - docxDone, totalMs: done - started };
  await write('report.json', `${JSON.stringify({
    notebook: report.notebook, title: report.title, params: report.params,
    charts: report.charts.map((c) => ({ name: c.name, title: c.title, line: c.line, file: `charts/${fileSafe(c.title)}.png` })),
    tables: report.tables.map((t) => ({ name: t.name, title: t.title, line: t.line, file: `tables/${fileSafe(t.title || t.name)}.csv` })),
    slots: report.slots, errors: report.errors, timings: { ...report.timings, ...timings },
  }, null, 2)}\n`);
  return { report, files, pdf, timings };
}
