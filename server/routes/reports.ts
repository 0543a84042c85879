/**
 * @module routes/reports
 * `GET /api/reports` lists the report notebooks with their parameters (name, label, type,
 * default, allowed values). `GET /api/reports/:name?<param>=…&format=html|fragment|json` renders
 * one: `html` (default) a standalone page with inline SVG charts and a print stylesheet,
 * `fragment` the `<article>` for embedding in the web app, `json` the fragment with the charts
 * (SVG), tables (CSV), slot values, errors and timings; `docx` the Word document.
 * `GET /api/reports/:name/charts/:chart?format=png|svg&<param>=…` one chart as a file. Parameters are checked against the
 * notebook's front matter and the data: a bad one is a 400 naming it. A render is kept for its
 * epoch (db/lru.ts); every request is audited all the same.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import { z } from 'zod';
import { NO_AUDIT, type AuditLog } from '../http/audit.ts';
import { principal, type AppEnv } from '../auth/principal.ts';
import type { AnalyticsConfig } from '../config.ts';
import { ApiError } from '../http/errors.ts';
import { fragmentHtml, standaloneHtml } from '../notebooks/html.ts';
import { NOTEBOOK_DIR, listNotebooks, loadNotebook } from '../notebooks/library.ts';
import { describeParams } from '../notebooks/params.ts';
import { configData, type JobRunner, type ReportAnswer } from '../workers/jobs.ts';
import type { Database } from '../db/Database.ts';
import type { Principal } from '../auth/principal.ts';
import { publish } from '../answer/pipeline.ts';
import { epochOf, scopeKey } from '../answer/cacheMiddleware.ts';
import { Lru } from '../db/lru.ts';
import { svgToPng } from '../notebooks/png.ts';
import { PNG_SCALE, reportFileName, reportToDocx } from '../notebooks/docx.ts';
import { download } from '../outputs/download.ts';

const FORMATS = ['html', 'fragment', 'json', 'docx'] as const;
const CHART_FORMATS = z.enum(['png', 'svg']).default('png');
const formatSchema = z.enum(FORMATS).default('html');

/** `jobs`: where reports render (worker threads in a server: workers/pool.ts). */
export function reportRoutes(db: Database, jobs: JobRunner, config: AnalyticsConfig, audit: AuditLog = NO_AUDIT, notebookDir = NOTEBOOK_DIR) {
  // Every figure of a report was published block by block (notebooks/apiSources.ts, the SQL sandbox).
  const renderNow = async (name: string, params: Record<string, string>, who: Principal): Promise<ReportAnswer> =>
    (await publish({ db, config, who }, { kind: 'plain', body: await jobs.run({ kind: 'report', notebookDir, name, params, who, config: configData(config) }) })).body;
  // A render depends only on the answers' epoch (data, target edits, 考核 scheme), the notebook
  // file as it is now, the parameters and who asks: kept for those, the report's Word file and its
  // charts saved one by one come from one render (a province's is a few MB of SVG: four are kept).
  const rendered = new Lru<ReportAnswer>(4);
  const render = async (name: string, params: Record<string, string>, who: Principal): Promise<ReportAnswer> => {
    const file = statSync(path.join(notebookDir, `${name}.md`));
    const key = JSON.stringify([await epochOf(db, config), name, file.mtimeMs, file.size,
      Object.entries(params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)), scopeKey(who, config)]);
    return rendered.get(db, key, () => renderNow(name, params, who));
  };

  return new Hono<AppEnv>()
    .get('/', (c) => c.json({
      reports: listNotebooks(notebookDir).map((nb) => ({
        name: nb.name, title: nb.title, description: nb.description, description_en: nb.descriptionEn, audience: nb.audience,
        params: describeParams(nb), formats: FORMATS,
      })),
    }))

    .get('/:name', async (c) => {
      const notebook = loadNotebook(c.req.param('name'), notebookDir);
      const { format: rawFormat, ...raw } = c.req.query();
      const format = formatSchema.safeParse(rawFormat);
      if (!format.success) throw new ApiError(400, 'bad_parameter', `format: must be one of ${FORMATS.join(', ')}`, { parameter: 'format' });
      const who = principal(c);
      const report = await render(notebook.name, raw, who);
      audit.record('report', who.name, { notebook: notebook.name, params: report.params, format: format.data });
      if (format.data === 'docx') return download(c, await reportToDocx(report), reportFileName(report, 'docx'), 'docx');
      if (format.data === 'fragment') return c.html(fragmentHtml(report));
      if (format.data === 'html') return c.html(standaloneHtml(report));
      return c.json({
        notebook: report.notebook, title: report.title, params: report.params,
        html: fragmentHtml(report),
        charts: report.charts.map((ch) => ({ name: ch.name, title: ch.title, line: ch.line, svg: ch.svg })),
        tables: report.tables.map((t) => ({ name: t.name, title: t.title, line: t.line, csv: t.csv })),
        slots: report.slots, errors: report.errors, timings: report.timings,
      });
    })

  /** One chart of a report as a file to save or paste: PNG (white, 192 dpi) or SVG, named after its figure. */
    .get('/:name/charts/:chart', async (c) => {
      const notebook = loadNotebook(c.req.param('name'), notebookDir);
      const { format: rawFormat, ...raw } = c.req.query();
      const format = CHART_FORMATS.safeParse(rawFormat);
      if (!format.success) throw new ApiError(400, 'bad_parameter', 'format: must be png or svg', { parameter: 'format' });
      const who = principal(c);
      const report = await render(notebook.name, raw, who);
      const chart = report.charts.find((x) => x.name === c.req.param('chart'));
      if (!chart) throw new ApiError(404, 'not_found', `chart: report ${notebook.name} has no chart "${c.req.param('chart')}" (${report.charts.map((x) => x.name).join(', ')})`, { parameter: 'chart' });
      audit.record('export', who.name, { notebook: notebook.name, chart: chart.name, format: format.data });
      if (format.data === 'svg') return download(c, chart.svg, `${chart.title}.svg`, 'svg');
      return download(c, await svgToPng(chart.svg, PNG_SCALE), `${chart.title}.png`, 'png');
    });
}
