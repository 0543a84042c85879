/**
 * @module workers/pool
 * Worker threads for the heavy jobs (workers/jobs.ts): projections, their assumptions and
 * backtests, and report renders run here, one job per worker at a time, so that the thread that
 * answers every request — health, logins, the dashboard's small queries — is never held up by
 * them. The queue is bounded: when every worker is busy and `queue` jobs already wait, a new job
 * is refused at once with a 503 and Retry-After, rather than piling up. A worker that dies fails
 * its job with a 500 and is replaced.
 *
 * Workers: `RENKOU_WORKERS` (default: the cores less one, at least 1); queue: `RENKOU_WORKER_QUEUE`
 * (8); each worker's DuckDB memory limit: `RENKOU_WORKER_DUCKDB_MEMORY` (512MB).
 *
 * @example
 * const pool = new WorkerPool({ dbPath: 'data/renkou.duckdb' });
 * const answer = await pool.run({ kind: 'projection', req, baseYear: 2024, area: null });
 * await pool.close();
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { domainErrorFrom, Unavailable } from '../errors/domain.ts';
import type { Job, JobResult, JobRunner } from './jobs.ts';
import type { JobMessage, ReplyMessage } from './worker.ts';

export interface PoolOptions {
  readonly dbPath: string;
  readonly size?: number;
  readonly queue?: number;
  readonly memoryLimit?: string;
  readonly log?: (message: string) => void;
}

interface Pending { readonly id: number; readonly job: Job; resolve(v: unknown): void; reject(e: unknown): void }
interface Slot { worker: Worker; current: Pending | null }

const BOOT = new URL('./boot.mjs', import.meta.url);
const MODULE = new URL('./worker.ts', import.meta.url).href;

function envNumber(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export class WorkerPool implements JobRunner {
  private readonly slots: Slot[] = [];
  private readonly waiting: Pending[] = [];
  private readonly queue: number;
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: PoolOptions) {
    const size = options.size ?? envNumber('RENKOU_WORKERS', Math.max(1, os.availableParallelism() - 1));
    this.queue = options.queue ?? envNumber('RENKOU_WORKER_QUEUE', 8);
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(BOOT, {
      workerData: { module: MODULE, dbPath: this.options.dbPath, memoryLimit: this.options.memoryLimit ?? process.env.RENKOU_WORKER_DUCKDB_MEMORY ?? '512MB' },
    });
    const slot: Slot = { worker, current: null };
    worker.on('message', (reply: ReplyMessage) => this.settle(slot, reply));
    worker.on('error', (e) => this.lost(slot, e));
    worker.on('exit', (code) => {
      if (!this.closed) this.lost(slot, new Error(`worker exited with code ${code}`));
    });
    return slot;
  }

  run<J extends Job>(job: J): Promise<JobResult<J>> {
    if (this.closed) return Promise.reject(new Unavailable('shutting_down', 'the server is shutting down; try again in a moment'));
    return new Promise<JobResult<J>>((resolve, reject) => {
      const pending: Pending = { id: this.nextId++, job, resolve: resolve as (v: unknown) => void, reject };
      const idle = this.slots.find((s) => s.current === null);
      if (idle) this.dispatch(idle, pending);
      else if (this.waiting.length < this.queue) this.waiting.push(pending);
      else {
        reject(new Unavailable('busy',
          `the server is busy with other projections and reports (${this.slots.length} running, ${this.waiting.length} waiting); try again in a few seconds`,
          { retryAfterSeconds: 5 }));
      }
    });
  }

  /** Jobs running and waiting (for tests and the bench). */
  get load(): { running: number; waiting: number } {
    return { running: this.slots.filter((s) => s.current !== null).length, waiting: this.waiting.length };
  }

  private dispatch(slot: Slot, pending: Pending): void {
    slot.current = pending;
    slot.worker.postMessage({ id: pending.id, job: pending.job } satisfies JobMessage);
  }

  private settle(slot: Slot, reply: ReplyMessage): void {
    const pending = slot.current;
    if (!pending || pending.id !== reply.id) return;
    slot.current = null;
    if (reply.ok) pending.resolve(reply.result);
    else if (reply.refusal) pending.reject(domainErrorFrom(reply.refusal));
    else pending.reject(new Error(`a ${pending.job.kind} job failed in its worker: ${reply.message}`));
    this.next(slot);
  }

  private next(slot: Slot): void {
    const queued = this.waiting.shift();
    if (queued) this.dispatch(slot, queued);
  }

  private lost(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.options.log?.(`a worker thread stopped (${error.message}); starting another`);
    slot.current?.reject(new Error(`the worker running a ${slot.current.job.kind} job stopped: ${error.message}`));
    slot.current = null;
    void slot.worker.terminate();
    const fresh = this.spawn();
    this.slots[index] = fresh;
    this.next(fresh);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.waiting.splice(0)) p.reject(new Unavailable('shutting_down', 'the server is shutting down; try again in a moment'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
