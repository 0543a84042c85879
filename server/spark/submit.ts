/**
 * @module spark/submit
 * Runs spark/job.py with `spark-submit` against a master, passing the job plan. The job's
 * "renkou-progress" lines are handed to `onProgress` as they come; Spark's own log goes to a
 * file. A job that fails throws an IngestError naming the contract rule or the Spark error.
 *
 * Settings are the ones measured to suit a small cluster (docs/scale.md): adaptive execution
 * merging small shuffle partitions (the demo county is not split into 200 tiny tasks per stage)
 * and small input splits (each cached partition fits a small executor).
 *
 * @example
 * await submitJob(sparkEnv(), { master: 'spark://127.0.0.1:7077', plan: 'plan.json', log: 'job.log', onProgress: console.log });
 */
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import readline from 'node:readline';
import { IngestError, type IngestErrorCode } from '../ingest/IngestError.ts';
import type { SparkEnv } from './env.ts';

export interface SubmitOptions {
  readonly master: string;
  readonly plan: string;
  readonly log: string;
  /** Spark's scratch folder (shuffle files, spilled caches). */
  readonly localDir: string;
  readonly onProgress: (message: string) => void;
  /** Extra `--conf key=value` settings; they win over the defaults below. */
  readonly conf?: Record<string, string>;
}

export const DEFAULT_CONF: Record<string, string> = {
  'spark.ui.enabled': 'false',
  // Adaptive execution merges small shuffle partitions, so the demo county still runs few tasks.
  'spark.sql.shuffle.partitions': '64',
  'spark.sql.adaptive.enabled': 'true',
  // Small input splits and small merged shuffle partitions keep each cached partition small: with
  // the defaults (128 MB splits, 64 MB partitions) a 400-township migrants table made cached blocks
  // an executor of 768 MB could not read back (heap OOM).
  'spark.sql.files.maxPartitionBytes': '16m',
  'spark.sql.adaptive.advisoryPartitionSizeInBytes': '16m',
  'spark.sql.session.timeZone': 'UTC',
  // DuckDB's to_json keeps null fields; the quarantine's records read the same from either engine.
  'spark.sql.jsonGenerator.ignoreNullFields': 'false',
  'spark.executor.memory': '768m',
  'spark.driver.memory': '1g',
  // A lost worker's tasks run again elsewhere; give a busy machine room before a task is given up.
  'spark.task.maxFailures': '8',
};

const CODES: readonly IngestErrorCode[] = ['column_missing', 'file_empty', 'table_missing', 'file_unreadable'];

export async function submitJob(env: SparkEnv, options: SubmitOptions): Promise<void> {
  const conf = { ...DEFAULT_CONF, 'spark.local.dir': options.localDir, ...options.conf };
  const args = ['--master', options.master, '--name', 'renkou-ingest',
    ...Object.entries(conf).flatMap(([k, v]) => ['--conf', `${k}=${v}`]), env.job, options.plan];
  const log = createWriteStream(options.log);
  const child = spawn(env.submit, args, { env: env.vars, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr.pipe(log);
  let contractError: { code: IngestErrorCode; message: string } | null = null;
  const lines = readline.createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    if (line.startsWith('renkou-progress ')) options.onProgress(line.slice('renkou-progress '.length));
    else if (line.startsWith('renkou-error ')) {
      const [code = '', ...rest] = line.slice('renkou-error '.length).split(' ');
      contractError = { code: (CODES as readonly string[]).includes(code) ? code as IngestErrorCode : 'spark_failed', message: rest.join(' ') };
    } else log.write(`${line}\n`);
  });
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  });
  await new Promise<void>((resolve) => log.end(resolve));
  if (exitCode === 0) return;
  const found = contractError as { code: IngestErrorCode; message: string } | null;
  if (found) throw new IngestError(found.code, found.message);
  throw new IngestError('spark_failed', `Spark 作业失败 — the Spark job failed (exit ${exitCode}): ${lastError(options.log)} (log: ${options.log})`);
}

/** The most telling line of Spark's log: the last Python or Spark exception. */
function lastError(log: string): string {
  const lines = readFileSync(log, 'utf8').split('\n');
  const error = lines.filter((l) => /(Error|Exception)[:\]]/.test(l) && !/^\s+at /.test(l)).at(-1);
  return (error ?? lines.filter((l) => l.trim()).at(-1) ?? '').trim().slice(0, 500);
}
