/**
 * Report rendering benchmark: renders the flagship notebook (situation-analysis: every data
 * block, the narrative and every chart as SVG) against a database, several times, and prints the
 * median, min and max wall time and the data/render split as JSON. The first run is reported
 * separately (cold: catalog memo, DuckDB caches).
 *
 *   npx tsx bench/report.ts [--db data/renkou.duckdb] [--runs 5] [--notebook situation-analysis] [--param k=v …]
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_ANALYTICS } from '../server/config.ts';
import { Database } from '../server/db/Database.ts';
import { loadNotebook } from '../server/notebooks/library.ts';
import { renderNotebook } from '../server/notebooks/run.ts';
import { DEFAULT_DB_PATH } from '../server/paths.ts';
import { median } from './stats.ts';

export interface ReportBench {
  notebook: string;
  runs: number;
  coldMs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  medianDataMs: number;
  medianRenderMs: number;
  /** Filling the sql blocks' sandbox: cold, then the median warm. */
  coldSandboxMs: number;
  medianSandboxMs: number;
  /** The five slowest data blocks of the cold render and of the last warm one (they overlap). */
  slowestCold: Record<string, number>;
  slowestWarm: Record<string, number>;
  charts: number;
  tables: number;
  slots: number;
  errors: number;
}

export async function benchReport(dbPath: string, runs = 5, notebookName = 'situation-analysis', params: Record<string, string> = {}): Promise<ReportBench> {
  const db = await Database.open(dbPath);
  try {
    const notebook = loadNotebook(notebookName);
    const cold = await renderNotebook(notebook, params, { db, config: DEFAULT_ANALYTICS });
    const totals: number[] = [];
    const data: number[] = [];
    const render: number[] = [];
    const sandbox: number[] = [];
    let last = cold;
    for (let i = 0; i < runs; i++) {
      last = await renderNotebook(notebook, params, { db, config: DEFAULT_ANALYTICS });
      totals.push(last.timings.totalMs);
      data.push(last.timings.dataMs);
      render.push(last.timings.renderMs);
      sandbox.push(last.timings.sandboxMs);
    }
    const round = (ms: number) => Math.round(ms * 10) / 10;
    const slowest = (blocks: Readonly<Record<string, number>>) =>
      Object.fromEntries(Object.entries(blocks).sort((a, b) => b[1] - a[1]).slice(0, 5).map(([k, v]) => [k, round(v)]));
    return {
      notebook: notebookName, runs, coldMs: round(cold.timings.totalMs),
      medianMs: round(median(totals)), minMs: round(Math.min(...totals)), maxMs: round(Math.max(...totals)),
      medianDataMs: round(median(data)), medianRenderMs: round(median(render)),
      coldSandboxMs: round(cold.timings.sandboxMs), medianSandboxMs: round(median(sandbox)),
      slowestCold: slowest(cold.timings.blockMs), slowestWarm: slowest(last.timings.blockMs),
      charts: last.charts.length, tables: last.tables.length, slots: last.slots.length, errors: last.errors.length,
    };
  } finally {
    db.close();
  }
}

/** The report route on a running server: the first request renders; repeats (any format, a chart) reuse that render. */
export interface ReportRouteBench { firstMs: number; repeatMedianMs: number; repeats: number; chartPngMs: number }

export async function benchReportRoute(base: string, notebook = 'situation-analysis', repeats = 5): Promise<ReportRouteBench> {
  const get = async (p: string) => {
    const started = performance.now();
    const res = await fetch(`${base}${p}`);
    if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    return performance.now() - started;
  };
  const firstMs = await get(`/api/reports/${notebook}?format=json`);
  const again: number[] = [];
  for (let i = 0; i < repeats; i++) again.push(await get(`/api/reports/${notebook}?format=${i % 2 ? 'html' : 'json'}`));
  const chartPngMs = await get(`/api/reports/${notebook}/charts/towns_births_chart?format=png`);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { firstMs: round(firstMs), repeatMedianMs: round(median(again)), repeats, chartPngMs: round(chartPngMs) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { db: { type: 'string' }, runs: { type: 'string' }, notebook: { type: 'string' }, param: { type: 'string', multiple: true } } });
  const params = Object.fromEntries((values.param ?? []).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
  const result = await benchReport(values.db ?? DEFAULT_DB_PATH, Number(values.runs ?? 5), values.notebook ?? 'situation-analysis', params);
  console.log(JSON.stringify(result, null, 2));
}
