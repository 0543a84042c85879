/**
 * The Spark engine in `npm run bench`: imports through `renkou ingest --engine spark` on the
 * loopback cluster (two workers of one core each), beside the DuckDB import of the same exports in
 * the same run, and the scaling measurement docs/scale.md uses: records per core-second at three
 * sizes, and from the largest the cores a national import needs to finish within one hour.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from './children.ts';

/** Cores of the loopback cluster `ingest --engine spark` starts (server/spark/cluster.ts defaults). */
export const LOOPBACK_CORES = 2;

/**
 * Records of a national import (docs/scale.md): births and deaths 10 M a year and marriages 7 M a
 * year over 25 years, 376 M migrants, and population rows for 40,000 townships × 2 sexes × 101
 * ages × 25 years.
 */
export const NATIONAL_RECORDS = 250e6 + 250e6 + 175e6 + 376e6 + 40_000 * 2 * 101 * 25;

export interface SparkImportRun {
  readonly name: string;
  readonly records: number;
  /** The whole command: cluster start, job, serving database, swap. */
  readonly wallSeconds: number;
  /** The Spark job alone (spark-submit to exit). */
  readonly jobSeconds: number;
  readonly recordsPerCoreSecond: number;
}

export async function benchSparkImport(benchDir: string, name: string, log: (m: string) => void): Promise<SparkImportRun> {
  const exports = path.join(benchDir, name);
  const manifest = JSON.parse(readFileSync(path.join(exports, 'manifest.json'), 'utf8')) as { rowCounts: Record<string, number> };
  const records = Object.values(manifest.rowCounts).reduce((a, b) => a + b, 0);
  let jobSeconds = NaN;
  log(`importing ${name} through Spark on the loopback cluster …`);
  const run = await runCli(['ingest', exports, '--db', path.join(benchDir, `${name}.spark.duckdb`), '--keep', '0', '--engine', 'spark'], (line) => {
    const job = /Spark job ([\d.]+) s/.exec(line);
    if (job) jobSeconds = Number(job[1]);
    log(line);
  });
  return { name, records, wallSeconds: run.seconds, jobSeconds, recordsPerCoreSecond: records / (jobSeconds * LOOPBACK_CORES) };
}

/** Cores for a national import in one hour at the throughput of the largest run. */
export function nationalCores(runs: readonly SparkImportRun[]): { rate: number; cores: number } {
  const largest = [...runs].sort((a, b) => b.records - a.records)[0];
  const rate = largest?.recordsPerCoreSecond ?? NaN;
  return { rate, cores: Math.ceil(NATIONAL_RECORDS / (rate * 3600)) };
}

export function sparkLines(runs: readonly SparkImportRun[], duckdbSeconds: Record<string, number>): string[] {
  const out = ['| data set | records | DuckDB import s | Spark import s (wall) | Spark job s | records per core-second (2 cores) |', '|---|---|---|---|---|---|'];
  for (const r of runs) {
    out.push(`| ${r.name} | ${r.records.toLocaleString('en')} | ${duckdbSeconds[r.name]?.toFixed(1) ?? '–'} | ${r.wallSeconds.toFixed(1)} | ${r.jobSeconds.toFixed(1)} | ${r.recordsPerCoreSecond.toFixed(0)} |`);
  }
  const { rate, cores } = nationalCores(runs);
  out.push('', `National import: ${NATIONAL_RECORDS.toLocaleString('en')} records / (${rate.toFixed(0)} records per core-second × 3,600 s) = ${cores} cores for one hour (before headroom for skew and retries).`);
  return out;
}
