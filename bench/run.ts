/**
 * `npm run bench`: generation and import of the demo county and of a province-scale set
 * (1,500 townships, 2000–2024), then every dashboard endpoint's cold and warm latency against a
 * `renkou serve` process on the province set, the server's peak memory, and the heaviest questions
 * asked of the raw Parquet in the same run. Prints Markdown for BENCHMARKS.md and writes
 * bench/results/latest.json.
 *
 * Also the import of the demo county and the province set written as office files (GB18030 CSV,
 * XLSX: bench/office.ts) beside their Parquet import.
 *
 * Flags: --regenerate (make the province exports again), --reuse (keep existing databases: server
 * figures only), --repeats N (warm calls per endpoint, 30), --load-seconds N (60), --only health
 * (another user's /api/health under wrong secrets and probabilistic projections, bench/health.ts,
 * on the province set when it exists, else the demo county), --imports-only (generation and
 * imports, Parquet and office files, nothing else), --demo-only (with --imports-only: the demo
 * county alone), --province-xlsx (also the province as XLSX: hours, see BENCHMARKS.md), --spark-only
 * (the DuckDB and Spark imports of the demo county, 100 and 400 townships and the province, with
 * records per core-second and the cores of a national import: bench/spark.ts), --spark-sets a,b (only
 * these of demo, spark-100, spark-400, province), --no-spark (skip those).
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DATA_DIR, REPO_ROOT } from '../server/paths.ts';
import { benchEndpoints, endpointCases, type EndpointResult } from './api.ts';
import { runCli, startServe } from './children.ts';
import { benchRaw } from './raw.ts';
import { benchOfficeImport, officeTable, type OfficeImportRun } from './office.ts';
import { benchEngineInChild } from './engine.ts';
import { benchHealthUnderLoad, type HealthUnderLoad } from './health.ts';
import { dashboardMix, loadTest, type LoadResult } from './load.ts';
import { benchOverview, type OverviewBench } from './overview.ts';
import { benchProjection } from './projection.ts';
import { benchReport, benchReportRoute, type ReportRouteBench } from './report.ts';
import { benchSrbRanking } from './srbRanking.ts';
import { benchSparkImport, sparkLines, type SparkImportRun } from './spark.ts';
import { sparkEnv } from '../server/spark/env.ts';
import { currentRssMiB, peakRssMiB } from './stats.ts';

const { values } = parseArgs({ options: {
  regenerate: { type: 'boolean' }, reuse: { type: 'boolean' }, repeats: { type: 'string' }, 'load-seconds': { type: 'string' }, only: { type: 'string' },
  'imports-only': { type: 'boolean' }, 'province-xlsx': { type: 'boolean' }, 'demo-only': { type: 'boolean' },
  'spark-only': { type: 'boolean' }, 'no-spark': { type: 'boolean' }, 'spark-sets': { type: 'string' },
} });
const loadSeconds = Number(values['load-seconds'] ?? 60);
const repeats = Number(values.repeats ?? 30);
const log = (m: string) => console.error(m);
const BENCH_DIR = path.join(DATA_DIR, 'bench');
const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));

interface DataSetRun { name: string; generateSeconds: number | null; generatePeakMiB: number | null; rowCounts: Record<string, number>; ingestSeconds: number; ingestPeakMiB: number | null; dbMiB: number }

async function prepare(name: string, generateArgs: string[], regenerate: boolean): Promise<DataSetRun> {
  const exports = path.join(BENCH_DIR, name);
  const db = path.join(BENCH_DIR, `${name}.duckdb`);
  let generated: Awaited<ReturnType<typeof runCli>> | null = null;
  if (regenerate || !existsSync(path.join(exports, 'manifest.json'))) {
    log(`generating ${name} …`);
    generated = await runCli(['generate', '--out', exports, ...generateArgs], log);
  }
  const manifest = JSON.parse(readFileSync(path.join(exports, 'manifest.json'), 'utf8')) as { rowCounts: Record<string, number> };
  // --reuse: keep an existing database (to re-measure the server alone); its import is not timed.
  const reused = values.reuse && existsSync(db);
  log(reused ? `reusing ${db}` : `importing ${name} …`);
  const ingested = reused ? { seconds: NaN, peakRssMiB: null } : await runCli(['ingest', exports, '--db', db, '--keep', '0'], log);
  return {
    name, generateSeconds: generated?.seconds ?? null, generatePeakMiB: generated?.peakRssMiB ?? null, rowCounts: manifest.rowCounts,
    ingestSeconds: ingested.seconds, ingestPeakMiB: ingested.peakRssMiB, dbMiB: statSync(db).size / 2 ** 20,
  };
}

function healthLines(health: readonly HealthUnderLoad[]): string[] {
  const out = ['| another user\'s /api/health while | probe answers (status: count) | p50 ms | p99 ms | max ms | target p99 | load requests (status: count) |', '|---|---|---|---|---|---|---|'];
  const list = (statuses: Record<string, number>) => Object.entries(statuses).map(([k, v]) => `${k}: ${v}`).join(', ');
  for (const h of health) {
    out.push(`| ${h.scenario}, ${h.seconds} s | ${list(h.probeStatuses)} | ${fmt(h.p50Ms)} | ${fmt(h.p99Ms)} | ${fmt(h.maxMs)} | ≤ ${h.targetP99Ms} ms ${h.p99Ms <= h.targetP99Ms ? 'met' : 'not met'} | ${h.loadRequests} (${list(h.loadStatuses)}) |`);
  }
  return out;
}

async function healthOnly(): Promise<void> {
  mkdirSync(BENCH_DIR, { recursive: true });
  const province = path.join(BENCH_DIR, 'province.duckdb');
  const dbPath = existsSync(province) ? province : path.join(BENCH_DIR, 'demo.duckdb');
  if (!existsSync(dbPath)) await prepare('demo', ['--seed', '1'], false);
  log(`health under load on ${dbPath} …`);
  const health = await benchHealthUnderLoad(dbPath, path.join(BENCH_DIR, 'health'), 18_081);
  console.log([`Run ${new Date().toISOString()} on ${path.basename(dbPath)}.`, '', ...healthLines(health)].join('\n'));
}

const SPARK_SETS: Record<string, string[]> = {
  demo: ['--seed', '1'],
  'spark-100': ['--seed', '1', '--townships', '100'],
  'spark-400': ['--seed', '1', '--townships', '400'],
  province: ['--seed', '1', '--townships', '1500'],
};

/** The data sets `--spark-sets a,b` names (all four by default), checked before anything runs. */
function sparkSetNames(): string[] {
  const names = values['spark-sets']?.split(',').map((n) => n.trim()) ?? Object.keys(SPARK_SETS);
  const unknown = names.filter((n) => !(n in SPARK_SETS));
  if (unknown.length > 0) throw new Error(`--spark-sets: unknown ${unknown.join(', ')} (known: ${Object.keys(SPARK_SETS).join(', ')})`);
  return names;
}

