/**
 * @module workers/worker
 * A worker thread of the pool (workers/pool.ts): opens its own read-only handle on the database
 * file (which follows imports as the main one does), runs each job it is sent with `runJob` and
 * posts back the result, or the error as data (a domain error keeps its kind, code and details).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Database } from '../db/Database.ts';
import { domainErrorData, isDomainError, type DomainErrorData } from '../errors/domain.ts';
import { runJob, type Job } from './jobs.ts';
import { warmUpMap } from './mapDrawing.ts';

export interface JobMessage { readonly id: number; readonly job: Job }
export type ReplyMessage =
  | { readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly id: number; readonly ok: false; readonly refusal?: DomainErrorData; readonly message: string };

const { dbPath, memoryLimit } = workerData as { dbPath: string; memoryLimit: string };
const db = Database.open(dbPath, { memoryLimit });
void db.then(warmUpMap).catch(() => { /* a drawing that fails now fails again, reported, in its job */ });

parentPort!.on('message', (message: JobMessage) => {
  void (async () => {
    try {
      const result = await runJob(await db, message.job);
      parentPort!.postMessage({ id: message.id, ok: true, result } satisfies ReplyMessage);
    } catch (e) {
      const refusal = isDomainError(e) ? domainErrorData(e) : undefined;
      const text = e instanceof Error ? e.stack ?? e.message : String(e);
      parentPort!.postMessage({ id: message.id, ok: false, refusal, message: text } satisfies ReplyMessage);
    }
  })();
});
