/**
 * @module spark/cluster
 * A throwaway Spark standalone cluster on loopback: one master and N workers started with the
 * pyspark package's own classes, each logging to a file under `dir`, stopped by `stop()`. Used
 * when `renkou ingest --engine spark` is given no `--master`, and by the tests.
 *
 * @example
 * const cluster = await startLocalCluster(sparkEnv(), '/tmp/run');
 * try { submit(cluster.masterUrl) } finally { await cluster.stop(); }
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, closeSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { IngestError } from '../ingest/IngestError.ts';
import type { SparkEnv } from './env.ts';

export interface ClusterOptions {
  readonly workers?: number;
  readonly coresPerWorker?: number;
  /** Memory a worker offers its executors, e.g. '1g'. */
  readonly workerMemory?: string;
}

export interface LocalCluster {
  readonly masterUrl: string;
  readonly workers: number;
  /** Kills worker `i` and its executors at once (SIGKILL to its process group): a machine lost mid-job. */
  killWorker(i: number): void;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 180_000;

export async function startLocalCluster(env: SparkEnv, dir: string, options: ClusterOptions = {}): Promise<LocalCluster> {
  mkdirSync(dir, { recursive: true });
  const started: ChildProcess[] = [];
  // Detached process groups outlive Node: if Node exits without stop(), they go with it.
  const onExit = () => started.forEach((c) => killGroup(c, 'SIGKILL'));
  process.once('exit', onExit);
  const stop = async () => {
    await Promise.all(started.map(terminate));
    process.removeListener('exit', onExit);
  };
  try {
    const port = await freePort();
    const master = launch(env, dir, 'master', ['org.apache.spark.deploy.master.Master',
      '--host', '127.0.0.1', '--port', String(port), '--webui-port', String(await freePort())]);
    started.push(master.child);
    await waitForLine(master, /I have been elected leader|New state: ALIVE/);
    const masterUrl = `spark://127.0.0.1:${port}`;
    const workers: Launched[] = [];
    for (let i = 0; i < (options.workers ?? 2); i++) {
      const worker = launch(env, dir, `worker-${i + 1}`, ['org.apache.spark.deploy.worker.Worker',
        '--host', '127.0.0.1', '--cores', String(options.coresPerWorker ?? 1), '--memory', options.workerMemory ?? '1g',
        '--work-dir', path.join(dir, `worker-${i + 1}-work`), '--webui-port', String(await freePort()), masterUrl]);
      started.push(worker.child);
      workers.push(worker);
    }
    await Promise.all(workers.map((w) => waitForLine(w, /Successfully registered with master/)));
    const killWorker = (i: number) => {
      const worker = workers[i];
      if (worker) killGroup(worker.child, 'SIGKILL');
    };
    return { masterUrl, workers: workers.length, killWorker, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

interface Launched { readonly child: ChildProcess; readonly log: string; readonly name: string }

function launch(env: SparkEnv, dir: string, name: string, args: string[]): Launched {
  const log = path.join(dir, `${name}.log`);
  const fd = openSync(log, 'a');
  try {
    // Its own process group, so that stopping a worker stops the executors it started too.
    const child = spawn(env.sparkClass, args, {
      env: { ...env.vars, SPARK_LOG_DIR: dir, SPARK_WORKER_DIR: path.join(dir, `${name}-work`), SPARK_NO_DAEMONIZE: '1' },
      stdio: ['ignore', fd, fd], detached: true,
    });
    return { child, log, name };
  } finally {
    closeSync(fd);
  }
}

async function waitForLine(launched: Launched, ready: RegExp): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const text = readFileSync(launched.log, 'utf8');
    if (ready.test(text)) return;
    if (launched.child.exitCode !== null || launched.child.signalCode !== null) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const tail = readFileSync(launched.log, 'utf8').trim().split('\n').slice(-5).join('\n');
  throw new IngestError('spark_failed', `Spark ${launched.name} did not start (see ${launched.log}):\n${tail}`);
}

/** SIGTERM to the process group, then SIGKILL if the JVM has not exited within 15 s. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, signal);
  } catch { /* already gone */ }
}

async function terminate(child: ChildProcess): Promise<void> {
  const signal = (s: NodeJS.Signals) => killGroup(child, s);
  if (child.exitCode !== null || child.signalCode !== null) {
    signal('SIGKILL'); // executors a killed worker left behind
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
