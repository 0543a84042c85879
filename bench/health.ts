/**
 * Another user's `/api/health` while the server is under the two loads of issue 11: 32 clients
 * sending wrong secrets for a real user id (scrypt, rate limits), and 4 clients running
 * probabilistic projections (5,000 draws, a new seed each time: no cache hit). A `renkou serve`
 * child with access control on (a users file of its own); the probe sends a valid token of another
 * user every 20 ms and its latencies give p50 / p99 / max. Targets: p99 ≤ 50 ms and ≤ 100 ms.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { UserStore } from '../server/auth/users.ts';
import { startServe } from './children.ts';
import { quantile } from './stats.ts';

export interface HealthUnderLoad {
  scenario: string;
  clients: number;
  seconds: number;
  samples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  targetP99Ms: number;
  loadRequests: number;
  loadStatuses: Record<string, number>;
  /** The probe's answers by status (its latencies are of the 200s). */
  probeStatuses: Record<string, number>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Probes `url` with a token every 20 ms until `stop()` says so; latencies in ms of 200 answers, and every status. */
async function probe(url: string, token: string, stop: () => boolean): Promise<{ samples: number[]; statuses: Record<string, number> }> {
  const samples: number[] = [];
  const statuses: Record<string, number> = {};
  while (!stop()) {
    const t = performance.now();
    const res = await fetch(`${url}/api/health`, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    if (res.status === 200) samples.push(performance.now() - t);
    await sleep(20);
  }
  return { samples, statuses };
}

async function scenario(
  name: string, url: string, token: string, clients: number, seconds: number, targetP99Ms: number,
  request: (client: number, i: number) => Promise<Response>,
): Promise<HealthUnderLoad> {
  const statuses: Record<string, number> = {};
  let requests = 0;
  const end = Date.now() + seconds * 1000;
  const stop = () => Date.now() >= end;
  const loads = Array.from({ length: clients }, async (_, client) => {
    for (let i = 0; !stop(); i++) {
      const res = await request(client, i).catch(() => null);
      const key = res ? String(res.status) : 'error';
      statuses[key] = (statuses[key] ?? 0) + 1;
      requests++;
      await res?.arrayBuffer();
    }
  });
  await sleep(500); // let the load start before measuring
  const { samples, statuses: probeStatuses } = await probe(url, token, stop);
  await Promise.all(loads);
  return {
    scenario: name, clients, seconds, samples: samples.length, targetP99Ms,
    p50Ms: quantile(samples, 0.5), p99Ms: quantile(samples, 0.99), maxMs: Math.max(...samples),
    loadRequests: requests, loadStatuses: statuses, probeStatuses,
  };
}

export async function benchHealthUnderLoad(dbPath: string, workDir: string, port: number, seconds = 30): Promise<HealthUnderLoad[]> {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const users = new UserStore(path.join(workDir, 'users.json'));
  const victim = users.add({ name: 'bench-victim', role: 'analyst' });
  const other = users.add({ name: 'bench-other', role: 'analyst' });
  const server = await startServe(dbPath, port, { RENKOU_USERS: users.file, RENKOU_AUDIT_LOG: path.join(workDir, 'audit.log') });
  try {
    // The other user is signed in before the attack starts (its token verified and remembered), as
    // a colleague at work would be: a client over its failure limit is refused new verifications
    // (429), which would otherwise be all the probe and the projection clients measured.
    const signedIn = await fetch(`${server.url}/api/meta`, { headers: { authorization: `Bearer ${other.token}` } });
    if (signedIn.status !== 200) throw new Error(`bench user refused: ${signedIn.status}`);
    await signedIn.arrayBuffer();
    const id = victim.user.id;
    const wrong = await scenario('32 clients sending wrong secrets', server.url, other.token, 32, seconds, 50,
      () => fetch(`${server.url}/api/meta`, { headers: { authorization: `Bearer rk_${id}_${randomBytes(32).toString('base64url')}` } }));
    let seed = 1;
    const projections = await scenario('4 clients running probabilistic projections (5,000 draws, new seeds)', server.url, other.token, 4, seconds, 100,
      () => fetch(`${server.url}/api/projections`, {
        method: 'POST', headers: { authorization: `Bearer ${other.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ scope: 'all', horizon: 30, variant: 'probabilistic', draws: 5000, seed: seed++ }),
      }));
    return [wrong, projections];
  } finally {
    await server.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}
