/**
 * @module cli/report
 * `renkou report <notebook> [--param k=v …] [--out <folder>] [--db <file>] [--format all|docx] [--no-pdf] [--no-png]`:
 * renders a report notebook (a name under notebooks/ or a path to a .md file) to a folder: a
 * standalone HTML page, every chart as SVG and PNG (图N), every table as CSV, a Word document and,
 * where Chromium is present, a PDF; `--format docx` writes the Word document alone. Errors inside the notebook are shown in place and listed here; the exit code
 * is 1 when any block failed.
 *
 * @example
 * npm run renkou -- report situation-analysis --param year=2024 --out reports/2024
 */
import { existsSync } from 'node:fs';
import { analyticsConfigFromEnv } from '../config.ts';
import { Database } from '../db/Database.ts';
import { isDomainError } from '../errors/domain.ts';
import { exportReport } from '../notebooks/export.ts';
import { listNotebooks, loadNotebook, loadNotebookFile } from '../notebooks/library.ts';
import { parseCommandArgs, UsageError, type Command } from './command.ts';
import { dbPathFrom } from './config.ts';

function paramsFrom(list: readonly string[]): Record<string, string> {
  const params: Record<string, string> = {};
  for (const kv of list) {
    const at = kv.indexOf('=');
    if (at <= 0) throw new UsageError(`--param takes name=value, not "${kv}"`);
    params[kv.slice(0, at)] = kv.slice(at + 1);
  }
  return params;
}

export const command: Command = {
  name: 'report',
  summary: 'render a report notebook (notebooks/*.md) to HTML, SVG/PNG charts, CSV tables and, where Chromium is present, PDF',
  usage: 'renkou report <notebook> [--param name=value …] [--out <folder>] [--db <file>] [--format all|docx] [--no-pdf] [--no-png]',
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      param: { type: 'string', multiple: true }, out: { type: 'string' }, db: { type: 'string' },
      'no-pdf': { type: 'boolean' }, 'no-png': { type: 'boolean' }, format: { type: 'string' },
    }, true);
    const format = values.format ?? 'all';
    if (format !== 'all' && format !== 'docx') throw new UsageError(`--format is all (HTML, charts, tables, Word, PDF) or docx (the Word document alone), not "${format}"`);
    if (positionals.length !== 1) {
      const names = listNotebooks().map((n) => `  ${n.name}  ${n.params.map((p) => `${p.name}=${p.default ?? '(required)'}`).join(' ')}`);
      throw new UsageError(`give one notebook; available:\n${names.join('\n')}`);
    }
    const dbPath = dbPathFrom(values.db);
    if (!existsSync(dbPath)) throw new UsageError(`no database at ${dbPath}: run "renkou ingest <folder>" first (or "npm start" for the demo)`);
    const params = paramsFrom(values.param ?? []);
    let notebook;
    try {
      const given = positionals[0]!;
      notebook = given.endsWith('.md') && existsSync(given) ? loadNotebookFile(given) : loadNotebook(given);
    } catch (e) {
      if (isDomainError(e)) throw new UsageError(e.message);
      throw e;
    }
    const outDir = values.out ?? `reports/${notebook.name}`;
    const db = await Database.open(dbPath);
    try {
      const result = await exportReport({
        db, config: analyticsConfigFromEnv(), notebook, params, outDir, pdf: !values['no-pdf'], png: !values['no-png'],
        ...(format === 'docx' ? { only: 'docx' as const } : {}),
      });
      const t = result.timings;
      console.log(`report: ${result.report.title}`);
      console.log(`  ${result.report.charts.length} charts, ${result.report.tables.length} tables, ${result.report.slots.length} figures quoted; rendered in ${(t.renderMs / 1000).toFixed(2)} s` +
        `, PNG ${(t.pngMs / 1000).toFixed(2)} s, Word ${(t.docxMs / 1000).toFixed(2)} s${result.pdf?.ok ? `, PDF ${(t.pdfMs / 1000).toFixed(2)} s` : ''}`);
      for (const f of result.files) console.log(`  wrote ${f}`);
      if (result.pdf && !result.pdf.ok) console.error(`  ${result.pdf.reason}`);
      for (const e of result.report.errors) console.error(`  error in ${e.block.kind} block "${e.block.name}" (line ${e.line}): ${e.message}`);
      return result.report.errors.length ? 1 : 0;
    } catch (e) {
      if (isDomainError(e)) {
        console.error(`report: ${e.message}`);
        return 2;
      }
      throw e;
    } finally {
      db.close();
    }
  },
};
