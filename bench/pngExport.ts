/**
 * PNG export timing (not a test): renders the flagship report's charts once, then converts them
 * all to PNG as `renkou report --format png` does (every chart, in parallel), several times, and
 * prints the median, min and max wall time and the first run (which loads the CJK font).
 *
 *   npx tsx bench/pngExport.ts [--db data/renkou.duckdb] [--runs 5]
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_ANALYTICS } from '../server/config.ts';
import { Database } from '../server/db/Database.ts';
import { svgToPng } from '../server/notebooks/png.ts';
import { PNG_SCALE } from '../server/notebooks/docx.ts';
import { loadNotebook } from '../server/notebooks/library.ts';
import { renderNotebook } from '../server/notebooks/run.ts';
import { DEFAULT_DB_PATH } from '../server/paths.ts';
import { demoCounty } from '../test/fixtures/demoCounty.ts';
import { median } from './stats.ts';

const { values } = parseArgs({ options: { db: { type: 'string' }, runs: { type: 'string', default: '5' } } });
const dbPath = values.db ?? (existsSync(DEFAULT_DB_PATH) ? DEFAULT_DB_PATH : (await demoCounty()).dbPath);
const db = await Database.open(dbPath);
try {
  const report = await renderNotebook(loadNotebook('situation-analysis'), {}, { db, config: DEFAULT_ANALYTICS });
  const textItems = report.charts.reduce((n, c) => n + (c.svg.match(/<text/g)?.length ?? 0), 0);
  const once = async () => {
    const t = performance.now();
    const pngs = await Promise.all(report.charts.map((c) => svgToPng(c.svg, PNG_SCALE)));
    return { ms: performance.now() - t, bytes: pngs.reduce((n, p) => n + p.length, 0) };
  };
  const first = await once();
  const runs: number[] = [];
  for (let i = 0; i < Number(values.runs); i++) runs.push((await once()).ms);
  const round = (ms: number) => Math.round(ms);
  console.log(JSON.stringify({
    charts: report.charts.length, textItems, pngBytes: first.bytes, firstMs: round(first.ms),
    medianMs: round(median(runs)), minMs: round(Math.min(...runs)), maxMs: round(Math.max(...runs)),
    perChartMs: round(median(runs) / report.charts.length),
  }));
} finally {
  db.close();
}