/** DuckDB and Spark imports of the same exports at three sizes and the demo county (bench/spark.ts). */
async function sparkBench(prepared: readonly DataSetRun[]): Promise<{ runs: SparkImportRun[]; lines: string[] }> {
  const sets: DataSetRun[] = [];
  for (const name of sparkSetNames()) {
    sets.push(prepared.find((d) => d.name === name) ?? await prepare(name, SPARK_SETS[name]!, name === 'province' && (values.regenerate ?? false)));
  }
  const runs: SparkImportRun[] = [];
  for (const d of sets) runs.push(await benchSparkImport(BENCH_DIR, d.name, log));
  return { runs, lines: sparkLines(runs, Object.fromEntries(sets.map((d) => [d.name, d.ingestSeconds]))) };
}

async function sparkOnly(): Promise<void> {
  mkdirSync(BENCH_DIR, { recursive: true });
  const spark = await sparkBench([]);
  mkdirSync(path.join(REPO_ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(path.join(REPO_ROOT, 'bench', 'results', 'spark.json'), JSON.stringify({ when: new Date().toISOString(), runs: spark.runs }, null, 2));
  console.log(spark.lines.join('\n'));
}

async function main(): Promise<void> {
  if (values.only === 'health') return healthOnly();
  // The Spark part runs last: find a missing engine (spark/setup.sh not run) now, not after the other figures.
  if (!values['no-spark'] && values.only === undefined && !(values['imports-only'] ?? false)) {
    sparkEnv();
    sparkSetNames();
  }
  if (values['spark-only']) return sparkOnly();
  mkdirSync(BENCH_DIR, { recursive: true });
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  const demo = await prepare('demo', ['--seed', '1'], !values.reuse);
  const office: OfficeImportRun[] = [];
  if (!values.reuse) {
    office.push(await benchOfficeImport(BENCH_DIR, 'demo', 'gb18030', true, 3, log));
    office.push(await benchOfficeImport(BENCH_DIR, 'demo', 'xlsx', true, 3, log));
  }
  const demoOnly = values['imports-only'] && values['demo-only'];
  const province = demoOnly ? null : await prepare('province', ['--seed', '1', '--townships', '1500'], values.regenerate ?? false);
  if (province && !values.reuse) {
    const regenerate = values.regenerate ?? false;
    office.push(await benchOfficeImport(BENCH_DIR, 'province', 'gb18030', regenerate, 1, log));
    if (values['province-xlsx']) office.push(await benchOfficeImport(BENCH_DIR, 'province', 'xlsx', regenerate, 1, log));
  }
  if (office.length > 0) console.log(officeTable(office).join('\n'));
  if (values['imports-only'] || !province) {
    mkdirSync(path.join(REPO_ROOT, 'bench', 'results'), { recursive: true });
    writeFileSync(path.join(REPO_ROOT, 'bench', 'results', 'imports.json'), JSON.stringify({ when: new Date().toISOString(), machine, datasets: province ? [demo, province] : [demo], office }, null, 2));
    return;
  }

  const server = await startServe(path.join(BENCH_DIR, 'province.duckdb'), 18_080);
  let endpoints: EndpointResult[];
  let serverPeak: number | null;
  let township: string;
  let last: number;
  let load: LoadResult;
  let mix: string[] = [];
  let overview: OverviewBench;
  let reportRoute: ReportRouteBench & { serverRssMiBAfter: number | null };
  try {
    const meta = (await (await fetch(`${server.url}/api/meta`)).json()) as { townships: { code: string }[]; years: { to: number } };
    township = meta.townships[Math.floor(meta.townships.length / 2)]!.code;
    last = meta.years.to;
    log('overview page in headless Chromium (first load after start = cold) …');
    overview = await benchOverview(server.url);
    log(`endpoints: ${repeats} warm calls each, township ${township}`);
    endpoints = await benchEndpoints(server.url, endpointCases(township, last), repeats);
    serverPeak = peakRssMiB(server.child.pid!);
    const sample = [0, 1, 2, 3, 4].map((i) => meta.townships[Math.floor((i * meta.townships.length) / 5)]!.code);
    mix = dashboardMix(sample, last);
    log(`load: 50 connections × ${loadSeconds} s over ${mix.length} dashboard calls …`);
    load = await loadTest(server.url, server.child.pid!, mix, loadSeconds);
    serverPeak = peakRssMiB(server.child.pid!);
    // After the load test, whose RSS is the dashboard's; a report's render adds its own (below).
    log('the report route (first render, then repeats and a chart from the kept render) …');
    reportRoute = { ...await benchReportRoute(server.url), serverRssMiBAfter: currentRssMiB(server.child.pid!) };
  } finally {
    await server.stop();
  }
  log('another user\'s /api/health under wrong secrets and probabilistic projections …');
  const health = await benchHealthUnderLoad(path.join(BENCH_DIR, 'province.duckdb'), path.join(BENCH_DIR, 'health'), 18_081);
  log('raw Parquet comparisons …');
  const raw = await benchRaw(path.join(BENCH_DIR, 'province'), township, last, 3);

  log('projection engine alone …');
  const engine = benchEngineInChild();
  log('projections on the province set …');
  const projection = await benchProjection(path.join(BENCH_DIR, 'province.duckdb'));
  log('SRB ranking without its answer cache …');
  const srbRanking = await benchSrbRanking(path.join(BENCH_DIR, 'province.duckdb'), last - 4, last);
  log('reports …');
  const report = { demo: await benchReport(path.join(BENCH_DIR, 'demo.duckdb'), 5), province: await benchReport(path.join(BENCH_DIR, 'province.duckdb'), 3) };

  const spark = values['no-spark'] ? null : await sparkBench([demo, province]);

  const results = { spark: spark?.runs ?? null, engine, load, health, overview, projection, srbRanking, report, reportRoute, when: new Date().toISOString(), machine, repeats, datasets: [demo, province], office, endpoints, serverPeakMiB: serverPeak, raw };
  mkdirSync(path.join(REPO_ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(path.join(REPO_ROOT, 'bench', 'results', 'latest.json'), JSON.stringify(results, null, 2));

  const out: string[] = [`Run ${results.when} on ${machine}.`, ''];
  out.push('| data set | rows (all tables) | generate s | import s | import peak MiB | database MiB |', '|---|---|---|---|---|---|');
  for (const d of [demo, province]) {
    const rows = Object.values(d.rowCounts).reduce((a, b) => a + b, 0);
    out.push(`| ${d.name} | ${rows.toLocaleString('en')} | ${d.generateSeconds?.toFixed(1) ?? 'reused'} | ${d.ingestSeconds.toFixed(1)} | ${d.ingestPeakMiB?.toFixed(0) ?? '?'} | ${d.dbMiB.toFixed(0)} |`);
  }
  out.push('', `Row counts (province): ${JSON.stringify(province.rowCounts)}`, '');
  if (office.length > 0) out.push(...officeTable(office), '');
  // Warm: the answer to its last byte (the target), a browser's revalidation, and fetch + JSON.parse (bench/api.ts).
  out.push(`| endpoint | query | rows | bytes sent | cold ms | warm median ms | warm p95 ms | 304 median / p95 ms | parsed median / p95 ms |`, '|---|---|---|---|---|---|---|---|---|');
  for (const e of endpoints) out.push(`| ${e.name} | \`${e.path.replace(/^\/api\/[a-z_/]+\??/, '')}\` | ${e.rows} | ${e.bytes.toLocaleString('en')} | ${fmt(e.coldMs)} | ${fmt(e.medianMs)} | ${fmt(e.p95Ms)} | ${fmt(e.revalidated.medianMs)} / ${fmt(e.revalidated.p95Ms)} | ${fmt(e.parsed.medianMs)} / ${fmt(e.parsed.p95Ms)} |`);
  out.push('', `Server peak RSS (after the load test): ${serverPeak?.toFixed(0) ?? '?'} MiB.`, '');
  out.push(`Load: one warm-up pass over the ${mix.length} calls (${load.warmUpMs.toFixed(0)} ms), then ${load.connections} connections × ${load.seconds} s over them: ${load.requests.toLocaleString('en')} requests, ${load.throughputRps.toFixed(0)} req/s, p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms, errors ${load.errors}, timeouts ${load.timeouts}, non-2xx ${load.non2xx}; server RSS ${load.rssBeforeMiB?.toFixed(0)} MiB before, ${load.rssAfterMiB?.toFixed(0)} MiB after.`, '');
  out.push(...healthLines(health), '');
  out.push('| raw Parquet question | query file | median ms | API warm median ms | ratio |', '|---|---|---|---|---|');
  for (const r of raw) {
    const api = endpoints.find((e) => e.id === r.comparedWith);
    out.push(`| ${r.name} | ${r.sql} | ${fmt(r.medianMs)} | ${api ? fmt(api.medianMs) : '?'} | ${api ? (r.medianMs / api.medianMs).toFixed(0) + '×' : '?'} |`);
  }
  out.push('', `Overview page fully rendered in headless Chromium (province set): cold ${overview.coldMs.toFixed(0)} ms, warm median ${overview.warmMedianMs.toFixed(0)} ms (${overview.warmRuns} reloads).`);
  out.push('', `Projections (province set): ${JSON.stringify(projection)}`);
  out.push('', `SRB ranking ${last - 4}-${last} without the answer cache (bare function): ${JSON.stringify(srbRanking)}`);
  out.push('', `Reports: ${JSON.stringify(report)}`);
  out.push('', `Report route on the province server: ${JSON.stringify(reportRoute)}`);
  if (spark) out.push('', ...spark.lines);
  out.push('', `Projection engine alone, 1,500 townships × 30 years × 2 sexes × 101 ages: ${engine.survivalGivenMs.toFixed(0)} ms with survivorship given; ${engine.withLifeTablesMs.toFixed(0)} ms building a life table per township, sex and year (medians of 5). ${'missing' in engine.numpy ? `numpy anchor: not run (${engine.numpy.missing})` : `numpy anchor (bench/engine_anchor.py, numpy ${engine.numpy.numpy}, same inputs, same run): ${engine.numpy.medianMs.toFixed(0)} ms; engine ÷ anchor ${(engine.survivalGivenMs / engine.numpy.medianMs).toFixed(2)}; same final total: ${engine.numpy.sameTotal ? 'yes' : 'NO'}`}.`);
  console.log(out.join('\n'));
}

await main();
