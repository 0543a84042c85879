/**
 * @module notebooks/export
 * Writes a rendered report to a folder: the standalone HTML page, every chart as SVG and PNG
 * (`charts/`), every table as CSV (`tables/`, UTF-8 with BOM), `report.json` (parameters, slot
 * values with their API sources, errors, timings) and, where Chromium is present, a PDF.
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
import { svgToPng } from './charts.ts';
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
}

export interface ExportResult {
  readonly report: RenderedReport;
  readonly files: string[];
  readonly pdf: PdfOutcome | null;
  readonly timings: { renderMs: number; pngMs: number; pdfMs: number; totalMs: number };
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
  const html = standaloneHtml(report);
  await write(`${report.notebook}.html`, html);
  for (const chart of report.charts) await write(`charts/${chart.name}.svg`, chart.svg);
  for (const table of report.tables) await write(`tables/${table.name}.csv`, table.csv);
  if (o.png ?? true) {
    const pngs = await Promise.all(report.charts.map((chart) => svgToPng(chart.svg)));
    for (const [i, png] of pngs.entries()) await write(`charts/${report.charts[i]!.name}.png`, png);
  }
  const pngDone = performance.now();
  let pdf: PdfOutcome | null = null;
  if (o.pdf ?? true) {
    pdf = await htmlToPdf(html, path.join(o.outDir, `${report.notebook}.pdf`), report.title);
    if (pdf.ok) files.push(pdf.path);
  }
  const done = performance.now();
  const timings = { renderMs: rendered - started, pngMs: pngDone - rendered, pdfMs: done - pngDone, totalMs: done - started };
  await write('report.json', `${JSON.stringify({
    notebook: report.notebook, title: report.title, params: report.params,
    charts: report.charts.map((c) => ({ name: c.name, title: c.title, line: c.line })),
    tables: report.tables.map((t) => ({ name: t.name, title: t.title, line: t.line })),
    slots: report.slots, errors: report.errors, timings: { ...report.timings, ...timings },
  }, null, 2)}\n`);
  return { report, files, pdf, timings };
}
