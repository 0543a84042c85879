// Starts a worker thread of workers/pool.ts: registers tsx (worker threads do not inherit the
// parent's TypeScript loader), then loads the TypeScript worker module named in workerData.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
