/**
 * Issue 11, item 10: projections and report renders run on worker threads with a bounded queue.
 * While four probabilistic projections (5,000 draws, new seeds) run, health still answers at once;
 * a full queue answers 503 with Retry-After; a report rendered by a worker is the one rendered
 * in-process; an account of more townships than the queue holds gets its suppressed answers (one
 * suppression pattern job at a time), the same as computed in-process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../server/workers/pool.ts';
import { configData, inlineJobs } from '../../server/workers/jobs.ts';
import { DEFAULT_ANALYTICS } from '../../server/config.ts';
import { LOCAL_ADMIN } from '../../server/auth/principal.ts';
import { NOTEBOOK_DIR } from '../../server/notebooks/library.ts';
import { tempDir } from '../helpers.ts';
import { OWN, securedCounty, type SecuredCounty } from './securedCounty.ts';
import { TOWNS } from '../fixtures/randomCounty.ts';

describe('heavy work runs on worker threads', () => {
  const dir = tempDir('workers');
  let county: SecuredCounty;
  let pool: WorkerPool;

  beforeAll(async () => {
    county = await securedCounty(dir);
    pool = new WorkerPool({ dbPath: county.dbPath, size: 1, queue: 2 });
    county.remake({ jobs: pool });
  });
  afterAll(async () => {
    await pool.close();
    county.db.close();
  });

  const probabilistic = (seed: number) => county.as(county.tokens.analyst, '/api/projections', {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scope: 'all', horizon: 30, variant: 'probabilistic', draws: 5000, seed }),
  });

  it('health answers while probabilistic projections run; beyond the queue a projection is refused with 503', async () => {
    let projectionsDone = 0;
    const running = [1, 2, 3].map((seed) => probabilistic(seed).then((r) => { projectionsDone++; return r; }));
    for (let i = 0; i < 500 && pool.load.running + pool.load.waiting < 3; i++) await new Promise((r) => setTimeout(r, 20));
    const health = await county.as(null, '/api/health');
    expect(health.status).toBe(200);
    expect(projectionsDone).toBe(0);
    expect(pool.load).toEqual({ running: 1, waiting: 2 });
    const refused = await probabilistic(4);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('busy');
    const answers = await Promise.all(running);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    const bands = await Promise.all(answers.map(async (r) => ((await r.json()) as { results: { bands: { total: { p50: number[] } } }[] }).results[0]!.bands.total.p50[30]));
    expect(new Set(bands).size).toBe(3); // three seeds, three sets of draws
  });

  it('a report rendered by a worker is the report rendered in-process; errors keep their status', async () => {
    const job = { kind: 'report' as const, notebookDir: NOTEBOOK_DIR, name: 'township-profile', params: { township: OWN, year: '2024' }, who: LOCAL_ADMIN, config: configData(DEFAULT_ANALYTICS) };
    const [viaWorker, inline] = await Promise.all([pool.run(job), inlineJobs(county.db).run(job)]);
    expect(viaWorker.bodyHtml).toBe(inline.bodyHtml);
    expect(viaWorker.slots).toEqual(inline.slots);
    const res = await county.as(county.tokens.township, '/api/reports/situation-analysis?format=json');
    expect(res.status).toBe(403);
  });

  it('an account of more townships than the queue holds is answered under suppression, one pattern job at a time', async () => {
    const small = new WorkerPool({ dbPath: county.dbPath, size: 1, queue: 1 });
    let mostAtOnce = 0;
    const counting = {
      run: (async (job) => {
        const p = small.run(job);
        mostAtOnce = Math.max(mostAtOnce, small.load.running + small.load.waiting);
        return p;
      }) as WorkerPool['run'],
      close: () => small.close(),
    };
    const token = county.users.add({ name: 'zhou', role: 'township', townships: [...TOWNS] }).token;
    const url = '/api/srb/ranking?from=2023&to=2024';
    try {
      county.remake({ jobs: counting });
      const viaWorker = await county.as(token, url);
      expect(viaWorker.status).toBe(200);
      expect(mostAtOnce).toBe(1);
      county.remake({});
      const inline = await county.as(token, url);
      const body = await viaWorker.json() as { townships: { township: string }[] };
      expect(body).toEqual(await inline.json());
      expect(body.townships.map((t) => t.township).sort()).toEqual([...TOWNS].sort());
    } finally {
      await small.close();
      county.remake({ jobs: pool });
    }
  });
});
